/*
 * Numbers that are not quantity claims: years, times, dates, identifiers ("Route 1000", "Resolution
 * 2231"), phone numbers, list numbers, scores, "one of the", pronoun "one". Each check names itself,
 * so a test can say why a number was left out.
 */
import type { ArticleView } from '../phrases/article-view.js';
import { isCapitalized, MONTHS, WEEKDAYS } from '../phrases/lexicon.js';
import type { NumberExpr } from './numbers.js';

const ID_WORDS = new Set(
  `no no. nos. number num. # route room article articles resolution section chapter paragraph clause page pages
  flight highway road apartment apt. unit line platform gate terminal channel bus building floor level phase
  model version season episode volume vol. issue item point rule decree amendment case file ref code box
  district zone sector category class grade stage round block lot plot seat table figure fig. annex appendix
  protocol law act bill order exhibit count mile kilometre kilometer km exit`.split(/\s+/),
);
const TIME_AFTER = new Set(['a.m.', 'p.m.', 'am', 'pm', "o'clock", 'gmt', 'utc', 'hrs', 'h', 'cet', 'est', 'edt', 'pst']);
const DEFINITE_BEFORE = new Set(['the', 'these', 'those', 'both', 'all', 'its', 'their', 'his', 'her', 'our', 'my', 'your']);
const ONE_BEFORE = new Set(['the', 'no', 'any', 'every', 'each', 'this', 'that', 'which', 'such', 'only', 'last', 'another']);
/** "at one point", "on the one hand", "one way or another": idioms, not counts. */
const ONE_IDIOMS = new Set(['point', 'hand', 'way', 'side', 'day', 'time', 'thing', 'another']);
const PLURAL_IRREGULAR = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'troops', 'cattle', 'sheep', 'fish', 'aircraft', 'persons']);
const PURE_DIGITS = /^\d+$/;

/** Looks like a year: four digits 1000-2199 without separators, not counting a plural noun after it. */
function isYear(v: ArticleView, n: NumberExpr): boolean {
  if (n.end - n.first !== 1 || n.currency) return false;
  const t = v.tokens[n.first]!.text;
  if (/^\d{4}[-–/]\d{2,4}$/.test(t)) return true;
  if (!/^\d{4}$/.test(t)) return false;
  const y = Number(t);
  if (y < 1000 || y > 2199) return false;
  const next = v.lower[n.end] ?? '';
  return !(/^\p{Ll}[\p{L}-]*s$/u.test(next) || PLURAL_IRREGULAR.has(next));
}

export function exclusionReason(v: ArticleView, n: NumberExpr, dateCovered: (start: number, end: number) => boolean): string | null {
  const { tokens, lower } = v;
  const first = tokens[n.first]!;
  const last = tokens[n.end - 1]!;
  const prev = lower[n.first - 1] ?? '';
  const next = lower[n.end] ?? '';
  const sentence = v.sentences[v.sentenceOf[n.first]!];
  if (dateCovered(first.start, last.end)) return 'date';
  if (!n.spelled && isYear(v, n)) return 'year';
  if (MONTHS.has(prev) || MONTHS.has(next) || WEEKDAYS.has(prev)) return 'date';
  if (TIME_AFTER.has(next) || next === ':' || prev === ':' || /^\d{1,2}[:.h]\d{2}$/.test(first.text)) return 'time';
  // "Mr. Grimm, 44, a Republican": an age between commas after a person's name.
  if (!n.spelled && prev === ',' && (next === ',' || next === '.') && v.mentionAt[n.first - 2] !== undefined && v.mentionAt[n.first - 2]! >= 0 && v.mentions[v.mentionAt[n.first - 2]!]!.type === 'PER') return 'age';
  if (!n.spelled) {
    const tokPrev = tokens[n.first - 1]?.text ?? '';
    const tokNext = tokens[n.end]?.text ?? '';
    if (tokPrev === '+' || (PURE_DIGITS.test(first.text) && (PURE_DIGITS.test(tokNext) || PURE_DIGITS.test(tokPrev)))) return 'phone-or-code';
    // "555-1234", "020-7946-0018": digit groups of three and four joined by dashes.
    if (/^\d{3}-\d{4}$/.test(first.text) || /^\d{2,4}-\d{3,4}-\d{4}$/.test(first.text)) return 'phone-or-code';
    if (ID_WORDS.has(prev) || tokPrev === '#') return 'identifier';
    // "Route 1000", "Boeing 737": a capitalised word (not the sentence's first) right before digits.
    if (n.first > 0 && isCapitalized(tokPrev) && /^\p{L}/u.test(tokPrev) && sentence?.firstToken !== n.first - 1 && !n.currency && !/^[A-Z]{2,}$/.test(tokPrev)) return 'identifier';
    if ((first.newlineBefore || n.first === 0) && (next === '.' || next === ')')) return 'list-number';
    if (prev === '(' && next === ')') return 'list-number';
    // "passed 234-193": a tally, not a range.
    if (n.range && n.low !== null && n.high !== null && n.low > n.high) return 'score';
    if (n.range && (n.high ?? 0) <= 30 && !/,/.test(first.text)) {
      const after = lower[n.end] ?? '';
      if (!(/^\p{Ll}[\p{L}-]*s$/u.test(after) || PLURAL_IRREGULAR.has(after))) return 'score';
    }
  }
  if (n.spelled && n.value !== null && !n.vague) {
    const word = lower[n.first]!;
    if (word === 'one' || word === 'a' || word === 'an') {
      if (next === 'of' || next === 'another' || ONE_BEFORE.has(prev) || ONE_IDIOMS.has(next)) return 'pronoun-one';
    }
    if (n.value <= 10 && DEFINITE_BEFORE.has(prev)) return 'definite-small-number';
  }
  return null;
}
