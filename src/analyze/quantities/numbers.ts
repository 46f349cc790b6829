/*
 * find: where a number expression starts and ends in the token array, and what it is worth.
 * Digits ("2,000", "1.2", "5bn"), scale words ("20 million"), number words ("two dozen", "a hundred",
 * "twenty-five"), currency symbols ("$", "€") and vague quantities ("hundreds", "dozens of", "several").
 */

export interface NumberExpr {
  /** First and one-past-last token of the number itself (currency symbol included). */
  readonly first: number;
  readonly end: number;
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly vague: boolean;
  /** Currency from a symbol or code before the number ('USD', 'EUR'...). */
  readonly currency: string | null;
  /** Spelled out ("ten", "a dozen"), not digits. */
  readonly spelled: boolean;
  /** A range written as one token or "N to M" / "between N and M". */
  readonly range: boolean;
}

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
export const SCALES: Readonly<Record<string, number>> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12,
};
const WORD_SCALES = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion']);

export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD', US$: 'USD', 'US $': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₺': 'TRY', '₪': 'ILS', '﷼': 'IRR',
  usd: 'USD', eur: 'EUR', gbp: 'GBP', jpy: 'JPY', cny: 'CNY', irr: 'IRR', rub: 'RUB', chf: 'CHF', inr: 'INR',
};

/** Vague quantity words and the range they allow. */
const VAGUE: Readonly<Record<string, readonly [number | null, number | null]>> = {
  dozens: [24, 99],
  scores: [40, 99],
  hundreds: [200, 999],
  thousands: [2000, 9999],
  millions: [2e6, 999e6],
  billions: [2e9, 999e9],
  several: [3, 9],
  many: [null, null],
  numerous: [null, null],
  countless: [null, null],
  multiple: [2, null],
};
/** Multi-word vague quantities, matched before single words. */
const VAGUE_PHRASES: readonly (readonly [readonly string[], readonly [number | null, number | null]])[] = [
  [['tens', 'of', 'thousands'], [20000, 99999]],
  [['hundreds', 'of', 'thousands'], [200000, 999999]],
  [['tens', 'of', 'millions'], [2e7, 99e6]],
  [['hundreds', 'of', 'millions'], [2e8, 999e6]],
  [['a', 'number', 'of'], [2, null]],
  [['a', 'handful', 'of'], [2, 5]],
  [['a', 'few'], [2, 5]],
];

