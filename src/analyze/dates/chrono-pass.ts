import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import { fmtDay, fmtMonth, pad2, pad4, weekdayName } from './calendar.js';
import { absolute, fixed, type Candidate, type Ref, type Resolved } from './candidate.js';
import { MONTH_SRC, WEEKDAY_SRC } from './lexicon.js';
import { dayValue, pickYear, resolveWeekday } from './weekday.js';

/*
 * chrono-node reads the calendar dates and clock times ("Nov. 9, 1989", "June 20", "July 2018", "8 PM
 * Friday", "12/25/2019"). We keep only what it knows for certain (its known components) and compute the
 * value ourselves, so that granularity is kept and year-less dates get the year rule with its evidence.
 * Relative phrases ("last week", "a year ago") are left to our own rules.
 */

const PREPOSITION = /^[\s,;:(–—-]*(?:(?:on|at|in|from|since|by|until|till|to|of|during|for|before|after|around|about|between|the|this|last|next)\s+)*/i;
const HAS_ANCHOR = new RegExp(`(?:${MONTH_SRC}|${WEEKDAY_SRC}|\\d{1,2}:\\d{2}|\\d\\s*(?:a\\.?m\\.?|p\\.?m\\.?)\\b|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}|noon|midnight)`, 'i');
const RELATIVE_WORD = /\b(?:ago|last|next|this|yesterday|today|tomorrow|tonight|now|later|earlier|within|coming|past|previous)\b/i;
/** Month names that are also common words: only a date when something dates them. */
const AMBIGUOUS_MONTH = /^(?:may|march|june|jan|mar|sept?|oct|aug|dec)$/i;
const MONTH_CONTEXT = /\b(?:in|since|until|till|by|of|during|from|through|early|late|mid|and|or|to|between|before|after|last|next|this|every|each|the)\s*$/i;

/**
 * chrono-node's casual English configuration without the parsers whose results we discard (relative phrases:
 * "within 3 days", "2 weeks ago", "tomorrow", "next week", "end of this month"); our own rules read those with
 * TimeML conventions. Fewer parsers, same calendar dates, less time.
 */
const DROPPED_PARSERS = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENCasualDateParser',
  'ENRelativeDateFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
  'ENEndOfCurrentMonthParser',
]);
const configuration = chrono.en.configuration.createCasualConfiguration(false);
const calendarChrono = new chrono.Chrono({
  parsers: configuration.parsers.filter((p) => !DROPPED_PARSERS.has(p.constructor.name)),
  refiners: configuration.refiners,
});

/** chrono's reference instant from the publish date (noon, so that no time zone shifts the day). */
function chronoInstant(ref: Ref | null): Date {
  if (!ref) return new Date(Date.UTC(2000, 0, 1, 12));
  return new Date(Date.UTC(ref.y, (ref.m ?? 1) - 1, ref.d ?? 1, 12));
}

export function chronoParse(text: string, ref: Ref | null): ParsedResult[] {
  return calendarChrono.parse(text, { instant: chronoInstant(ref), timezone: 0 });
}

export function chronoCandidates(text: string, ref: Ref | null, results: ParsedResult[] = chronoParse(text, ref)): Candidate[] {
  const out: Candidate[] = [];
  for (const r of results) {
    const c = fromChrono(r, text);
    if (c) out.push(c);
  }
  return out;
}

function fromChrono(r: ParsedResult, text: string): Candidate | null {
  let start = r.index;
  let raw = r.text;
  const lead = PREPOSITION.exec(raw);
  if (lead) {
    start += lead[0].length;
    raw = raw.slice(lead[0].length);
  }
  raw = raw.replace(/[\s,.;:]+$/, (s) => (/^\.$/.test(s) && /\b[A-Za-z]{3}\.$/.test(raw) ? s : ''));
  if (!raw || !HAS_ANCHOR.test(raw) || RELATIVE_WORD.test(raw)) return null;
  const end = start + raw.length;
  const c = r.start;
  const known = (k: 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute'): number | null => (c.isCertain(k) ? (c.get(k) ?? null) : null);
  const year = known('year');
  const month = known('month');
  const day = known('day');
  const wd = known('weekday');
  const hour = known('hour');
  const minute = known('minute');
  const timeText = /\d{1,2}:\d{2}|\d\s*(?:a\.?m\.?|p\.?m\.?)\b|noon|midnight/i.test(raw);

  // Month alone: only when capitalised and something in front dates it ("in March", "the July attack").
  if (month !== null && day === null && year === null) {
    const word = raw.replace(/\.$/, '');
    if (!/^[A-Z]/.test(word)) return null;
    if (AMBIGUOUS_MONTH.test(word) && !MONTH_CONTEXT.test(text.slice(Math.max(0, start - 12), start))) return null;
  }
  // Slash/dot dates without a year ("3/4") are fractions or scores far more often than dates.
  if (/^\d{1,2}[/.-]\d{1,2}$/.test(raw)) return null;
  if (hour !== null && !timeText && month === null && wd === null) return null;

  const resolve = (env: { ref: Ref | null; future: boolean; past: boolean }): Resolved | null => {
    const { ref, future, past } = env;
    const withTime = (dateValue: string, base: Resolved): Resolved =>
      hour !== null && timeText ? { ...base, type: 'TIME', value: `${dateValue}T${pad2(hour)}:${pad2(minute ?? 0)}` } : base;
    if (month !== null && day !== null) {
      if (year !== null) {
        const v = dayValue(year, month, day);
        return v ? withTime(v, absolute('DATE', v)) : null;
      }
      if (!ref) return withTime(`XXXX-${pad2(month)}-${pad2(day)}`, { ...fixed('DATE', `XXXX-${pad2(month)}-${pad2(day)}`), yearUnknown: true, evidence: 'no year in the text and no publish date' });
      const { y, why } = pickYear(ref, month, day, future, past);
      const v = dayValue(y, month, day);
      return v ? withTime(v, { ...absolute('DATE', v), anchor: 'publish', evidence: why }) : null;
    }
    if (month !== null) {
      if (year !== null) return absolute('DATE', fmtMonth(year, month));
      if (!ref) return { ...fixed('DATE', `XXXX-${pad2(month)}`), yearUnknown: true, evidence: 'no year in the text and no publish date' };
      const { y, why } = pickYear(ref, month, null, future, past);
      return { ...absolute('DATE', fmtMonth(y, month)), anchor: 'publish', evidence: why };
    }
    if (wd !== null) {
      const iso = wd === 0 ? 7 : wd;
      const t = resolveWeekday(ref, iso, future, null);
      if (!t) return withTime(`XXXX-WXX-${iso}`, { ...fixed('DATE', `XXXX-WXX-${iso}`), evidence: 'weekday without a publish date' });
      const v = fmtDay(t);
      return withTime(v, { ...absolute('DATE', v), anchor: 'publish', evidence: `${weekdayName(t)} ${future ? 'on or after' : 'on or before'} the publish date` });
    }
    if (hour !== null) {
      if (!ref || ref.d === null || ref.m === null) return { ...fixed('TIME', `XXXX-XX-XXT${pad2(hour)}:${pad2(minute ?? 0)}`), yearUnknown: true };
      const v = `${pad4(ref.y)}-${pad2(ref.m)}-${pad2(ref.d)}`;
      return withTime(v, { ...absolute('DATE', v), anchor: 'publish', evidence: 'clock time on the publish date' });
    }
    return null;
  };
  return { start, end, rule: 'dates/chrono', priority: 1, resolve };
}
