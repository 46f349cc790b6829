import type { LabelForm } from '../../domain/findings.js';
import type { ArticleView, Mention } from '../phrases/article-view.js';
import { COPULAS, isCapitalized, isFunctionWord, isLowerStart, isWordToken, PREPOSITIONS, RELATIONAL_NOUNS, TIME_UNITS, typeClassOf, VERBS } from '../phrases/lexicon.js';
import { isVerbForm, modifiersBefore, nounPhraseAt } from '../phrases/phrase.js';

/**
 * A label found next to an entity mention, before voice is decided. `words` are the token indices that
 * make the label (the mention's own tokens excluded); `first`/`end` bound the label's span.
 */
export interface AttachedLabel {
  readonly mention: number;
  readonly form: LabelForm;
  readonly words: readonly number[];
  readonly first: number;
  readonly end: number;
  /** Lower-cased head noun, when the label has one. */
  readonly head: string | null;
  readonly rule: string;
}

const OPENERS = new Set(['(', '[']);
const AFTER_NAME = new Set([',', '.', '(', ')', ';', ':', '—', '–', 'known', 'which', 'who', 'that', '”', '"']);
const AS_VERBS = /^(designat|describ|label|brand|list|regard|consider|view|call|classif|denounc|characteri[sz])/;

const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);

/** One past the mention, skipping a parenthesised acronym: "Organization (FWO)". */
function extendedEnd(v: ArticleView, m: Mention): number {
  const t = v.tokens;
  // A name that is itself the parenthesised short form: "the Free Wing Organization (FWO), a group".
  if (t[m.first - 1]?.text === '(' && t[m.end]?.text === ')') {
    const before = v.mentionAt[m.first - 2] ?? -1;
    // After another entity's name ("John Cornyn (Texas), a senator") the appositive is that entity's.
    return before < 0 || v.mentions[before]!.name === m.name ? m.end + 1 : -1;
  }
  if (!OPENERS.has(t[m.end]?.text ?? '')) return m.end;
  // "(FWO)", "(D-Nev.)", "(R-Texas)": a short parenthesis after a name belongs to it.
  for (let k = m.end + 1; k < Math.min(t.length, m.end + 6); k++) {
    if (t[k]!.text === ')' || t[k]!.text === ']') return k + 1;
    if (t[k]!.text === '(' || t[k]!.newlineBefore) break;
  }
  return m.end;
}

/**
 * The mention an appositive after `m` describes: `m` itself, or the name before "of"/"from" when `m` only
 * completes it ("Nancy Pelosi of California, the Democratic leader"); -1 after other prepositions.
 */
function appositiveTarget(v: ArticleView, mi: number, m: Mention): number {
  const before = v.lower[m.first - 1] ?? '';
  if (!PREPOSITIONS.has(before)) return mi;
  const owner = v.mentionAt[m.first - 2] ?? -1;
  return (before === 'of' || before === 'from') && owner >= 0 && v.mentions[owner]!.type === 'PER' ? owner : -1;
}

function appositive(v: ArticleView, mi: number, m: Mention, out: AttachedLabel[]): void {
  const target = appositiveTarget(v, mi, m);
  const after = extendedEnd(v, m);
  if (target < 0 || after < 0) return;
  if (v.tokens[after]?.text !== ',') return;
  const np = nounPhraseAt(v, after + 1);
  if (!np || v.sentenceOf[np.start] !== v.sentenceOf[m.first]) return;
  const headText = v.tokens[np.head]!.text;
  if (['most', 'least', 'latest', 'same', 'other'].includes(v.lower[np.wordsStart]!)) return;
  const zeroArticle = np.determiner === null && RELATIONAL_NOUNS.has(v.lower[np.wordsStart]!) && (np.end > np.head + 1 || v.lower[np.end] === 'for' || v.lower[np.end] === 'at');
  if (startsClause(v, np.end)) return;
  if ((np.determiner === null || np.determiner === 'its' || np.determiner === 'their') && !zeroArticle) return;
  if (!isLowerStart(headText) || v.mentionAt[np.wordsStart]! >= 0 && np.head === np.wordsStart) return;
  out.push({ mention: target, form: 'appositive', words: range(np.wordsStart, np.end), first: np.wordsStart, end: np.end, head: v.lower[np.head]!, rule: 'labels/appositive' });
}

