import type { TimexType } from '../../domain/findings.js';
import { addDays, fmtDay, fmtWeek, MONTH_NAMES, pad4, weekdayName, WEEKDAY_NAMES } from './calendar.js';
import { publish, candidate, calendarUnitValue, fixed, refDay, shiftValue, type Candidate, type Ref, type Resolved, type ResolveEnv } from './candidate.js';
import {
  modOf,
  MONTH_FULL_SRC,
  parseMonth,
  parseWeekday,
  partOfDayCode,
  PART_OF_DAY_SRC,
  SEASON_SRC,
  seasonCode,
  WEEKDAY_SRC,
} from './lexicon.js';
import { prefixBefore, type Rule } from './rule.js';
import { resolveWeekday } from './weekday.js';

/*
 * Expressions resolved against the publish date or against an earlier date of the article:
 * "three years ago", "a year earlier", "five days after <event>", "last week", "this summer", "yesterday",
 * "now" / "recently" / "the future", and sets ("every year", "weekly").
 */





/** "year-earlier", "the year-ago quarter": the last date of the article, one year back. */
const yearEarlier: Rule = {
  name: 'year-earlier',
  hint: ['year-earlier', 'year earlier', 'year-ago', 'year ago'],
  re: /\b(?:the\s+)?year[- ](?:earlier|ago)(?:\s+(?:quarter|period|month|year|level|figure))?\b/gi,
  make(m) {
    return candidate(m.index, m.index + m[0].length, 'year-earlier', 3, ({ ref, last }) => {
      const v = last ? shiftValue(last.value, -1, 'Y') : null;
      if (last && v) return { type: 'DATE', value: v, anchor: 'event', mod: null, evidence: `one year before "${last.text}" (${last.value})`, yearUnknown: false };
      return ref ? publish('DATE', pad4(ref.y - 1), null) : fixed('DATE', 'XXXX', null);
    });
  },
};

const DIR_SRC = '(this|last|next|past|coming|previous|current|the\\s+past|the\\s+coming|the\\s+previous|the\\s+current|the\\s+last|the\\s+next|the\\s+following|the\\s+same)';
const EDGE_PREFIX = /(?<![\w-])(early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of)[\s-]+$/i;

function direction(word: string): number | null {
  const w = word.toLowerCase().replace(/^the\s+/, '');
  if (w === 'this' || w === 'current' || w === 'same') return 0;
  if (w === 'last' || w === 'past' || w === 'previous') return -1;
  if (w === 'next' || w === 'coming' || w === 'following') return 1;
  return null;
}

/** The season that is `dir` seasons away from the reference ('last summer' = the most recent past summer). */
function seasonValue(ref: Ref, code: string, dir: number): string | null {
  if (ref.m === null) return dir === 0 ? `${pad4(ref.y)}-${code}` : null;
  const endMonth = { SP: 5, SU: 8, FA: 11, WI: 2 }[code] ?? 12;
  const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[code] ?? 1;
  if (dir === 0) return `${pad4(code === 'WI' && ref.m <= 2 ? ref.y - 1 : ref.y)}-${code}`;
  if (dir < 0) {
    const y = code === 'WI' ? (ref.m > 2 ? ref.y - 1 : ref.y - 2) : ref.m > endMonth ? ref.y : ref.y - 1;
    return `${pad4(y)}-${code}`;
  }
  const y = code === 'WI' ? (ref.m >= 12 ? ref.y + 1 : ref.y) : ref.m < startMonth ? ref.y : ref.y + 1;
  return `${pad4(y)}-${code}`;
}

