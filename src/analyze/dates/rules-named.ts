import { pad2, pad4, weekday } from './calendar.js';
import { candidate, absolute, fixed, type Candidate, type Resolved, type ResolveEnv } from './candidate.js';
import { MONTH_SRC, parseMonth, WEEKDAY_SRC } from './lexicon.js';
import type { Rule } from './rule.js';
import { dayValue, pickYear } from './weekday.js';

/*
 * Named days and written-out forms: holidays ("Christmas", "Thanksgiving Day"), years in words
 * ("nineteen ninety-six", "the year two thousand"), a weekday with its date ("Friday, Oct. 23"),
 * a second day after a month-day ("April 24 and 25"), and "year-end".
 */


/** A month-day in the publish year by the year rule, or 'XXXX-MM-DD' without a publish date. */
function monthDay(env: ResolveEnv, m: number, d: number, year: number | null): Resolved | null {
  if (year !== null) {
    const v = dayValue(year, m, d);
    return v ? absolute('DATE', v) : null;
  }
  if (!env.ref) return { ...fixed('DATE', `XXXX-${pad2(m)}-${pad2(d)}`), yearUnknown: true, evidence: 'no year in the text and no publish date' };
  const { y, why } = pickYear(env.ref, m, d, env.future, env.past);
  const v = dayValue(y, m, d);
  return v ? { ...absolute('DATE', v), anchor: 'publish', evidence: why } : null;
}

const FIXED_HOLIDAYS: Record<string, [number, number]> = {
  'christmas eve': [12, 24],
  'christmas day': [12, 25],
  christmas: [12, 25],
  "new year's eve": [12, 31],
  "new year's day": [1, 1],
  'independence day': [7, 4],
  'bastille day': [7, 14],
  halloween: [10, 31],
  "valentine's day": [2, 14],
  "st. patrick's day": [3, 17],
  'boxing day': [12, 26],
  'may day': [5, 1],
};

/** US Thanksgiving: the fourth Thursday of November. */
function thanksgiving(y: number): number {
  const first = weekday({ y, m: 11, d: 1 });
  return 1 + ((4 - first + 7) % 7) + 21;
}

const holidays: Rule = {
  name: 'holiday',
  hint: ['christmas', 'new year', 'independence day', 'bastille', 'halloween', 'valentine', 'patrick', 'boxing day', 'may day', 'thanksgiving'],
  re: /\b(?:(last|next|this)\s+)?(Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s\s+(?:Eve|Day)|Independence\s+Day|Bastille\s+Day|Halloween|Valentine['’]s\s+Day|St\.\s+Patrick['’]s\s+Day|Boxing\s+Day|May\s+Day|Thanksgiving(?:\s+Day)?)(?:\s+((?:1[0-9]|20)\d\d))?\b/g,
  make(m) {
    const name = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
    const year = m[3] ? Number(m[3]) : null;
    const dir = (m[1] ?? '').toLowerCase();
    return candidate(m.index, m.index + m[0].length, 'holiday', 3, (env) => {
      const { ref } = env;
      const dateIn = (y: number): [number, number] => (name.startsWith('thanksgiving') ? [11, thanksgiving(y)] : (FIXED_HOLIDAYS[name] ?? [1, 1]));
      if (year !== null) {
        const [mo, d] = dateIn(year);
        return monthDay(env, mo, d, year);
      }
      if (!ref) {
        if (name.startsWith('thanksgiving')) return { ...fixed('DATE', 'XXXX-11-XX'), yearUnknown: true };
        const [mo, d] = dateIn(2000);
        return monthDay(env, mo, d, null);
      }
      let y = ref.y;
      const [mo0, d0] = dateIn(y);
      const refKey = (ref.m ?? 12) * 100 + (ref.d ?? 31);
      const key = mo0 * 100 + d0;
      if (dir === 'last') y = key < refKey ? y : y - 1;
      else if (dir === 'next') y = key > refKey ? y : y + 1;
      else if (dir !== 'this') {
        const r = monthDay(env, mo0, d0, null);
        const chosenYear = r && /^\d{4}/.test(r.value) ? Number(r.value.slice(0, 4)) : null;
        if (chosenYear === null || chosenYear === y) return r;
        const [mo1, d1] = dateIn(chosenYear);
        const v1 = dayValue(chosenYear, mo1, d1);
        return v1 && r ? { ...r, value: v1 } : r;
      }
      const [mo, d] = dateIn(y);
      const v = dayValue(y, mo, d);
      return v ? { ...absolute('DATE', v), anchor: 'publish' } : null;
    });
  },
};

