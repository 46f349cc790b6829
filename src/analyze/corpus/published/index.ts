import type { Published } from '../../../domain/article.js';
import type { DateFinding } from '../../../domain/findings.js';
import { addDays, fmtDay, weekday, weekdayName, WEEKDAY_NAMES, type Ymd } from '../../dates/calendar.js';
import { corpusEvents, dayOf, eventAnchors, shift, type DatedEvent, type PublishedInput } from './events.js';
import { constraintOf, matchEvent } from './match.js';
import { relativeDayEvidence } from './relative-day.js';
import { contentWords, sentenceBounds } from './words.js';

/*
 * Publish dates for articles that lack one, inferred from their own relative expressions and the dates
 * other articles of the corpus give to the same events. Evidence, all recorded in `why`:
 *  - event anchor: "issued five days after Norland cut diplomatic ties" + another article dating a sentence
 *    that describes the event ("on Wednesday severed diplomatic ties" = 2022-09-07) -> +5 days. Candidates are
 *    weighed by the share of the event's words they have; a weekday or day named in the event phrase
 *    ("Tuesday's march") rules out candidates on other days; two days matching comparably -> nothing. A weekday
 *    named in the same sentence outside the phrase ("published on Friday, five days after ...") must be the result's;
 *  - own calendar: a resolved day of the article ("June 20" = 2023-06-20, a Tuesday) fixes the week of its
 *    weekday mentions ("clashes on Tuesday", "tweets on Wednesday" -> 2023-06-21);
 *  - relative days ("said yesterday that ...") on events other articles date confirm the result or refute it.
 * The article is published on or after the latest day so fixed; we take that day and say so. Nothing is
 * returned when the evidence disagrees or is missing: a wrong date is worse than none. Pure: the result does
 * not depend on input order.
 */

export type { PublishedInput } from './events.js';

function weekdayMentions(dates: readonly DateFinding[]): { wd: number; finding: DateFinding }[] {
  return dates.filter((f) => /^XXXX-WXX-[1-7]$/.test(f.data.value)).map((f) => ({ wd: Number(f.data.value.slice(-1)), finding: f }));
}

function published(day: Ymd, why: string): Published {
  return { value: fmtDay(day), precision: 'day', source: 'inferred', utcOffset: null, raw: null, why };
}

const within = (s: { start: number; end: number }, a: { start: number; end: number }): boolean => s.start >= a.start && s.end <= a.end;

function isLate(text: string, f: DateFinding): boolean {
  return /night|evening/i.test(f.text) || /\blate\s+(?:on\s+)?$/i.test(text.slice(Math.max(0, f.span.start - 12), f.span.start));
}

function fromEventAnchor(input: PublishedInput, events: readonly DatedEvent[]): { day: Ymd; why: string } | null {
  const text = input.article.text;
  const mentions = weekdayMentions(input.dates);
  const others = events.filter((e) => e.articleId !== input.article.id);
  const results: { day: Ymd; why: string }[] = [];
  for (const a of eventAnchors(input.article, input.dates)) {
    const words = contentWords(a.phrase);
    const constraint = constraintOf(a.phrase);
    const r = matchEvent(words, constraint, others, constraint ? Math.max(2, Math.min(3, words.size)) : 3, 0.5);
    if (!r) continue;
    if (!('match' in r)) return null; // the event has two comparable dates in the corpus: say nothing
    const { event, shared, rejected } = r.match;
    const day = shift(event.day, a.sign * a.n, a.unit);
    // A weekday in the anchor's own sentence, outside the event phrase, names the day of the main clause.
    const s = sentenceBounds(text, a.finding.span.start, a.finding.span.end);
    const clauseDays = mentions.filter((m) => within(m.finding.span, s) && !within(m.finding.span, a));
    if (clauseDays.some((m) => m.wd !== weekday(day))) return null;
    const named = mentions.find((m) => m.wd === weekday(day) && !within(m.finding.span, a));
    // "Late Wednesday night, two days after ...": news of that night is published the next day or later.
    if (mentions.some((m) => m.wd === weekday(day) && isLate(text, m.finding))) return null;
    const parts = [
      `"${a.finding.text} ${a.sign > 0 ? 'after' : 'before'} ${a.phrase}": ${event.label}, sharing ${shared.map((w) => `'${w}'`).join(', ')} (${shared.length} of ${words.size} words)`,
      constraint ? `the phrase names ${constraint.text}${rejected ? `, which rules out ${rejected} other candidate(s)` : ''}` : '',
      `${a.sign > 0 ? '+' : '-'}${a.n} ${a.unit}(s) -> ${fmtDay(day)}`,
      named ? `${fmtDay(day)} is a ${weekdayName(day)}, as "${named.finding.text}" in the article says` : '',
    ];
    results.push({ day, why: `${parts.filter(Boolean).join('; ')}; published on or after that day, taken as that day` });
  }
  const distinct = new Set(results.map((r) => fmtDay(r.day)));
  if (distinct.size !== 1) return null;
  return results[0] ?? null;
}

function fromOwnCalendar(input: PublishedInput): { day: Ymd; why: string } | null {
  const mentions = weekdayMentions(input.dates);
  if (!mentions.length) return null;
  // Only a day written without its year ("June 20"): one with a year ("March 26, 2009") is as often history.
  const days = input.dates
    .filter((f) => !/\b\d{4}\b/.test(f.text))
    .map((f) => ({ f, day: dayOf(f) }))
    .filter((x): x is { f: DateFinding; day: Ymd } => x.day !== null);
  const anchors = days.filter((x) => mentions.some((m) => m.wd === weekday(x.day)));
  const distinct = new Set(anchors.map((a) => fmtDay(a.day)));
  if (distinct.size !== 1) return null;
  const anchor = anchors[0];
  if (!anchor) return null;
  const same = mentions.find((m) => m.wd === weekday(anchor.day));
  // Every weekday mention is within the week from the anchor day: the nearest such day on or after it.
  let latest = anchor.day;
  const steps: string[] = [];
  for (const m of mentions) {
    const d = addDays(anchor.day, (m.wd - weekday(anchor.day) + 7) % 7);
    steps.push(`"${m.finding.text}" -> ${fmtDay(d)}`);
    if (fmtDay(d) > fmtDay(latest)) latest = d;
  }
  return {
    day: latest,
    why: `"${anchor.f.text}" is ${fmtDay(anchor.day)}, a ${weekdayName(anchor.day)} (${anchor.f.data.evidence ?? 'stated'}), which fixes "${same?.finding.text ?? WEEKDAY_NAMES[weekday(anchor.day) - 1]}"; weekdays read as the days on or after it: ${steps.join(', ')}; published on or after ${fmtDay(latest)}, taken as that day`,
  };
}

export function inferPublished(inputs: readonly PublishedInput[]): Map<string, Published> {
  const events = corpusEvents(inputs);
  const out = new Map<string, Published>();
  for (const input of [...inputs].sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0))) {
    if (input.article.published) continue;
    const p = fromEventAnchor(input, events) ?? fromOwnCalendar(input);
    if (!p) continue;
    const relative = relativeDayEvidence(input, events, inputs);
    if (relative.some((r) => fmtDay(r.day) !== fmtDay(p.day))) continue; // "yesterday" points elsewhere: refuted
    const confirmed = relative.map((r) => `confirmed by ${r.why}`);
    out.set(input.article.id, published(p.day, [p.why, ...confirmed].join('; ')));
  }
  return out;
}
