import type { LabelRow, QuotedStatement, StorySummary } from '../domain/corpus.js';
import type { EntityType, LabelData, StatementData } from '../domain/findings.js';
import { ReuseIndex, type ReusePair } from '../analyze/corpus/reuse/index.js';
import { exportCompactReuseState, importCompactReuseState, type CompactReuseState } from '../analyze/corpus/reuse/state.js';
import { StoryIndex, explainStory, readStoryRows, type StoryExplanation, type StoryMemberRow } from '../analyze/corpus/stories/index.js';
import type { DateFinding, EntityFinding } from '../domain/findings.js';
import { AliasIndex } from '../analyze/corpus/aliases/index.js';
import { groupClaims } from '../analyze/corpus/claims/index.js';
import { buildTimeline } from '../analyze/corpus/timeline/index.js';
import type { Actor, ClaimGroup, QuoteGroup, TimelineEntry } from '../domain/corpus.js';
import type { CorpusItem, CorpusItemKind, Store } from '../store/store.js';
import { corpusArticle, findingsOf, refOfFinding, type CorpusArticle } from './inputs.js';

/**
 * The cross-article stages, run over the whole stored corpus after the per-article stages:
 *
 *   reuse -> stories -> aliases (actors) -> claims and quote groups -> timeline -> labels and statements
 *
 * Reuse, stories and aliases are incremental: their indexes are kept in the store (corpus_state) and a run
 * adds only the articles they have not seen. Claims, quotes, timeline, labels and statements are groupings over
 * every article's findings: one linear pass, redone when anything changed. An article whose findings or
 * publish date changed since the indexes saw it (re-analysis, inferred date) makes the run start again from
 * empty indexes, as does a new CORPUS_VERSION. The results replace the previous ones in one transaction.
 */
export const CORPUS_VERSION = 3;

