import type { LabelData, QuantityData, QuantityFinding } from '../../domain/findings.js';
import type { ArticleStage, StageContext } from '../../domain/stage.js';
import { type ArticleView, buildView } from '../phrases/article-view.js';
import { DETERMINERS, TIME_UNITS, VERBS } from '../phrases/lexicon.js';
import { applyBound, approximatorAfter, approximatorBefore, unitAfter } from './claim.js';
import { countedAfter, lemmaOf, partOf, possessiveBefore } from './counted.js';
import { exclusionReason } from './exclude.js';
import { extendRange, type NumberExpr, numberAt, parseDigits } from './numbers.js';

/**
 * quantities: every quantity claim in an article, with its span, value or range, approximator, unit
 * and what is counted ("more than 2,000 members of the terror group": 2000+, members, owned by the
 * group the description refers to, as the labels stage resolved it). Dates, years, times, identifiers,
 * phone numbers, list numbers, scores and durations are left out. Order of work per number: find it (numbers.ts), rule it out
 * (exclude.ts), then read its surroundings (claim.ts, counted.ts).
 */

const STARTS = new Set([
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty',
  'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'dozen', 'dozens', 'scores', 'hundreds', 'thousands',
  'millions', 'billions', 'tens', 'several', 'many', 'numerous', 'countless', 'multiple',
]);
const NEEDS_NOUN = new Set(['several', 'numerous', 'countless', 'multiple', 'scores']);
const NOT_COUNTED = new Set(['times', 'time', 'percent', 'fold']);
const AGE = /^(\d{1,3})-year-old$/;
const COMPOUND = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)-(\p{L}[\p{L}-]*)$/u;

function isPluralLike(word: string): boolean {
  return /s$/i.test(word) || lemmaOf(word) !== word.toLowerCase() || /^(people|police|personnel|staff|troops|children|men|women)$/i.test(word);
}

function mayStart(text: string, lower: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || STARTS.has(lower) || /^[$€£¥₹₽₺₪﷼]|^US\$$|^[A-Z]{3}$/.test(text) || /^[a-z]+-[a-z]+$/.test(lower);
}

function dateCoverage(ctx: StageContext): (start: number, end: number) => boolean {
  const spans = ctx
    .prior('dates')
    .filter((f) => f.kind === 'date')
    .map((f) => f.span)
    .sort((a, b) => a.start - b.start);
  return (start, end) => {
    for (const s of spans) {
      if (s.start >= end) return false;
      if (s.end > start) return true;
    }
    return false;
  };
}

/**
 * Entity names of the definite descriptions the labels stage resolved ("the terror group" -> the
 * organisation it refers back to), by the end offset of the description's head noun: a description's
 * label span ends at its head. Only `labels/description-*` findings refer back; attached labels
 * (appositives, premodifiers, predicates) describe a name already written beside them.
 */
function referredNames(ctx: StageContext): Map<number, string> {
  const out = new Map<number, string>();
  for (const f of ctx.prior('labels')) {
    if (f.kind !== 'label' || !f.rule.startsWith('labels/description-')) continue;
    const d = f.data as LabelData;
    out.set(d.labelSpan.end, d.target.name);
  }
  return out;
}

function finding(v: ArticleView, first: number, end: number, rule: string, data: QuantityData): QuantityFinding {
  const p = partOf(v, first, end);
  return { kind: 'quantity', span: p.span, text: p.text, rule, data };
}