const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Record<string, number> = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** "nineteen ninety-six" -> 1996; "the year two thousand" -> 2000; "two thousand and one" -> 2001. */
const wordYears: Rule = {
  name: 'word-year',
  hint: ['nineteen', 'eighteen', 'two thousand'],
  re: /\b(?:(eighteen|nineteen)[\s-]+(?:(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?|oh[\s-]+(one|two|three|four|five|six|seven|eight|nine))|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?(?!\s+(?:people|dollars|euros|members|troops|soldiers|years|times|miles|km|kilometers|tons|votes)\b))\b/gi,
  make(m) {
    let y: number;
    if (m[1]) {
      const century = m[1].toLowerCase() === 'eighteen' ? 1800 : 1900;
      const rest = m[2] ? TEENS[m[2].toLowerCase()] : m[3] ? (TENS[m[3].toLowerCase()] ?? 0) + (m[4] ? (UNITS[m[4].toLowerCase()] ?? 0) : 0) : m[5] ? UNITS[m[5].toLowerCase()] : undefined;
      if (rest === undefined) return null;
      y = century + rest;
    } else {
      if (!/the\s+year/i.test(m[0]) && !m[6]) return null; // "two thousand" alone is a count
      const n = m[6] ? (UNITS[m[6].toLowerCase()] ?? TEENS[m[6].toLowerCase()] ?? 0) : 0;
      y = 2000 + n;
    }
    return candidate(m.index, m.index + m[0].length, 'word-year', 2, () => absolute('DATE', pad4(y)));
  },
};

/** "Friday, Oct. 23" / "Thursday, Jan. 6, 2000": one date; the weekday confirms it. */
const weekdayDate: Rule = {
  name: 'weekday-date',
  re: new RegExp(`\\b${WEEKDAY_SRC},?\\s+(${MONTH_SRC})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+((?:1[0-9]|20)\\d\\d)\\b)?`, 'gi'),
  make(m) {
    const mo = parseMonth(m[1] ?? '');
    const d = Number(m[2]);
    if (mo === null || d < 1 || d > 31) return null;
    const year = m[3] ? Number(m[3]) : null;
    return candidate(m.index, m.index + m[0].length, 'weekday-date', 3, (env) => monthDay(env, mo, d, year));
  },
};

/** "April 24 and 25": the second day. */
const secondDay: Rule = {
  name: 'second-day',
  hint: /\d\s+(?:and|or|to|through|-|–)\s+\d/,
  re: new RegExp(`\\b(${MONTH_SRC})\\s+\\d{1,2}\\s+(?:and|or|to|through)\\s+(\\d{1,2})\\b(?!\\s*(?:%|percent|,\\d|\\.\\d))`, 'gi'),
  make(m) {
    const mo = parseMonth(m[1] ?? '');
    const d = Number(m[2]);
    if (mo === null || d < 1 || d > 31) return null;
    const start = m.index + m[0].length - (m[2] ?? '').length;
    return candidate(start, m.index + m[0].length, 'second-day', 2, (env) => monthDay(env, mo, d, null));
  },
};

/** "by year end", "year-end": the end of the publish year. */
const yearEnd: Rule = {
  name: 'year-end',
  hint: ['year-end', 'year end'],
  re: /\byear[- ]end\b/gi,
  make(m) {
    return candidate(m.index, m.index + m[0].length, 'year-end', 2, ({ ref }) => (ref ? { ...absolute('DATE', pad4(ref.y), 'END'), anchor: 'publish' } : fixed('DATE', 'XXXX', 'END')));
  },
};

/** "the fiscal year", "the full year": the year last stated, else the publish year. */
const fiscalYear: Rule = {
  name: 'fiscal-year',
  hint: ['fiscal year', 'full year', 'calendar year'],
  re: /\bthe\s+(?:fiscal|full|calendar)\s+year\b/gi,
  make(m) {
    return candidate(m.index, m.index + m[0].length, 'fiscal-year', 2, ({ ref, last }) => {
      const stated = last && /^\d{4}/.test(last.value) ? last.value.slice(0, 4) : null;
      if (stated) return { ...absolute('DATE', stated), anchor: 'event', evidence: `the year of "${last?.text}"` };
      return ref ? { ...absolute('DATE', pad4(ref.y)), anchor: 'publish' } : fixed('DATE', 'XXXX');
    });
  },
};

export const NAMED_RULES: readonly Rule[] = [holidays, wordYears, weekdayDate, secondDay, yearEnd, fiscalYear];