export interface CorpusProgress {
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

export interface CorpusSummary {
  readonly articles: number;
  /** Articles the incremental indexes took in on this run. */
  readonly added: number;
  /** True when the indexes were rebuilt from empty (first run, changed articles, new version, `rebuild`). */
  readonly rebuilt: boolean;
  readonly counts: Readonly<Record<CorpusItemKind, number>>;
  /** Engines that failed on this run: their previous results are kept, the others are stored as usual. */
  readonly failed: readonly { readonly stage: string; readonly message: string }[];
}

interface Meta {
  readonly version: number;
  /** Article id -> fingerprint when the incremental indexes took it in. */
  readonly seen: Record<string, string>;
}

export interface StoryItem {
  readonly summary: StorySummary;
  readonly explanation: StoryExplanation | null;
}

export async function runCorpusStages(store: Store, options: { rebuild?: boolean; onProgress?: (p: CorpusProgress) => void } = {}): Promise<CorpusSummary> {
  const progress = options.onProgress ?? (() => {});
  const total = (await store.stats()).articles;

  // 1. Every article with its findings (the groupings need them all).
  const articles: CorpusArticle[] = [];
  for await (const article of store.iterateArticles()) {
    if (articles.length % 200 === 0) progress({ step: 'reading', done: articles.length, total });
    const [findings, state] = await Promise.all([store.getFindings(article.id), store.getAnalysisState(article.id)]);
    articles.push(corpusArticle(article, findings, state));
  }
  progress({ step: 'reading', done: articles.length, total });

  // 2. The incremental indexes, from their stored state unless something they saw has changed.
  const meta = (await store.getCorpusState('corpus'))?.data as Meta | undefined;
  const changed = !meta || meta.version !== CORPUS_VERSION || articles.some((a) => meta.seen[a.id] !== undefined && meta.seen[a.id] !== a.fingerprint);
  const known = new Set(articles.map((a) => a.id));
  const vanished = meta ? Object.keys(meta.seen).some((id) => !known.has(id)) : false;
  const textOf = new Map(articles.map((a) => [a.id, a.text]));
  let indexes = Boolean(options.rebuild) || changed || vanished ? null : await loadIndexes(store, (id) => textOf.get(id));
  const rebuilt = indexes === null;
  indexes ??= { reuse: new ReuseIndex(), aliases: new AliasIndex(), stories: [] };
  const { reuse, aliases } = indexes;
  const storyRows = indexes.stories;
  const seen: Record<string, string> = rebuilt ? {} : { ...meta!.seen };
  const fresh = articles.filter((a) => seen[a.id] === undefined);
  progress({ step: 'reuse', done: 0, total: fresh.length });
  fresh.forEach((a, i) => {
    reuse.add({ id: a.id, text: a.text, published: a.published });
    aliases.add({ id: a.id, outlet: a.outlet, published: a.published, text: a.text, entities: findingsOf(a, 'entity') });
    if (i % 200 === 0) progress({ step: 'reuse', done: i, total: fresh.length });
  });
  reuse.flush();
  const pairs = reuse.pairs();
  progress({ step: 'reuse', done: fresh.length, total: fresh.length });

  progress({ step: 'stories', done: 0, total: fresh.length });
  const stories = StoryIndex.fromRows(storyRows, {}, storyReuse(pairs));
  for (const a of fresh) {
    stories.add({
      id: a.id,
      title: a.title,
      text: a.text,
      published: a.published,
      language: a.language,
      entities: findingsOf(a, 'entity') as unknown as EntityFinding[],
      dates: findingsOf(a, 'date') as unknown as DateFinding[],
      quantities: findingsOf(a, 'quantity') as unknown as import('../domain/findings.js').QuantityFinding[],
    });
    seen[a.id] = a.fingerprint;
  }
  const storyList = stories.stories();
  const storyOf = (id: string) => stories.storyOf(id);
  progress({ step: 'stories', done: fresh.length, total: fresh.length });

  // 3. Actors, with the analysts' decisions applied.
  progress({ step: 'actors', done: 0, total: 1 });
  const failed: { stage: string; message: string }[] = [];
  /** Run one engine; a crash is recorded and leaves that engine's stored results as they were. */
  const guard = <T>(stage: string, f: () => T): T | null => {
    try {
      return f();
    } catch (e) {
      failed.push({ stage, message: e instanceof Error ? e.message : String(e) });
      return null;
    }
  };
  const decisions = await store.listAliasDecisions();
  const actorList = guard('aliases', () => aliases.actors(decisions));
  const actorById = new Map((actorList ?? []).map((a) => [a.id, a]));
  const actorOf = (name: string, type: EntityType | null): string | null => (actorList ? aliases.actorOf(name, type ?? 'MISC') : null);
  progress({ step: 'actors', done: 1, total: 1 });

  // 4. Groupings over every article.
  const byId = new Map(articles.map((a) => [a.id, a]));
  progress({ step: 'claims', done: 0, total: 1 });
  const grouped = guard('claims', () => groupClaims(articles, { actorOf, storyOf, actorName: (id) => actorById.get(id)?.name ?? null }));
  progress({ step: 'timeline', done: 0, total: 1 });
  const timeline = guard('timeline', () => buildTimeline(articles, { storyOf }));
  progress({ step: 'timeline', done: 1, total: 1 });
  const labels = labelItems(articles, actorOf, storyOf);
  const statements = statementItems(articles, actorOf, storyOf);
  const reuseItems: CorpusItem[] = pairs.map((p) => ({
    kind: 'reuse',
    id: reuseId(p),
    story: sameStory(storyOf, [p.a.articleId, p.b.articleId]),
    rank: -Math.max(p.words.a, p.words.b),
    refs: [p.a.articleId, p.b.articleId],
    data: p,
  }));

  const actorItems = actorList?.map((a, i) => actorItem(a, i));
  const claimItems = grouped?.claims.map((g, i) => claimItem(g, i));
  const quoteItems = grouped?.quotes.map((g, i) => quoteItem(g, i));
  const timelineItems = timeline?.map((e, i) => timelineItem(e, i));
  const conflictsByStory = countBy((grouped?.claims ?? []).filter((g) => g.conflict), (g) => g.story);
  const reuseByStory = countBy(reuseItems, (r) => r.story);
  const timelineByStory = countBy(timeline ?? [], (e) => e.story);

  const storyItems: CorpusItem[] = storyList.map((row, i) => {
    const members = row.articles.map((id) => byId.get(id)).filter((a): a is CorpusArticle => a !== undefined);
    const dated = members.filter((a) => a.published).sort((x, y) => (x.published! < y.published! ? -1 : 1));
    const explanation = explainStory(stories, row.id);
    const summary: StorySummary = {
      id: row.id,
      title: (dated[0] ?? members[0])?.title ?? null,
      articles: row.articles,
      outlets: [...new Set(members.map((a) => a.outlet))],
      language: row.language,
      first: row.first,
      last: row.last,
      terms: explanation?.terms.slice(0, 8).map((t) => t.term) ?? [],
      conflicts: conflictsByStory.get(row.id) ?? 0,
      reuse: reuseByStory.get(row.id) ?? 0,
      timeline: timelineByStory.get(row.id) ?? 0,
    };
    const item: StoryItem = { summary, explanation };
    return { kind: 'story', id: row.id, story: row.id, rank: i, refs: [...row.articles], data: item };
  });

  const counts: Record<CorpusItemKind, number> = {
    story: storyItems.length,
    reuse: reuseItems.length,
    actor: actorItems?.length ?? 0,
    claim: claimItems?.length ?? 0,
    quote: quoteItems?.length ?? 0,
    timeline: timelineItems?.length ?? 0,
    label: labels.length,
    statement: statements.length,
  };
  progress({ step: 'saving', done: 0, total: 1 });
  await store.replaceCorpus({
    items: {
      story: storyItems,
      reuse: reuseItems,
      label: labels,
      statement: statements,
      ...(actorItems && { actor: actorItems }),
      ...(claimItems && quoteItems && { claim: claimItems, quote: quoteItems }),
      ...(timelineItems && { timeline: timelineItems }),
    },
    states: [
      { name: 'reuse', version: CORPUS_VERSION, data: exportCompactReuseState(reuse) },
      ...(actorList ? [{ name: 'aliases', version: CORPUS_VERSION, data: aliases.rows() }] : []),
      { name: 'stories', version: CORPUS_VERSION, data: stories.rows() },
      // After a failed engine the next run starts from empty indexes, so no engine misses an article.
      { name: 'corpus', version: CORPUS_VERSION, data: { version: CORPUS_VERSION, seen: failed.length ? {} : seen } satisfies Meta },
    ],
  });
  progress({ step: 'saving', done: 1, total: 1 });
  return { articles: articles.length, added: fresh.length, rebuilt, counts, failed };
}

/** The incremental indexes as the last run left them; null when any cannot be read back (then they are rebuilt). */
async function loadIndexes(store: Store, textOf: (id: string) => string | undefined): Promise<{ reuse: ReuseIndex; aliases: AliasIndex; stories: StoryMemberRow[] } | null> {
  try {
    const [reuse, aliases, stories] = await Promise.all([store.getCorpusState('reuse'), store.getCorpusState('aliases'), store.getCorpusState('stories')]);
    if (!reuse || !aliases || !stories) return null;
    return {
      reuse: importCompactReuseState(reuse.data as CompactReuseState, textOf),
      aliases: AliasIndex.fromRows(aliases.data),
      stories: readStoryRows(stories.data),
    };
  } catch {
    return null;
  }
}

function countBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const t of items) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  return counts;
}

