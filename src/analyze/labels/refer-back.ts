import type { ArticleView, Mention } from '../phrases/article-view.js';
import type { AttachedLabel } from './attach.js';
import { attachedLabels, isCommonNoun } from './attach.js';
import { CONTRASTIVE, COPULAS, DEFINITE, GENERIC_GROUP_HEADS, HOME_PLACE_HEADS, isCapitalized, isFunctionWord, nameClassOf, RELATIONAL_NOUNS, type TypeClass, typeClassOf } from '../phrases/lexicon.js';
import { isModifierWord } from '../phrases/phrase.js';
import { quoteSegments } from './quotes.js';

/**
 * Definite descriptions that refer back to a named entity ("the terror group", "this cult", "the
 * organization") and how each is resolved. A description refers to the most recent compatible entity
 * when that choice is unambiguous; otherwise it stays unattached. Compatible: an ORG for group and
 * institution nouns, a LOC for place nouns, and a name whose own last word does not announce another
 * class ("... Ministry" is not a "group"). Class evidence (an earlier "X, a ... group", "the X group")
 * makes an entity the preferred referent of later descriptions of that class.
 */

/** Plural nouns for members of a group: a quoted phrase headed by one refers to the group ("a number of 'dissidents'"). */
const MEMBER_NOUNS = new Set(
  'dissidents opposition rebels militants fighters terrorists activists exiles refugees insurgents extremists separatists members guerrillas mercenaries'.split(' '),
);

/** After a type noun, these make it a new thing, not a reference back ("the coalition to defeat X", "the party of Y"). */
const COMPLEMENTS = new Set(['of', 'to', 'for', 'against', 'fighting', 'led', 'backed', 'formed', 'founded', 'known', 'called', 'named']);

export interface Description {
  /** First token: the determiner, or the opening quote mark. */
  readonly first: number;
  readonly wordsStart: number;
  readonly head: number;
  /** One past the last token of the description (closing quote mark excluded). */
  readonly end: number;
  readonly cls: TypeClass;
  /** The whole description sits inside a pair of quote marks. */
  readonly quoted: boolean;
}

export type ReferenceHow = 'class' | 'recent' | 'class-distant';

export interface ResolvedDescription extends Description {
  readonly target: { readonly mention: Mention; readonly name: string; readonly how: ReferenceHow } | null;
}

export interface References {
  readonly attached: readonly AttachedLabel[];
  readonly descriptions: readonly ResolvedDescription[];
}

/** A one-token MISC mention ("Iranian") inside a phrase is an adjective, not a name. */
function isAdjectiveMention(v: ArticleView, m: number): boolean {
  const mention = v.mentions[m]!;
  return mention.type === 'MISC' && mention.end - mention.first === 1;
}

function quotedDescriptions(v: ArticleView): Description[] {
  const out: Description[] = [];
  for (const q of quoteSegments(v)) {
    if (!q.closed || q.close - q.open < 2 || q.close - q.open > 7) continue;
    const head = q.close - 1;
    const low = v.lower[head]!;
    const cls = typeClassOf(low) ?? (MEMBER_NOUNS.has(low) ? 'group' : null);
    if (!cls || v.mentionAt[head]! >= 0) continue;
    let ok = true;
    for (let k = q.open + 1; k < head; k++) {
      const l = v.lower[k]!;
      const m = v.mentionAt[k]!;
      if ((m >= 0 && !isAdjectiveMention(v, m)) || (m < 0 && !isModifierWord(v, k) && !['the', 'a', 'an', 'of', 'number', 'some'].includes(l))) ok = false;
    }
    if (!ok) continue;
    const first = DEFINITE.has(v.lower[q.open - 1] ?? '') ? q.open - 1 : q.open + 1;
    let wordsStart = q.open + 1;
    while (wordsStart < head && ['the', 'a', 'an'].includes(v.lower[wordsStart]!)) wordsStart++;
    out.push({ first, wordsStart, head, end: head + 1, cls, quoted: true });
  }
  return out;
}

