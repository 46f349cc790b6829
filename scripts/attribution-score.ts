import type { StatementFinding } from '../src/domain/findings.js';
import type { Span } from '../src/domain/span.js';
import type { GoldAttribution, PolnearArticle } from './attribution-gold.js';

/**
 * Span scoring of statements against PolNeAR, per role (source, cue, content), summed over articles.
 *
 * - exact: our span equals the gold span (the hull of its fragments) after trimming whitespace and the
 *   punctuation , . ; : at both ends (quotation marks count).
 * - overlap: the two spans share at least one character; pairs are matched one-to-one, greedily by the
 *   number of shared characters (largest first).
 * P = matched / our spans of that role, R = matched / gold spans of that role.
 *
 * "No invented speaker": over gold attributions without a source that we found, the share where our statement
 * has no source either. A participle that shares the speaker of the statement before it ("X said ...,
 * adding that ...") has no source span of its own and counts as none: the text names its speaker, we
 * invent nothing (PolNeAR's annotators give such participles the earlier source in 19 of 20 cases and
 * leave it out in the rest). "Found" is measured two ways, printed side by side:
 * - content: our statement's content overlaps the gold content (one-to-one greedy over all statements);
 *   this also pairs a gold attribution with a different attribution nested inside its content ("Asked
 *   whether [he would support X]" with our "he ... support").
 * - attribution: our statement's cue overlaps the gold cue and its content the gold content (one-to-one);
 *   the same attribution, so the question "did we name a speaker the text does not give" is the fair one.
 */

export interface Counts {
  tp: number;
  pred: number;
  gold: number;
}

export type Role = 'source' | 'cue' | 'content';
export const ROLES: readonly Role[] = ['source', 'cue', 'content'];

export interface Score {
  readonly exact: Record<Role, Counts>;
  readonly overlap: Record<Role, Counts>;
  /** Gold attributions without a source; found and reported-none by content match and by attribution match. */
  noSource: NoSource;
}

export interface NoSource {
  gold: number;
  found: number;
  reportedNone: number;
  foundSame: number;
  reportedNoneSame: number;
}

/** Our statement names no source of its own. */
export function reportsNoSpeaker(p: StatementFinding): boolean {
  return p.data.source === null;
}

export function emptyScore(): Score {
  const c = (): Record<Role, Counts> => ({ source: { tp: 0, pred: 0, gold: 0 }, cue: { tp: 0, pred: 0, gold: 0 }, content: { tp: 0, pred: 0, gold: 0 } });
  return { exact: c(), overlap: c(), noSource: { gold: 0, found: 0, reportedNone: 0, foundSame: 0, reportedNoneSame: 0 } };
}

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,.;:]/.test(text[start]!)) start++;
  while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}

const shared = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Greedy one-to-one matching by shared characters; returns pairs [predIndex, goldIndex]. */
export function matchOverlap(pred: readonly Span[], gold: readonly Span[]): [number, number][] {
  const cand: [number, number, number][] = [];
  for (let i = 0; i < pred.length; i++) for (let j = 0; j < gold.length; j++) {
    const o = shared(pred[i]!, gold[j]!);
    if (o > 0) cand.push([o, i, j]);
  }
  return greedy(cand);
}

/** Candidates [weight, predIndex, goldIndex] -> one-to-one pairs, heaviest first. */
function greedy(cand: [number, number, number][]): [number, number][] {
  cand.sort((a, b) => b[0] - a[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out: [number, number][] = [];
  for (const [, i, j] of cand) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    out.push([i, j]);
  }
  return out;
}

function goldSpan(g: GoldAttribution, role: Role): Span | null {
  return g[role]?.hull ?? null;
}

function predSpan(p: StatementFinding, role: Role): Span | null {
  const part = p.data[role];
  return part ? part.span : null;
}

export function scoreArticle(score: Score, article: PolnearArticle, predicted: readonly StatementFinding[]): void {
  const text = article.text;
  for (const role of ROLES) {
    const pred = predicted.map((p) => predSpan(p, role)).filter((s): s is Span => s !== null && s.end > s.start);
    const gold = article.attributions.map((g) => goldSpan(g, role)).filter((s): s is Span => s !== null && s.end > s.start);
    const ex = score.exact[role];
    const ov = score.overlap[role];
    ex.pred += pred.length;
    ex.gold += gold.length;
    ov.pred += pred.length;
    ov.gold += gold.length;
    const goldKeys = new Map<string, number>();
    for (const g of gold) {
      const t = trim(text, g);
      const k = `${t.start}:${t.end}`;
      goldKeys.set(k, (goldKeys.get(k) ?? 0) + 1);
    }
    for (const p of pred) {
      const t = trim(text, p);
      const k = `${t.start}:${t.end}`;
      const n = goldKeys.get(k) ?? 0;
      if (n > 0) {
        ex.tp++;
        goldKeys.set(k, n - 1);
      }
    }
    ov.tp += matchOverlap(pred, gold).length;
  }
  // No invented speaker.
  const goldAll = article.attributions.filter((g) => g.content);
  for (const g of goldAll) if (!g.source) score.noSource.gold++;
  for (const [i, j] of matchOverlap(
    predicted.map((p) => p.data.content.span),
    goldAll.map((g) => g.content!.hull),
  )) {
    if (goldAll[j]!.source) continue;
    score.noSource.found++;
    if (reportsNoSpeaker(predicted[i]!)) score.noSource.reportedNone++;
  }
  for (const [i, j] of matchAttributions(predicted, goldAll)) {
    if (goldAll[j]!.source) continue;
    score.noSource.foundSame++;
    if (reportsNoSpeaker(predicted[i]!)) score.noSource.reportedNoneSame++;
  }
}

/**
 * One-to-one pairs [ours, gold] of the same attribution: the cues overlap (or the gold has none) and the
 * contents overlap; greedy by shared content characters.
 */
export function matchAttributions(predicted: readonly StatementFinding[], gold: readonly GoldAttribution[]): [number, number][] {
  const cand: [number, number, number][] = [];
  predicted.forEach((p, i) =>
    gold.forEach((g, j) => {
      if (!g.content) return;
      const cueOk = !g.cue || (p.data.cue !== null && shared(p.data.cue.span, g.cue.hull) > 0);
      const o = shared(p.data.content.span, g.content.hull);
      if (cueOk && o > 0) cand.push([o, i, j]);
    }),
  );
  return greedy(cand);
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.pred === 0 ? 0 : c.tp / c.pred;
  const r = c.gold === 0 ? 0 : c.tp / c.gold;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
