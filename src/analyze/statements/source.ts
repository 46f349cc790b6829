import type { Span } from '../../domain/span.js';
import { AUX, cueEntry, NOT_BEFORE_VERB } from './cues.js';
import { scanWords, type Word } from './words.js';

/**
 * Finding the source noun phrase of a cue: the subject before it ("Norlandic Prime Minister Ana Vell has
 * stated"), with an appositive ("Petra Lind, a Norlandic historian, said"), or the phrase after it
 * ("..., said Robert Antonacci of the New York delegation.", "according to a new poll").
 */

/** Words that end a subject noun phrase when scanning back from its verb. */
const BOUNDARY = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'but', 'or', 'nor', 'as', 'because', 'while', 'when', 'whenever', 'if',
  'where', 'though', 'although', 'so', 'since', 'after', 'before', 'until', 'than', 'in', 'on', 'at', 'during',
  'with', 'without', 'to', 'into', 'from', 'by', 'about', 'over', 'under', 'against', 'between', 'among', 'through',
  'like', 'unlike', 'also', 'then', 'yet', 'however', 'meanwhile', 'instead', 'indeed', 'still', 'even', 'not',
  'is', 'was', 'are', 'were', 'has', 'have', 'had', 'be', 'been', 'will', 'would', 'could', 'should', 'can', 'may',
  'might', 'must', 'do', 'does', 'did', 'says', 'said', 'say', 'told', 'tells', 'and', 'what', 'how', 'why',
  'whether', 'once', 'upon', 'unless', 'per', 'via', 'following', 'despite', 'amid', 'toward', 'towards', 'around',
]);
const TIME_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|now|recently|earlier|later|last|this|next|week|month|year|morning|afternoon|evening|night|january|february|march|april|may|june|july|august|september|october|november|december|\d+)$/;
const PUNCT_INSIDE = new Set(["'s", '’s', '&', '(', ')']);
const MAX_NP = 14;

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,;:—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Index of the first word of the noun phrase that ends at words[last], or -1. */
function npStart(words: readonly Word[], last: number): number {
  let i = last;
  let n = 0;
  while (i >= 0) {
    const w = words[i]!;
    if (!w.isWord && !PUNCT_INSIDE.has(w.text)) break;
    if (w.isWord && BOUNDARY.has(w.lower)) {
      // "A survey by the organization in March found": a time after a preposition is not the subject.
      const sofar = words.slice(i + 1, last + 1).filter((x) => x.isWord);
      if (/^(?:in|on|at|during|since|until|after|before|by|last)$/.test(w.lower) && sofar.length > 0 && sofar.every((x) => TIME_WORD.test(x.lower))) {
        i--;
        n++;
        continue;
      }
      // "and" inside a name list ("Trump and Clinton said") stays when both sides are capitalised.
      const prev = words[i - 1];
      const next = words[i + 1];
      const joins = w.lower === 'and' && prev?.isWord && /^\p{Lu}/u.test(prev.text) && next && /^\p{Lu}/u.test(next.text);
      if (!joins) break;
    }
    i--;
    n++;
    if (n > MAX_NP) return -1;
  }
  // Drop leading time words ("Tuesday Trump said" keeps "Trump"); a phrase of time words only is no subject.
  let first = i + 1;
  while (first < last && TIME_WORD.test(words[first]!.lower)) first++;
  if (first === last && TIME_WORD.test(words[first]!.lower)) return -1;
  return first <= last ? first : -1;
}

