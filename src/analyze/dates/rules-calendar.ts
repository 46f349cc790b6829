import { pad4, quarterOf } from './calendar.js';
import { candidate, absolute, fixed, shiftValue, type Candidate, type Resolved, type ResolveEnv } from './candidate.js';
import {
  durationValue,
  modOf,
  MONTH_FULL_SRC,
  ORDINAL,
  parseMonth,
  parseUnit,
  SEASON_SRC,
  seasonCode,
} from './lexicon.js';
import { groupStart, prefixBefore, type Rule } from './rule.js';
import { pickYear } from './weekday.js';

/*
 * Calendar expressions chrono-node does not read: bare years ("in 2016"), year ranges ("1980-88" -> two
 * DATE timexes, '1980' and '1988', as TempEval-3 annotates "2009-2010"), decades ('198X'), centuries ('19'),
 * seasons ('2018-SU'), quarters and halves ('2018-Q1', '2018-H2'), month pairs ("May and June 2022"),
 * and durations ("for a decade" -> P10Y, "24 hours" -> PT24H, "many years" -> PXY).
 */


const YEAR_SRC = '(?:1[0-9]|20)\\d\\d';

/** Words before a number that make it a label, not a year: "Room 1986", "Route 1000", "Section 2016". */
const LABEL_BEFORE = /(?:\b(?:room|rooms|route|no|nos|number|numbers|section|sections|article|articles|flight|flights|highway|page|pages|chapter|resolution|apartment|suite|unit|model|item|code|bill|law|case|order|decree|paragraph|clause|line|box|exit|gate|platform|channel|bus|track|version|vol|volume|issue|figure|fig|table|appendix|lot|block|building|floor|interstate|zip|po|p\.o|rs|usd|eur|gbp|us\$|ref|reference|id|account|tel|phone|fax|ext|street|st|avenue|ave|road|rd|plot|precinct|district|ward|cell|hall|bay|pier|kilometre|kilometer|km|mile|mt|mount|hill|height|elevation|altitude|score|scored|total|totalled|totaled|of\s+the|to|from|by|up|down|about|around|some|nearly|almost|over|than|only|just|least)\s*[#:.]?\s*|[#$€£¥%+±×*/=:.,\d-]\s*)$/i;
/** Preceding words that make a 4-digit number a year even in odd company. */
const YEAR_BEFORE = /\b(?:in|since|from|until|till|by|before|after|during|of|year|years|fiscal|calendar|circa|c\.|early|late|mid|spring|summer|fall|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|between|and|through|to|for|as\s+of|than)\s*-?$/i;
/** What after a number makes it a count, a measure or a code. */
const COUNT_AFTER = /^(?:\s*(?:%|percent|per\s*cent|pct|[.,:]\d|[-–/]\d{3,}|st\b|nd\b|rd\b|th\b|°|\s+(?:people|persons|members|police|policemen|officers|troops|soldiers|votes|cases|deaths|dead|students|workers|employees|families|children|kids|men|women|residents|refugees|migrants|prisoners|inmates|tons|tonnes|km|kilometers|kilometres|miles|meters|metres|feet|ft|acres|hectares|dollars|euros|pounds|rupees|yuan|yen|barrels|shares|units|copies|pages|words|rooms|homes|houses|buildings|cars|vehicles|points|calories|seats|kg|mg|mm|cm|m|mph|kph|hp|gb|mb|tb|mw|kw|jobs|beds|patients|fighters|militants|rebels|civilians|victims|protesters|demonstrators|delegates|participants|visitors|tourists|fans|passengers|votes|signatures|hours|minutes|seconds|times|more|or\s+more|and\s+counting|pupils|teachers|doctors|nurses|staff|employees|firms|companies|stores|branches|schools|villages|cities|sites|items|articles|posts|tweets|messages|emails|calls|tests|infections|arrests|detainees)\b))/i;

function looksLikeYear(text: string, start: number, end: number, year: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 30);
  if (/[\d,.$€£#]$/.test(before) || /^[\d]/.test(after)) return false;
  if (/^,\d{3}/.test(after)) return false;
  const strongBefore = YEAR_BEFORE.test(before);
  if (!strongBefore && LABEL_BEFORE.test(before)) return false;
  if (COUNT_AFTER.test(after)) return false;
  if (/^-\d{3,}/.test(after) || /\d-$/.test(before)) return false; // phone numbers, codes
  if (year < 1800 || year > 2099) return strongBefore && year >= 1000;
  return true;
}

/** "in 2016", "since 1979", "fiscal 1989", "early 2011", "the end of 1994"; "1980-88" / "2009-2010" -> two timexes. */
const YEAR_PREFIX = /(?<![\w-])(early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|fiscal|calendar|FY)[\s-]+$/i;

const years: Rule = {
  name: 'year',
  re: new RegExp(`(?<![\\w$€£#@/.,'’-])(${YEAR_SRC})(?:(\\s*(?:-|–|—|to|through|and)\\s*)((?:${YEAR_SRC})|\\d\\d))?(?![\\w%]|[.,]\\d|'s\\b|’s\\b)`, 'gid'),
  make(m, text) {
    const y1 = Number(m[1]);
    const s1 = m.index;
    const e1 = s1 + (m[1] ?? '').length;
    const pre = prefixBefore(text, s1, YEAR_PREFIX);
    const prefix = pre?.m[1];
    const start = pre ? pre.start : s1;
    const endOfMatch = m.index + m[0].length;
    if (!looksLikeYear(text, start, m[3] ? endOfMatch : e1, y1)) return null;
    const mod = modOf(prefix?.replace(/\s+/g, ' '));
    const first = candidate(start, e1, 'year', 2, () => absolute('DATE', pad4(y1), mod));
    if (!m[3]) return first;
    const raw2 = m[3];
    const y2 = raw2.length === 2 ? Math.floor(y1 / 100) * 100 + Number(raw2) : Number(raw2);
    const sep = (m[2] ?? '').trim();
    if (y2 <= y1 || y2 - y1 > 200 || (sep === 'and' && raw2.length === 2)) {
      // Not a range ("2016-12" is a month; "2016 and 17" is odd): keep the first year only, unless it is a month.
      if (raw2.length === 2 && /^[-–]$/.test(sep) && Number(raw2) >= 1 && Number(raw2) <= 12) {
        return candidate(start, endOfMatch, 'iso-month', 2, () => absolute('DATE', `${pad4(y1)}-${raw2}`, mod));
      }
      return sep === 'and' ? first : null;
    }
    const s2 = groupStart(m, 3);
    return [first, candidate(s2, s2 + raw2.length, 'year-range-end', 2, () => ({ ...absolute('DATE', pad4(y2), null), evidence: `end of the range "${text.slice(start, endOfMatch)}"` }))];
  },
};

const DECADE_WORDS: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };

/** "the 1980s" -> '198X'; "the '80s", "the 80s", "the eighties" -> '198X' (century from the publish date). */
const decades: Rule = {
  name: 'decade',
  hint: ["0s", "0's", '0’s', 'ties'],
  re: /\b(?:(early|late|mid)[\s-]+)?(?:((?:1[0-9]|20)\d)0'?s\b|(?:the\s+|(?<=0'?s\s+(?:and|or|to|through)\s+))(?:'|’)?(\d)0'?s\b|(?:the\s+)(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)/gi,
  make(m, text) {
    const mod = modOf(m[1]);
    if (m[2]) {
      if (/[\d,.$]$/.test(text.slice(Math.max(0, m.index - 1), m.index))) return null;
      return candidate(m.index, m.index + m[0].length, 'decade', 2, () => absolute('DATE', `${m[2]}X`, mod));
    }
    const digit = m[3] !== undefined ? Number(m[3]) : DECADE_WORDS[(m[4] ?? '').toLowerCase()];
    if (digit === undefined) return null;
    return candidate(m.index, m.index + m[0].length, 'decade', 2, ({ ref }) => {
      const refYear = ref?.y ?? null;
      const century = refYear !== null && digit * 10 <= refYear % 100 && digit <= 2 ? Math.floor(refYear / 100) : 19;
      return { ...absolute('DATE', `${century}${digit}X`, mod), evidence: refYear === null ? 'century assumed 19xx' : null };
    });
  },
};

const CENTURY_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
  twentieth: 20, 'twenty-first': 21, 'twenty first': 21,
};

/** "the 20th century" -> '19'. */
const centuries: Rule = {
  name: 'century',
  hint: ['century', 'centuries'],
  re: /\b(?:(early|late|mid)[\s-]+)?(?:(\d{1,2})(?:st|nd|rd|th)|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first))[\s-]+century\b/gi,
  make(m) {
    const n = m[2] ? Number(m[2]) : CENTURY_WORDS[(m[3] ?? '').toLowerCase().replace(' ', '-')];
    if (!n || n > 30) return null;
    return candidate(m.index, m.index + m[0].length, 'century', 2, () => absolute('DATE', String(n - 1).padStart(2, '0'), modOf(m[1])));
  },
};

