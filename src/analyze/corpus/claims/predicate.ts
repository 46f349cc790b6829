/*
 * The event key of a claim: the predicate that governs its quantity, so that counts of one noun for different
 * events stay apart ("40 people were arrested", "5,000 people took part", "43 people remained in custody").
 *
 * Found from the sentence's shape, without a tagger (a POS tagger costs ~10 ms a sentence, too slow for a
 * corpus-wide pass):
 *   1. the counted noun is itself an event noun ("212 arrests", "dozens of deaths"): that event;
 *   2. subject: the first verb after the quantity's noun phrase, across an "of"-phrase, a parenthesis
 *      between commas, adverbs and auxiliaries ("40 people [of the group] were arrested", "43 people remained");
 *      the right-hand scan stops at a clause boundary (; : "and" "as" "while" "which" ...) or another number;
 *   3. object: the last verb before the quantity in its clause ("police detained dozens of people").
 * Reporting verbs ("said", "according") are skipped: they say who counted, not what was counted.
 * A verb is a word in PREDICATE_CLASSES, a word after an auxiliary, or an "-ed" word not after a determiner.
 *
 * Light lemmatisation (-ed, -ing, -s, a few irregular pasts) and a small set of generic English predicate
 * classes: verbs and deverbal nouns that name the same kind of event count the same thing. Any other verb is
 * its own class (its lemma). Classes know nothing about any story.
 */

/** Generic English event classes: inflected or deverbal forms are reduced by `lemma` first. */
const CLASSES: Readonly<Record<string, readonly string[]>> = {
  /** Taken into custody (an event): counted by arrests. */
  detention: ['arrest', 'detain', 'detention', 'apprehend', 'capture', 'round up', 'rounded up', 'abduct', 'kidnap', 'taken into custody', 'took into custody', 'take into custody', 'locked up'],
  /** Held at a time (a state): "43 remain in custody" is not the number arrested. */
  custody: ['custody', 'jail', 'imprison', 'imprisonment', 'behind bars', 'held', 'hold', 'prisoner'],
  killing: ['kill', 'killing', 'assassinate', 'martyr', 'die', 'dead', 'death', 'murder', 'execute', 'execution', 'slay', 'slain', 'perish', 'fatality', 'massacre', 'shot dead', 'lose their lives', 'lost their lives', 'claimed the lives', 'claim the lives', 'claims the lives', 'cost the lives'],
  injury: ['injure', 'injury', 'wound', 'hurt', 'treat', 'hospitalise', 'hospitalize', 'hospitalisation', 'hospitalization'],
  participation: ['march', 'protest', 'rally', 'demonstrate', 'demonstration', 'gather', 'attend', 'participate', 'take part', 'took part', 'taking part', 'take to the streets', 'took to the streets'],
  displacement: ['flee', 'fled', 'displace', 'evacuate', 'evacuation', 'displacement'],
};

/** How each class reads in a measure ("people arrested or detained"). */
export const CLASS_LABELS: Readonly<Record<string, string>> = {
  detention: 'arrested or detained',
  custody: 'held in custody',
  killing: 'killed or dead',
  injury: 'injured or treated',
  participation: 'taking part',
  displacement: 'displaced or fleeing',
};

/** Classes whose counts are counts of people: a bare number with such a predicate counts people. */
export const PEOPLE_CLASSES: ReadonlySet<string> = new Set(['detention', 'custody', 'killing', 'injury', 'participation', 'displacement']);

const IRREGULAR: Readonly<Record<string, string>> = {
  took: 'take', taken: 'take', fled: 'flee', died: 'die', dying: 'die', held: 'held', holding: 'hold', shot: 'shoot', slain: 'slain', went: 'go', gone: 'go', came: 'come', ran: 'run', left: 'leave', lost: 'lose', fought: 'fight', stood: 'stand', gave: 'give', given: 'give', hurt: 'hurt', kept: 'keep', put: 'put', found: 'find', made: 'make', got: 'get', sent: 'send', brought: 'bring', joined: 'join',
};

const SINGLE = new Map<string, string>();
const MULTI: { words: string[]; cls: string }[] = [];
for (const [cls, forms] of Object.entries(CLASSES)) {
  for (const f of forms) {
    if (f.includes(' ')) MULTI.push({ words: f.split(' '), cls });
    else SINGLE.set(f, cls);
  }
}