/** Articles listed in a stored actor: the actor of a 100,000-article corpus is read in a few ms, not megabytes. */
export const ACTOR_ARTICLES_KEPT = 200;

/** An actor as stored: its most-mentioning articles listed (and referred to), the count of all of them kept. */
export function actorItem(a: Actor, rank: number): CorpusItem {
  const top = [...a.articles].sort((x, y) => y.mentions - x.mentions || (x.articleId < y.articleId ? -1 : 1)).slice(0, ACTOR_ARTICLES_KEPT);
  const data: Actor = { ...a, articles: top, articleCount: a.articles.length };
  return { kind: 'actor', id: a.id, story: null, rank, refs: [...top.map((x) => x.articleId), `type:${a.type}`], data };
}

/** Conflicting groups first (rank < 0: "conflicts only" is a prefix of the list), then by size. */
function claimItem(g: ClaimGroup, i: number): CorpusItem {
  const refs = new Set<string>(g.claims.map((c) => c.source.articleId));
  if (g.ownerActor) refs.add(g.ownerActor);
  return { kind: 'claim', id: g.id, story: g.story, rank: (g.conflict ? -1e9 : 0) + i, refs: [...refs], data: g };
}

function quoteItem(g: QuoteGroup, i: number): CorpusItem {
  const refs = new Set<string>();
  for (const s of g.statements) {
    refs.add(s.source.articleId);
    if (s.speakerActor) refs.add(s.speakerActor);
  }
  return { kind: 'quote', id: g.id, story: g.story, rank: i, refs: [...refs], data: g };
}

