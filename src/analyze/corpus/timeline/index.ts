import type { TimelineEntry, TimelineSource } from '../../../domain/corpus.js';
import { groupMentions, similarityMatrix, type Group } from './cluster.js';
import { mentionsOf } from './mentions.js';
import { TIMELINE_DEFAULTS } from './params.js';
import type { Mention, TimelineArticleInput, TimelineContext, TimelineParams } from './types.js';
import { compatible, fittingYears, inYear, isoDay, parseValue, spanDays, type DateValue } from './values.js';

/*
 * The timeline of a corpus: the dated mentions of every article (mentions.ts), merged across articles into
 * events (cluster.ts), one entry per event with every source that dates it.
 *  - date: the most specific value the sources support together: the innermost of nested values ('2016' and
 *    '2016-12' -> '2016-12'), refined by a year-less day when exactly one day of it fits ('XXXX-06-20' with
 *    '2023-06-20' or '2023' -> '2023-06-20'). When sources conflict, the value most sources are compatible
 *    with (then the most specific, then the earliest), and `dates` lists every value given.
 *  - start/end: the ISO days of the date's range; a year-less date keeps its value in both ('XXXX-06-20')
 *    and sorts after every dated entry.
 *  - story: the sources' story when they all belong to one; null otherwise. `buildTimeline` returns the
 *    corpus timeline (entries of every story); `storyTimeline` and `timelinesByStory` cut it per story.
 * Pure and deterministic: the result does not depend on the order of the inputs.
 */

export type { TimelineArticleInput, TimelineContext, TimelineParams } from './types.js';
export { TIMELINE_DEFAULTS } from './params.js';
export { parseValue, compatible } from './values.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function refined(base: DateValue | null, yearless: readonly DateValue[]): string | null {
  let best: { value: string; days: number } | null = null;
  for (const y of yearless) {
    if (!base?.range) {
      const days = spanDays(y);
      if (!best || days < best.days || (days === best.days && y.value < best.value)) best = { value: y.value, days };
      continue;
    }
    const years = fittingYears(y, base.range);
    if (years.length !== 1) continue;
    const r = inYear(y, years[0]!);
    if (!r || spanDays(y) >= spanDays(base)) continue;
    const value = y.yearless!.day === null ? r.start.slice(0, 7) : isoDay(years[0]!, y.yearless!.month, y.yearless!.day);
    const days = spanDays(y);
    if (!best || days < best.days) best = { value, days };
  }
  return best?.value ?? null;
}

function entryDate(dates: readonly DateValue[]): string {
  const known = dates.filter((d) => d.range);
  const yearless = dates.filter((d) => !d.range);
  const support = (d: DateValue) => dates.filter((o) => compatible(d, o)).length;
  const order = [...known].sort(
    (a, b) => support(b) - support(a) || spanDays(a) - spanDays(b) || cmp(a.range!.start, b.range!.start) || cmp(a.value, b.value),
  );
  const base = order[0] ?? null;
  const fitting = yearless.filter((y) => !base || compatible(y, base));
  return refined(base, fitting) ?? base?.value ?? [...yearless].sort((a, b) => spanDays(a) - spanDays(b) || cmp(a.value, b.value))[0]!.value;
}

function rangeOf(value: string): { start: string; end: string } {
  return parseValue(value)?.range ?? { start: value, end: value };
}

function sourceOrder(a: Mention, b: Mention): number {
  const pa = a.source.published;
  const pb = b.source.published;
  if (pa !== pb) {
    if (pa === null) return 1;
    if (pb === null) return -1;
    return cmp(pa, pb);
  }
  return cmp(a.articleId, b.articleId) || a.source.span.start - b.source.span.start;
}

function entryOf(mentions: readonly Mention[], group: Group, ctx: TimelineContext): TimelineEntry {
  const ms = group.members.map((i) => mentions[i]!).sort(sourceOrder);
  const distinct = new Map<string, DateValue>();
  for (const m of ms) distinct.set(m.date.value, m.date);
  const values = [...distinct.values()];
  const date = entryDate(values);
  const { start, end } = rangeOf(date);
  const conflict = values.some((a) => values.some((b) => !compatible(a, b)));
  // The description most like the others (the medoid); the first source's on ties.
  let event = ms[0]!.event;
  if (ms.length > 2 && ms.length <= 60) {
    const sim = similarityMatrix(ms, ms.map((_, i) => i));
    let best = -1;
    sim.forEach((row, i) => {
      const total = row.reduce((s, x) => s + x, 0);
      if (total > best + 1e-9 && ms[i]!.event) {
        best = total;
        event = ms[i]!.event;
      }
    });
  }
  const stories = new Set(ms.map((m) => ctx.storyOf(m.articleId)));
  const story = stories.size === 1 ? ([...stories][0] ?? null) : null;
  const first = [...ms].sort((a, b) => cmp(a.key, b.key))[0]!;
  const sources: TimelineSource[] = ms.map((m) => ({ source: m.source, value: m.date.value, sentence: m.sentenceText }));
  return {
    id: `timeline:${first.key}`,
    story,
    date,
    start,
    end,
    event,
    sources,
    conflict,
    dates: [...distinct.keys()].sort(),
  };
}

/** Every dated mention of every article, canonical order. Exported for tests and tools. */
export function timelineMentions(inputs: Iterable<TimelineArticleInput>, params: Partial<TimelineParams> = {}): Mention[] {
  const p = { ...TIMELINE_DEFAULTS, ...params };
  const sorted = [...inputs].sort((a, b) => cmp(a.id, b.id));
  return sorted.flatMap((a) => mentionsOf(a, p)).sort((a, b) => cmp(a.articleId, b.articleId) || a.source.span.start - b.source.span.start);
}

/** The corpus timeline: one entry per event, entries of every story, sorted by start, then end. */
export function buildTimeline(inputs: Iterable<TimelineArticleInput>, ctx: TimelineContext, params: Partial<TimelineParams> = {}): TimelineEntry[] {
  const p = { ...TIMELINE_DEFAULTS, ...params };
  const mentions = timelineMentions(inputs, p);
  const entries = groupMentions(mentions, p).map((g) => entryOf(mentions, g, ctx));
  return entries.sort((a, b) => cmp(a.start, b.start) || cmp(a.end, b.end) || cmp(a.id, b.id));
}

/** The entries of one story (sorted as the corpus timeline is). */
export function storyTimeline(entries: readonly TimelineEntry[], story: string): TimelineEntry[] {
  return entries.filter((e) => e.story === story);
}

/** Entries per story; entries whose sources span stories (or none) are under null. */
export function timelinesByStory(entries: readonly TimelineEntry[]): Map<string | null, TimelineEntry[]> {
  const out = new Map<string | null, TimelineEntry[]>();
  for (const e of entries) (out.get(e.story) ?? out.set(e.story, []).get(e.story)!).push(e);
  return out;
}