/** A light lemma: irregular pasts, then -ed/-ing/-s/-ies/-ments stripped when the stem is a known form. */
export function lemma(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w]!;
  if (SINGLE.has(w)) return w;
  const tries: string[] = [];
  if (w.endsWith('ies')) tries.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ied')) tries.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) tries.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  if (w.endsWith('ing')) tries.push(w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4));
  if (w.endsWith('es')) tries.push(w.slice(0, -2));
  if (w.endsWith('s')) tries.push(w.slice(0, -1));
  for (const t of tries) if (SINGLE.has(t)) return t;
  if (w.endsWith('ed') && w.length > 4) return w.endsWith('ied') ? `${w.slice(0, -3)}y` : w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3);
  return w;
}

/** The class of a single word (lemmatised), or null. */
export function classOfWord(word: string): string | null {
  return SINGLE.get(lemma(word)) ?? null;
}

const AUX = new Set('is are was were be been being am has have had having will would could can may might must shall should do does did get got gets'.split(' '));
/** Linking verbs: the predicate is their complement ("remained in custody", "were dead"). */
const LINKING = new Set('remain remained remains remaining stay stayed stays stood lay lie lies'.split(' '));
const ADVERB = new Set('also still reportedly allegedly later then now all both each only already just not never since subsequently eventually initially first'.split(' '));
const DETERMINER = new Set('the a an this that these those his her its their our your my some any no every'.split(' '));
const REPORTING = new Set('say said says saying according report reported reports reporting tell told estimate estimated estimates claim claimed claims believe believed think thought add added note noted state stated announce announced confirm confirmed show showed shown count counted document documented record recorded put puts'.split(' '));
/** Words that end a clause for the right-hand scan: what follows belongs to another predicate. */
const BOUNDARY = new Set('and but or as while whereas when after before because although though which who whom whose that where if than since until'.split(' '));
const PREPOSITION = new Set('of in on at from for with among by during near across into over under to through around about between against amid without within along'.split(' '));

interface Word {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}][\p{L}'’-]*|\d[\d,.]*|[;:,()"“”]/gu;

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}

/** A multi-word class form starting at word i ("took part", "took to the streets"): its class and length. */
function multiAt(ws: readonly Word[], i: number): { cls: string; n: number } | null {
  for (const m of MULTI) {
    if (m.words.every((x, k) => ws[i + k]?.lower === x)) return { cls: m.cls, n: m.words.length };
  }
  return null;
}

export interface Predicate {
  /** The class ("detention") or, for a verb in no class, its lemma. */
  readonly key: string;
  /** The predicate as written ("were arrested" -> "arrested"). */
  readonly text: string;
  readonly role: 'noun' | 'subject' | 'object';
}

function asPredicate(ws: readonly Word[], i: number, role: Predicate['role']): Predicate {
  const multi = multiAt(ws, i);
  if (multi) return { key: multi.cls, text: ws.slice(i, i + multi.n).map((w) => w.text).join(' '), role };
  const w = ws[i]!;
  return { key: classOfWord(w.lower) ?? lemma(w.lower), text: w.text, role };
}

const isWord = (w: Word | undefined): w is Word => w !== undefined && /^\p{L}/u.test(w.text);
const known = (ws: readonly Word[], i: number): boolean => multiAt(ws, i) !== null || classOfWord(ws[i]!.lower) !== null;
const edForm = (ws: readonly Word[], i: number): boolean => /(ed|en)$/.test(ws[i]!.lower) && ws[i]!.lower.length > 4 && !DETERMINER.has(ws[i - 1]?.lower ?? '') && !/^\p{Lu}/u.test(ws[i]!.text);

/**
 * The predicate governing the quantity at [qStart, qEnd) (offsets in `sentence`; qEnd = end of its counted
 * noun when there is one). `countedLemma` is the counted noun's lemma (checked first as an event noun).
 */