function reverseAppositive(v: ArticleView, mi: number, m: Mention, out: AttachedLabel[]): void {
  const comma = v.lower[m.first - 1] === 'the' ? m.first - 2 : m.first - 1;
  if (comma < 2 || v.tokens[comma]!.text !== ',') return;
  const follow = v.tokens[Math.max(m.end, extendedEnd(v, m))];
  if (follow && !AFTER_NAME.has(follow.text.toLowerCase())) return;
  const headIndex = comma - 1;
  if (!isLowerStart(v.tokens[headIndex]!.text) || isFunctionWord(v.lower[headIndex]!) || v.mentionAt[headIndex]! >= 0) return;
  let det = headIndex - 1;
  while (det >= 0 && det > headIndex - 6 && v.lower[det] !== 'the' && v.lower[det] !== 'a' && v.lower[det] !== 'an') {
    if (!isWordToken(v.tokens[det]!.text) || (isFunctionWord(v.lower[det]!) && v.mentionAt[det] === -1)) return;
    det--;
  }
  if (det < 0 || v.sentenceOf[det] !== v.sentenceOf[m.first] || (v.lower[det] !== 'the' && v.lower[det] !== 'a' && v.lower[det] !== 'an')) return;
  if (det > 0 && PREPOSITIONS.has(v.lower[det - 1]!) && v.sentenceOf[det - 1] === v.sentenceOf[det]) return;
  if (det === v.sentences[v.sentenceOf[det]!]?.firstToken) return;
  out.push({ mention: mi, form: 'appositive', words: range(det + 1, comma), first: det + 1, end: comma, head: v.lower[headIndex]!, rule: 'labels/reverse-appositive' });
}

function premodifier(v: ArticleView, mi: number, m: Mention, out: AttachedLabel[]): void {
  const { first, opened } = modifiersBefore(v, m.first);
  // Before "FWO members" or "a former Boeing executive", the modifiers describe the noun after the name.
  let pre = RELATIONAL_NOUNS.has(v.lower[m.end] ?? '') || (isCommonNoun(v, m.end) && !headFits(m, v.lower[m.end]!)) ? [] : range(first, m.first);
  if (pre.some((i) => /^\p{Lu}\.$/u.test(v.tokens[i]!.text) || TIME_UNITS.has(v.lower[i]!) || v.lower[i] === 'time')) pre = [];
  // "... of State Dana Holt": a fragment of a longer "X of Y" title is not a label.
  if (pre.length > 0 && v.lower[pre[0]! - 1] === 'of') pre = [];
  // Before an organisation or a place, capitalised words alone are more likely a missed part of its name.
  if (m.type !== 'PER' && pre.every((i) => isCapitalized(v.tokens[i]!.text))) pre = [];
  // Honorifics are not labels ("Mr. Obama"), nor is what an ordinal opens ("the first Mr. Obama has faced").
  const lastHonorific = pre.findLastIndex((i) => HONORIFICS.has(v.lower[i]!));
  if (lastHonorific >= 0) pre = pre.slice(lastHonorific + 1);
  if (pre.length > 0 && ORDINALS.has(v.lower[pre[0]!]!)) pre = [];
  // Title-case headlines ("Senate Overrides Obama's Veto") give no word classes to go by.
  if (!opened && isTitleCase(v, m.first)) pre = [];
  // "the outlawed militant group Hezb-e Qarnash": capitalised words next to a non-person name are its own.
  if (m.type !== 'PER') while (pre.length > 0 && isCapitalized(v.tokens[pre[pre.length - 1]!]!.text)) pre = pre.slice(0, -1);
  // A type noun right after the name makes the name a modifier of it: "the FWO terror group".
  const post: number[] = [];
  let k = m.end;
  while (k < v.tokens.length && post.length < 3 && v.sentenceOf[k] === v.sentenceOf[m.first]) {
    const text = v.tokens[k]!.text;
    if (!isWordToken(text) || !isLowerStart(text) || isFunctionWord(v.lower[k]!) || v.mentionAt[k]! >= 0) break;
    post.push(k);
    k++;
  }
  let headAt = -1;
  for (let p = 0; p < post.length; p++) if (headFits(m, v.lower[post[p]!]!)) headAt = p;
  // The type noun must end the phrase: "a Texas state flag" is about a flag.
  const postWords = headAt >= 0 && !isCommonNoun(v, post[headAt]! + 1) ? post.slice(0, headAt + 1) : [];
  // A MISC name is labelled only as a group: "the separatist Qarnash group".
  if (m.type === 'MISC' && postWords.length === 0) return;
  if (pre.length === 0 && postWords.length === 0) return;
  if (pre.length > 0 && postWords.length === 0 && !opened && pre.every((i) => !isLowerStart(v.tokens[i]!.text) && v.mentionAt[i]! >= 0)) return;
  const words = [...pre, ...postWords];
  const lowers = pre.map((i) => v.lower[i]!);
  const form: LabelForm = lowers.includes('so-called') ? 'so-called' : lowers.includes('alleged') ? 'alleged' : 'premodifier';
  // "that alleged Cruz has had ...": without a determiner, "alleged" is the verb.
  if (form === 'alleged' && !opened) return;
  const last = words[words.length - 1]!;
  out.push({
    mention: mi,
    form,
    words,
    first: words[0]!,
    end: last + 1,
    head: postWords.length > 0 ? v.lower[last]! : null,
    rule: postWords.length > 0 ? 'labels/premodifier-head' : opened ? 'labels/premodifier' : 'labels/pre-name',
  });
}

