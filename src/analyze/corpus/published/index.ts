import type { Article, Published } from '../../../domain/article.js';
import type { DateFinding } from '../../../domain/findings.js';
import { addDays, addMonths, fmtDay, parseDayValue, weekday, weekdayName, WEEKDAY_NAMES, type Ymd } from '../../dates/calendar.js';

/*
 * Publish dates for articles that lack one, inferred from their own relative expressions and the dates
 * other articles of the corpus give to the same events. Two kinds of evidence, both recorded in `why`:
 *  - event anchor: "issued five days after Albania cut diplomatic ties" + another article dating a sentence
 *    that shares the event's content words ("on Wednesday severed diplomatic ties" = 2022-09-07) -> +5 days;
 *    the result must fall on a weekday the article names ("on Monday") when it names any;
 *  - own calendar: a resolved day of the article ("June 20" = 2023-06-20, a Tuesday) fixes the week of its
 *    weekday mentions ("clashes on Tuesday", "tweets on Wednesday" -> 2023-06-21).
 * The article is published on or after the latest day so fixed; we take that day and say so. Nothing is
 * returned when the evidence disagrees or is missing. Pure: the result does not depend on input order.
 */

export interface PublishedInput {
  readonly article: Article;
  readonly dates: readonly DateFinding[];
}

const STOP = new Set(
  'the a an and or of to in on at for with by from over into after before since as is was were be been has have had its it this that these those which who their his her they he she than then also not but under about against between during while'.split(
    ' ',
  ),
);

function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().match(/\p{L}[\p{L}'-]*/gu) ?? []) {
    const stem = w.replace(/'s$/, '').replace(/(?<=\w{3})s$/, '');
    if (stem.length >= 3 && !STOP.has(stem)) out.add(stem);
  }
  return out;
}

/** The sentence around a span: ends at a line break or at . ! ? followed by a space and a capital or quote. */
function sentenceAround(text: string, start: number, end: number): string {
  const isEnd = (i: number): boolean => text[i] === '\n' || (/[.!?]/.test(text[i] ?? '') && /\s/.test(text[i + 1] ?? '') && /[A-Z"“‘'(]/.test(text[i + 2] ?? ''));
  let a = start;
  while (a > 0 && !isEnd(a - 1)) a--;
  let b = end;
  while (b < text.length && !isEnd(b)) b++;
  return text.slice(a, b);
}

interface DatedSentence {
  readonly articleId: string;
  readonly day: Ymd;
  readonly words: Set<string>;
  readonly finding: DateFinding;
}

const EVENT_EVIDENCE = /^(\d+) (day|week|month|year)\(s\) (after|before) "(.+)"$/;

/** The day a finding names, when it names one for sure (not year-unknown, not relative to nothing). */
function dayOf(f: DateFinding): Ymd | null {
  if (f.data.yearUnknown || f.data.anchor === 'none' || f.data.type === 'DURATION' || f.data.type === 'SET') return null;
  return /^\d{4}-\d{2}-\d{2}(T|$)/.test(f.data.value) ? parseDayValue(f.data.value) : null;
}

function weekdayMentions(dates: readonly DateFinding[]): { wd: number; finding: DateFinding }[] {
  return dates.filter((f) => /^XXXX-WXX-[1-7]$/.test(f.data.value)).map((f) => ({ wd: Number(f.data.value.slice(-1)), finding: f }));
}

function shift(day: Ymd, n: number, unit: string): Ymd {
  if (unit === 'day') return addDays(day, n);
  if (unit === 'week') return addDays(day, 7 * n);
  if (unit === 'month') return addMonths(day, n);
  return addMonths(day, 12 * n);
}

function published(day: Ymd, why: string): Published {
  return { value: fmtDay(day), precision: 'day', source: 'inferred', utcOffset: null, raw: null, why };
}

function fromEventAnchor(input: PublishedInput, dated: readonly DatedSentence[]): Published | null {
  const mentions = weekdayMentions(input.dates);
  const results: { day: Ymd; why: string }[] = [];
  for (const f of input.dates) {
    const m = f.data.anchor === 'event' && f.data.evidence ? EVENT_EVIDENCE.exec(f.data.evidence) : null;
    if (!m) continue;
    const n = Number(m[1]);
    const unit = m[2] ?? 'day';
    const sign = m[3] === 'after' ? 1 : -1;
    const eventText = m[4] ?? '';
    const eventWords = contentWords(eventText);
    const scored = dated
      .filter((d) => d.articleId !== input.article.id)
      .map((d) => {
        const shared = [...eventWords].filter((w) => d.words.has(w));
        return { d, shared, score: eventWords.size ? shared.length / eventWords.size : 0 };
      })
      .filter((x) => x.shared.length >= 3 && x.score >= 0.4)
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (!best) continue;
    const rivals = scored.filter((x) => x.score === best.score && fmtDay(x.d.day) !== fmtDay(best.d.day));
    if (rivals.length) return null; // two dates for the same event: inconsistent, say nothing
    const day = shift(best.d.day, sign * n, unit);
    const named = mentions.filter((x) => x.wd === weekday(day));
    if (mentions.length && !named.length) return null; // the article names weekdays and none fits
    const on = named[0] ? `; ${fmtDay(day)} is a ${weekdayName(day)}, as "${named[0].finding.text}" in the article says` : '';
    results.push({
      day,
      why: `"${f.text} ${m[3]} ${eventText}": another article dates "${best.d.finding.text}" in a sentence sharing ${best.shared.map((w) => `'${w}'`).join(', ')} as ${fmtDay(best.d.day)} (${weekdayName(best.d.day)}); ${sign > 0 ? '+' : '-'}${n} ${unit}(s) -> ${fmtDay(day)}${on}; published on or after that day, taken as that day`,
    });
  }
  const distinct = new Set(results.map((r) => fmtDay(r.day)));
  if (distinct.size !== 1) return null;
  const r = results[0];
  return r ? published(r.day, r.why) : null;
}

function fromOwnCalendar(input: PublishedInput): Published | null {
  const mentions = weekdayMentions(input.dates);
  if (!mentions.length) return null;
  const days = input.dates.map((f) => ({ f, day: dayOf(f) })).filter((x): x is { f: DateFinding; day: Ymd } => x.day !== null);
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
  return published(
    latest,
    `"${anchor.f.text}" is ${fmtDay(anchor.day)}, a ${weekdayName(anchor.day)} (${anchor.f.data.evidence ?? 'stated'}), which fixes "${same?.finding.text ?? WEEKDAY_NAMES[weekday(anchor.day) - 1]}"; weekdays read as the days on or after it: ${steps.join(', ')}; published on or after ${fmtDay(latest)}, taken as that day`,
  );
}

export function inferPublished(inputs: readonly PublishedInput[]): Map<string, Published> {
  const dated: DatedSentence[] = [];
  for (const { article, dates } of inputs) {
    for (const f of dates) {
      const day = dayOf(f);
      if (!day) continue;
      dated.push({ articleId: article.id, day, words: contentWords(sentenceAround(article.text, f.span.start, f.span.end)), finding: f });
    }
  }
  const out = new Map<string, Published>();
  for (const input of [...inputs].sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0))) {
    if (input.article.published) continue;
    const p = fromEventAnchor(input, dated) ?? fromOwnCalendar(input);
    if (p) out.set(input.article.id, p);
  }
  return out;
}