/** "last week", "this year", "next summer", "last April", "last Friday", "earlier this month", "the end of last year". */
const deictic: Rule = {
  name: 'deictic',
  re: new RegExp(`\\b${DIR_SRC}\\s+(week|weekend|month|year|quarter|decade|century|fiscal\\s+year|${SEASON_SRC}|${MONTH_FULL_SRC}|${WEEKDAY_SRC})\\b`, 'gi'),
  make(m, text) {
    const dir = direction(m[1] ?? '');
    if (dir === null) return null;
    const pre = prefixBefore(text, m.index, EDGE_PREFIX);
    const mod = modOf(pre?.m[1]?.replace(/\s+/g, ' '));
    const what = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const hasThe = /^the\b/i.test(m[1] ?? '');
    return candidate(pre ? pre.start : m.index, m.index + m[0].length, 'deictic', 3, ({ ref, future }) => {
      if (!ref) return fixed('DATE', what === 'year' ? 'XXXX' : 'XXXX-XX-XX', mod);
      const wd = parseWeekday(what);
      if (wd !== null && WEEKDAY_NAMES.includes(what as (typeof WEEKDAY_NAMES)[number])) {
        const t = resolveWeekday(ref, wd, future || dir > 0, dir < 0 ? 'last' : dir > 0 ? 'next' : null);
        return t ? publish('DATE', fmtDay(t), mod, `${weekdayName(t)} ${dir < 0 ? 'before' : dir > 0 ? 'after' : 'nearest to'} the publish date`) : null;
      }
      const month = MONTH_NAMES.includes(what as (typeof MONTH_NAMES)[number]) ? parseMonth(what) : null;
      if (month !== null) {
        if (ref.m === null) return publish('DATE', `${pad4(ref.y + (dir < 0 ? -1 : dir > 0 ? 1 : 0))}-${String(month).padStart(2, '0')}`, mod);
        let y = ref.y;
        if (dir < 0) y = month < ref.m ? ref.y : ref.y - 1;
        if (dir > 0) y = month > ref.m ? ref.y : ref.y + 1;
        return publish('DATE', `${pad4(y)}-${String(month).padStart(2, '0')}`, mod);
      }
      if (/^(spring|summer|fall|autumn|winter)$/.test(what)) {
        const v = seasonValue(ref, seasonCode(what), dir);
        return v ? publish('DATE', v, mod) : null;
      }
      const unit = what === 'fiscal year' ? 'Y' : what === 'week' ? 'W' : what === 'weekend' ? 'WE' : what === 'month' ? 'M' : what === 'year' ? 'Y' : what === 'quarter' ? 'Q' : what === 'decade' ? 'DE' : 'CE';
      if (hasThe && dir !== 0 && (unit === 'DE' || unit === 'CE')) return publish('DURATION', unit === 'DE' ? 'P10Y' : 'P100Y', mod);
      const v = calendarUnitValue(ref, dir, unit);
      return v ? publish('DATE', v, mod) : null;
    });
  },
};

/** "today", "yesterday morning", "tonight", "last night", "this morning". */
const dayWords: Rule = {
  name: 'day-word',
  hint: ['today', 'tonight', 'yesterday', 'tomorrow', 'morning', 'afternoon', 'evening', 'night'],
  re: new RegExp(`\\b(?:(today|tonight|yesterday|tomorrow)(?:\\s+(${PART_OF_DAY_SRC}))?|(this|last|tomorrow|yesterday)\\s+(${PART_OF_DAY_SRC}))\\b`, 'gi'),
  make(m) {
    const word = (m[1] ?? m[3] ?? '').toLowerCase();
    const part = m[2] ?? m[4];
    return candidate(m.index, m.index + m[0].length, 'day-word', 3, ({ ref }) => {
      const day = refDay(ref);
      const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : word === 'last' ? (part?.toLowerCase() === 'night' ? -1 : 0) : 0;
      const code = word === 'tonight' ? 'NI' : part ? partOfDayCode(part) : null;
      if (!day) return word === 'today' && !code ? fixed('DATE', 'PRESENT_REF') : fixed(code ? 'TIME' : 'DATE', code ? `XXXX-XX-XXT${code}` : 'XXXX-XX-XX');
      const t = addDays(day, offset);
      return code ? publish('TIME', `${fmtDay(t)}T${code}`, null) : publish('DATE', fmtDay(t), null);
    });
  },
};

/** PRESENT_REF / PAST_REF / FUTURE_REF words. */
const references: Rule = {
  name: 'reference',
  hint: ['now', 'current', 'present', 'recent', 'lately', 'past', 'future', 'these days', 'moment'],
  re: /\b(?:(now|currently|presently|at\s+present|nowadays|right\s+now|these\s+days|at\s+the\s+moment|the\s+present)|(recently|lately|the\s+past(?!\s+(?:\d|few|several|many|two|three|four|five|six|seven|eight|nine|ten|week|month|year|decade|century|quarter|weekend|day|summer|winter|spring|fall)))|(the\s+future|the\s+near\s+future))\b/gi,
  make(m) {
    const value = m[1] ? 'PRESENT_REF' : m[2] ? 'PAST_REF' : 'FUTURE_REF';
    return candidate(m.index, m.index + m[0].length, 'reference', 2, ({ ref }) => (ref ? publish('DATE', value, null) : fixed('DATE', value)));
  },
};