/** "summer 2018", "the summer of 2018", "in the spring" (the latest such season by the publish date). */
const seasons: Rule = {
  name: 'season',
  hint: ['spring', 'summer', 'fall', 'autumn', 'winter'],
  re: new RegExp(`\\b(?:(early|late|mid)[\\s-]+)?(${SEASON_SRC})(?:\\s+(?:of\\s+)?(${YEAR_SRC})\\b)?`, 'gi'),
  make(m, text) {
    const code = seasonCode(m[2] ?? '');
    const mod = modOf(m[1]);
    if (m[3]) return candidate(m.index, m.index + m[0].length, 'season', 2, () => absolute('DATE', `${m[3]}-${code}`, mod));
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (!/\b(?:in|the|during|this|that|since|until|by|early|late|mid|over)\s+$/i.test(before)) return null;
    if (/^\s+(?:of|season|semester|term|session|collection|offensive|olympics|games)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12)) && !m[1]) return null;
    return candidate(m.index, m.index + m[0].length, 'season', 1, ({ ref, future }) => {
      if (!ref) return fixed('DATE', `XXXX-${code}`, mod);
      const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[code] ?? 1;
      const y = ref.m === null || future || ref.m >= startMonth ? ref.y : ref.y - 1;
      return { ...absolute('DATE', `${pad4(y)}-${code}`, mod), anchor: 'publish', evidence: 'season of the publish year, or the latest one before it' };
    });
  },
};

