import { actorItem } from '../src/corpus/run.js';
import type { Actor } from '../src/domain/corpus.js';
import { createHash } from 'node:crypto';
import type { Article } from '../src/domain/article.js';
import type { AnyFinding } from '../src/domain/finding.js';
import type { StageResult } from '../src/domain/stage.js';
import type { SourceRef } from '../src/domain/corpus.js';
import type { CorpusItem, CorpusItemKind, Store } from '../src/store/store.js';
import { generateArticle, rng, toHtml, toText } from './generate.js';
import { progress } from './report.js';

/**
 * A large stored corpus for the API benchmark, written through the real Store: generated articles
 * (bench/generate.ts), synthetic but well-formed per-article findings (spans slice to their text; found by
 * patterns of the generated text, not by the real pipeline, which is far too slow for 100,000 articles in a
 * benchmark) and the cross-article items the corpus stages store, at realistic cardinalities: stories of 1-20
 * articles, actors with a Zipf-like number of articles each (the top ones in tens of thousands), ~3 quoted
 * statements and ~1 label per article, reuse pairs, claim and quote groups, timeline entries.
 */

export interface BenchCorpus {
  readonly articles: readonly string[];
  readonly stories: readonly string[];
  /** Actor ids by rank: the first ones are the heaviest. */
  readonly actors: readonly string[];
  readonly actorArticles: readonly number[];
  readonly counts: Readonly<Record<string, number>>;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NAME = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b/g;
const QUOTE = /"([^"]+)," ([A-Z][a-z]+ [A-Z][a-z]+) (said|told reporters|warned|claimed|added|stressed)/g;
const COUNT = /More than ([\d,]+) ([a-z]+)/g;
const MONTH_YEAR = new RegExp(`\\b(${MONTHS.join('|')}) (\\d{4})\\b`, 'g');
const LABEL = /([A-Z][a-z]+ [A-Z][a-z]+), the ([a-z]+(?: [a-z]+)?),/g;
const SYLLABLES = ['ka', 'lo', 'ven', 'dri', 'mar', 'tes', 'qui', 'bor', 'zan', 'eli', 'gus', 'ran', 'fo', 'sel', 'thi', 'nu'];

function articleId(i: number): string {
  return `a${createHash('sha256').update(`bench-api-${i}`).digest('hex').slice(0, 16)}`;
}

