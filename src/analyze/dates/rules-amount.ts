import type { TimexType } from '../../domain/findings.js';
import { publish, candidate, fixed, shiftFromRef, shiftValue, type Candidate, type Resolved, type ResolveEnv } from './candidate.js';
import { durationValue, modOf, NUMBER_WORD_SRC, parseNumber, parseUnit, UNIT_SRC, type Unit } from './lexicon.js';
import type { Rule } from './rule.js';

/*
 * An amount of time and what follows it, found from the unit word backwards (one cheap scan for unit words
 * instead of a number alternation tried at every position):
 *   "24 hours", "for a decade", "the past two months", "two-year"        -> DURATION
 *   "almost ten years ago"                                               -> DATE before the publish date
 *   "a year earlier", "two weeks later"                                  -> DATE from the last date of the article
 *   "five days after Norland cut ties"                                   -> DURATION anchored on the named event
 */

const MOD_SRC =
  '(about|almost|nearly|some|roughly|around|approximately|more\\s+than|over|less\\s+than|just|only|barely|at\\s+least|close\\s+to|up\\s+to|a\\s+mere|under|another|an\\s+additional)';
const PREFIX = new RegExp(
  `(?<![\\w'’-])(?:${MOD_SRC}\\s+(?!the\\s))?(?:the\\s+(?:(past|last|next|first|following|previous|coming|final|same|latest|remaining)\\s+)?)?(${NUMBER_WORD_SRC})(\\s+and\\s+a\\s+half)?[\\s-]+$`,
  'i',
);
const AMOUNT_WORD = /^(?:few|several|many|some|of|half|dozen|couple|numerous|\w+ty|\w+-\w+)$/;
const NOT_PLURAL = new Set(['was', 'has', 'this', 'his', 'its', 'less', 'across', 'unless', 'thus', 'plus', 'always', 'perhaps', 'sometimes', 'besides', 'towards', 'afterwards', 'whereas', 'does', 'goes', 'takes', 'lasts', 'spends', 'needs', 'gives', 'makes', 'seems', 'remains', 'comes', 'within']);
const FOLLOW = /^(\s+and\s+a\s+half\b)?(\s+(ago|earlier|later|before|after|since|previously)\b)?/i;
const EVENT_STOP = /^(?:that|this|these|those|then|which|when|it|the\s+(?:fact|end|start)|[,.;:])/i;



function unitName(unit: Unit): string {
  return { S: 'second', MIN: 'minute', H: 'hour', D: 'day', W: 'week', M: 'month', Q: 'quarter', Y: 'year', DE: 'decade', CE: 'century', WE: 'weekend' }[unit];
}

