import type { Article } from '../../../domain/article.js';
import type { DateFinding } from '../../../domain/findings.js';
import { addDays, addMonths, fmtDay, parseDayValue, weekdayName, type Ymd } from '../../dates/calendar.js';
import { contentWords, sentenceBounds } from './words.js';

/*
 * The dated events of a corpus: each is a day and the content words of the text that day belongs to.
 *  - stated: a resolved date finding and its sentence, minus the words of any "N days after <event>" phrase in
 *    that sentence (those words describe another event, with another day);
 *  - derived: "<sentence dated D> ... six days after police broke up a march" dates the march phrase D - 6 days.
 */

export interface PublishedInput {
  readonly article: Article;
  readonly dates: readonly DateFinding[];
}

export interface DatedEvent {
  readonly articleId: string;
  readonly day: Ymd;
  readonly words: Set<string>;
  readonly kind: 'stated' | 'derived';
  /** The date is attached to a noun ("Tuesday's march"): it dates that noun, not the sentence's verb. */
  readonly possessive: boolean;
  /** How the event is dated, for `why`. */
  readonly label: string;
}

export interface EventAnchor {
  readonly finding: DateFinding;
  readonly n: number;
  readonly unit: string;
  readonly sign: 1 | -1;
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
}

const EVENT_EVIDENCE = /^(\d+) (day|week|month|year)\(s\) (after|before) "(.+)"$/;

/** The "N days after <event>" findings of an article, with the event phrase's span in its text. */
export function eventAnchors(article: Article, dates: readonly DateFinding[]): EventAnchor[] {
  const out: EventAnchor[] = [];
  for (const f of dates) {
    const m = f.data.anchor === 'event' && f.data.evidence ? EVENT_EVIDENCE.exec(f.data.evidence) : null;
    if (!m) continue;
    const phrase = m[4] ?? '';
    const at = article.text.indexOf(phrase, f.span.end);
    const start = at >= 0 && at - f.span.end <= 40 ? at : f.span.end;
    out.push({ finding: f, n: Number(m[1]), unit: m[2] ?? 'day', sign: m[3] === 'after' ? 1 : -1, phrase, start, end: start + phrase.length });
  }
  return out;
}

export function shift(day: Ymd, n: number, unit: string): Ymd {
  if (unit === 'day') return addDays(day, n);
  if (unit === 'week') return addDays(day, 7 * n);
  if (unit === 'month') return addMonths(day, n);
  return addMonths(day, 12 * n);
}

/** The day a finding names, when it names one for sure (not year-unknown, not relative to nothing). */
export function dayOf(f: DateFinding): Ymd | null {
  if (f.data.yearUnknown || f.data.anchor === 'none' || f.data.type === 'DURATION' || f.data.type === 'SET') return null;
  return /^\d{4}-\d{2}-\d{2}(T|$)/.test(f.data.value) ? parseDayValue(f.data.value) : null;
}

const inside = (s: { start: number; end: number }, a: { start: number; end: number }): boolean => s.start >= a.start && s.end <= a.end;

function articleEvents(input: PublishedInput): DatedEvent[] {
  const { article, dates } = input;
  const text = article.text;
  const anchors = eventAnchors(article, dates);
  const out: DatedEvent[] = [];
  const resolved = dates.map((f) => ({ f, day: dayOf(f) })).filter((x): x is { f: DateFinding; day: Ymd } => x.day !== null);
  for (const { f, day } of resolved) {
    const s = sentenceBounds(text, f.span.start, f.span.end);
    let sentence = text.slice(s.start, s.end);
    for (const a of anchors) {
      if (a.start < s.start || a.end > s.end || inside(f.span, a)) continue;
      sentence = sentence.slice(0, a.start - s.start) + ' '.repeat(a.end - a.start) + sentence.slice(a.end - s.start);
    }
    const possessive = /^['’]s\b/.test(text.slice(f.span.end, f.span.end + 3));
    out.push({ articleId: article.id, day, words: contentWords(sentence), kind: 'stated', possessive, label: `another article dates "${f.text}" as ${fmtDay(day)} (${weekdayName(day)})` });
  }
  for (const a of anchors) {
    const s = sentenceBounds(text, a.finding.span.start, a.finding.span.end);
    const days = resolved.filter((x) => x !== undefined && inside(x.f.span, s) && !inside(x.f.span, a) && x.f !== a.finding);
    const distinct = new Set(days.map((x) => fmtDay(x.day)));
    const main = days[0];
    if (distinct.size !== 1 || !main) continue;
    const day = shift(main.day, -a.sign * a.n, a.unit);
    out.push({
      articleId: article.id,
      day,
      words: contentWords(a.phrase),
      kind: 'derived',
      possessive: false,
      label: `another article says "${a.finding.text} ${a.sign > 0 ? 'after' : 'before'} ${a.phrase}" in a sentence dated "${main.f.text}" (${fmtDay(main.day)}), which puts that event on ${fmtDay(day)} (${weekdayName(day)})`,
    });
  }
  return out;
}

/** Every dated event of the corpus. Articles whose own publish date was inferred lend none (no chains of guesses). */
export function corpusEvents(inputs: readonly PublishedInput[]): DatedEvent[] {
  return inputs.filter((i) => i.article.published?.source !== 'inferred').flatMap(articleEvents);
}
