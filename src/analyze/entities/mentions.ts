import type { EntityType } from '../../domain/findings.js';
import type { Span } from '../../domain/span.js';
import type { TokenizedText } from '../../domain/text.js';
import { ENTITY_TYPES } from './labels.js';
import type { NerModel } from './model.js';

/** An entity mention over tokens [first, end) while the stage assembles it. */
export interface Mention {
  first: number;
  end: number;
  type: EntityType;
  via: 'model' | 'document' | 'acronym' | 'known-as' | 'short-form' | 'description' | 'pattern';
  rule: string;
  confidence: number;
  name: string | null;
  antecedent: Span | null;
  titles: string[];
}

const DASHES = new Set(['--', '-', '–', '—']);
const TERMINAL = /[.!?:"”']$/;

/** How the model should see a token: ASCII quotes and dashes as in its training data. */
function modelWord(w: string): string {
  switch (w) {
    case '“': case '”': case '„': case '«': case '»': return '"';
    case '‘': case '’': return "'";
    case '’s': case '’S': return "'s";
    case '–': case '—': return '-';
    case '…': return '...';
    default: return w.includes('’') ? w.replace(/’/g, "'") : w;
  }
}

const isTitleCaseWord = (w: string): boolean => /^\p{Lu}/u.test(w);
const isLongWord = (w: string): boolean => /^\p{L}{4,}/u.test(w);

/**
 * A headline typed in title case ("Host of Terrorists Cuts Ties With Iran"): a whole line, no final
 * punctuation, most long words capitalised. The model learnt headlines from all-caps lines, so it sees
 * these upper-cased.
 */
function isTitleLine(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? '';
  if (words.length < 3 || TERMINAL.test(last)) return false;
  const long = words.filter(isLongWord);
  if (long.length < 2) return false;
  return long.filter(isTitleCaseWord).length / long.length >= 0.75;
}

/** A leading dateline ("NORVALE --", "NORVALE (Meridian News) –"): its length in tokens, or 0. */
function datelineLength(words: readonly string[]): number {
  const first = words[0] ?? '';
  if (!/^\p{Lu}[\p{Lu}\s.,'-]+$/u.test(first) || first.length < 3) return 0;
  for (let i = 1; i < Math.min(words.length - 1, 8); i++) {
    const w = words[i] ?? '';
    if (DASHES.has(w)) return i;
    if (/\p{Ll}/u.test(w) && !/^\p{Lu}/u.test(w) && w !== ')' && w !== '(') return 0;
  }
  return 0;
}

/** Model mentions of an article: sentences as the tagger should see them, tagged as one document. */
export function modelMentions(text: string, tok: TokenizedText, model: NerModel): Mention[] {
  const paragraphStarts = new Set(tok.paragraphs.map((p) => p.start));
  const paragraphEnds = new Set(tok.paragraphs.map((p) => p.end));
  const units: number[][] = [];
  const agencies: { first: number; end: number }[] = [];
  /** Token ranges of dateline places (the words before the agency or the dash): filed-from places. */
  const places: { first: number; end: number }[] = [];
  const words: string[][] = [];
  for (const s of tok.sentences) {
    const idx: number[] = [];
    for (let i = s.firstToken; i < s.endToken; i++) idx.push(i);
    let ws = idx.map((i) => tok.tokens[i]?.text ?? '');
    if (paragraphStarts.has(s.start) && paragraphEnds.has(s.end) && isTitleLine(ws)) ws = ws.map((w) => w.toUpperCase());
    const d = datelineLength(ws);
    if (d > 0) {
      // "CITY (Agency) --": the name in the dateline's parentheses is the news agency.
      const open = ws.indexOf('(');
      const close = ws.indexOf(')');
      if (open > 0 && close > open + 1 && close < d) agencies.push({ first: idx[open + 1] ?? 0, end: (idx[close - 1] ?? 0) + 1 });
      const placeEnd = open > 0 && open < d ? open : d;
      places.push({ first: idx[0] ?? 0, end: (idx[placeEnd - 1] ?? 0) + 1 });
      units.push(idx.slice(0, d), idx.slice(d));
      words.push(ws.slice(0, d).map(modelWord), ws.slice(d).map(modelWord));
    } else {
      units.push(idx);
      words.push(ws.map(modelWord));
    }
  }
  const flat = units.flat();
  const out: Mention[] = [];
  const flatWords = words.flat();
  for (const s of model.tagDocument(words).flatMap((x) => splitAtBrackets(x, flatWords)).flatMap((x) => splitOrgPerson(x, flatWords))) {
    const first = flat[s.start];
    const last = flat[s.end - 1];
    if (first === undefined || last === undefined) continue;
    const words0 = words.flat();
    let end = s.end;
    // "Foo Association": a capitalised organisation noun right after the name belongs to it.
    const after = words0[end] ?? '';
    if (/^\p{Lu}/u.test(after) && ORG_HEADS.has(after.toLowerCase()) && flat[end] === last + 1) end++;
    const lastWord = words0[end - 1] ?? '';
    const next = (tok.tokens[(flat[end - 1] ?? -1) + 1]?.text ?? '');
    let type: EntityType = end - s.start > 1 && ORG_HEADS.has(lastWord.toLowerCase()) ? 'ORG' : (ENTITY_TYPES[s.type] ?? 'MISC');
    // "the Foo camp", "Foo province": a lowercase place noun after a name makes it a place.
    if (type !== 'PER' && PLACE_HEADS.has(next)) type = 'LOC';
    out.push({
      first,
      end: (flat[end - 1] ?? last) + 1,
      type,
      via: 'model',
      rule: 'entities/model:ner-conll',
      confidence: Math.round(s.confidence * 1000) / 1000,
      name: null,
      antecedent: null,
      titles: [],
    });
  }
  // "NORVALE (Agency) --": the capitalised words a dateline opens with name the place the story was filed from.
  for (const m of out) if (places.some((p) => p.first <= m.first && m.end <= p.end)) m.type = 'LOC';
  for (const a of agencies) {
    const same = out.find((m) => m.first === a.first && m.end === a.end);
    if (same) same.type = 'ORG';
    else if (!out.some((m) => m.first < a.end && a.first < m.end) && /^\p{Lu}/u.test(tok.tokens[a.first]?.text ?? '')) {
      out.push({ first: a.first, end: a.end, type: 'ORG', via: 'pattern', rule: 'entities/dateline', confidence: 1, name: null, antecedent: null, titles: [] });
    }
  }
  void text;
  return out.sort((x, y) => x.first - y.first);
}

const BREAKS = new Set(['(', ')', '[', ']', '"', ',', ';']);
/** Function words a name never starts or ends with. */
const EDGE_WORDS = new Set(['of', 'the', 'and', 'in', 'for', 'on', 'at', 'to', 'a', 'an', "'s", 'by', 'with', 'from']);
/** Lowercase nouns that make the name before them a place ("the Foo camp"). */
export const PLACE_HEADS: ReadonlySet<string> = new Set(['camp', 'city', 'town', 'village', 'province', 'district', 'region', 'county', 'island', 'islands', 'port', 'valley', 'river', 'mountains', 'prefecture', 'governorate', 'neighbourhood', 'neighborhood', 'suburb', 'border', 'crossing']);
/** A multi-word name ending in one of these nouns is an organisation ("... Organization", "... Society"). */
const ORG_HEADS = new Set([
  'organization', 'organisation', 'association', 'council', 'party', 'ministry', 'society', 'committee', 'union',
  'agency', 'front', 'movement', 'company', 'corporation', 'corp.', 'inc.', 'ltd', 'ltd.', 'bank', 'university',
  'institute', 'court', 'commission', 'federation', 'league', 'foundation', 'department', 'parliament', 'assembly',
  'authority', 'office', 'group', 'network', 'club', 'guards', 'police', 'army', 'navy', 'airlines', 'agency',
]);

/** A name never spans a bracket, a quote or a comma: "Foo Organization (FO" -> "Foo Organization", "FO". */
function splitAtBrackets<S extends { start: number; end: number }>(s: S, words: readonly string[]): S[] {
  const out: S[] = [];
  let a = s.start;
  for (let i = s.start; i <= s.end; i++) {
    if (i === s.end || BREAKS.has(words[i] ?? '')) {
      let b = i;
      while (a < b && EDGE_WORDS.has((words[a] ?? '').toLowerCase())) a++;
      while (b > a && EDGE_WORDS.has((words[b - 1] ?? '').toLowerCase())) b--;
      if (b > a) out.push({ ...s, start: a, end: b });
      a = i + 1;
    }
  }
  return out;
}

/**
 * Places named by the noun around them, which the model can miss on unfamiliar names: "the Foo-3 camp",
 * "Foo province", "the camp, known as Foo-3". The caller merges them with the model's mentions.
 */
export function placePatternMentions(tok: TokenizedText): Mention[] {
  const out: Mention[] = [];
  const w = (i: number): string => tok.tokens[i]?.text ?? '';
  const isName = (i: number): boolean => /^\p{Lu}[\p{L}\p{N}'-]*$/u.test(w(i));
  const add = (first: number, end: number): void => {
    out.push({ first, end, type: 'LOC', via: 'pattern', rule: 'entities/place-noun', confidence: 1, name: null, antecedent: null, titles: [] });
  };
  for (let i = 1; i < tok.tokens.length; i++) {
    if (!PLACE_HEADS.has(w(i))) continue;
    // "the Foo camp": a run of 1-3 capitalised tokens right before the noun, after "the".
    let a = i;
    while (a > 0 && i - a < 3 && isName(a - 1) && !tok.tokens[a]?.newlineBefore) a--;
    if (a < i && w(a - 1).toLowerCase() === 'the' && !NOT_PLACE.has(w(a).toLowerCase())) add(a, i);
    // "the camp, known as Foo".
    if (w(i - 1).toLowerCase() === 'the' && w(i + 1) === ',' && w(i + 2) === 'known' && w(i + 3) === 'as') {
      let e = i + 4;
      while (e < tok.tokens.length && e - (i + 4) < 3 && isName(e)) e++;
      if (e > i + 4) add(i + 4, e);
    }
  }
  return out;
}
const NOT_PLACE = new Set(['same', 'old', 'new', 'main', 'refugee', 'former']);

/** Add pattern mentions: one with the span of a model mention retypes it; one overlapping nothing is added. */
export function mergePatternMentions(ms: Mention[], patterns: readonly Mention[]): void {
  for (const p of patterns) {
    const same = ms.find((m) => m.first === p.first && m.end === p.end);
    if (same) same.type = p.type;
    else if (!ms.some((m) => m.first < p.end && p.first < m.end)) ms.push(p);
  }
}

/** Lowercase nouns for a medium: the name right after one is the medium's ("the magazine Foo", "daily Foo"). */
const MEDIA_NOUNS = new Set(['magazine', 'newspaper', 'daily', 'weekly', 'broadcaster', 'channel', 'agency', 'website', 'outlet', 'network', 'station', 'tabloid', 'paper', 'journal', 'radio', 'television']);
/** Capitalised heads that end a medium's name ("Press TV", "Foo News Agency"). */
const MEDIA_HEADS = new Set(['TV', 'Radio', 'News', 'Agency', 'Times', 'Post', 'Herald', 'Gazette', 'Channel', 'Television', 'Tribune', 'Journal', 'Daily']);

/**
 * Media names: a name right after a medium noun is an organisation ("German magazine Foo"), and a run of
 * capitalised words ending in a media head is one ("Press TV"). Retypes model mentions; returns new ones
 * for runs the model missed (merge with mergePatternMentions).
 */
export function mediaMentions(tok: TokenizedText, ms: Mention[]): Mention[] {
  const w = (i: number): string => tok.tokens[i]?.text ?? '';
  for (const m of ms) {
    if (m.via === 'model' && MEDIA_NOUNS.has(w(m.first - 1)) && !tok.tokens[m.first]?.newlineBefore) m.type = 'ORG';
  }
  const out: Mention[] = [];
  for (let i = 1; i < tok.tokens.length; i++) {
    if (!MEDIA_HEADS.has(w(i))) continue;
    let a = i;
    while (a > 0 && i - a < 3 && /^\p{Lu}[\p{L}-]*$/u.test(w(a - 1)) && !tok.tokens[a]?.newlineBefore && !MEDIA_HEADS.has(w(a - 1))) a--;
    while (a < i && /^(the|a|an)$/i.test(w(a))) a++;
    if (a === i) continue;
    // Not at a sentence start where any capitalised word could precede ("Yesterday TV ..."), unless
    // after an article ("The Foo Post").
    const before = w(a - 1);
    if (!/^(the|a|an)$/i.test(before) && (a === 0 || /^[.!?"“]$/.test(before) || tok.tokens[a]?.newlineBefore)) continue;
    out.push({ first: a, end: i + 1, type: 'ORG', via: 'pattern', rule: 'entities/media-name', confidence: 1, name: null, antecedent: null, titles: [] });
  }
  return out;
}

/**
 * "Republican Party Foo Bar" tagged as one name: an organisation noun followed by two or three capitalised
 * words is an organisation and then a person (type 0 = PER, 1 = ORG as the tagger numbers them).
 */
function splitOrgPerson<S extends { start: number; end: number; type: number }>(s: S, words: readonly string[]): S[] {
  for (let k = s.start + 1; k < s.end - 2; k++) {
    const w = words[k] ?? '';
    if (!/^\p{Lu}/u.test(w) || !ORG_HEADS.has(w.toLowerCase())) continue;
    const rest = words.slice(k + 1, s.end);
    if (rest.length > 3 || !rest.every((x) => /^\p{Lu}\p{Ll}+(?:-\p{L}+)?$/u.test(x) && !ORG_HEADS.has(x.toLowerCase()))) continue;
    return [{ ...s, end: k + 1, type: 1 }, { ...s, start: k + 1, type: 0 }];
  }
  return [s];
}
