/*
 * The range of values a quantity claim allows, approximators applied, and whether a set of ranges has a
 * value in common. Bounds may be open ("more than 2,000" allows 2,000.5 but not 2,000) or infinite.
 */
import type { QuantityData } from '../../../domain/findings.js';

export interface Interval {
  readonly low: number;
  readonly lowOpen: boolean;
  readonly high: number;
  readonly highOpen: boolean;
}

type Bound = 'above' | 'at-least' | 'below' | 'at-most' | 'about' | 'nearly';

/** English approximator words -> the bound they put on the stated value (generic wording, not story words). */
const BOUNDS: readonly (readonly [RegExp, Bound])[] = [
  [/^(no (fewer|less) than|at least|a minimum of|or more)$/, 'at-least'],
  [/^(more than|(well|just) over|over|above|upwards of|in excess of|exceeding)$/, 'above'],
  [/^(no more than|up to|at most|as (many|much) as|a maximum of)$/, 'at-most'],
  [/^(fewer than|less than|just under|under|below)$/, 'below'],
  [/^(close to|almost|nearly|just shy of)$/, 'nearly'],
  [/^(an estimated|estimated|around|about|some|roughly|approximately|approx\.?|circa|or so|an? ?(approximate|rough))$/, 'about'],
];

export function boundOf(approximator: string | null): Bound | null {
  if (!approximator) return null;
  const a = approximator.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [re, b] of BOUNDS) if (re.test(a)) return b;
  return null;
}

const closed = (low: number, high: number): Interval => ({ low, lowOpen: false, high, highOpen: false });

/**
 * The interval a claim allows. A stated value with a known approximator is read here (so that the tolerance
 * is ours and documented); vague quantities ("hundreds") and ranges keep the quantities stage's low/high;
 * a missing bound is unbounded (counts and amounts are never negative).
 */
export function intervalOf(q: Pick<QuantityData, 'value' | 'low' | 'high' | 'approximator' | 'vague'>, tolerance: number, scaleReachesNext = true, vagueTolerance = 0): Interval {
  const v = q.value;
  const bound = boundOf(q.approximator);
  if (v !== null && !q.vague && (bound !== null || (q.low === v && q.high === v) || (q.low === null && q.high === null))) {
    switch (bound) {
      case 'above':
        return { low: v, lowOpen: true, high: Infinity, highOpen: false };
      case 'at-least':
        return { low: v, lowOpen: false, high: Infinity, highOpen: false };
      case 'below':
        return { low: 0, lowOpen: false, high: v, highOpen: true };
      case 'at-most':
        return closed(0, v);
      case 'about':
        return closed(v * (1 - tolerance), v * (1 + tolerance));
      case 'nearly':
        return closed(v * (1 - tolerance), v);
      case null:
        return closed(v, v);
    }
  }
  const low = q.low ?? (v !== null && q.high === null ? v : 0);
  let high = q.high ?? Infinity;
  if (scaleReachesNext && q.vague && q.low !== null) high = widenScale(q.low, high);
  if (q.vague && v === null && q.low !== null && q.high !== null && vagueTolerance > 0) {
    // A word range ("several", "dozens", "a few hundred") has soft edges: "several" does not deny 11.
    return closed(Math.floor(Math.min(low, high) * (1 - vagueTolerance)), Math.ceil(Math.max(low, high) * (1 + vagueTolerance)));
  }
  return closed(Math.min(low, high), Math.max(low, high));
}

const SCALES = [1e3, 1e6, 1e9, 1e12];

/**
 * "thousands" read as 2,000..9,999 becomes 2,000..999,999: a plural scale word covers everything up to the
 * next scale word ("hundreds" < 1,000, "thousands" < 1,000,000, as "millions" < 1,000,000,000), so that
 * "killed thousands" does not conflict with "killed over 12,000" while "hundreds" still conflicts with 3,000.
 */
function widenScale(low: number, high: number): number {
  for (const s of SCALES) if (low === 2 * s && high === 10 * s - 1) return 1000 * s - 1;
  return high;
}

/** The common part of intervals, or null when they have no value in common. */
export function intersect(items: readonly Interval[]): Interval | null {
  let acc: Interval = { low: -Infinity, lowOpen: false, high: Infinity, highOpen: false };
  for (const i of items) {
    const low = i.low > acc.low ? i : i.low < acc.low ? acc : { low: i.low, lowOpen: i.lowOpen || acc.lowOpen };
    const high = i.high < acc.high ? i : i.high > acc.high ? acc : { high: i.high, highOpen: i.highOpen || acc.highOpen };
    acc = { low: low.low, lowOpen: low.lowOpen, high: high.high, highOpen: high.highOpen };
  }
  if (acc.low > acc.high) return null;
  if (acc.low === acc.high && (acc.lowOpen || acc.highOpen)) return null;
  return acc;
}

const num = (x: number): string => (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 2 }));

/** An interval in words: "over 2,000", "at least 1", "2,700 to 3,300", "exactly 150", "below 10". */
export function describeInterval(i: Interval): string {
  if (i.high === Infinity) return `${i.lowOpen ? 'over' : 'at least'} ${num(i.low)}`;
  if (i.low <= 0 && !i.lowOpen) return `${i.highOpen ? 'below' : 'at most'} ${num(i.high)}`;
  if (i.low === i.high) return `exactly ${num(i.low)}`;
  return `${num(i.low)} to ${num(i.high)}`;
}