function timelineItem(e: TimelineEntry, i: number): CorpusItem {
  return { kind: 'timeline', id: e.id, story: e.story, rank: i, refs: [...new Set(e.sources.map((s) => s.source.articleId))], data: e };
}

/** Reuse pairs as the story index weighs them: words shared per article pair. */
function storyReuse(pairs: readonly ReusePair[]): { a: string; b: string; words: number }[] {
  const words = new Map<string, { a: string; b: string; words: number }>();
  for (const p of pairs) {
    const key = `${p.a.articleId}|${p.b.articleId}`;
    const w = Math.min(p.words.a, p.words.b);
    const prev = words.get(key);
    if (prev) prev.words += w;
    else words.set(key, { a: p.a.articleId, b: p.b.articleId, words: w });
  }
  return [...words.values()];
}

export function reuseId(p: ReusePair): string {
  return `${p.a.articleId}:${p.a.span.start}-${p.a.span.end}~${p.b.articleId}:${p.b.span.start}-${p.b.span.end}`;
}

function sameStory(storyOf: (id: string) => string | null, ids: readonly string[]): string | null {
  const stories = new Set(ids.map(storyOf));
  return stories.size === 1 ? [...stories][0]! : null;
}

type ActorOf = (name: string, type: EntityType | null) => string | null;

/** The entity type of the mention at a span (labels name their target by span and name only). */
function typeAt(a: CorpusArticle, start: number, end: number): EntityType | null {
  const e = a.findings.find((f) => f.kind === 'entity' && f.span.start <= start && f.span.end >= end);
  return e ? (e.data as EntityFinding['data']).type : null;
}

function labelItems(articles: readonly CorpusArticle[], actorOf: ActorOf, storyOf: (id: string) => string | null): CorpusItem[] {
  const items: CorpusItem[] = [];
  for (const a of articles) {
    for (const f of findingsOf(a, 'label')) {
      const d = f.data as LabelData;
      const type = typeAt(a, d.target.span.start, d.target.span.end);
      const actorId = actorOf(d.target.name, type);
      const row: LabelRow = { outlet: a.outlet, actorId, actor: d.target.name, label: d.label, form: d.form, voice: d.voice, quotedSpeaker: d.quotedSpeaker, source: refOfFinding(a, f) };
      items.push({ kind: 'label', id: f.id, story: storyOf(a.id), rank: 0, refs: actorId ? [a.id, actorId] : [a.id], data: row });
    }
  }
  return items;
}

function statementItems(articles: readonly CorpusArticle[], actorOf: ActorOf, storyOf: (id: string) => string | null): CorpusItem[] {
  const items: CorpusItem[] = [];
  for (const a of articles) {
    const entities = findingsOf(a, 'entity');
    for (const f of findingsOf(a, 'statement')) {
      const d = f.data as StatementData;
      const speakerType = d.speaker?.type && d.speaker.type !== 'DOC' && d.speaker.type !== 'GROUP' ? d.speaker.type : null;
      const speakerActor = d.speaker && d.speaker.entity ? actorOf(d.speaker.name, speakerType) : null;
      const about = new Set<string>();
      for (const e of entities) {
        if (e.span.start >= d.content.span.start && e.span.end <= d.content.span.end) {
          const ed = e.data as EntityFinding['data'];
          const id = actorOf(ed.name, ed.type);
          if (id && id !== speakerActor) about.add(id);
        }
      }
      const row: QuotedStatement = { source: refOfFinding(a, f), mode: d.mode, speaker: d.speaker?.name ?? null, speakerActor, cue: d.cue?.text ?? null, content: d.content.text };
      const refs = [a.id, ...(speakerActor ? [speakerActor] : []), ...about];
      items.push({ kind: 'statement', id: f.id, story: storyOf(a.id), rank: a.published ? 0 : 1, refs, data: { ...row, about: [...about] } });
    }
  }
  return items;
}