const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const DIGITS_SCALE = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(k|m|mn|mln|bn|b|tn)$/i;
const DIGIT_RANGE = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)[-–]((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$/;

export const parseDigits = (s: string): number => Number(s.replace(/,/g, ''));

function scaleAt(lower: readonly string[], i: number): number {
  const w = lower[i];
  if (w === undefined) return 1;
  return WORD_SCALES.has(w) || w === 'mn' || w === 'bn' || w === 'mln' || w === 'tn' ? (SCALES[w] ?? 1) : 1;
}

/** Spelled-out numbers: "ten", "twenty-five", "two hundred and fifty", "a dozen", "two dozen", "a million". */
function spelledAt(lower: readonly string[], i: number): { value: number; end: number } | null {
  let j = i;
  let total = 0;
  let current = 0;
  let any = false;
  if ((lower[j] === 'a' || lower[j] === 'an') && (WORD_SCALES.has(lower[j + 1] ?? '') || lower[j + 1] === 'dozen')) {
    current = 1;
    any = true;
    j++;
  }
  while (j < lower.length) {
    const w = lower[j]!;
    const hyphen = /^([a-z]+)-([a-z]+)$/.exec(w);
    if (w in UNITS && !any) current += UNITS[w]!;
    else if (w in TENS && !any) current += TENS[w]!;
    else if (hyphen && hyphen[1]! in TENS && hyphen[2]! in UNITS) current += TENS[hyphen[1]!]! + UNITS[hyphen[2]!]!;
    else if (w in UNITS && any && current % 100 === 0 && current > 0) current += UNITS[w]!;
    else if (w in TENS && any && current % 100 === 0 && current > 0) current += TENS[w]!;
    else if (w === 'hundred' && any) current = Math.max(current, 1) * 100;
    else if (w === 'dozen' && any) current = Math.max(current, 1) * 12;
    else if ((w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion') && any) {
      total += Math.max(current, 1) * SCALES[w]!;
      current = 0;
    } else if (w === 'and' && any && current >= 100 && (lower[j + 1] ?? '') in UNITS) {
      j++;
      continue;
    } else break;
    any = true;
    j++;
  }
  if (!any || j === i) return null;
  return { value: total + current, end: j };
}

function vagueAt(lower: readonly string[], i: number): NumberExpr | null {
  for (const [words, [low, high]] of VAGUE_PHRASES) {
    if (words.every((w, k) => lower[i + k] === w)) {
      // "a few hundred": the vague word scales what follows.
      const scale = scaleAt(lower, i + words.length);
      if (scale > 1 && words[0] === 'a' && words[1] === 'few') {
        return { first: i, end: i + words.length + 1, value: null, low: 2 * scale, high: 5 * scale, vague: true, currency: null, spelled: true, range: false };
      }
      const end = words[words.length - 1] === 'of' ? i + words.length - 1 : i + words.length;
      return { first: i, end, value: null, low, high, vague: true, currency: null, spelled: true, range: false };
    }
  }
  const w = lower[i]!;
  const r = VAGUE[w];
  if (!r) return null;
  const scale = scaleAt(lower, i + 1);
  if ((w === 'several' || w === 'many') && scale > 1) {
    return { first: i, end: i + 2, value: null, low: (w === 'several' ? 3 : 2) * scale, high: 9 * scale, vague: true, currency: null, spelled: true, range: false };
  }
  if (w === 'several' && lower[i + 1] === 'dozen') return { first: i, end: i + 2, value: null, low: 36, high: 108, vague: true, currency: null, spelled: true, range: false };
  return { first: i, end: i + 1, value: null, low: r[0], high: r[1], vague: true, currency: null, spelled: true, range: false };
}

/** The number expression starting at token `i`, or null. */
export function numberAt(texts: readonly string[], lower: readonly string[], i: number): NumberExpr | null {
  let j = i;
  let currency: string | null = null;
  const symbol = CURRENCY_SYMBOLS[texts[j] ?? ''] ?? (/^[A-Z]{3}$/.test(texts[j] ?? '') ? CURRENCY_SYMBOLS[lower[j]!] : undefined);
  if (symbol && /^\d/.test(texts[j + 1] ?? '')) {
    currency = symbol;
    j++;
  }
  const t = texts[j] ?? '';
  let m: RegExpExecArray | null;
  if (DIGITS.test(t)) {
    const base = parseDigits(t);
    const scale = scaleAt(lower, j + 1);
    const value = base * scale;
    return { first: i, end: scale > 1 ? j + 2 : j + 1, value, low: value, high: value, vague: false, currency, spelled: false, range: false };
  }
  if ((m = DIGITS_SCALE.exec(t))) {
    const value = parseDigits(m[1]!) * (SCALES[m[2]!.toLowerCase()] ?? 1);
    return { first: i, end: j + 1, value, low: value, high: value, vague: false, currency, spelled: false, range: false };
  }
  if ((m = DIGIT_RANGE.exec(t))) {
    const scale = scaleAt(lower, j + 1);
    const low = parseDigits(m[1]!) * scale;
    const high = parseDigits(m[2]!) * scale;
    return { first: i, end: scale > 1 ? j + 2 : j + 1, value: null, low, high, vague: false, currency, spelled: false, range: true };
  }
  if (currency) return null;
  const spelled = spelledAt(lower, i);
  if (spelled) {
    const v = spelled.value;
    const dozenOnly = lower[spelled.end - 1] === 'dozen' && (lower[i] === 'a' || lower[i] === 'dozen');
    return { first: i, end: spelled.end, value: v, low: v, high: v, vague: dozenOnly, currency: null, spelled: true, range: false };
  }
  return vagueAt(lower, i);
}

/** "between 2,000 and 3,000", "2,000 to 3,000": joins a second number onto the first. */
export function extendRange(texts: readonly string[], lower: readonly string[], first: NumberExpr): NumberExpr {
  const joiner = lower[first.end];
  if (first.value === null || (joiner !== 'to' && joiner !== 'and' && joiner !== '-' && joiner !== '–')) return first;
  if (joiner === 'and' && lower[first.first - 1] !== 'between') return first;
  const second = numberAt(texts, lower, first.end + 1);
  if (!second || second.value === null || second.vague) return first;
  let low = first.value;
  // "2 to 3 million": the scale written once applies to both.
  if (second.value >= 1e3 && low < 1e3 && second.end - second.first > 1) low *= SCALES[lower[second.end - 1]!] ?? 1;
  if (second.value < low) return first;
  return { ...first, end: second.end, value: null, low, high: second.value, range: true, currency: first.currency ?? second.currency };
}
