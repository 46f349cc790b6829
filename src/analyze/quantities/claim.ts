/*
 * parse: what surrounds a number: the approximator before it ("more than", "some"), the unit after
 * it ("%", "dollars"), and the range the wording allows.
 */
import type { NumberExpr } from './numbers.js';

type Bound = 'above' | 'at-least' | 'below' | 'at-most' | 'about' | 'nearly';

const APPROXIMATORS: readonly (readonly [readonly string[], Bound])[] = [
  [['more', 'than'], 'above'],
  [['well', 'over'], 'above'],
  [['just', 'over'], 'above'],
  [['over'], 'above'],
  [['above'], 'above'],
  [['upwards', 'of'], 'above'],
  [['in', 'excess', 'of'], 'above'],
  [['no', 'fewer', 'than'], 'at-least'],
  [['no', 'less', 'than'], 'at-least'],
  [['at', 'least'], 'at-least'],
  [['a', 'minimum', 'of'], 'at-least'],
  [['fewer', 'than'], 'below'],
  [['less', 'than'], 'below'],
  [['just', 'under'], 'below'],
  [['under'], 'below'],
  [['below'], 'below'],
  [['no', 'more', 'than'], 'at-most'],
  [['up', 'to'], 'at-most'],
  [['at', 'most'], 'at-most'],
  [['as', 'many', 'as'], 'at-most'],
  [['as', 'much', 'as'], 'at-most'],
  [['a', 'maximum', 'of'], 'at-most'],
  [['an', 'estimated'], 'about'],
  [['estimated'], 'about'],
  [['around'], 'about'],
  [['about'], 'about'],
  [['some'], 'about'],
  [['roughly'], 'about'],
  [['approximately'], 'about'],
  [['approx.'], 'about'],
  [['circa'], 'about'],
  [['close', 'to'], 'nearly'],
  [['almost'], 'nearly'],
  [['nearly'], 'nearly'],
];

export interface Approximator {
  readonly first: number;
  readonly text: string;
  readonly bound: Bound;
}

/** The approximator that ends right before token `i`, longest first. */
export function approximatorBefore(lower: readonly string[], i: number): Approximator | null {
  let best: Approximator | null = null;
  for (const [words, bound] of APPROXIMATORS) {
    const first = i - words.length;
    if (first < 0) continue;
    if (words.every((w, k) => lower[first + k] === w) && (!best || words.length > i - best.first)) {
      best = { first, text: words.join(' '), bound };
    }
  }
  return best;
}

/** "3,000 or more", "3,000 or so" after the number. */
export function approximatorAfter(lower: readonly string[], end: number): { end: number; text: string; bound: Bound } | null {
  if (lower[end] !== 'or') return null;
  if (lower[end + 1] === 'more') return { end: end + 2, text: 'or more', bound: 'at-least' };
  if (lower[end + 1] === 'so') return { end: end + 2, text: 'or so', bound: 'about' };
  return null;
}

/** The range a bound allows around a stated value (vague quantities keep their own range). */
export function applyBound(n: NumberExpr, bound: Bound | null): { low: number | null; high: number | null } {
  if (n.value === null || n.range || !bound) return { low: n.low, high: n.high };
  const v = n.value;
  switch (bound) {
    case 'above':
    case 'at-least':
      return { low: v, high: null };
    case 'below':
    case 'at-most':
      return { low: null, high: v };
    case 'about':
      return { low: round(v * 0.9), high: round(v * 1.1) };
    case 'nearly':
      return { low: round(v * 0.9), high: v };
  }
}

const round = (x: number): number => (Number.isInteger(x) ? x : Math.round(x * 1000) / 1000);

const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', sterling: 'GBP',
  rial: 'IRR', rials: 'IRR', toman: 'IRT', tomans: 'IRT', yuan: 'CNY', renminbi: 'CNY', yen: 'JPY',
  ruble: 'RUB', rubles: 'RUB', rouble: 'RUB', roubles: 'RUB', rupee: 'INR', rupees: 'INR', lira: 'TRY', liras: 'TRY',
  shekel: 'ILS', shekels: 'ILS', franc: 'CHF', francs: 'CHF', dinar: 'DINAR', dinars: 'DINAR', dirham: 'AED', dirhams: 'AED',
  riyal: 'SAR', riyals: 'SAR', lek: 'ALL', leke: 'ALL', hryvnia: 'UAH', hryvnias: 'UAH',
};

/** A unit right after the number: "%", "percent", "per cent", "percentage points", or a currency word. */
export function unitAfter(lower: readonly string[], end: number): { unit: string; end: number } | null {
  const w = lower[end];
  if (w === '%' || w === 'percent' || w === 'pct') return { unit: '%', end: end + 1 };
  if (w === 'per' && lower[end + 1] === 'cent') return { unit: '%', end: end + 2 };
  if (w === 'percentage' && lower[end + 1] === 'points') return { unit: 'pp', end: end + 2 };
  // "20 million US dollars": a country adjective before the currency word is part of it.
  if ((w === 'us' || w === 'u.s.') && lower[end + 1] && CURRENCY_WORDS[lower[end + 1]!]) return { unit: CURRENCY_WORDS[lower[end + 1]!]!, end: end + 2 };
  if (w && CURRENCY_WORDS[w]) return { unit: CURRENCY_WORDS[w]!, end: end + 1 };
  return null;
}