export function predicateOf(sentence: string, qStart: number, qEnd: number, countedLemma: string | null): Predicate | null {
  if (countedLemma) {
    const last = countedLemma.toLowerCase().split(/\s+/).pop() ?? '';
    const cls = classOfWord(last);
    if (cls) return { key: cls, text: last, role: 'noun' };
  }
  const ws = words(sentence);
  const after = ws.findIndex((w) => w.start >= qEnd);
  let firstInside = ws.findIndex((w) => w.end > qStart);
  if (firstInside < 0) firstInside = ws.length;
  const right = after >= 0 ? rightScan(ws, after) : null;
  if (right && !right.weak) return right.predicate;
  // A class word inside a phrase after the quantity ("40 people at the march") yields to a verb before it
  // ("police arrested 40 people at the march").
  return leftScan(ws, firstInside) ?? right?.predicate ?? null;
}

function rightScan(ws: readonly Word[], from: number): { predicate: Predicate; weak: boolean } | null {
  let auxSeen = false;
  let inPP = false;
  let weak: Predicate | null = null;
  const found = (i: number): { predicate: Predicate; weak: boolean } => ({ predicate: asPredicate(ws, i, 'subject'), weak: false });
  const none = (): { predicate: Predicate; weak: boolean } | null => (weak ? { predicate: weak, weak: true } : null);
  for (let i = from; i < ws.length && i < from + 16; i++) {
    const w = ws[i]!;
    const l = w.lower;
    if (l === ';' || l === ':' || /^\d/.test(l)) return none();
    if (l === ',') {
      if (auxSeen) return none();
      // A parenthesis between commas ("17 people, among them a student, were treated"): skip to its end.
      const close = ws.findIndex((x, k) => k > i && k < i + 14 && x.lower === ',');
      if (close < 0) return none();
      i = close;
      inPP = false;
      continue;
    }
    if (!isWord(w)) continue;
    if (REPORTING.has(l) && !auxSeen) continue;
    if (known(ws, i)) {
      // Inside a phrase, a class word after a determiner or preposition is a noun of that phrase ("at the march").
      const prev = ws[i - 1]?.lower ?? '';
      if (!inPP || auxSeen || !(DETERMINER.has(prev) || PREPOSITION.has(prev) || prev === "'s")) return found(i);
      weak ??= asPredicate(ws, i, 'subject');
      continue;
    }
    if (AUX.has(l) || LINKING.has(l)) {
      auxSeen = true;
      continue;
    }
    if (ADVERB.has(l) || l.endsWith('ly')) continue;
    if (auxSeen) {
      // After "were", "remained": the participle or the complement ("in custody", "dead") is the predicate.
      if (DETERMINER.has(l) || PREPOSITION.has(l)) continue;
      return found(i);
    }
    // "40 people who were arrested": a relative clause with an auxiliary says what happened to them.
    if ((l === 'who' || l === 'that' || l === 'which') && AUX.has(ws[i + 1]?.lower ?? '')) continue;
    if (BOUNDARY.has(l)) return none();
    if (PREPOSITION.has(l)) {
      inPP = true;
      continue;
    }
    if (DETERMINER.has(l)) continue;
    if (i === from && !/^\p{Lu}/u.test(w.text)) return found(i); // a verb right after its subject
    if (edForm(ws, i) && !inPP) return found(i);
    if (!inPP) return none(); // neither verb nor part of a phrase: the quantity is not this clause's subject
  }
  return none();
}

function leftScan(ws: readonly Word[], before: number): Predicate | null {
  for (let i = before - 1; i >= 0 && i >= before - 10; i--) {
    const w = ws[i]!;
    const l = w.lower;
    if (l === ';' || l === ':' || l === ',' || /^\d/.test(l)) return null;
    if (!isWord(w) || DETERMINER.has(l) || PREPOSITION.has(l)) continue;
    if (REPORTING.has(l)) return null;
    for (let k = Math.max(0, i - 4); k <= i; k++) {
      const multi = multiAt(ws, k);
      if (multi && k + multi.n - 1 === i) return asPredicate(ws, k, 'object');
    }
    if (known(ws, i)) return asPredicate(ws, i, 'object');
    if (edForm(ws, i) || (AUX.has(ws[i - 1]?.lower ?? '') && !AUX.has(l))) return asPredicate(ws, i, 'object');
    if (BOUNDARY.has(l)) return null;
  }
  return null;
}