/** "the third quarter", "third-quarter", "the fourth quarter of 2018", "Q1 2018", "fiscal 1989's second quarter", "the quarter". */
const quarters: Rule = {
  name: 'quarter',
  hint: ['quarter', 'half', 'period', 'q1', 'q2', 'q3', 'q4'],
  re: new RegExp(
    `\\b(?:(?:the\\s+)?(?:(?:fiscal|calendar)\\s+)?(?:(${YEAR_SRC})(?:'s|’s)?\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\\s-]+(?:fiscal\\s+|calendar\\s+)?(quarter|half)(?:\\s+of\\s+(?:fiscal\\s+)?(${YEAR_SRC}))?|Q([1-4])(?:\\s*(${YEAR_SRC}))?|(${YEAR_SRC})\\s*Q([1-4])|the\\s+(?:(?:latest|most\\s+recent|recent|current|same|just-ended|year-earlier|year-ago|fiscal)\\s+)?(quarter|half|period)|the\\s+(${YEAR_SRC})\\s+(quarter|period))\\b`,
    'gi',
  ),
  make(m) {
    if (m[10]) {
      // "the 1988 quarter": the quarter named before, in that year.
      const year = m[10];
      return candidate(m.index, m.index + m[0].length, 'quarter', 2, ({ last }) => {
        const q = last && /^\d{4}-Q[1-4]$/.test(last.value) ? last.value.slice(5) : null;
        return q ? { ...absolute('DATE', `${year}-${q}`), anchor: 'event', evidence: `the quarter of "${last?.text}" in ${year}` } : absolute('DATE', `${year}-QX`);
      });
    }
    // "the last quarter" alone is the previous quarter (deictic rule); "the last quarter of 1989" is Q4.
    if (m[2]?.toLowerCase() === 'last' && !m[4]) return null;
    const explicitYear = m[1] ?? m[4] ?? m[6] ?? m[7];
    const ordinal: number | null = m[2] ? (/^(final|last)$/i.test(m[2]) ? (m[3]?.toLowerCase() === 'half' ? 2 : 4) : (ORDINAL[m[2].toLowerCase()] ?? null)) : m[5] ? Number(m[5]) : m[8] ? Number(m[8]) : null;
    const half = (m[3] ?? m[9] ?? '').toLowerCase() === 'half';
    const period = (m[9] ?? '').toLowerCase() === 'period';
    const yearBack = /year-(?:earlier|ago)/i.test(m[0]) ? -1 : 0;
    if (half && ordinal !== null && ordinal > 2) return null;
    return candidate(m.index, m.index + m[0].length, 'quarter', 2, ({ ref, last }) => {
      if (ordinal === null) {
        // "the quarter": the quarter last mentioned, else the one before the publish date's.
        const lastQ = last && /^\d{4}-(Q|H)\d$/.test(last.value) && last.value.includes(half ? 'H' : 'Q') ? shiftValue(last.value, yearBack, 'Y') : null;
        if (period && !lastQ) return null;
        if (lastQ) return { ...absolute('DATE', lastQ), anchor: 'event', evidence: `the ${half ? 'half' : 'quarter'} named before ("${last?.text}")` };
        if (!ref || ref.m === null) return fixed('DATE', half ? 'XXXX-HX' : 'XXXX-QX');
        const q = quarterOf(ref.m);
        if (half) return { ...absolute('DATE', `${pad4(ref.y)}-H${ref.m <= 6 ? 1 : 2}`), anchor: 'publish' };
        return { ...absolute('DATE', q === 1 ? `${pad4(ref.y - 1)}-Q4` : `${pad4(ref.y)}-Q${q - 1}`), anchor: 'publish' };
      }
      const code = `${half ? 'H' : 'Q'}${ordinal}`;
      if (explicitYear) return absolute('DATE', `${explicitYear}-${code}`);
      if (!ref) return fixed('DATE', `XXXX-${code}`);
      if (ref.m === null) return { ...absolute('DATE', `${pad4(ref.y)}-${code}`), anchor: 'publish' };
      const current = half ? (ref.m <= 6 ? 1 : 2) : quarterOf(ref.m);
      const y = ordinal <= current ? ref.y : ref.y - 1;
      return { ...absolute('DATE', `${pad4(y)}-${code}`), anchor: 'publish', evidence: `the latest ${half ? 'half' : 'quarter'} ${ordinal} by the publish date` };
    });
  },
};