/** Auxiliaries of a passive: "is reported", "got asked". */
const PASSIVE_AUX = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', 'gotten', 'getting', "isn't", "wasn't", "aren't", "weren't", 'isn’t', 'wasn’t', 'aren’t', 'weren’t']);
/** A past participle of the cue lexicon ("reported", "known", "told", "thought"), not a base or -ing form. */
const PARTICIPLE = /^(?:\p{L}+(?:ed|en|wn)|told|said|thought|felt|found|sought|taught|heard|held|made|understood|written|seen|known|shown|cast|forecast|read|put|quoted)$/u;
/** Words that cannot be the head of a subject. */
const NOT_A_HEAD = new Set([
  'the', 'a', 'an', 'no', 'every', 'each', 'another', 'latest', 'new', 'same', 'own', 'very', 'least', 'far', 'so', 'too',
  'seldom', 'otherwise', 'never', 'ever', 'rather', 'quite', 'more', 'less', 'much', 'such', 'then', 'now', 'once',
]);
/** Plural heads without a final s, and pronouns that take the base form of a verb. */
const PLURAL_HEAD = /^(?:i|you|we|they|people|police|children|men|women|folks|staff|media|data|clergy|faithful|public|majority|rest|both|few|many|most|some|several|all|others|youth|personnel|cattle|who|which|that)$/;
const LIGHT_VERB = /^(?:made|makes|make|left|leaves|offered|offers|delivered|delivers|issued|issues|sent|sends|gave|gives|voiced|voices|expressed|expresses|released|releases|posted|posts|raised|raises|put|puts|fired|fires|had|has)$/;
const QUANTITY = /^(?:percent|quarter|third|half|majority|minority|plurality|array|slew|number|handful|lot|lots|group|couple|many|most|some|few|several|only|nearly|almost|roughly|majorities|pair|trio|dozen|score)$/;
const PREPOSITION = /^(?:of|in|on|at|for|with|from|to|by|about|across|outside|inside|within|around|among|behind|near|over|under|into|onto|through|like|than|per|via)$/;
const CLAUSE_OPENER = /^(?:but|yet|so|that|while|because|although|though|as|if|when|whether|since|after|before|until|even|however|meanwhile|also|still|then|now|indeed|instead)$/;
/** Aspectual verbs that take an -ing complement ("keeps saying"). */
const ASPECTUAL = /^(?:keeps?|kept|keeping|starts?|started|stops?|stopped|continues?|continued|begins?|began|quits?|finish(?:es|ed)?|resumes?|resumed)$/;
/** Verbs whose object may be a cue noun or gerund: "includes requests", "means acknowledging". */
const OBJECT_VERB = /^(?:worth|includes?|included|contains?|contained|means|meant|involves?|involved|requires?|required|entails?|entailed)$/;
const BASE_SAME_AS_PAST = new Set(['cast', 'forecast', 'read', 'put', 'hit', 'broadcast', 'let', 'set', 'quit', 'spread', 'bet']);

/** The base or -s form of a cue: the forms a noun shares ("plan", "plans"), not "planned". */
function nounForm(cueWord: string): boolean {
  const entry = cueEntry(cueWord);
  const base = entry?.lemma.split(' ')[0];
  return base !== undefined && (cueWord === base || cueWord === `${base}s` || cueWord === `${base}es`);
}