function plainDescription(v: ArticleView, j: number): Description | null {
  const low = v.lower[j]!;
  const cls = typeClassOf(low);
  if (!cls || v.mentionAt[j]! >= 0) return null;
  const sentence = v.sentences[v.sentenceOf[j]!];
  if (isCapitalized(v.tokens[j]!.text) && sentence?.firstToken !== j) return null;
  const next = v.tokens[j + 1];
  if (next && v.sentenceOf[j + 1] === v.sentenceOf[j]) {
    const nl = v.lower[j + 1]!;
    if (RELATIONAL_NOUNS.has(nl) || COMPLEMENTS.has(nl) || typeClassOf(nl) || isCommonNoun(v, j + 1) || (isCapitalized(next.text) && !isFunctionWord(nl))) return null;
  }
  let k = j - 1;
  let mods = 0;
  while (k >= 0 && mods <= 2 && v.sentenceOf[k] === v.sentenceOf[j]) {
    const l = v.lower[k]!;
    if (DEFINITE.has(l)) break;
    if (l === '"' || l === '“' || l === '”') {
      k--;
      continue;
    }
    const m = v.mentionAt[k]!;
    if (m >= 0 && !isAdjectiveMention(v, m)) return null;
    if ((m < 0 && !isModifierWord(v, k)) || CONTRASTIVE.has(l)) return null;
    k--;
    mods++;
  }
  if (k < 0 || !DEFINITE.has(v.lower[k]!) || v.sentenceOf[k] !== v.sentenceOf[j]) return null;
  // "X was the lone opposition" predicates, it does not refer back.
  if (COPULAS.has(v.lower[k - 1] ?? '') || v.lower[k - 1] === 'been' || v.lower[k - 1] === 'as') return null;
  let wordsStart = k + 1;
  while (wordsStart < j && /^["“”]$/.test(v.tokens[wordsStart]!.text)) wordsStart++;
  return { first: k, wordsStart, head: j, end: j + 1, cls, quoted: false };
}

export function findDescriptions(v: ArticleView, attached: readonly AttachedLabel[]): Description[] {
  const taken = new Uint8Array(v.tokens.length);
  for (const a of attached) for (let t = a.first; t < a.end; t++) taken[t] = 1;
  const quoted = quotedDescriptions(v);
  for (const d of quoted) taken[d.head] = 1;
  const out: Description[] = [...quoted];
  for (let j = 0; j < v.tokens.length; j++) {
    if (taken[j]) continue;
    const d = plainDescription(v, j);
    if (d) out.push(d);
  }
  return out.sort((a, b) => a.first - b.first);
}

interface Entry {
  readonly name: string;
  readonly type: string;
  readonly nameClass: TypeClass | null;
  lastPos: number;
  lastMention: Mention;
  readonly evidence: Set<string>;
}

function namedAs(e: Entry, headLower: string): boolean {
  const name = e.name.toLowerCase();
  return name.endsWith(headLower) || name.split(/\s+/).includes(headLower) || name.split(/\s+/).includes(`${headLower}s`) || e.evidence.has(headLower);
}

function compatible(e: Entry, d: Description, headLower: string): boolean {
  if (d.cls === 'place') return e.type === 'LOC' && (e.nameClass === null || e.nameClass === 'place') && (!HOME_PLACE_HEADS.has(headLower) || e.evidence.has(headLower));
  // A MISC name already called a group ("the Qarnash group") is a group whatever its tag.
  if (e.type !== 'ORG' && !(e.type === 'MISC' && e.evidence.has('group') && d.cls === 'group')) return false;
  if (d.cls === 'institution') return e.nameClass === 'institution' && namedAs(e, headLower);
  if (e.nameClass !== null && e.nameClass !== 'group') return false;
  // Quoted phrases ("the 'opposition'") are matched by class only: they rename on purpose.
  return d.quoted || GENERIC_GROUP_HEADS.has(headLower) || namedAs(e, headLower);
}

/** Capitalised words inside a description that are not mentions and not its first word: "the Qarnash movement". */
function properWords(v: ArticleView, d: Description): string[] {
  const out: string[] = [];
  const sentence = v.sentences[v.sentenceOf[d.first]!];
  for (let k = d.wordsStart; k < d.head; k++) {
    const m = v.mentionAt[k]!;
    if ((m >= 0 && !isAdjectiveMention(v, m)) || k === sentence?.firstToken || !isCapitalized(v.tokens[k]!.text)) continue;
    out.push(v.lower[k]!);
  }
  return out;
}

/** Resolve every description in text order; resolved ones count as mentions for later ones. */
export function resolveDescriptions(v: ArticleView, attached: readonly AttachedLabel[], descriptions: readonly Description[]): ResolvedDescription[] {
  type Event = { pos: number; order: number; mention?: Mention; label?: AttachedLabel; description?: Description };
  const events: Event[] = [];
  for (const m of v.mentions) events.push({ pos: m.first, order: 0, mention: m });
  for (const a of attached) events.push({ pos: Math.max(a.first, v.mentions[a.mention]!.first), order: 1, label: a });
  for (const d of descriptions) events.push({ pos: d.first, order: 2, description: d });
  events.sort((a, b) => a.pos - b.pos || a.order - b.order);
  const entries = new Map<string, Entry>();
  const out: ResolvedDescription[] = [];
  const sentenceOf = (t: number): number => v.sentenceOf[t] ?? 0;
  for (const ev of events) {
    if (ev.mention) {
      const m = ev.mention;
      const e = entries.get(m.name);
      if (e) {
        e.lastPos = m.first;
        e.lastMention = m;
      } else entries.set(m.name, { name: m.name, type: m.type, nameClass: nameClassOf(m.name), lastPos: m.first, lastMention: m, evidence: new Set() });
    } else if (ev.label) {
      const e = entries.get(v.mentions[ev.label.mention]!.name);
      const head = ev.label.head;
      if (e && head) {
        e.evidence.add(head);
        const cls = typeClassOf(head);
        if (cls) e.evidence.add(cls);
      }
    } else if (ev.description) {
      const d = ev.description;
      const headLower = v.lower[d.head]!;
      const sd = sentenceOf(d.first);
      // Tiers: the exact head noun in the name or said before (A+), the class only (A), neither (B).
      const exact = (e: Entry): boolean => namedAs(e, headLower);
      const tierA = (e: Entry): boolean => e.nameClass === d.cls || e.evidence.has(d.cls) || exact(e);
      let compat = [...entries.values()].filter((e) => compatible(e, d, headLower)).sort((a, b) => b.lastPos - a.lastPos);
      // "the Qarnash movement": a capitalised word in the description must be part of the name it refers to.
      const proper = properWords(v, d);
      if (proper.length > 0 && !d.quoted) compat = compat.filter((e) => proper.some((w) => e.name.toLowerCase().split(/[\s-]+/).includes(w)));
      const inWindow = compat.filter((e) => sd - sentenceOf(e.lastPos) <= 2);
      let pick: Entry | null = null;
      let how: ReferenceHow = 'class';
      // Places need a referent in the same or the previous sentence: countries crowd news text.
      const recentOnly = d.cls !== 'place' ? inWindow : HOME_PLACE_HEADS.has(headLower) ? [] : inWindow.filter((e) => sd - sentenceOf(e.lastPos) <= 1);
      const inRange = (e: Entry): boolean => sd - sentenceOf(e.lastPos) <= 15;
      const top = compat.some((e) => exact(e) && inRange(e)) ? exact : tierA;
      const best = compat.find((e) => top(e) && inRange(e));
      if (best && (d.cls !== 'place' || inWindow.includes(best))) {
        const rival =
          compat.some((e) => e !== best && top(e) && sentenceOf(e.lastPos) === sentenceOf(best.lastPos)) ||
          inWindow.some((e) => !tierA(e) && (d.cls === 'place' ? sentenceOf(e.lastPos) >= sentenceOf(best.lastPos) : e.lastPos > best.lastPos && sentenceOf(e.lastPos) === sd));
        pick = rival ? null : best;
        how = inWindow.includes(best) ? 'class' : 'class-distant';
      } else if (recentOnly.length === 1 && (d.cls !== 'place' || inWindow.length === 1)) {
        pick = recentOnly[0]!;
        how = 'recent';
      }
      if (pick) {
        pick.lastPos = d.head;
        pick.evidence.add(d.cls);
        pick.evidence.add(headLower);
      }
      out.push({ ...d, target: pick ? { mention: pick.lastMention, name: pick.name, how } : null });
    }
  }
  return out;
}

/** Attached labels and resolved descriptions of one article (the quantities stage reads the descriptions as label findings). */
export function findReferences(v: ArticleView): References {
  const attached = attachedLabels(v);
  const descriptions = resolveDescriptions(v, attached, findDescriptions(v, attached));
  return { attached, descriptions };
}