const TEMPORAL = new Set(['yesterday', 'today', 'tomorrow', 'tonight', 'here', 'there', 'last', 'next', 'ago', 'later', 'earlier', 'once', 'twice', 'himself', 'herself', 'itself', 'themselves']);
const CLAUSE_OPENERS = new Set([',', ';', ':', '—', '–', '(', '"', '“', 'and', 'but', 'that', 'while', 'because', 'as', 'when', 'although', 'though', 'since', 'if', 'whether', 'where', 'after', 'before', 'until', 'so']);
const RELATIVES = new Set(['who', 'which', 'that', 'whose', 'where', 'whom']);

/**
 * After an appositive phrase: true when a finite verb comes before the next punctuation ("Democrats,
 * the revolt was in full force"), so the phrase opens a new clause instead of describing the name.
 */
function startsClause(v: ArticleView, from: number): boolean {
  for (let k = from; k < Math.min(v.tokens.length, from + 8); k++) {
    const t = v.tokens[k]!.text;
    const low = v.lower[k]!;
    if (/^[,.;:)—–!?]$/.test(t) || RELATIVES.has(low) || isVerbForm(t) || v.sentenceOf[k] !== v.sentenceOf[from - 1]) return false;
    if (VERBS.has(low)) return true;
  }
  return false;
}

const HONORIFICS = new Set(['mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms', 'miss', 'mx.', 'dr.', 'sir', 'dame', 'madam', 'messrs.']);
const ORDINALS = new Set(['first', 'second', 'third', 'last', 'next', 'previous', 'latest', 'only']);

/** Most words of the sentence capitalised: a headline in title case. */
function isTitleCase(v: ArticleView, i: number): boolean {
  const s = v.sentences[v.sentenceOf[i]!];
  if (!s) return false;
  let words = 0;
  let caps = 0;
  for (let k = s.firstToken; k < s.endToken; k++) {
    if (!isWordToken(v.tokens[k]!.text)) continue;
    words++;
    if (isCapitalized(v.tokens[k]!.text)) caps++;
  }
  return words >= 4 && caps / words >= 0.6;
}

/** A lower-case word that is likely a noun: not a function word, not a verb form ("warns", "said", "based"). */
export function isCommonNoun(v: ArticleView, i: number): boolean {
  const t = v.tokens[i];
  if (!t || !isWordToken(t.text) || !isLowerStart(t.text) || v.sentenceOf[i] !== v.sentenceOf[i - 1]) return false;
  const low = v.lower[i]!;
  return !isFunctionWord(low) && !/(?:s|ed|ing|ly)$/.test(low) && !RELATIONAL_NOUNS.has(low) && !TEMPORAL.has(low);
}

/** A type noun after a name fits the name's type: groups and institutions for ORG, places for LOC. */
function headFits(m: Mention, lower: string): boolean {
  const cls = typeClassOf(lower);
  if (!cls) return false;
  return m.type === 'LOC' ? cls === 'place' : m.type === 'ORG' ? cls !== 'place' : m.type === 'MISC' ? cls === 'group' : false;
}