/** "May and June 2022", "March to May 2020": the first month takes the year of the second. */
const monthPairs: Rule = {
  name: 'month-pair',
  hint: /(?:uary|ch|il|May|une|uly|ust|ber)\s+(?:and|or|to|through|-|–)\s+[A-Z]/,
  re: new RegExp(`\\b(${MONTH_FULL_SRC})\\s+(?:and|or|to|through|-|–)\\s+(${MONTH_FULL_SRC})\\s+(${YEAR_SRC})\\b`, 'gid'),
  make(m) {
    const m1 = parseMonth(m[1] ?? '');
    const m2 = parseMonth(m[2] ?? '');
    if (m1 === null || m2 === null) return null;
    const y = Number(m[3]);
    const s1 = m.index;
    const s2 = groupStart(m, 2);
    const y1 = m1 > m2 ? y - 1 : y;
    return [
      candidate(s1, s1 + (m[1] ?? '').length, 'month-pair', 3, () => ({ ...absolute('DATE', `${pad4(y1)}-${String(m1).padStart(2, '0')}`), evidence: `year from "${m[0]}"` })),
      candidate(s2, m.index + m[0].length, 'month-pair', 3, () => absolute('DATE', `${pad4(y)}-${String(m2).padStart(2, '0')}`)),
    ];
  },
};

/** Vague plural durations: "for years", "in recent weeks", "over the past months", "decades". */
const VAGUE_PREFIX = /(?<![\w-])(recent|the\s+past|the\s+last|the\s+next|the\s+coming|coming|past|the\s+following)\s+$/i;

const vagueDurations: Rule = {
  name: 'vague-duration',
  hint: ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'decades', 'centuries'],
  re: /\b(?:years|months|weeks|days|hours|minutes|decades|centuries)\b/gi,
  make(m, text) {
    const pre = prefixBefore(text, m.index, VAGUE_PREFIX, 20);
    const before = text.slice(Math.max(0, m.index - 10), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (!pre && !/\b(?:for|over|in|within|after|from|into|spanning|lasting|taking|took|takes)\s+$/i.test(before)) return null;
    if (/^\s+(?:old|of\s+age)\b/i.test(after)) return null;
    const u = parseUnit(m[0]);
    if (!u) return null;
    return candidate(pre ? pre.start : m.index, m.index + m[0].length, 'vague-duration', 1, () => ({ ...fixed('DURATION', durationValue(null, u.unit)), anchor: 'absolute', yearUnknown: false }));
  },
};

/** A month written alone with a 4-digit year handled by chrono; month-only words chrono misses: "mid-July". */
const midMonth: Rule = {
  name: 'mid-month',
  hint: ['early', 'late', 'mid'],
  re: new RegExp(`\\b(early|late|mid)[\\s-]+(${MONTH_FULL_SRC})(?:\\s+(${YEAR_SRC}))?\\b`, 'gi'),
  make(m) {
    const month = parseMonth(m[2] ?? '');
    if (month === null) return null;
    const mod = modOf(m[1]);
    return candidate(m.index, m.index + m[0].length, 'month-edge', 3, ({ ref, future, past }) => {
      if (m[3]) return absolute('DATE', `${m[3]}-${String(month).padStart(2, '0')}`, mod);
      if (!ref) return { ...fixed('DATE', `XXXX-${String(month).padStart(2, '0')}`, mod), yearUnknown: true };
      const { y, why } = pickYear(ref, month, null, future, past);
      return { ...absolute('DATE', `${pad4(y)}-${String(month).padStart(2, '0')}`, mod), anchor: 'publish', evidence: why };
    });
  },
};

export const CALENDAR_RULES: readonly Rule[] = [years, decades, centuries, seasons, quarters, monthPairs, vagueDurations, midMonth];