/** An invented name for actor k (unique for k < 16^6). */
function actorName(k: number): string {
  let s = '';
  for (let x = k + 4096; x > 0; x = Math.floor(x / 16)) s += SYLLABLES[x % 16];
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A permutation of 0..n-1 by a stride coprime with n (cheap, deterministic, well mixed). */
function stride(n: number): number {
  for (const p of [7919, 104729, 15485863, 179424673]) if (n % p !== 0 && p % n !== 0) return p;
  return 1;
}

function buildArticle(i: number): Article {
  const g = generateArticle(i);
  const text = g.paragraphs.join('\n\n');
  const html = i % 2 === 0;
  const published = i % 20 === 7 ? null : { value: g.published, precision: 'minute' as const, source: 'meta' as const, utcOffset: null, raw: `${g.published}:00Z` };
  return {
    id: articleId(i),
    source: `/bench/corpus/a${String(i).padStart(6, '0')}.${html ? 'html' : 'txt'}`,
    format: html ? 'html' : 'text',
    url: html ? `https://${g.outlet}/news/${i}` : null,
    outlet: g.outlet,
    title: g.title,
    byline: null,
    published,
    dateline: null,
    language: 'en',
    text,
    meta: {},
    raw: Buffer.from(html ? toHtml(g) : toText(g)),
    encoding: 'utf-8',
    notes: [],
  };
}

function finding(kind: string, start: number, text: string, rule: string, data: unknown): AnyFinding {
  return { kind, span: { start, end: start + text.length }, text, rule, data };
}

const bySpan = (a: AnyFinding, b: AnyFinding) => a.span.start - b.span.start || a.span.end - b.span.end;

/** Findings of the five per-article stages, found by the patterns the generator writes. */
function buildFindings(text: string, published: string | null): StageResult[] {
  const entities: AnyFinding[] = [];
  for (const m of text.matchAll(NAME)) {
    if (/^(More|We|Officials|The)\b/.test(m[0])) continue;
    const type = /Union|Board|League|Party|Forum|Alliance/.test(m[0]) ? 'ORG' : m[0].split(' ').length === 2 ? 'PER' : 'LOC';
    entities.push(finding('entity', m.index, m[0], 'entities/model:bench', { type, name: m[0], antecedent: null, via: 'model', titles: [], confidence: 0.9 }));
  }
  const statements: AnyFinding[] = [];
  for (const m of text.matchAll(QUOTE)) {
    const contentStart = m.index + 1;
    const speakerStart = m.index + m[0].indexOf(m[2]!, m[1]!.length + 2);
    statements.push(
      finding('statement', m.index, m[0], 'statements/quote-said', {
        mode: 'direct',
        source: { span: { start: speakerStart, end: speakerStart + m[2]!.length }, text: m[2] },
        cue: { span: { start: speakerStart + m[2]!.length + 1, end: m.index + m[0].length }, text: m[3] },
        content: { span: { start: contentStart, end: contentStart + m[1]!.length }, text: m[1] },
        speaker: { name: m[2], entity: { start: speakerStart, end: speakerStart + m[2]!.length }, type: 'PER', via: 'name' },
        medium: null,
        addressee: null,
      }),
    );
  }
  const quantities: AnyFinding[] = [];
  for (const m of text.matchAll(COUNT)) {
    const value = Number(m[1]!.replace(/,/g, ''));
    const nounStart = m.index + m[0].length - m[2]!.length;
    quantities.push(
      finding('quantity', m.index, m[0], 'quantities/count', {
        value,
        low: value,
        high: null,
        approximator: 'more than',
        vague: false,
        unit: null,
        counted: { span: { start: nounStart, end: nounStart + m[2]!.length }, text: m[2], lemma: m[2]!.replace(/s$/, '') },
        owner: null,
      }),
    );
  }
  const dates: AnyFinding[] = [];
  for (const m of text.matchAll(MONTH_YEAR)) {
    const value = `${m[2]}-${String(MONTHS.indexOf(m[1]!) + 1).padStart(2, '0')}`;
    dates.push(finding('date', m.index, m[0], 'dates/month-year', { type: 'DATE', value, anchor: 'absolute', mod: null, evidence: null, yearUnknown: false }));
  }
  if (published) {
    const day = text.search(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/);
    if (day >= 0) {
      const word = /^[A-Za-z]+/.exec(text.slice(day))![0];
      dates.push(finding('date', day, word, 'dates/weekday', { type: 'DATE', value: published.slice(0, 10), anchor: 'publish', mod: null, evidence: 'the weekday before the publish date', yearUnknown: false }));
    }
  }
  const labels: AnyFinding[] = [];
  for (const m of text.matchAll(LABEL)) {
    const labelStart = m.index + m[1]!.length + 2;
    labels.push(
      finding('label', m.index, m[0].slice(0, -1), 'labels/appositive', {
        target: { span: { start: m.index, end: m.index + m[1]!.length }, text: m[1], name: m[1] },
        label: m[2]!.replace(/^the /, ''),
        form: 'appositive',
        voice: 'own',
        quotedSpeaker: null,
        labelSpan: { start: labelStart, end: labelStart + m[2]!.length + 4 },
      }),
    );
  }
  const stage = (name: string, findings: AnyFinding[]): StageResult => ({ stage: name, version: 1, findings: findings.sort(bySpan), notes: [] });
  return [stage('entities', entities), stage('dates', dates), stage('statements', statements), stage('quantities', quantities), stage('labels', labels)];
}

interface Meta {
  readonly id: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly title: string | null;
  readonly text: string;
}

/** Build the corpus into an empty store. `analysedShare` of the articles get per-article findings. */
export async function buildBenchCorpus(store: Store, n: number, options: { analysedShare?: number } = {}): Promise<BenchCorpus> {
  const share = options.analysedShare ?? 0.9;
  const r = rng(4242);
  const metas: Meta[] = [];
  const BATCH = 500;
  for (let start = 0; start < n; start += BATCH) {
    const batch: Article[] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) batch.push(buildArticle(i));
    await store.putArticles(batch);
    for (const a of batch) {
      const i = metas.length;
      metas.push({ id: a.id, outlet: a.outlet, published: a.published?.value ?? null, title: a.title, text: a.text });
      if (r() < share) await store.putAnalysis(a.id, buildFindings(a.text, a.published?.value ?? null));
      if (i % 1000 === 0) progress(`bench api: articles ${i}/${n}`);
    }
  }
  const ids = metas.map((m) => m.id);
  const ref = (i: number, len = 40): SourceRef => {
    const m = metas[i]!;
    const start = Math.floor(r() * Math.max(1, m.text.length - len));
    return { articleId: m.id, outlet: m.outlet, published: m.published, span: { start, end: start + len }, text: m.text.slice(start, start + len), findingId: null, rule: 'bench/synthetic' };
  };

  // Stories: a permutation of the articles cut into runs of 1-20 (mostly small), largest first.
  const step = stride(n);
  const order = Array.from({ length: n }, (_, k) => (k * step) % n);
  const storyMembers: number[][] = [];
  for (let k = 0; k < n; ) {
    const size = Math.min(n - k, 1 + Math.floor(19 * r() ** 7));
    storyMembers.push(order.slice(k, k + size));
    k += size;
  }
  storyMembers.sort((a, b) => b.length - a.length);
  const storyIds = storyMembers.map((m) => `story:${ids[m[0]!]!.slice(1, 13)}`);
  const storyOfArticle = new Int32Array(n);
  storyMembers.forEach((m, s) => m.forEach((i) => (storyOfArticle[i] = s)));
  const storyOf = (i: number) => storyIds[storyOfArticle[i]!]!;

  // Actors: rank r has about top/r articles (Zipf, s = 1); 1 actor per 2 articles.
  const actorCount = Math.max(10, Math.round(n / 2));
  const top = Math.round(n * 0.4);
  const actorIds: string[] = [];
  const actorArticles: number[] = [];
  const actorItems: CorpusItem[] = [];
  for (let k = 0; k < actorCount; k++) {
    const name = actorName(k);
    const type = k % 3 === 0 ? 'ORG' : k % 3 === 1 ? 'PER' : 'LOC';
    const id = `actor:${type.toLowerCase()}:${name.toLowerCase()}`;
    const count = Math.max(1, Math.round(top / (k + 1)));
    const from = Math.floor(r() * n);
    const articles: { articleId: string; mentions: number }[] = [];
    for (let j = 0; j < count; j++) articles.push({ articleId: ids[(from + j * step) % n]!, mentions: 1 + Math.floor(r() * 4) });
    const mentions = articles.reduce((s, a) => s + a.mentions, 0);
    const names = [{ name, mentions, articles: count }];
    if (k % 7 === 0) names.push({ name: name.slice(0, 4).toUpperCase(), mentions: Math.ceil(mentions / 5), articles: Math.ceil(count / 5) });
    const evidence = names.length > 1 ? [{ kind: 'acronym', names: [names[0]!.name, names[1]!.name], detail: `'${names[1]!.name}' spells the letters of '${name}'`, sources: [ref(from % n)], score: 0.8 }] : [];
    const data = { id, name, type, names, evidence, confidence: evidence.length ? 0.8 : 1, mentions, articles, decided: false };
    actorIds.push(id);
    actorArticles.push(count);
    actorItems.push(actorItem(data as unknown as Actor, k));
  }
  const logActors = Math.log(actorCount);
  /** An actor drawn with probability about 1/rank. */
  const zipfActor = () => actorIds[Math.min(actorCount - 1, Math.floor(Math.exp(r() * logActors)) - 1)]!;

  const counts: Record<string, number> = { articles: n, stories: storyIds.length, actors: actorCount };
  const write = async (kind: CorpusItemKind, items: CorpusItem[]) => {
    progress(`bench api: writing ${items.length} ${kind} items`);
    await store.replaceCorpus({ items: { [kind]: items } });
    counts[kind] = items.length;
  };
  await write('actor', actorItems);
  actorItems.length = 0;

  // Quoted statements (~3 per article) and labels (~1 per article).
  const statements: CorpusItem[] = [];
  const labels: CorpusItem[] = [];
  for (let i = 0; i < n; i++) {
    const m = metas[i]!;
    for (let s = 0; s < 3; s++) {
      const speakerActor = r() < 0.7 ? zipfActor() : null;
      const about = r() < 0.5 ? [zipfActor()].filter((a) => a !== speakerActor) : [];
      const source = { ...ref(i, 60), findingId: `${m.id}:statements:${s}`, rule: 'statements/quote-said' };
      const data = { source, mode: 'direct', speaker: speakerActor ? speakerActor.split(':')[2] : 'officials', speakerActor, content: source.text, about };
      statements.push({ kind: 'statement', id: source.findingId, story: storyOf(i), rank: m.published ? 0 : 1, refs: [m.id, ...(speakerActor ? [speakerActor] : []), ...about], data });
    }
    if (r() < 0.95) {
      const actorId = zipfActor();
      const source = { ...ref(i, 30), findingId: `${m.id}:labels:0`, rule: 'labels/appositive' };
      const data = { outlet: m.outlet, actorId, actor: actorId.split(':')[2], label: ['union leader', 'mayor', 'militant group', 'opposition leader'][i % 4], form: 'appositive', voice: 'own', quotedSpeaker: null, source };
      labels.push({ kind: 'label', id: source.findingId, story: storyOf(i), rank: 0, refs: [m.id, actorId], data });
    }
  }
  await write('statement', statements);
  statements.length = 0;
  await write('label', labels);
  labels.length = 0;

  /** k distinct members of a random story with at least 2 articles (or random articles). */
  const multi = storyMembers.filter((m) => m.length >= 2);
  const group = (k: number): number[] => {
    const m = multi.length ? multi[Math.floor(r() * multi.length)]! : [Math.floor(r() * n), Math.floor(r() * n)];
    return m.slice(0, Math.max(2, Math.min(k, m.length)));
  };
  const storyCount = (items: CorpusItem[]) => {
    const c = new Map<string, number>();
    for (const it of items) if (it.story) c.set(it.story, (c.get(it.story) ?? 0) + 1);
    return c;
  };
  const sameStory = (members: number[]) => (new Set(members.map(storyOf)).size === 1 ? storyOf(members[0]!) : null);

  const reuse: CorpusItem[] = [];
  for (let k = 0; k < Math.round(n / 5); k++) {
    const [x, y] = group(2) as [number, number];
    const [a, b] = ids[x]! < ids[y]! ? [x, y] : [y, x];
    const sa = ref(a, 200);
    const sb = ref(b, 200);
    const words = 30 + Math.floor(r() * 60);
    const data = {
      a: { articleId: sa.articleId, span: sa.span, text: sa.text },
      b: { articleId: sb.articleId, span: sb.span, text: sb.text },
      similarity: 0.8 + r() * 0.2,
      kind: r() < 0.5 ? 'verbatim' : 'edited',
      words: { a: words, b: words, same: words - 2 },
      alignment: [{ op: 'same', a: sa.span, b: sb.span }],
      direction: { earlier: sa.published && sb.published && sa.published < sb.published ? sa.articleId : null, basis: 'publish-date' },
      rule: 'reuse/align',
    };
    reuse.push({ kind: 'reuse', id: `${sa.articleId}:${sa.span.start}-${sa.span.end}~${sb.articleId}:${sb.span.start}-${sb.span.end}`, story: sameStory([a, b]), rank: -words, refs: [sa.articleId, sb.articleId], data });
  }
  await write('reuse', reuse);
  const reuseByStory = storyCount(reuse);
  reuse.length = 0;

  const claims: CorpusItem[] = [];
  for (let k = 0; k < Math.round(n / 20); k++) {
    const members = group(2 + Math.floor(r() * 5));
    const conflict = r() < 0.3;
    const owner = zipfActor();
    const claimList = members.map((i) => {
      const value = Math.round(1000 + r() * 4000);
      return { source: ref(i), value, low: value, high: null, approximator: 'more than', vague: false, unit: null, counted: 'member', owner: owner.split(':')[2], ownerActor: owner, speaker: null, sentence: ref(i, 120).text };
    });
    const values = claimList.map((c) => c.value);
    const data = { id: `claim:${ids[members[0]!]}:quantities:${k % 5}`, story: sameStory(members), measure: `members of ${owner.split(':')[2]}`, counted: 'member', ownerActor: owner, unit: null, claims: claimList, conflict, spread: { low: Math.min(...values), high: Math.max(...values) }, why: conflict ? 'the stated ranges do not overlap' : 'the stated ranges overlap' };
    claims.push({ kind: 'claim', id: `${data.id}#${k}`, story: data.story, rank: (conflict ? -1e9 : 0) + k, refs: [...new Set(members.map((i) => ids[i]!)), owner], data });
  }
  await write('claim', claims);
  const conflictsByStory = storyCount(claims.filter((c) => c.rank < 0));
  claims.length = 0;

  const quotes: CorpusItem[] = [];
  for (let k = 0; k < Math.round(n / 20); k++) {
    const members = group(2 + Math.floor(r() * 3));
    const speakerActor = zipfActor();
    const stmts = members.map((i) => ({ source: ref(i, 60), mode: 'direct', speaker: speakerActor.split(':')[2], speakerActor, content: ref(i, 60).text }));
    const data = { id: `quote:${ids[members[0]!]}:statements:${k}`, story: sameStory(members), statements: stmts, similarity: 0.7, wordingDiffers: true, speakersDiffer: false };
    quotes.push({ kind: 'quote', id: data.id, story: data.story, rank: k, refs: [...new Set(members.map((i) => ids[i]!)), speakerActor], data });
  }
  await write('quote', quotes);
  quotes.length = 0;

  const timeline: CorpusItem[] = [];
  for (let k = 0; k < Math.round(n / 2); k++) {
    const members = group(1 + Math.floor(r() * 5));
    const year = 2015 + Math.floor(r() * 10);
    const date = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`;
    const sources = members.map((i) => ({ source: ref(i), value: date, sentence: ref(i, 120).text }));
    const data = { id: `timeline:${date}:${k}`, story: sameStory(members), date, start: `${date}-01`, end: `${date}-28`, event: sources[0]!.sentence.slice(0, 60), sources, conflict: false, dates: [date] };
    timeline.push({ kind: 'timeline', id: data.id, story: data.story, rank: k, refs: [...new Set(members.map((i) => ids[i]!))], data });
  }
  await write('timeline', timeline);
  const timelineByStory = storyCount(timeline);
  timeline.length = 0;

  const stories: CorpusItem[] = storyMembers.map((members, s) => {
    const id = storyIds[s]!;
    const ms = members.map((i) => metas[i]!);
    const dated = ms.filter((m) => m.published).sort((x, y) => (x.published! < y.published! ? -1 : 1));
    const articles = ms.map((m) => m.id);
    const terms = ['strike', 'port', 'talks', 'union', 'budget', 'inquiry', 'letters', 'ministers'].map((term, t) => ({ term, weight: 8 - t, articles: articles.slice(0, 2) }));
    const summary = {
      id,
      title: (dated[0] ?? ms[0])?.title ?? null,
      articles,
      outlets: [...new Set(ms.map((m) => m.outlet))],
      language: 'en',
      first: dated[0]?.published?.slice(0, 10) ?? null,
      last: dated[dated.length - 1]?.published?.slice(0, 10) ?? null,
      terms: terms.map((t) => t.term),
      conflicts: conflictsByStory.get(id) ?? 0,
      reuse: reuseByStory.get(id) ?? 0,
      timeline: timelineByStory.get(id) ?? 0,
    };
    const explanation = {
      story: { id, articles, language: 'en', first: summary.first, last: summary.last },
      articles: articles.map((a, k) => ({ id: a, score: k === 0 ? null : 0.5, parts: null })),
      merges: [],
      actors: articles.length > 1 ? [{ name: actorName(s % 100), articles }] : [],
      dates: [],
      passages: [],
      terms,
    };
    return { kind: 'story', id, story: id, rank: s, refs: articles, data: { summary, explanation } };
  });
  await write('story', stories);
  return { articles: ids, stories: storyIds, actors: actorIds, actorArticles, counts };
}