function run(ctx: StageContext): QuantityFinding[] {
  const v = buildView(ctx);
  const { tokens, lower } = v;
  const texts = tokens.map((t) => t.text);
  const dateCovered = dateCoverage(ctx);
  let referred: Map<number, string> | null = null;
  const ownerName = (o: { head: number; mention: number }): string | null => {
    if (o.mention >= 0) return v.mentions[o.mention]!.name;
    referred ??= referredNames(ctx);
    return referred.get(tokens[o.head]!.end) ?? null;
  };
  const out: QuantityFinding[] = [];
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i < next || !mayStart(texts[i]!, lower[i]!)) continue;
    const age = AGE.exec(texts[i]!);
    if (age) {
      const value = Number(age[1]);
      out.push(finding(v, i, i + 1, 'quantities/age', { value, low: value, high: value, approximator: null, vague: false, unit: 'age', counted: null, owner: null }));
      continue;
    }
    const compound = COMPOUND.exec(texts[i]!);
    let n: NumberExpr | null;
    if (compound && !/^\d/.test(compound[2]!)) {
      // "24-hour" is a duration; "3,000-strong force" counts the force.
      if (TIME_UNITS.has(compound[2]!.toLowerCase()) || TIME_UNITS.has(`${compound[2]!.toLowerCase()}s`)) continue;
      const value = parseDigits(compound[1]!);
      n = { first: i, end: i + 1, value, low: value, high: value, vague: false, currency: null, spelled: false, range: false };
    } else n = numberAt(texts, lower, i);
    if (!n) continue;
    n = extendRange(texts, lower, n);
    next = n.end;
    const reason = exclusionReason(v, n, dateCovered);
    if (reason) continue;
    const before = approximatorBefore(lower, n.first);
    const after = approximatorAfter(lower, n.end);
    const unitInfo = n.currency ? { unit: n.currency, end: n.end } : unitAfter(lower, after?.end ?? n.end);
    const unit = unitInfo?.unit ?? null;
    const tail = Math.max(unitInfo?.end ?? n.end, after?.end ?? n.end);
    const isMoney = unit !== null && unit !== '%' && unit !== 'pp';
    const counted = isMoney ? { head: -1, end: tail, owner: null } : unit ? (lower[tail] === 'of' ? countedAfter(v, tail, n.first) : { head: -1, end: tail, owner: null }) : countedAfter(v, tail, n.first);
    // "tens of thousands of dollars": the counted noun is a currency.
    const currencyNoun = counted.head >= 0 && !unit ? unitAfter(lower, counted.head) : null;
    if (currencyNoun && currencyNoun.unit !== '%' && currencyNoun.unit !== 'pp') {
      const first = before?.first ?? n.first;
      const { low, high } = applyBound(n, after?.bound ?? before?.bound ?? null);
      out.push(finding(v, first, counted.end, 'quantities/money', { value: n.value, low, high, approximator: after?.text ?? before?.text ?? null, vague: n.vague, unit: currencyNoun.unit, counted: null, owner: null }));
      continue;
    }
    const headWord = counted.head >= 0 ? lower[counted.head]! : '';
    if (!unit && (TIME_UNITS.has(headWord) || TIME_UNITS.has(lower[tail] ?? '') || NOT_COUNTED.has(headWord) || lower[counted.end] === 'ago')) continue;
    const word = lower[n.first]!;
    // Vague words count plural things: "many countries", not "multiple attendance".
    if (n.vague && counted.head >= 0 && n.value === null && !isPluralLike(texts[counted.head]!)) continue;
    if (counted.head < 0 && !unit) {
      // Spelled numbers and vague words need a noun, or a verb right after them ("many were injured").
      if (NEEDS_NOUN.has(word) || word === 'one' || word === 'a' || word === 'an') continue;
      if (n.spelled && !(VERBS.has(lower[tail] ?? '') || /ed$/.test(lower[tail] ?? ''))) continue;
    }
    let owner = counted.owner ?? possessiveBefore(v, before?.first ?? n.first);
    // An owner is a name, or a phrase opened by a determiner ("the terror group", "its"): not "acts of terrorism".
    if (owner && owner.mention < 0 && !DETERMINERS.has(lower[owner.first]!)) owner = null;
    const bound = after?.bound ?? before?.bound ?? null;
    const { low, high } = applyBound(n, bound);
    const first = before?.first ?? n.first;
    const end = Math.max(tail, counted.head >= 0 ? counted.end : 0);
    const data: QuantityData = {
      value: n.value,
      low,
      high,
      approximator: after?.text ?? before?.text ?? null,
      vague: n.vague,
      unit,
      counted: counted.head >= 0 ? { ...partOf(v, counted.head, counted.head + 1), lemma: lemmaOf(texts[counted.head]!) } : null,
      owner: owner ? { ...partOf(v, owner.first, owner.end), name: ownerName(owner) } : null,
    };
    const rule = isMoney ? 'quantities/money' : unit === '%' || unit === 'pp' ? 'quantities/percent' : n.vague ? 'quantities/vague' : n.range ? 'quantities/range' : n.spelled ? 'quantities/spelled' : 'quantities/count';
    out.push(finding(v, first, end, rule, data));
  }
  return out;
}

export const quantitiesStage: ArticleStage<QuantityFinding> = {
  name: 'quantities',
  version: 1,
  needs: ['entities', 'dates', 'labels'],
  anyLanguage: false,
  run,
};
