/**
 * Words of time: numbers as words, units and their TimeML letters, months, weekdays, seasons, parts of day.
 * Regex sources are built here once so that every rule spells a unit the same way.
 */

const SMALL: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, 'a hundred': 100, 'one hundred': 100, 'a dozen': 12, dozen: 12, 'half a': 0.5, 'a half': 0.5,
  'a couple of': 2, 'couple of': 2, 'a couple': 2,
};
/** Quantifiers that make a duration vague: 'several years' -> PXY. */
const VAGUE = ['a few', 'few', 'several', 'many', 'some', 'numerous', 'dozens of', 'hundreds of', 'thousands of', 'a number of'];

export const NUMBER_WORD_SRC =
  '(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)|' +
  Object.keys(SMALL)
    .concat(VAGUE)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'))
    .join('|') +
  ')';

/** Parse a number phrase; null when vague ('several'), undefined when not a number at all. */
export function parseNumber(phrase: string): number | null | undefined {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^[\d,.]+$/.test(p)) {
    const n = Number(p.replace(/,/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  if (p in SMALL) return SMALL[p];
  if (VAGUE.includes(p)) return null;
  const compound = /^(\w+)[- ](\w+)$/.exec(p);
  if (compound) {
    const tens = SMALL[compound[1] ?? ''];
    const ones = SMALL[compound[2] ?? ''];
    if (tens !== undefined && ones !== undefined) return tens + ones;
  }
  return undefined;
}

/** TimeML duration unit letters. 'DE' decade, 'CE' century; T-units are written after 'T'. */
export type Unit = 'S' | 'MIN' | 'H' | 'D' | 'W' | 'M' | 'Q' | 'Y' | 'DE' | 'CE' | 'WE';

export const UNIT_SRC = '(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries)';

export function parseUnit(word: string): { unit: Unit; factor: number } | null {
  const w = word.toLowerCase().replace(/s$/, '').replace(/ie$/, 'y');
  switch (w) {
    case 'second': return { unit: 'S', factor: 1 };
    case 'minute': return { unit: 'MIN', factor: 1 };
    case 'hour': return { unit: 'H', factor: 1 };
    case 'day': case 'night': return { unit: 'D', factor: 1 };
    case 'week': return { unit: 'W', factor: 1 };
    case 'weekend': return { unit: 'WE', factor: 1 };
    case 'fortnight': return { unit: 'W', factor: 2 };
    case 'month': return { unit: 'M', factor: 1 };
    case 'quarter': return { unit: 'Q', factor: 1 };
    case 'year': return { unit: 'Y', factor: 1 };
    case 'decade': return { unit: 'DE', factor: 1 };
    case 'century': case 'centurie': case 'centuri': return { unit: 'CE', factor: 1 };
    default: return null;
  }
}

/** A TimeML duration value: P3Y, P10Y for 'a decade', PT24H, PXY when the amount is vague. */
export function durationValue(n: number | null, unit: Unit): string {
  if (unit === 'WE') return n === null ? 'PXWE' : `P${n * 2}D`;
  if (n === null) return unit === 'MIN' ? 'PTXM' : unit === 'H' || unit === 'S' ? `PTX${unit}` : unit === 'DE' ? 'PXDE' : unit === 'CE' ? 'PXCE' : `PX${unit}`;
  if (unit === 'DE') return `P${n * 10}Y`;
  if (unit === 'CE') return `P${n * 100}Y`;
  if (unit === 'Q') return `P${n * 3}M`;
  const amount = Number.isInteger(n) ? String(n) : unit === 'Y' ? `${Math.round(n * 12)}` : String(n);
  if (!Number.isInteger(n) && unit === 'Y') return `P${amount}M`;
  if (!Number.isInteger(n) && unit === 'D') return `PT${Math.round(n * 24)}H`;
  if (unit === 'MIN') return `PT${amount}M`;
  if (unit === 'H' || unit === 'S') return `PT${amount}${unit}`;
  return `P${amount}${unit}`;
}

export const MONTH_SRC =
  '(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember|\\.)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)';
export const MONTH_FULL_SRC = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';

export function parseMonth(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '').slice(0, 3);
  const i = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(w);
  return i < 0 ? null : i + 1;
}

export const WEEKDAY_SRC = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
export function parseWeekday(word: string): number | null {
  const i = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(word.toLowerCase().slice(0, 3));
  return i < 0 ? null : i + 1;
}

export const SEASON_SRC = '(?:spring|summer|fall|autumn|winter)';
export function seasonCode(word: string): string {
  const w = word.toLowerCase();
  return w === 'spring' ? 'SP' : w === 'summer' ? 'SU' : w === 'winter' ? 'WI' : 'FA';
}

export const PART_OF_DAY_SRC = '(?:morning|afternoon|evening|night)';
export function partOfDayCode(word: string): string {
  const w = word.toLowerCase();
  return w === 'morning' ? 'MO' : w === 'afternoon' ? 'AF' : w === 'evening' ? 'EV' : 'NI';
}

export const ORDINAL: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

/** Modifiers before a timex and the TimeML mod they give. */
export function modOf(word: string | undefined): string | null {
  if (!word) return null;
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^(about|around|roughly|approximately|some|nearly|almost|close to|an estimated|circa|just over|just under)$/.test(w)) return 'APPROX';
  if (/^(more than|over|at least)$/.test(w)) return w === 'at least' ? 'EQUAL_OR_MORE' : 'MORE_THAN';
  if (/^(less than|under|up to|no more than)$/.test(w)) return 'LESS_THAN';
  if (/^(early|the beginning of|the start of|earlier)$/.test(w)) return 'START';
  if (/^(late|the end of|later)$/.test(w)) return 'END';
  if (/^(mid|the middle of)$/.test(w)) return 'MID';
  return null;
}
