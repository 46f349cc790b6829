import type { Published } from '../../domain/article.js';
import type { TimexType } from '../../domain/findings.js';
import {
  addDays,
  addMonths,
  fmtDay,
  fmtMonth,
  fmtWeek,
  isValidYmd,
  pad4,
  quarterOf,
  type Ymd,
} from './calendar.js';
import type { Unit } from './lexicon.js';

/** The reference instant: the article's publish date at the precision it is known. */
export interface Ref {
  readonly y: number;
  readonly m: number | null;
  readonly d: number | null;
}

export function refFromPublished(p: Published | null): Ref | null {
  if (!p) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(p.value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] && p.precision !== 'year' ? Number(m[2]) : null;
  const d = m[3] && mo !== null && p.precision !== 'month' ? Number(m[3]) : null;
  if (mo !== null && (mo < 1 || mo > 12)) return { y, m: null, d: null };
  if (mo !== null && d !== null && !isValidYmd(y, mo, d)) return { y, m: mo, d: null };
  return { y, m: mo, d };
}

export function refDay(ref: Ref | null): Ymd | null {
  return ref && ref.m !== null && ref.d !== null ? { y: ref.y, m: ref.m, d: ref.d } : null;
}

/** What a rule resolves a span to. */
export interface Resolved {
  readonly type: TimexType;
  readonly value: string;
  readonly anchor: 'absolute' | 'publish' | 'event' | 'none';
  readonly mod: string | null;
  readonly evidence: string | null;
  readonly yearUnknown: boolean;
}

/** The last resolved calendar date before a span, for anaphoric expressions ('a year earlier', 'the quarter'). */
export interface LastDate {
  readonly value: string;
  readonly text: string;
}

export interface ResolveEnv {
  readonly ref: Ref | null;
  readonly text: string;
  /** The clause around the span reads as future ('will meet on Friday'). */
  readonly future: boolean;
  /** The clause before the span is in the past tense ('raided the camp on June 20'). */
  readonly past: boolean;
  readonly last: LastDate | null;
}

/** A span found by a rule, resolved later in text order (so anaphora sees the dates before it). */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** `dates/<rule-name>`. */
  readonly rule: string;
  /** Among overlapping candidates of the same length, the higher priority wins. */
  readonly priority: number;
  resolve(env: ResolveEnv): Resolved | null;
}

export const absolute = (type: TimexType, value: string, mod: string | null = null): Resolved => ({
  type,
  value,
  anchor: 'absolute',
  mod,
  evidence: null,
  yearUnknown: false,
});

/** A value resolved against the publish date. */
export const publish = (type: TimexType, value: string, mod: string | null, evidence: string | null = null): Resolved => ({
  type,
  value,
  anchor: 'publish',
  mod,
  evidence,
  yearUnknown: false,
});

/** A candidate timex of rule `dates/<rule>`, resolved later in text order. */
export function candidate(start: number, end: number, rule: string, priority: number, resolve: (env: ResolveEnv) => Resolved | null): Candidate {
  return { start, end, rule: `dates/${rule}`, priority, resolve };
}

export const fixed = (type: TimexType, value: string, mod: string | null = null): Resolved => ({
  type,
  value,
  anchor: 'none',
  mod,
  evidence: null,
  yearUnknown: value.startsWith('XXXX'),
});

/**
 * A date `n` units before (n < 0) or after the reference, at the granularity the unit implies:
 * years -> '2012', months -> '2013-02', weeks and days -> a day, quarters -> '2012-Q4'.
 * Null when the reference is not precise enough.
 */
export function shiftFromRef(ref: Ref, n: number, unit: Unit): string | null {
  switch (unit) {
    case 'Y':
      return pad4(ref.y + n);
    case 'DE':
      return pad4(ref.y + 10 * n);
    case 'CE':
      return pad4(ref.y + 100 * n);
    case 'M':
      return ref.m === null ? null : (() => { const t = addMonths({ y: ref.y, m: ref.m, d: 1 }, n); return fmtMonth(t.y, t.m); })();
    case 'Q': {
      if (ref.m === null) return null;
      const t = addMonths({ y: ref.y, m: ref.m, d: 1 }, 3 * n);
      return `${pad4(t.y)}-Q${quarterOf(t.m)}`;
    }
    case 'W':
    case 'WE':
    case 'D':
    case 'H':
    case 'MIN':
    case 'S': {
      const day = refDay(ref);
      if (!day) return null;
      const k = unit === 'W' || unit === 'WE' ? 7 * n : unit === 'D' ? n : unit === 'H' ? Math.trunc(n / 24) : 0;
      return fmtDay(addDays(day, k));
    }
  }
}

