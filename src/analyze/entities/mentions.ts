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
  via: 'model' | 'document' | 'acronym' | 'known-as' | 'short-form' | 'description';
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

/** A leading dateline ("TEHRAN --", "TEHRAN (Tasnim) –"): its length in tokens, or 0. */
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
  const words: string[][] = [];
  for (const s of tok.sentences) {
    const idx: number[] = [];
    for (let i = s.firstToken; i < s.endToken; i++) idx.push(i);
    let ws = idx.map((i) => tok.tokens[i]?.text ?? '');
    if (paragraphStarts.has(s.start) && paragraphEnds.has(s.end) && isTitleLine(ws)) ws = ws.map((w) => w.toUpperCase());
    const d = datelineLength(ws);
    if (d > 0) {
      units.push(idx.slice(0, d), idx.slice(d));
      words.push(ws.slice(0, d).map(modelWord), ws.slice(d).map(modelWord));
    } else {
      units.push(idx);
      words.push(ws.map(modelWord));
    }
  }
  const flat = units.flat();
  const out: Mention[] = [];
  for (const s of model.tagDocument(words).flatMap((x) => splitAtBrackets(x, words.flat()))) {
    const first = flat[s.start];
    const last = flat[s.end - 1];
    if (first === undefined || last === undefined) continue;
    const words0 = words.flat();
    const lastWord = words0[s.end - 1] ?? '';
    const type: EntityType = s.end - s.start > 1 && ORG_HEADS.has(lastWord.toLowerCase()) ? 'ORG' : (ENTITY_TYPES[s.type] ?? 'MISC');
    out.push({
      first,
      end: last + 1,
      type,
      via: 'model',
      rule: 'entities/model:ner-conll',
      confidence: Math.round(s.confidence * 1000) / 1000,
      name: null,
      antecedent: null,
      titles: [],
    });
  }
  void text;
  return out;
}

const BREAKS = new Set(['(', ')', '[', ']', '"', ',', ';']);
/** Function words a name never starts or ends with. */
const EDGE_WORDS = new Set(['of', 'the', 'and', 'in', 'for', 'on', 'at', 'to', 'a', 'an', "'s", 'by', 'with', 'from']);
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