function baseFormAfterSingular(cueWord: string, np: readonly Word[], stop: Word | undefined): boolean {
  const entry = cueEntry(cueWord);
  if (!entry || entry.lemma.split(' ')[0] !== cueWord || BASE_SAME_AS_PAST.has(cueWord)) return false;
  // "Why did Trump say", "to let him say", "should Obama say": a base form after do, a modal or "to".
  if (stop?.isWord && /^(?:do|does|did|will|would|can|could|should|shall|may|might|must|to|let|make|makes|made|helps?|please|why|how|what|when|where)$/.test(stop.lower)) return false;
  // Only a phrase that opens its clause: after "of", "in", "who" the head of the subject came earlier ("19 percent of students polled support").
  if (stop && !(stop.isWord ? CLAUSE_OPENER.test(stop.lower) : /^[,;:(—–-]$/.test(stop.text))) return false;
  // The head: the last word before a preposition ("Supporters of the law"), trailing adverbs dropped ("Polls there").
  let h = np.findIndex((w, i) => i > 0 && /^(?:of|across|outside|inside|within|around|on|off|in|at|from|with|for|among|behind|near)$/.test(w.lower));
  if (h < 0) h = np.length;
  while (h > 1 && /^(?:there|here|everywhere|today|too|alone|themselves|now|nationwide|overall)$/.test(np[h - 1]!.lower)) h--;
  const head = np[h - 1]!;
  if (np.some((w) => /^(?:and|or|those|these|both|all|\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions)$/.test(w.lower) || /['’]/.test(w.text))) return false;
  if (/(?:ed|en|wn)$/.test(head.lower)) return false;
  // "Seventy-four percent of voters say", "Nearly a third say", "a slew of leaders agree": a quantity of people.
  if (np.slice(0, h).some((w) => QUANTITY.test(w.lower))) return false;
  if (/s$/.test(head.lower) && !/(?:ss|us)$/.test(head.lower)) return false;
  return !PLURAL_HEAD.test(head.lower);
}

export interface SourceHit {
  readonly span: Span;
  /** Where the auxiliaries before the cue start ("has also said"): the cue may widen to include them. */
  readonly auxStart: number;
  /** The cue is the noun of a light verb ("raised questions", "left no doubt"); the span is that verb's subject. */
  readonly lightVerb?: boolean;
}

/**
 * The subject before a cue that starts at `cueStart`, looking no further back than `floor`. Null when the
 * words before the cue cannot be a subject (a determiner: "the said agreement"; nothing at all).
 */
export function sourceBefore(text: string, floor: number, cueStart: number): SourceHit | null {
  const words = scanWords(text, floor, cueStart);
  let k = words.length - 1;
  while (k >= 0 && words[k]!.isWord && (AUX.has(words[k]!.lower) || /ly$/.test(words[k]!.lower))) k--;
  const auxStart = words[k + 1]?.start ?? cueStart;
  if (k < 0) return null;
  // "was widely reported", "has so far been requested", "Got Asked": a passive cue; the subject is what was said or whom it was said to.
  const cueWord = /^[\p{L}]+/u.exec(text.slice(cueStart, cueStart + 30))?.[0].toLowerCase() ?? '';
  if (PARTICIPLE.test(cueWord) && words.slice(k + 1).some((w) => PASSIVE_AUX.has(w.lower))) return null;
  if (PARTICIPLE.test(cueWord) && k + 1 === words.length && PASSIVE_AUX.has(words[k]!.lower)) return null;
  const last = words[k]!;
  if (last.isWord && NOT_BEFORE_VERB.has(last.lower)) return null;
  if (last.text === ',') return appositiveSource(text, words, k, auxStart);
  // "Kall -- co-editor of a book -- said": a double hyphen is a dash.
  const double = last.text === '-' && words[k - 1]?.text === '-' && words[k - 1]!.end === last.start;
  if (last.text === '—' || last.text === '–' || double) {
    // "Many speakers — including Muslims, Christians and Jews — said": the subject with its dashed aside.
    const isDash = (i: number) => (double ? words[i]!.text === '-' && words[i - 1]?.text === '-' && words[i - 1]!.end === words[i]!.start : words[i]!.text === last.text);
    const closeAt = double ? k - 1 : k;
    let open = closeAt - 1;
    while (open > 0 && open > k - 30 && !isDash(open)) open--;
    if (open <= 0 || !isDash(open) || words.slice(open + 1, closeAt).some((w) => /^[.;:“”"«»]$/.test(w.text))) return null;
    const openStart = double ? words[open - 1]!.start : words[open]!.start;
    const head = sourceBefore(text, floor, openStart);
    if (!head || head.auxStart !== openStart) return null;
    return { span: { start: head.span.start, end: last.end }, auxStart };
  }
  if (!last.isWord && !/[)’']/.test(last.text)) return null;
  // "..., who said ...": the relative pronoun is the source; the speaker is the noun before it.
  if (last.isWord && (last.lower === 'who' || last.lower === 'which')) return { span: { start: last.start, end: last.end }, auxStart };
  if (last.isWord && BOUNDARY.has(last.lower)) return null;
  // "Rep. Gwen Moore (D-Wis.) said": a name with its parenthesis.
  if (last.text === ')') {
    let open = k - 1;
    while (open > 0 && open > k - 10 && words[open]!.text !== '(') open--;
    if (open > 0 && words[open]!.text === '(' && words[open - 1]!.isWord) {
      const head = npStart(words, open - 1);
      if (head >= 0 && /^\p{Lu}/u.test(words[head]!.text)) return { span: trimSpan(text, { start: words[head]!.start, end: last.end }), auxStart };
    }
  }
  const first = npStart(words, k);
  if (first < 0) return null;
  // "There are plans to ...": an expletive subject is nobody's voice.
  if (first === k && /^there$/i.test(words[k]!.text)) return null;
  const np = words.slice(first, k + 1).filter((w) => w.isWord);
  // "no reported problems", "unmet promises", "so far": determiners and adverbs alone are no subject.
  if (np.length === 0 || np.every((w) => NOT_A_HEAD.has(w.lower) || (/ly$/.test(w.lower) && !/^\p{Lu}/u.test(w.text)))) return null;
  // "raising fears", "prompted calls for": a lone participle is no subject.
  if (np.length === 1 && /^\p{Ll}[\p{L}-]*(?:ing|ed)$/u.test(np[0]!.text)) return null;
  // "Keeps saying ...", "Started asking ...": an aspectual verb opening a headline-style sentence, with no subject.
  if (ASPECTUAL.test(np[0]!.lower) && ((np.length === 1 && k === words.length - 1) || (np.length > 1 && /ing$/.test(np[1]!.lower)))) return null;
  // "stopping the war will be reminding voters": a gerund phrase is no speaker.
  if (np.length > 2 && /^\p{Ll}[\p{L}-]*ing$/u.test(np[0]!.text) && /^(?:the|a|an|this|these|that|those|his|her|their|its|our|my|your)$/.test(np[1]!.lower)) return null;
  // "communications includes requests to ...", "It means acknowledging ...": the cue is the object of the verb before it.
  if (k === words.length - 1 && OBJECT_VERB.test(last.lower) && (nounForm(cueWord) || /ing$/.test(cueWord))) return null;
  // "In an apparent counter to ...": an article and adjectives before a base form make it a noun, whatever opened the phrase.
  if (k === words.length - 1 && /^(?:a|an)$/.test(np[0]!.lower) && np.length > 1 && np.every((w) => /^\p{Ll}/u.test(w.text) && !QUANTITY.test(w.lower) && w.lower !== 'of')) {
    const entry = cueEntry(cueWord);
    if (entry && entry.lemma.split(' ')[0] === cueWord && !BASE_SAME_AS_PAST.has(cueWord)) return null;
  }
  // "it did not resolve a more pressing question", "Sharpton left no doubt": a verb and the start of its object, the cue being
  // the object's noun; the subject, if any, is before the verb.
  const inner = words.findIndex((w, i) => i > first && i <= k && w.isWord && /^(?:a|an|the|no)$/.test(w.lower) && words[i - 1]!.isWord && /^\p{Ll}/u.test(words[i - 1]!.text) && !PREPOSITION.test(words[i - 1]!.lower) && !QUANTITY.test(words[i - 1]!.lower) && !/^(?:all|both|half)$/.test(words[i - 1]!.lower));
  if (inner > 0 && (nounForm(cueWord) || /ing$/.test(cueWord)) && words.slice(inner, k + 1).every((w) => !w.isWord || /^\p{Ll}/u.test(w.text))) {
    const lv = words.findIndex((w, i) => i > first && i < inner && w.isWord && LIGHT_VERB.test(w.lower));
    if (lv < 0) return null;
    const span = trimSpan(text, { start: words[first]!.start, end: words[lv - 1]!.end });
    return span.end > span.start ? { span, auxStart: words[lv]!.start, lightVerb: true } : null;
  }
  // "a celebratory event was held called ...": a phrase right after "was" or "has" is a complement, not a subject.
  const stop = words[first - 1];
  if (stop?.isWord && PASSIVE_AUX.has(stop.lower) && np.length === 1 && !/^\p{Lu}/u.test(words[first]!.text)) return null;
  // "The latest plan to ...", "a more sympathetic tweet about": a base-form cue right after a singular noun
  // phrase is a noun, not the verb of that subject (which would be "plans", "tweets").
  if (k === words.length - 1 && baseFormAfterSingular(cueWord, np, stop)) {
    // "Sharpton left no doubt that", "The constitution makes no specific mention of": a light verb and its noun; the subject comes before the verb.
    const lv = words.findIndex((w, i) => i > first && i <= k && w.isWord && LIGHT_VERB.test(w.lower));
    if (lv < 0) return null;
    const span = trimSpan(text, { start: words[first]!.start, end: words[lv - 1]!.end });
    return span.end > span.start ? { span, auxStart: words[lv]!.start, lightVerb: true } : null;
  }
  const span = trimSpan(text, { start: words[first]!.start, end: last.end });
  if (span.end <= span.start) return null;
  return { span, auxStart };
}

/** "Name, appositive, said": the name and its appositive, up to the comma before the cue. */
function appositiveSource(text: string, words: readonly Word[], comma: number, auxStart: number): SourceHit | null {
  // Walk back over at most three comma-separated segments to the start of the clause.
  let i = comma - 1;
  let segments = 0;
  let start = -1;
  while (i >= 0 && segments < 4) {
    const w = words[i]!;
    if (!w.isWord && w.text === ',') {
      segments++;
      const after = words[i + 1];
      if (after && /^\p{Lu}/u.test(after.text) && !INTRO.test(after.lower)) start = i + 1;
    } else if (w.text === '.' && words[i - 1]?.isWord && /^(?:\p{Lu}-)?\p{Lu}[\p{Ll}]{0,3}$/u.test(words[i - 1]!.text)) {
      // "Mitch McConnell, R-Ky., said", "Sen. Lee, D-Mass., said": an abbreviation's period stays inside.
    } else if (!w.isWord && !PUNCT_INSIDE.has(w.text) && w.text !== '(' && w.text !== ')') break;
    else if (w.isWord && (w.lower === 'that' || w.lower === 'but' || w.lower === 'and') && words[i - 1]?.text !== ',') break;
    i--;
  }
  const head = words[i + 1];
  if (head && /^\p{L}/u.test(head.text) && !INTRO.test(head.lower)) start = i + 1;
  // A name and its appositive need a comma between them: "Name, appositive, said".
  if (start < 0 || start >= comma) return null;
  // The head must be a short noun phrase; the appositive may be longer.
  let span = trimSpan(text, { start: words[start]!.start, end: words[comma]!.start });
  const adverbial = /,\s*(?:meanwhile|however|though|too|also|in turn|for (?:his|her|their|its) part|in (?:a|an) (?:\w+ )?(?:statement|interview)|on \w+|in response)$/i.exec(text.slice(span.start, span.end));
  if (adverbial) span = { start: span.start, end: span.end - adverbial[0].length };
  if (span.end - span.start > 200) return null;
  return { span, auxStart };
}

const INTRO = /^(?:in|on|at|after|before|during|since|for|with|when|while|however|but|and|meanwhile|also|still|earlier|later|last|this|speaking|asked|according|as|if|though|although|because|yet|so|then|now|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** The phrase after a cue ("said Robert Antonacci of the New York delegation"), up to a clause edge. */
export function sourceAfter(text: string, from: number, ceiling: number): Span | null {
  const words = scanWords(text, from, ceiling);
  let end = -1;
  for (let i = 0; i < words.length && i <= MAX_NP; i++) {
    const w = words[i]!;
    if (!w.isWord && !PUNCT_INSIDE.has(w.text)) break;
    if (w.isWord && i > 0 && BOUNDARY.has(w.lower) && w.lower !== 'and' && w.lower !== 'of') break;
    if (w.isWord && i === 0 && NOT_BEFORE_VERB.has(w.lower) === false && BOUNDARY.has(w.lower)) return null;
    end = i;
  }
  if (end < 0) return null;
  const span = trimSpan(text, { start: words[0]!.start, end: words[end]!.end });
  return span.end > span.start ? span : null;
}

/** The source after "according to": everything up to the next comma or the sentence end ("a count by The Associated Press"). */
export function sourceAfterAccordingTo(text: string, from: number, ceiling: number): Span | null {
  const rest = text.slice(from, ceiling);
  const m = /^[^,;:“”"«»—–]{1,240}/.exec(rest);
  if (!m) return null;
  const span = trimSpan(text, { start: from, end: from + m[0].length });
  let { end } = span;
  while (end > span.start && /[.!?\s]/.test(text[end - 1]!) && !/\b\p{Lu}[\p{L}]{0,3}\.$|\b(?:\p{Lu}\.)+$/u.test(text.slice(span.start, end))) end--;
  if (end - span.start < 2 || text.slice(span.start, end).split(/\s+/).length > 30) return null;
  return { start: span.start, end };
}

/** "said Kurt Walters, the campaign director at Rootstrikers." : the appositive after a name, to the sentence end. */
export function withAppositive(text: string, source: Span, ceiling: number): Span {
  const rest = text.slice(source.end, ceiling);
  const m = /^,\s*(?:(?:a|an|the|who|whose|\d+|[\p{Ll}-]+(?: and [\p{L}-]+(?: [\p{L}-]+)?)? (?:of|at|for|to)|\p{Lu}[\p{L}’'.-]*['’]s)\b[^“”"«»;:]{0,200}?)(?=[.!?]?[”"’]?\s*$)/u.exec(rest);
  if (!m) return source;
  let end = source.end + m[0].length;
  while (end > source.end && /[\s,]/.test(text[end - 1]!)) end--;
  return { start: source.start, end };
}
