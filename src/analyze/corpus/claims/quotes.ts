/*
 * Quote groups: statements of different articles that report the same words. Each content becomes a set of
 * word 3-gram shingles; an inverted index from shingle to statements yields the candidate pairs, so the work
 * grows with the number of shared shingles, not with the square of the number of statements. A shingle held
 * by more than `maxPostings` statements (a stock phrase, or a famous quote reprinted everywhere) pairs each
 * holder only with its first `stockSample` holders in canonical order: the reprints of a famous quote still
 * meet its earliest copies, and a stock phrase costs a bounded amount of work. Two statements are linked when
 * the shingles they share cover `minContainment` of the shorter one; linked statements form a group.
 */
import type { QuoteGroup, QuotedStatement } from '../../../domain/corpus.js';
import type { EntityType, StatementData } from '../../../domain/findings.js';
import type { ArticleView, Typed } from './article-view.js';
import type { ClaimParams } from './params.js';
import type { ClaimContext } from './types.js';
import { contentWords, nameKey } from './words.js';

export const QUOTES_RULE = 'claims/quotes';

interface Entry {
  readonly view: ArticleView;
  readonly finding: Typed<StatementData>;
  readonly words: string;
  readonly shingles: ReadonlySet<string>;
  readonly story: string | null;
}

const ENTITY_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** Statements whose content holds another whole statement only frame it ("Press TV reported that X said..."): keep the inner one. */
function innermost(view: ArticleView): Typed<StatementData>[] {
  const all = view.statements;
  return all.filter((s) => !all.some((t) => t !== s && s.data.content.span.start <= t.span.start && t.span.end <= s.data.content.span.end && (t.span.start !== s.span.start || t.span.end !== s.span.end)));
}

function entriesOf(views: readonly ArticleView[], ctx: ClaimContext, p: ClaimParams): Entry[] {
  const out: Entry[] = [];
  for (const view of views) {
    const story = ctx.storyOf(view.input.id);
    for (const f of innermost(view).sort((a, b) => a.span.start - b.span.start || (a.id < b.id ? -1 : 1))) {
      const words = contentWords(f.data.content.text);
      if (words.length < Math.max(p.minQuoteWords, p.shingle)) continue;
      const shingles = new Set<string>();
      for (let i = 0; i + p.shingle <= words.length; i++) shingles.add(words.slice(i, i + p.shingle).join(' '));
      out.push({ view, finding: f, words: words.join(' '), shingles, story });
    }
  }
  return out;
}

function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const s of small) if (large.has(s)) n++;
  return small.size ? n / small.size : 0;
}

export function groupQuotes(views: readonly ArticleView[], ctx: ClaimContext, p: ClaimParams): QuoteGroup[] {
  const entries = entriesOf(views, ctx, p);
  const postings = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const s of e.shingles) {
      const list = postings.get(s);
      if (list) list.push(i);
      else postings.set(s, [i]);
    }
  });
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => {
    // Iterative (path halving): a recursive find overflows the stack on long chains of a large corpus.
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  entries.forEach((e, i) => {
    // Counted from i's side over all its shingles, so that the count of a pair is complete on each side.
    const shared = new Map<number, number>();
    for (const s of e.shingles) {
      const list = postings.get(s)!;
      const candidates = list.length > p.maxPostings ? list.slice(0, p.stockSample) : list;
      for (const j of candidates) if (j !== i && entries[j]!.view !== e.view) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, n] of shared) {
      if (n < Math.min(p.minSharedShingles, e.shingles.size, entries[j]!.shingles.size)) continue;
      if (n / Math.min(e.shingles.size, entries[j]!.shingles.size) < p.minContainment) continue;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  });
  const components = new Map<number, Entry[]>();
  entries.forEach((e, i) => {
    const r = find(i);
    const list = components.get(r);
    if (list) list.push(e);
    else components.set(r, [e]);
  });
  const out: QuoteGroup[] = [];
  for (const members of components.values()) {
    if (new Set(members.map((m) => m.view)).size < 2) continue;
    out.push(toQuoteGroup(members, ctx));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function toQuoteGroup(members: readonly Entry[], ctx: ClaimContext): QuoteGroup {
  const statements: QuotedStatement[] = members.map((m) => {
    const d = m.finding.data;
    const named = d.speaker !== null && (d.speaker.entity !== null || ENTITY_TYPES.has(d.speaker.type ?? ''));
    const speakerActor = named ? ctx.actorOf(d.speaker!.name, ENTITY_TYPES.has(d.speaker!.type ?? '') ? (d.speaker!.type as EntityType) : null) : null;
    return { source: m.view.ref(m.finding.span, m.finding, m.finding.rule), mode: d.mode, speaker: d.speaker?.name ?? null, speakerActor, content: d.content.text };
  });
  // Least similar pair of different articles (all pairs for small groups; groups are small in practice).
  let similarity = 1;
  const limit = Math.min(members.length, 40);
  for (let i = 0; i < limit; i++) {
    for (let j = i + 1; j < limit; j++) {
      if (members[i]!.view !== members[j]!.view) similarity = Math.min(similarity, containment(members[i]!.shingles, members[j]!.shingles));
    }
  }
  const speakerKeys = members.map((m, i) => {
    const s = m.finding.data.speaker;
    const named = s !== null && (s.entity !== null || ENTITY_TYPES.has(s.type ?? ''));
    return named ? (statements[i]!.speakerActor ?? `name:${nameKey(s!.name)}`) : null;
  });
  const namedKeys = new Set(speakerKeys.filter((k): k is string => k !== null));
  const stories = new Set(members.map((m) => m.story));
  const first = members[0]!;
  return {
    id: `quote:${first.finding.id}`,
    story: stories.size === 1 ? first.story : null,
    statements,
    similarity: Math.round(similarity * 1000) / 1000,
    wordingDiffers: new Set(members.map((m) => m.words)).size > 1,
    speakersDiffer: namedKeys.size > 1 || (namedKeys.size === 1 && speakerKeys.some((k) => k === null)),
  };
}