export const amount: Rule = {
  name: 'amount',
  re: new RegExp(`\\b${UNIT_SRC}\\b`, 'gi'),
  make(m, text) {
    const unitStart = m.index;
    const unitEnd = m.index + m[0].length;
    const u = parseUnit(m[0]);
    if (!u) return null;
    let sliceStart = Math.max(0, unitStart - 70);
    if (sliceStart > 0) {
      const sp = text.indexOf(' ', sliceStart);
      sliceStart = sp < 0 || sp >= unitStart ? unitStart : sp + 1;
    }
    const slice = text.slice(sliceStart, unitStart);
    // Cheap gate: the word before the unit must be a number or a quantifier ("two", "24", "several", "dozens of").
    const prev = /([\p{L}\d.,]+)[\s-]+$/u.exec(slice)?.[1]?.toLowerCase();
    if (!prev || !(/^\d/.test(prev) || parseNumber(prev) !== undefined || AMOUNT_WORD.test(prev))) return null;
    const p = PREFIX.exec(slice);
    if (!p) return null;
    const start = sliceStart + p.index;
    let n = parseNumber(p[3] ?? '');
    if (n === undefined || /^(?:1[0-9]|20)\d\d$/.test(p[3] ?? '')) return null; // "the 1988 quarter" is a year
    const follow = FOLLOW.exec(text.slice(unitEnd, unitEnd + 30));
    if (p[4] || follow?.[1]) n = n === null ? null : n + 0.5;
    const amountEnd = unitEnd + (follow?.[1]?.length ?? 0);
    const mod = modOf(p[1]?.replace(/\s+/g, ' '));
    const word = (follow?.[3] ?? '').toLowerCase();
    const k = n === null ? null : Math.round(n * u.factor);
    const end = amountEnd + (follow?.[2]?.length ?? 0);

    if (word === 'ago') {
      return candidate(start, end, 'ago', 3, ({ ref, last }) => {
        if (k === null) return ref ? publish('DATE', 'PAST_REF', mod) : fixed('DATE', 'PAST_REF', mod);
        // In a report on a quarter, "a year ago" is the same quarter a year before (TimeBank convention).
        const quarter = last && /^\d{4}-Q[1-4]$/.test(last.value) && (u.unit === 'Y' || u.unit === 'Q') ? shiftValue(last.value, -k, u.unit) : null;
        if (last && quarter) return { type: 'DATE', value: quarter, anchor: 'event', mod, evidence: `${k} ${unitName(u.unit)}(s) before "${last.text}" (${last.value})`, yearUnknown: false };
        const value = ref ? shiftFromRef(ref, -k, u.unit) : null;
        if (!value) return { ...fixed('DATE', 'PAST_REF', mod), evidence: `${k} ${unitName(u.unit)}(s) before the publish date, which is unknown` };
        return publish('DATE', value, mod, `${k} ${unitName(u.unit)}(s) before the publish date`);
      });
    }
    if (word) {
      const after = text.slice(end, end + 160);
      const eventMatch = /^\s+([^,.;:!?\n"“”()]{3,})/.exec(after);
      const eventText =
        eventMatch && (word === 'after' || word === 'before' || word === 'since') && !EVENT_STOP.test((eventMatch[1] ?? '').trim())
          ? ((eventMatch[1] ?? '').trim().split(/\s+(?:which|that|who|whom|when|where|while|because|but|so|as|amid)\b/i)[0]?.split(/\s+/).slice(0, 10).join(' ') ?? null)
          : null;
      if (eventText) {
        // Span: the amount only ("five days"); the anchor is named in the evidence.
        return candidate(start, amountEnd, 'event-anchored', 3, () => ({
          type: 'DURATION',
          value: durationValue(k, u.unit),
          anchor: 'event',
          mod,
          evidence: `${k ?? 'some'} ${unitName(u.unit)}(s) ${word} "${eventText}"`,
          yearUnknown: false,
        }));
      }
      if (word !== 'since' && word !== 'before' && word !== 'after') {
        const sign = word === 'later' ? 1 : -1;
        return candidate(start, end, 'relative-to-last', 3, ({ ref, last }) => {
          if (k === null) return fixed('DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF', mod);
          const fromLast = last ? shiftValue(last.value, sign * k, u.unit) : null;
          if (last && fromLast) {
            return { type: 'DATE', value: fromLast, anchor: 'event', mod, evidence: `${k} ${unitName(u.unit)}(s) ${sign < 0 ? 'before' : 'after'} "${last.text}" (${last.value})`, yearUnknown: false };
          }
          const v = ref ? shiftFromRef(ref, sign * k, u.unit) : null;
          return v ? publish('DATE', v, mod, `${k} ${unitName(u.unit)}(s) ${sign < 0 ? 'before' : 'after'} the publish date`) : fixed('DATE', 'XXXX-XX-XX', mod);
        });
      }
    }
    // A plain duration. Not an age ("45-year-old"), a price rate ("$5 a month") or a fraction ("three quarters of").
    const rest = text.slice(amountEnd, amountEnd + 12);
    if (u.unit === 'Q' && /^\s+of\b/i.test(rest)) return null;
    if (/^[\s-]+old\b/i.test(rest) || /^-(?:old|olds)\b/i.test(rest)) return null;
    const before = text.slice(Math.max(0, start - 12), start);
    if (/(?:\baged?|\$|€|£|\d)\s*$/i.test(before)) return null;
    const numberText = (p[3] ?? '').toLowerCase();
    if (numberText === 'a' || numberText === 'an') {
      // A rate ("$500 million a year", "700 seats a week") or an ordinal ("a second betrayal"), not an amount of time.
      const prevWord = /([A-Za-z%\d]+)\W*$/.exec(before)?.[1]?.toLowerCase() ?? '';
      if (u.unit === 'S' && /^\s+[a-z]/.test(rest)) return null;
      const rate = /^(?:\d+|%|times|million|billion|trillion|percent|dollars|cents|euros|pounds)$/.test(prevWord) || (/^[a-z]{3,}s$/.test(prevWord) && !NOT_PLURAL.has(prevWord));
      // A rate is a set of times in TimeML: "$33 million a year" -> SET P1Y.
      if (rate && k === 1) return candidate(start, amountEnd, 'set', 2, () => fixed('SET', durationValue(1, u.unit)));
    }
    if (/^\d{1,3}(,\d{3})+$/.test(numberText)) return null;
    const value = durationValue(n === null ? null : n * u.factor, u.unit);
    return candidate(start, amountEnd, 'duration', 1, () => ({ ...fixed('DURATION', value, mod), anchor: 'absolute', yearUnknown: false }));
  },
};