/** "Iranian", "Iraqi", "Kurdish", "Chinese": adjectives of nationality, tagged MISC. */
export function isNationality(text: string): boolean {
  // Lower-case MISC words ("anti-Iran", "pro-Western") are adjectives too.
  return !/^\p{Lu}/u.test(text) || (/(?:an|ian|ese|i|ish|ic)s?$/.test(text) && /^\p{Lu}\p{Ll}+$/u.test(text));
}

function predicate(v: ArticleView, mi: number, m: Mention, out: AttachedLabel[]): void {
  let k = extendedEnd(v, m);
  if (k < 0) return;
  // The name must be the subject: it opens its clause ("the split with Mr. X was ..." is not about X).
  let open = m.first - 1;
  while (open >= 0 && (HONORIFICS.has(v.lower[open]!) || (v.sentenceOf[open] === v.sentenceOf[m.first] && isCapitalized(v.tokens[open]!.text) && v.mentionAt[open] === -1))) open--;
  const sentenceStart = open < 0 || v.sentenceOf[open] !== v.sentenceOf[m.first];
  if (!sentenceStart && !CLAUSE_OPENERS.has(v.lower[open]!)) return;
  const low = v.lower[k];
  if (!low) return;
  if (COPULAS.has(low)) k++;
  else if ((low === 'has' || low === 'have') && v.lower[k + 1] === 'been') k += 2;
  else return;
  while (v.lower[k] === 'also' || v.lower[k] === 'still' || v.lower[k] === 'now' || v.lower[k] === 'widely') k++;
  const det = v.lower[k];
  if (det !== 'a' && det !== 'an' && det !== 'the') return;
  const np = nounPhraseAt(v, k);
  if (!np || !isLowerStart(v.tokens[np.head]!.text) || ORDINALS.has(v.lower[np.wordsStart]!) || v.lower[np.wordsStart] === 'most') return;
  out.push({ mention: mi, form: 'predicate', words: range(np.wordsStart, np.end), first: np.wordsStart, end: np.end, head: v.lower[np.head]!, rule: 'labels/predicate' });
}

/** "designated X as a 'terrorist organization'", "described X as a ..." */
function asPredicate(v: ArticleView, mi: number, m: Mention, out: AttachedLabel[]): void {
  const verbAt = v.lower[m.first - 1] === 'the' ? m.first - 2 : m.first - 1;
  if (verbAt < 0 || !AS_VERBS.test(v.lower[verbAt]!)) return;
  let k = extendedEnd(v, m);
  if (k < 0 || v.lower[k] !== 'as') return;
  k++;
  const determined = v.lower[k] === 'a' || v.lower[k] === 'an' || v.lower[k] === 'the';
  if (determined) k++;
  const quoted = /^["“«‘]$/.test(v.tokens[k]?.text ?? '');
  if (quoted) k++;
  if (!determined && !quoted) return;
  const np = nounPhraseAt(v, k);
  if (!np || !isLowerStart(v.tokens[np.head]!.text) || isVerbForm(v.tokens[np.head]!.text)) return;
  out.push({ mention: mi, form: quoted ? 'scare-quote' : 'predicate', words: range(np.wordsStart, np.end), first: np.wordsStart, end: np.end, head: v.lower[np.head]!, rule: 'labels/as-predicate' });
}

/** Every label attached to a mention by position: appositive, reverse appositive, premodifier, predicate. */
export function attachedLabels(v: ArticleView): AttachedLabel[] {
  const out: AttachedLabel[] = [];
  v.mentions.forEach((m, mi) => {
    appositive(v, mi, m, out);
    // Nationality adjectives ("Iranian") are MISC mentions: they modify, they are not labelled. Other MISC
    // names may be a group's name the tagger did not type ("the separatist Qarnash group").
    if (m.type === 'MISC') {
      if (!isNationality(m.text)) premodifier(v, mi, m, out);
      return;
    }
    reverseAppositive(v, mi, m, out);
    premodifier(v, mi, m, out);
    predicate(v, mi, m, out);
    asPredicate(v, mi, m, out);
  });
  return out;
}