const SET_UNIT: Record<string, string> = {
  second: 'PT1S', minute: 'PT1M', hour: 'PT1H', day: 'P1D', night: 'XXXX-XX-XXTNI', week: 'P1W', weekend: 'XXXX-WXX-WE', month: 'P1M',
  year: 'P1Y', decade: 'P10Y', quarter: 'P3M', morning: 'XXXX-XX-XXTMO', afternoon: 'XXXX-XX-XXTAF', evening: 'XXXX-XX-XXTEV',
  season: 'P1Y', spring: 'XXXX-SP', summer: 'XXXX-SU', fall: 'XXXX-FA', autumn: 'XXXX-FA', winter: 'XXXX-WI',
};

/** "every year", "each season", "weekly", "twice a year", "every Monday". */
const sets: Rule = {
  name: 'set',
  hint: ['every', 'each', 'hourly', 'daily', 'nightly', 'weekly', 'monthly', 'annually', 'yearly', 'once', 'twice', 'times'],
  re: new RegExp(
    `\\b(?:(?:every|each)\\s+(?:other\\s+)?(second|minute|hour|day|night|week|weekend|month|year|decade|quarter|morning|afternoon|evening|season|${SEASON_SRC}|${WEEKDAY_SRC})|(hourly|daily|nightly|weekly|biweekly|monthly|annually|yearly)|(?:once|twice|three\\s+times|four\\s+times|\\d+\\s+times)\\s+(?:a|per|each|every)\\s+(day|week|month|year))\\b`,
    'gi',
  ),
  make(m) {
    const unit = (m[1] ?? m[3] ?? '').toLowerCase();
    const adverb = (m[2] ?? '').toLowerCase();
    const wd = unit ? parseWeekday(unit) : null;
    let value: string;
    if (adverb) value = { hourly: 'PT1H', daily: 'P1D', nightly: 'XXXX-XX-XXTNI', weekly: 'P1W', biweekly: 'P2W', monthly: 'P1M', quarterly: 'P3M', annually: 'P1Y', yearly: 'P1Y' }[adverb] ?? 'P1D';
    else if (wd !== null && WEEKDAY_NAMES.includes(unit as (typeof WEEKDAY_NAMES)[number])) value = `XXXX-WXX-${wd}`;
    else value = SET_UNIT[unit] ?? 'P1D';
    return candidate(m.index, m.index + m[0].length, 'set', 3, () => fixed('SET', value));
  },
};

/** Weekday with a part of day: "Wednesday night", "Friday afternoon" -> TIME. */
const weekdayPart: Rule = {
  name: 'weekday-part',
  hint: ['morning', 'afternoon', 'evening', 'night'],
  re: new RegExp(`\\b(${WEEKDAY_SRC})\\s+(${PART_OF_DAY_SRC})\\b`, 'gi'),
  make(m) {
    const wd = parseWeekday(m[1] ?? '');
    if (wd === null) return null;
    const code = partOfDayCode(m[2] ?? '');
    return candidate(m.index, m.index + m[0].length, 'weekday-part', 3, ({ ref, future }) => {
      const t = resolveWeekday(ref, wd, future, null);
      // The value is the day: TempEval-3 train annotates "Friday night" as the day more often than with a part of day.
      if (!t) return fixed('DATE', `XXXX-WXX-${wd}`);
      return publish('DATE', fmtDay(t), null, `${weekdayName(t)} ${future ? 'on or after' : 'on or before'} the publish date (${code === 'MO' ? 'morning' : code === 'AF' ? 'afternoon' : code === 'EV' ? 'evening' : 'night'})`);
    });
  },
};

/** "the weekend" / "over the weekend": the latest weekend by the publish date, or the next one in a future clause. */
const weekend: Rule = {
  name: 'weekend',
  hint: ['weekend'],
  re: /\bthe\s+weekend\b/gi,
  make(m) {
    return candidate(m.index, m.index + m[0].length, 'weekend', 2, ({ ref, future }) => {
      const day = refDay(ref);
      if (!day) return fixed('DATE', 'XXXX-WXX-WE');
      const saturday = resolveWeekday(ref, 6, future, null) ?? day;
      return publish('DATE', `${fmtWeek(saturday)}-WE`, null, `the weekend ${future ? 'after' : 'before'} the publish date`);
    });
  },
};

export const RELATIVE_RULES: readonly Rule[] = [weekend, yearEarlier, deictic, dayWords, references, sets, weekdayPart];