/** The ISO week / month / year / quarter containing the reference, shifted by `n` of that unit ('this week', 'last month'). */
export function calendarUnitValue(ref: Ref, n: number, unit: 'W' | 'M' | 'Y' | 'Q' | 'WE' | 'DE' | 'CE'): string | null {
  const day = refDay(ref);
  switch (unit) {
    case 'W':
      return day ? fmtWeek(addDays(day, 7 * n)) : null;
    case 'WE':
      return day ? `${fmtWeek(addDays(day, 7 * n))}-WE` : null;
    case 'DE':
      return `${String(Math.floor(ref.y / 10) + n)}X`;
    case 'CE':
      return String(Math.floor(ref.y / 100) + n);
    default:
      return shiftFromRef(ref, n, unit);
  }
}

/** Shift a value of any calendar granularity by whole years, months or days, keeping the granularity. */
export function shiftValue(value: string, n: number, unit: Unit): string | null {
  let m = /^(\d{4})$/.exec(value);
  if (m) return unit === 'Y' ? pad4(Number(m[1]) + n) : unit === 'DE' ? pad4(Number(m[1]) + 10 * n) : null;
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const q = Number(m[1]) * 4 + Number(m[2]) - 1 + (unit === 'Y' ? 4 * n : unit === 'Q' ? n : unit === 'M' && n % 3 === 0 ? n / 3 : NaN);
    return Number.isNaN(q) ? null : `${pad4(Math.floor(q / 4))}-Q${(q % 4) + 1}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const k = unit === 'Y' ? 12 * n : unit === 'M' ? n : unit === 'Q' ? 3 * n : NaN;
    if (Number.isNaN(k)) return null;
    const t = addMonths({ y: Number(m[1]), m: Number(m[2]), d: 1 }, k);
    return fmtMonth(t.y, t.m);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const t: Ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
    if (unit === 'Y') return fmtDay(addMonths(t, 12 * n));
    if (unit === 'M') return fmtDay(addMonths(t, n));
    if (unit === 'W') return fmtDay(addDays(t, 7 * n));
    if (unit === 'D') return fmtDay(addDays(t, n));
    return null;
  }
  return null;
}

const FUTURE_CUE = /\b(will|won't|shall|'ll|going to|plans? to|planned|scheduled|expected to|expects to|is to|are to|due to|intends? to|hopes? to|set to|next|upcoming|coming)\b/i;
const PAST_CUE = /\b(was|were|had|did|ago|last|earlier|previously|happened|occurred|took place|began|came|went|said|told|held|met|won|lost|left|fled|saw|made|took|gave|began|broke|fell|rose|\w{3,}ed)\b/i;
const NOT_PAST = /^(scheduled|expected|planned|proposed|needed|required|based|called|named|concerned|interested|related|supposed|united|limited|used|indeed|speed|need|feed|seed|deed|breed|hundred)$/i;

const PAST_WINDOW = 3;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

function clauseBefore(text: string, start: number): string {
  let a = start;
  const lo = Math.max(0, start - 120);
  // A clause starts after a line break or after . ! ? ; followed by a space ("9.5 million" does not end one).
  for (; a > lo; a--) {
    const c = text.charCodeAt(a - 1);
    if (c === 10) break;
    const p = text.charCodeAt(a - 2);
    if (isSpace(c) && (p === 46 || p === 33 || p === 63 || p === 59)) break;
  }
  return text.slice(a, start);
}

/** Does the clause holding [start, end) speak of the future? Looks back to the clause start, a little ahead. */
export function isFutureContext(text: string, start: number, end: number): boolean {
  let b = end;
  const hi = Math.min(text.length, end + 30);
  while (b < hi && !/[.!?;,\n]/.test(text[b] ?? '')) b++;
  return FUTURE_CUE.test(clauseBefore(text, start)) || /^\W*(will|'ll)\b/i.test(text.slice(end, b));
}

/** Does the clause before [start) use the past tense (a past auxiliary or an -ed verb)? */
export function isPastContext(text: string, start: number): boolean {
  const all = clauseBefore(text, start).match(/[A-Za-z']+/g) ?? [];
  // "extended to Nov. 20", "completed by Dec. 15": a deadline, not a past date.
  if (/^(to|by|until|till|through|around|before)$/i.test(all[all.length - 1] ?? '')) return false;
  const words = all.slice(-PAST_WINDOW);
  return words.some((w) => PAST_CUE.test(w) && !NOT_PAST.test(w));
}
