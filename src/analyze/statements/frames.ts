import type { Span } from '../../domain/span.js';
import { canSpeak } from './agent.js';
import { CUE_ALTERNATION, CUE_FORMS, CUE_REGEX, cueEntry, REQUIRES_NEXT, type CueEntry } from './cues.js';
import { readModifiers } from './modifiers.js';
import { quoteWords, type Quote } from './quotes.js';
import { sourceAfter, sourceAfterAccordingTo, sourceBefore, withAppositive } from './source.js';
import { PRONOUNS, scanWords } from './words.js';

/**
 * The attribution frames of one article, before speakers are resolved: quotation frames first
 * ("“...,” Vell said." / "Vell said: “...”"), then cue frames in each sentence ("X said that ...",
 * "..., X said.", "according to X, ...", "It was announced that ..."). Works on character offsets only.
 */

export interface Draft {
  readonly mode: 'direct' | 'indirect' | 'mixed';
  readonly source: Span | null;
  readonly cue: Span;
  readonly content: Span;
  readonly medium: Span | null;
  readonly addressee: Span | null;
  readonly rule: string;
  /** For participle cues without their own source ("..., adding that"): the statement whose speaker they share. */
  readonly sameSpeakerAs: number | null;
}

export interface Unit {
  readonly start: number;
  readonly end: number;
}

interface Cue {
  readonly start: number;
  readonly end: number;
  readonly entry: CueEntry;
}

function cuesIn(text: string, from: number, to: number): Cue[] {
  const out: Cue[] = [];
  const re = new RegExp(CUE_REGEX.source, CUE_REGEX.flags);
  const slice = text.slice(from, to);
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    const entry = cueEntry(m[0]);
    // "United States", "Post": a capitalised cue is a name, except a sentence-initial "According to".
    if (/^\p{Lu}/u.test(m[0]) && !/^According/.test(m[0]) && !(entry && !AMBIGUOUS.has(entry.lemma) && titleCase(text, from + m.index))) continue;
    const needs = entry ? REQUIRES_NEXT.get(entry.lemma) : undefined;
    if (needs && !needs.test(text.slice(from + m.index + m[0].length, from + m.index + m[0].length + 60))) continue;
    if (entry) out.push({ start: from + m.index, end: from + m.index + m[0].length, entry });
  }
  return out;
}

/** Attitude cues: fine after their subject ("Trump wants ..."), too loose at a sentence end or after "and". */
const ATTITUDE = new Set(['want', 'hope', 'fear', 'expect', 'seem', 'appear', 'decline', 'refuse', 'seek', 'offer', 'consider', 'prefer', 'favor', 'favour', 'plan', 'intend', 'decide', 'know', 'see', 'feel', 'learn', 'understand', 'realize', 'realise', 'recognize', 'recognise', 'wish', 'view', 'regard', 'point to', 'push for', 'vote for', 'figure', 'imagine', 'guess', 'suppose', 'determine', 'order', 'rule', 'project', 'calculate', 'signal', 'support', 'oppose', 'endorse', 'thank', 'welcome', 'compare', 'challenge', 'identify', 'discuss', 'highlight', 'echo', 'repeat', 'encourage', 'nominate', 'recommend', 'target', 'credit', 'refer to', 'talk about', 'speak about', 'cite']);

/** "Trump's claim that", "his call for", "her criticism of": owner, noun, linking word. */
const NOUN_FRAME =
  /(?<![\p{L}])((?:\p{Lu}[\p{L}.-]*['’]s)|his|her|their|its|our)\s+(?:\p{Ll}+\s+)?(claims?|statements?|assertions?|arguments?|beliefs?|views?|fears?|hopes?|warnings?|suggestions?|allegations?|accusations?|insistence|contention|promises?|pledges?|vows?|predictions?|charges?|comments?|remarks?|criticism|calls?|demands?|denials?|admission|concerns?|complaints?|assessment|conclusion|proposals?|plans?|support|opposition)\s+(that|for|of|to)\s/gu;
/** "In a new poll by X, ...": a sentence that opens with the document it reports. */
const IN_DOCUMENT =
  /^\s*In\s+(?:a|an|the|his|her|their|its|[\p{Lu}][\p{L}’'.-]*['’]s)\s+(?:[^,;:“”"]{0,60}?\s)?(?:poll|polls|survey|surveys|study|report|letter|statement|interview|op-ed|tweet|post|memo|speech|article|book|column|editorial|email|e-mail|filing|message|video|ad|advertisement|analysis|memoir|essay|review)\b[^,;:“”"]{0,80},/u;
/** "When asked about ...," / "Asked whether ...": the question, with no source. */
const ASKED = /(?:^|[,;]\s*|\b(?:when|after|if|once)\s+)(?:he\s+was\s+|she\s+was\s+)?asked\s+(?=(?:\w+ly\s+|again\s+|later\s+)?(?:about|whether|if|what|why|how|who|when|where)\b)/giu;

/** "is expected to", "isn't widely expected", "was once thought": the auxiliaries of a passive cue. */
const PASSIVE_LEAD = /(?:\b(?:is|was|are|were|be|been|being)(?:n['’]t)?|\b(?:it|that|there|what|this)['’]s)\s+(?:(?:\w+ly|not|also|still|now|once|long|often|best|well|better|most|perhaps|even|already|nonetheless)\s+){0,2}$/i;
/** Participles that, without an auxiliary and before "to" or "as", are reduced passives ("a judge considered as a moderate"). */
const REDUCED_PASSIVE = new Set(['know', 'see', 'expect', 'project', 'consider', 'believe', 'think', 'regard', 'view', 'estimate', 'forecast', 'predict', 'anticipate', 'suppose', 'mention', 'identify', 'intend', 'recall', 'describe', 'label', 'deem', 'tout']);
/** Words that end a subject: verbs, auxiliaries and clause words. */
const BOUNDARY_WORD = /^(?:is|was|are|were|has|had|have|will|would|can|could|may|might|must|should|said|says|told|also|then|who|which|that|and|or|but|of|in|on|at|for|with|to|from|by)$/;
/** Adverbs only, between a noun phrase and a participle. */
const ADVERBS_ONLY = /^(?:\s+(?:\w+ly|once|now|not|never|long|still|also|often|best|well|otherwise|so|far|first|already|ever|since))*\s*$/i;

/** "a website", "an anti-Trump super PAC": an indefinite noun phrase at the end of a subject. */
const INDEFINITE_NP = /(?:^|\s)(?:a|an)\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+$/iu;

/** "it is unclear whether", "it's not known if", "it should be obvious that": an impersonal appraisal frame. */
const IMPERSONAL =
  /(?:^|[\s,;(—–-])(?:it|It)(?:\s+(?:is|was|remains|remained|seems|seemed|became|becomes)|['’]s|\s+(?:has|had|will|would|should|may|might|could)\s+(?:been|be|become))\s+(?:(?:not|still|now|also|increasingly|already|far from|all too|quite|very|even|less|more)\s+)?(?:clear|unclear|obvious|apparent|evident|uncertain|known|unknown|no secret|no surprise|not surprising|surprising|doubtful|hard to (?:know|say|tell|see)|difficult to (?:know|say|tell|see)|important to note|worth noting)\s*,?\s+((?:that|whether|if|how|what|why|who|when|where|which)\s)/gu;

/** A noun of attitude without an owner: "amid concerns that", "raising questions about", "speculation that". */
const BARE_NOUN_FRAME =
  /(?:^|[\s,;(—–])(?:(?:amid|raising|raised|raises|sparking|sparked|fueling|fuelled|fueled|prompting|prompted|stoking|stoked|new|growing|widespread|renewed|mounting|persistent|lingering|there\s+(?:are|were|is|was|have\s+been)|the)\s+)(questions|concerns|fears|speculation|rumou?rs|doubts|complaints|allegations|accusations|calls|expectations|criticism|worries|suspicions)\s+(that|about|over|of|for)\s/giu;

/** A dateline at the start of a sentence: "DECATUR, Ill. — ", "WASHINGTON (AP) — ". */
const DATELINE = /^\s*\p{Lu}[\p{Lu} .'’-]+(?:,\s*[\p{L}.]+(?:\s[\p{L}.]+)?)?\s*(?:\([\p{L} ]+\)\s*)?[—–-]+\s*/u;

/** Words after which a cue that is often a noun is the noun: determiners, possessives, numbers. */
const NOUN_BEFORE = /^(?:the|a|an|one|his|her|their|its|our|my|your|this|these|those|no|many|some|several|few|any|every|each|two|three|four|five|six|seven|eight|nine|ten|more|most|other|another|such|\p{L}+['’]s)$/iu;

/** Words with an adjective's ending that are not adjectives. */
const NOT_ADJECTIVE = /^(?:said|had|need|used|proceed|exceed|succeed|feed|speed|shed|bred|fled|led|wed|sing|bring|thing|nothing|something|anything|everything)$/;

/** Cues of appearance: the subject is part of the content and nobody is the source. */
const EVIDENTIAL = new Set(['seem', 'appear']);

/** Line labels that are not speakers ("Read next: ...", "UPDATE: ..."). */
const NOT_A_SPEAKER = /^(?:read|read next|read more|update|updated|watch|photo|photos|video|related|source|sources|note|editor'?s note|correction|click|listen|see|see also|also|tags|share|advertisement|breaking|breaking news|exclusive|full text|opinion|analysis|live|warning|q|a|question|answer|transcript|subscribe|follow|contact|email|credit|caption)$/i;

/** What may follow a closing frame to the sentence end: a short phrase without quotations or clauses. */
function tailOk(rest: string): boolean {
  const r = rest.trim();
  if (r.length === 0 || /^[.!?”"’)]+$/.test(r)) return true;
  if (/[“”"«»;:]/.test(r) || !/^[,(—–-]|^(?:in|on|at|during|after|before|while|as|when|with|who|which|last|this|to|for|about|of|from)\b/i.test(r)) return false;
  // ", founder and chief executive of ...", ", who served as director for ... under ...": a longer appositive of the source.
  const limit = /^,\s*(?:a|an|the|who|whose|[\p{Ll}-]+(?:\s+and\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)?\s+(?:of|at|for|to))\s/u.test(r) ? 24 : 10;
  return r.split(/\s+/).length <= limit && !/,\s*(?:and|but)\s/.test(r);
}

/** The line around pos is a headline in Title Case ("Obama Says African-American Museum ..."). */
function titleCase(text: string, pos: number): boolean {
  const lineStart = text.lastIndexOf('\n', pos) + 1;
  let lineEnd = text.indexOf('\n', pos);
  if (lineEnd < 0) lineEnd = text.length;
  const words = text.slice(lineStart, lineEnd).split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  return words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.8 * words.length;
}

/** The -ing forms of the lexicon ("crediting", "implying", "calling for"), and "says"/"said" after "then". */
const ING_CUES = [...CUE_FORMS.keys()].filter((f) => /^\S+ing\b/.test(f)).sort((a, b) => b.length - a.length).map((f) => f.replace(/ /g, '\\s+')).join('|');

const COORDINATED = new RegExp(`\\s+(?:and|but)\\s+(?:also\\s+|then\\s+|later\\s+)?(?:${CUE_ALTERNATION})(?![\\p{L}\\p{N}-])`, 'iu');
const COORDINATED_ALL = new RegExp(COORDINATED.source, 'giu');
const ING_FRAME = new RegExp(`,\\s+(?:however,\\s+|then\\s+|later\\s+|also\\s+)?(?:${ING_CUES})(?![\\p{L}\\p{N}-])`, 'giu');

/** Cues that are often nouns ("talk show host", "the post office"): they need content right after them. */
const AMBIGUOUS = new Set(['credit', 'target', 'pan', 'knock', 'trash', 'email', 'challenge', 'compare', 'show', 'post', 'report', 'support', 'call', 'plan', 'rule', 'question', 'attack', 'comment', 'remark', 'note', 'state', 'order', 'figure', 'project', 'answer', 'request', 'demand', 'counter', 'signal', 'estimate', 'forecast', 'hope', 'fear', 'doubt', 'guess', 'label', 'brand', 'welcome', 'mock', 'thank', 'praise', 'blame', 'claim', 'want', 'wish', 'comment', 'find', 'respond', 'reply', 'plan', 'decide', 'read', 'intend', 'order', 'rule']);
const CONTENT_START = /^\s*(?:[:,“"«]|\p{Lu}|(?:that|the|a|an|his|her|their|its|our|my|your|this|these|those|it|him|them|he|she|they|we|i|you|how|what|why|whether|who|when|where|no|some|to|there|if)(?![\p{L}]))/u;
const inside = (pos: number, s: Span) => pos >= s.start && pos < s.end;
const contentWords = (text: string, s: Span) => text.slice(s.start, s.end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Trim spaces and a final sentence mark that is not inside a quotation. */
function trimContent(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,:;—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1]!)) end--;
  if (end > start && /[.]/.test(text[end - 1]!) && !/[.]{2}$/.test(text.slice(start, end))) end--;
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}

function modeOf(content: Span, quotes: readonly Quote[]): Draft['mode'] {
  const within = quotes.filter((q) => q.start >= content.start && q.end <= content.end);
  if (within.length === 0) return 'indirect';
  const first = within[0]!;
  const last = within[within.length - 1]!;
  return first.start === content.start && last.end === content.end ? 'direct' : 'mixed';
}

export class FrameFinder {
  private readonly drafts: Draft[] = [];
  private readonly usedCues: Span[] = [];
  private readonly quotedByFrame = new Set<Quote>();

  constructor(
    private readonly text: string,
    private readonly units: readonly Unit[],
    private readonly quotes: readonly Quote[],
    /** Spans of person and organisation names (from the entities stage), for "Name: content" lines. */
    private readonly names: readonly Span[] = [],
  ) {}

  find(): Draft[] {
    this.colonFrames();
    this.signedQuotes();
    this.quoteFrames();
    for (const u of this.units) this.cueFrames(u);
    for (const u of this.units) this.nounFrames(u);
    return this.drafts;
  }

  /**
   * Nominal frames: "Trump's claim that ...", "his call for ...", "her criticism of ..."; and the sourceless
   * question "When asked whether ..., he said" / "Asked about ...".
   */
  private nounFrames(u: Unit): void {
    const { text } = this;
    const slice = text.slice(u.start, u.end);
    const taken = (a: number, b: number) => this.drafts.some((d) => d.cue.start < b && a < d.cue.end) || this.drafts.some((d) => d.content.start <= a && b <= d.content.end && d.mode !== 'indirect');
    NOUN_FRAME.lastIndex = 0;
    for (let m = NOUN_FRAME.exec(slice); m !== null; m = NOUN_FRAME.exec(slice)) {
      const owner = m[1]!;
      const noun = m[2]!;
      const ownerStart = u.start + m.index + m[0].indexOf(owner);
      const cueStart = u.start + m.index + m[0].lastIndexOf(noun, m[0].length - (m[3]?.length ?? 0));
      const cue = { start: cueStart, end: cueStart + noun.length };
      if (taken(cue.start, cue.end) || this.inQuote(cue.start)) continue;
      const ownerWord = owner.replace(/['’]s$/, '');
      const source = { start: ownerStart, end: ownerStart + ownerWord.length };
      const from = u.start + m.index + m[0].lastIndexOf(m[3]!) + (m[3] === 'that' ? 0 : m[3]!.length);
      const content = trimContent(text, { start: from, end: this.contentEnd(from, u.end, u.start, source.start) });
      if (contentWords(text, content) < 2) continue;
      this.push({ mode: modeOf(content, this.quotes), source, cue, content, medium: null, addressee: null, rule: 'statements/noun-frame', sameSpeakerAs: null });
    }
    // "In a CNN poll released Tuesday, Clinton leads ...": the document is the source, "In" the cue.
    const inDoc = IN_DOCUMENT.exec(slice);
    if (inDoc && !this.drafts.some((d) => d.cue.start >= u.start && d.cue.end <= u.end)) {
      const cue = { start: u.start + inDoc.index + inDoc[0].search(/\S/), end: u.start + inDoc.index + inDoc[0].search(/\S/) + 2 };
      const srcStart = cue.end + 1;
      const comma = u.start + inDoc.index + inDoc[0].length - 1;
      const source = trimContent(text, { start: srcStart, end: comma });
      const content = trimContent(text, { start: comma + 1, end: this.contentEnd(comma + 1, u.end, u.start, u.start) });
      if (contentWords(text, content) >= 3 && !this.inQuote(cue.start)) {
        this.push({ mode: modeOf(content, this.quotes), source, cue, content, medium: null, addressee: null, rule: 'statements/in-document', sameSpeakerAs: null });
      }
    }
    ASKED.lastIndex = 0;
    for (let m = ASKED.exec(slice); m !== null; m = ASKED.exec(slice)) {
      const cueStart = u.start + m.index + m[0].search(/asked/i);
      const cue = { start: cueStart, end: cueStart + 5 };
      if (taken(cue.start, cue.end) || this.inQuote(cue.start)) continue;
      const from = cue.end;
      const comma = text.indexOf(',', from);
      const end = comma > 0 && comma < u.end ? comma : u.end;
      const content = trimContent(text, { start: from, end });
      if (contentWords(text, content) < 2) continue;
      this.push({ mode: modeOf(content, this.quotes), source: null, cue, content, medium: null, addressee: null, rule: 'statements/asked', sameSpeakerAs: null });
    }
    // "amid concerns that ...", "questions about ...": an attitude held by nobody named.
    BARE_NOUN_FRAME.lastIndex = 0;
    for (let m = BARE_NOUN_FRAME.exec(slice); m !== null; m = BARE_NOUN_FRAME.exec(slice)) {
      const noun = m[1]!;
      const linkWord = m[2]!.toLowerCase();
      // "calls for", "criticism of", "allegations of": not "the calls of the birds".
      if ((/^calls$/i.test(noun) && linkWord !== 'for') || (linkWord === 'of' && !/^(?:criticism|allegations|accusations|suspicions|fears|rumou?rs)$/i.test(noun))) continue;
      const cueStart = u.start + m.index + m[0].indexOf(noun, m[0].length - noun.length - m[2]!.length - 2);
      const cue = { start: cueStart, end: cueStart + noun.length };
      if (taken(cue.start, cue.end) || this.inQuote(cue.start)) continue;
      if (this.drafts.some((d) => d.content.start <= cue.start && cue.end <= d.content.end && d.cue.start > cue.start)) continue;
      const link = u.start + m.index + m[0].length - m[2]!.length - 1;
      const from = m[2]!.toLowerCase() === 'that' ? link : link + m[2]!.length;
      const content = trimContent(text, { start: from, end: this.contentEnd(from, u.end, u.start, cue.start) });
      if (contentWords(text, content) < 2) continue;
      this.push({ mode: modeOf(content, this.quotes), source: null, cue, content, medium: null, addressee: null, rule: 'statements/bare-noun-frame', sameSpeakerAs: null });
    }
    // "It was unclear whether ...", "it should be obvious that ...": the writer's appraisal, with no source.
    IMPERSONAL.lastIndex = 0;
    for (let m = IMPERSONAL.exec(slice); m !== null; m = IMPERSONAL.exec(slice)) {
      const cue = { start: u.start + m.index + m[0].search(/\S/), end: u.start + m.index + m[0].length - m[1]!.length };
      const cueTrim = trimContent(text, cue);
      if (taken(cueTrim.start, cueTrim.end) || this.inQuote(cueTrim.start)) continue;
      const from = cue.end;
      const content = trimContent(text, { start: from, end: this.contentEnd(from, u.end, u.start, cueTrim.start) });
      if (contentWords(text, content) < 3) continue;
      this.push({ mode: modeOf(content, this.quotes), source: null, cue: cueTrim, content, medium: null, addressee: null, rule: 'statements/impersonal', sameSpeakerAs: null });
    }
    // "The group is reportedly spending $1.5 million ...": a report with no named source; its clause is the content.
    const reportedly = /\breportedly\b/giu;
    for (let m = reportedly.exec(slice); m !== null; m = reportedly.exec(slice)) {
      const cue = { start: u.start + m.index, end: u.start + m.index + m[0].length };
      if (taken(cue.start, cue.end) || this.inQuote(cue.start)) continue;
      const lead = slice.slice(0, m.index);
      let from = u.start;
      const clause = /(?:[,;:—–]\s+|\s(?:that|and|but|while|because|after|as|when|who|which)\s+)(?=[^,;:—–]*$)/giu;
      for (let c = clause.exec(lead); c !== null; c = clause.exec(lead)) if (!this.inQuote(u.start + c.index)) from = u.start + c.index + c[0].length;
      const content = trimContent(text, { start: from, end: this.contentEnd(cue.end, u.end, u.start, from) });
      if (contentWords(text, content) < 3) continue;
      this.push({ mode: modeOf(content, this.quotes), source: null, cue, content, medium: null, addressee: null, rule: 'statements/reportedly', sameSpeakerAs: null });
    }
  }

  private unitAt(pos: number): Unit | null {
    let lo = 0;
    let hi = this.units.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const u = this.units[mid]!;
      if (pos < u.start) hi = mid - 1;
      else if (pos >= u.end) lo = mid + 1;
      else return u;
    }
    return null;
  }

  private inQuote(pos: number): boolean {
    return this.quotes.some((q) => pos > q.start && pos < q.end);
  }

  private cueUsed(c: Span): boolean {
    return this.usedCues.some((u) => u.start < c.end && c.start < u.end);
  }

  private push(d: Draft): number {
    this.drafts.push(d);
    this.usedCues.push(d.cue);
    return this.drafts.length - 1;
  }

  /** "“...,” Vell said." and "Vell said: “...”", with the continuation "... he said. “...”". */
  private quoteFrames(): void {
    const { text } = this;
    for (let qi = 0; qi < this.quotes.length; qi++) {
      const q = this.quotes[qi]!;
      if (this.quotedByFrame.has(q)) continue;
      const u = this.unitAt(q.end - 1);
      const nextQ = this.quotes[qi + 1];
      const frameUnit = this.frameUnit(q);
      const limit = Math.min(frameUnit?.end ?? u?.end ?? q.end, nextQ && nextQ.start >= q.end ? nextQ.start : Infinity);
      const lead = text.slice(u?.start ?? 0, q.start);
      const embedded = /\b(?:that|whether|if|as|called|calling|call|calls)\s*$/i.test(lead) || /[\p{L},]\s*$/u.test(lead) && !/[,:]\s*$/.test(lead);
      const after = embedded ? null : this.frameAfter(q, limit);
      const before = after ? null : this.frameBefore(q, qi);
      const frame = after ?? before;
      if (!frame) continue;
      let content: Span = { start: q.start, end: q.end };
      this.quotedByFrame.add(q);
      // The quotation goes on after the frame: "“...,” he said. “...”" or a paragraph that is all quotation.
      let k = qi + 1;
      let edge = after ? frame.end : q.end;
      while (k < this.quotes.length) {
        const n = this.quotes[k]!;
        if (n.start < edge) break;
        const gap = text.slice(edge, n.start);
        const sameLine = after !== null && /^[\s.,;:]*$/.test(gap) && !gap.includes('\n') && k === qi + 1;
        const wholePara = /^[\s.]*\n\s*$/.test(gap) && /^\s*(\n|$)/.test(text.slice(n.end, n.end + 2)) && frame.mode === 'direct';
        if (!sameLine && !wholePara) break;
        if (this.hasOwnFrame(n)) break;
        content = { start: content.start, end: n.end };
        this.quotedByFrame.add(n);
        edge = n.end;
        k++;
        if (!wholePara) continue;
      }
      this.push({ ...frame.draft, content, mode: 'direct' });
    }
  }

  /** Headline and transcript lines "Elizabeth Warren: Trump Is a ‘Proven Failure’" / "KATE BOLDUAN: Why not?". */
  private colonFrames(): void {
    const { text } = this;
    const line = /^[ \t]*(?:([^\n]{3,200}?)[ \t][-—–][ \t]+)?["“]?(\p{Lu}[\p{L}.’'-]*(?:[ \t]+[\p{L}][\p{L}.’'-]*){0,5}):[ \t]+(\S[^\n]*)$/gmu;
    const firstLine = /\S/.exec(text)?.index ?? 0;
    for (let m = line.exec(text); m !== null; m = line.exec(text)) {
      const lead = m[1];
      const who = m[2]!;
      const start = m.index + (lead === undefined ? 0 : lead.length) + m[0].slice(lead?.length ?? 0).indexOf(who);
      const source = { start, end: start + who.length };
      if (NOT_A_SPEAKER.test(who)) continue;
      // The article's title line "Graham: Trump's rhetoric destroying GOP's chance": a short source, any case.
      const whoWords = who.split(/\s+/);
      const title =
        start === firstLine &&
        text.charAt(m.index + m[0].length) === '\n' &&
        m[0].length <= 200 &&
        whoWords.length <= 4 &&
        (whoWords.length <= 2 || whoWords.every((w) => /^\p{Lu}/u.test(w)));
      // "Republican pollster Daron Shaw: “...”": a name (its last word capitalised) introducing a quotation paragraph.
      const quoting = /^[“"]/.test(m[3] ?? '') && /\p{Lu}[\p{L}.’'-]*$/u.test(who) && !/\b(?:or|to|on|in|at|for|with|about|vs)\b|\band\s+\p{Ll}/u.test(who);
      if (!title && !quoting && !/^(?:\p{Lu}[\p{L}.’'-]*|of|the|de|van|von)(?:[ \t]+(?:\p{Lu}[\p{L}.’'-]*|of|the|de|van|von))*$/u.test(who)) continue;
      const transcript = /^[\p{Lu} .'’-]{4,}$/u.test(who) && /\p{Lu}{2}/u.test(who);
      const named = this.names.some((n) => n.start >= source.start && n.end <= source.end);
      if (!transcript && !named && !title && !quoting) continue;
      // "HEADLINE - Jones: “...”": after a dash, only a name that introduces a quotation.
      if (lead !== undefined && !quoting) continue;
      const colon = source.end;
      const contentStart = colon + 1 + (m[3] ? text.slice(colon + 1).indexOf(m[3]) : 0);
      const content = trimContent(text, { start: contentStart, end: m.index + m[0].length });
      if (contentWords(text, content) < 2) continue;
      this.push({ mode: modeOf(content, this.quotes), source, cue: { start: colon, end: colon + 1 }, content, medium: null, addressee: null, rule: 'statements/name-colon', sameSpeakerAs: null });
      for (const q of this.quotes) if (q.start >= content.start && q.end <= content.end) this.quotedByFrame.add(q);
    }
  }

  /** A paragraph that is a quotation signed with a dash and a name: "“We will win.” ― Ana Lind". */
  private signedQuotes(): void {
    const { text } = this;
    const line = /^[ \t\u00a0]*([“”"«][^\n]*[”"»])[ \t\u00a0]*([―—–]|--)[ \t\u00a0]*(\p{Lu}[\p{L}.’'-]*(?:[ \t\u00a0]+(?:\p{Lu}[\p{L}.’'-]*|de|del|la|van|von|y))*)[ \t\u00a0]*$/gmu;
    for (let m = line.exec(text); m !== null; m = line.exec(text)) {
      const [whole, quoted, dash, signed] = m as unknown as [string, string, string, string];
      const who = signed.replace(/\.$/, '');
      if (who.split(/[ \t\u00a0]+/).length > 6 || NOT_A_SPEAKER.test(who)) continue;
      const contentStart = m.index + whole.indexOf(quoted);
      const content = { start: contentStart, end: contentStart + quoted.length };
      if (contentWords(text, content) < 2) continue;
      const dashStart = text.indexOf(dash, content.end);
      const sourceStart = text.indexOf(who, dashStart + dash.length);
      const source = { start: sourceStart, end: sourceStart + who.length };
      this.push({ mode: 'direct', source, cue: { start: dashStart, end: dashStart + dash.length }, content, medium: null, addressee: null, rule: 'statements/signed-quote', sameSpeakerAs: null });
      for (const q of this.quotes) if (q.start >= content.start && q.end <= content.end) this.quotedByFrame.add(q);
    }
  }

  /** A quotation directly followed by a frame of its own. */
  private hasOwnFrame(q: Quote): boolean {
    const u = this.frameUnit(q);
    return this.frameAfter(q, u?.end ?? q.end) !== null;
  }

  /** The sentence where a frame after a quotation sits: the quotation's own, or the next one when the sentence ended inside the marks ("...?” Trump said."). */
  private frameUnit(q: Quote): Unit | null {
    const u = this.unitAt(q.end - 1);
    if (u && /^\s*$/.test(this.text.slice(q.end, u.end))) {
      const next = this.unitAt(u.end) ?? this.unitAt(this.skipSpaces(u.end));
      if (next && !this.text.slice(u.end, next.start).includes('\n')) return { start: u.start, end: next.end };
    }
    return u;
  }

  private skipSpaces(pos: number): number {
    let p = pos;
    while (p < this.text.length && this.text[p] === ' ') p++;
    return p;
  }

  private frameAfter(q: Quote, limit: number): { draft: Omit<Draft, 'content' | 'mode'>; end: number; mode: 'direct' } | null {
    const { text } = this;
    const closesClause = /[,.!?…—–-]$/.test(text.slice(q.innerStart, q.innerEnd).trimEnd()) || /^\s*[,—–]/.test(text.slice(q.end, q.end + 3));
    if (!closesClause) return null;
    const cues = cuesIn(text, q.end, limit);
    let cue = cues[0];
    if (!cue) return null;
    // '"...," the IMF report stated.': a first cue that is a noun of the source ("report") gives way to the verb after it.
    const second = cues[1];
    if (second && !/^[\s,—–-]*$/.test(text.slice(q.end, cue.start)) && !sourceBefore(text, q.end, cue.start) && /^\s+$/.test(text.slice(cue.end, second.start))) cue = second;
    const pre = text.slice(q.end, cue.start);
    // "“...,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said": a name and its appositives may run longer.
    const maxPre = /^[\s,—–-]*\p{Lu}[^,]{0,40},/u.test(pre) ? 24 : 12;
    if (/[.!?;:“”"«»]/.test(pre.replace(/\b\p{Lu}[\p{L}]{0,3}\./gu, 'X')) || pre.split(/\s+/).filter(Boolean).length > maxPre) return null;
    let source: Span | null = null;
    if (/^[\s,—–-]*$/.test(pre)) {
      source = sourceAfter(text, cue.end, limit); // "“...,” said Robert Antonacci."
      if (!source) return null;
      source = withAppositive(text, source, limit);
    } else {
      source = sourceBefore(text, q.end, cue.start)?.span ?? null;
      if (!source) return null;
    }
    const mods = readModifiers(text, Math.max(cue.end, source.end > cue.end ? source.end : cue.end), limit, cue.entry.lemma);
    const own = this.unitAt(q.end - 1);
    // '"It's just not true." He said Clinton would ...': a frame in the next sentence must close it, not open new content.
    // '"Who do they think they are?" Trump said of the company in February, when ...': "of" or "about" names the topic, no new content.
    const topic = /^\s*(?:of|about)\s/i.test(text.slice(mods.next, limit)) && !/\bthat\b/i.test(text.slice(mods.next, Math.min(limit, mods.next + 80)));
    if (own && cue.start >= own.end && !topic && !tailOk(text.slice(mods.next, limit)) && !/^\s*[“"‘«]/.test(text.slice(mods.next, limit).replace(/^[\s,:]+/, ' '))) return null;
    const u = this.frameUnit(q);
    return {
      draft: { source, cue: { start: cue.start, end: cue.end }, medium: mods.medium, addressee: mods.addressee, rule: 'statements/quote-then-frame', sameSpeakerAs: null },
      end: u?.end ?? limit,
      mode: 'direct',
    };
  }

  private frameBefore(q: Quote, qi: number): { draft: Omit<Draft, 'content' | 'mode'>; end: number; mode: 'direct' } | null {
    const { text } = this;
    const u = this.unitAt(q.start);
    if (!u) return null;
    const prevQ = qi > 0 ? this.quotes[qi - 1] : undefined;
    const floor = Math.max(u.start, prevQ && prevQ.end <= q.start ? prevQ.end : u.start);
    const cues = cuesIn(text, floor, q.start);
    for (let i = cues.length - 1; i >= 0; i--) {
      const cue = cues[i]!;
      if (cue.entry.lemma === 'according to') continue;
      const mods = readModifiers(text, cue.end, q.start, cue.entry.lemma);
      if (!/^[\s:,]*$/.test(text.slice(mods.next, q.start))) continue;
      const hasColon = /[:,]\s*$/.test(text.slice(cue.end, q.start));
      if (!hasColon && (cue.entry.cls !== 'clause' || quoteWords(text, q) < 4)) continue;
      const ing = /ing$/.test(text.slice(cue.start, cue.end));
      // "Sen. Ted Cruz was also critical of the stance, telling Breitbart: “...”": the participle's subject is the sentence's.
      const aside = ing && /,\s*$/.test(text.slice(floor, cue.start));
      const src = aside ? null : sourceBefore(text, floor, cue.start);
      if (!src && !ing) continue;
      // '"...," Trump said, adding later, "...": the speaker of the statement before it, else the sentence subject.
      let earlier = -1;
      if (aside) this.drafts.forEach((d, i) => {
        if (d.cue.start >= u.start && d.cue.start < cue.start && (d.source !== null || d.sameSpeakerAs !== null)) earlier = i;
      });
      const subject = aside && earlier < 0 ? this.speakingSubject(u, cue.start) : null;
      return {
        draft: { sameSpeakerAs: earlier >= 0 ? earlier : null, source: src?.span ?? subject, cue: { start: cue.start, end: cue.end }, medium: mods.medium, addressee: mods.addressee, rule: 'statements/frame-then-quote' },
        end: q.end,
        mode: 'direct',
      };
    }
    return null;
  }

  /** Indirect (and mixed) frames inside one sentence. */
  private cueFrames(u: Unit): void {
    const { text } = this;
    const cues = cuesIn(text, u.start, u.end).filter(
      (c) => !this.inQuote(c.start) && !this.cueUsed(c) && c.entry.cls !== 'quote' && (!AMBIGUOUS.has(c.entry.lemma) || this.verbLike(c, u)),
    );
    if (cues.length === 0) return;
    const contents: Span[] = this.drafts.filter((d) => d.content.start < u.end && d.content.end > u.start).map((d) => d.content);
    let ceiling = u.end;
    // A trailing frame ("..., Press TV reported.") closes the sentence: find it first.
    let ti = cues.length - 1;
    while (ti > 0 && /^\S*ing$/i.test(text.slice(cues[ti]!.start, cues[ti]!.end)) && /,\s*$/.test(text.slice(u.start, cues[ti]!.start))) ti--;
    const trailing = this.trailingFrame(u, cues[ti]!);
    if (trailing) {
      this.push(trailing);
      contents.push(trailing.content);
      ceiling = trailing.content.end;
    }
    let floor = u.start;
    for (const cue of cues) {
      if (this.cueUsed(cue) || cue.start >= ceiling) continue;
      if (contents.some((c) => inside(cue.start, c) && !(trailing && c === trailing.content))) continue;
      const d = this.cueFrame(u, cue, floor, ceiling);
      if (!d) continue;
      const idx = this.push(d);
      contents.push(d.content);
      floor = d.content.end;
      void idx;
    }
  }

  /** A cue that is often a noun counts as a verb after an auxiliary or pronoun, or before content. */
  private verbLike(c: Cue, u: Unit): boolean {
    const { text } = this;
    if (/\b(?:has|have|had|will|would|did|does|do|was|is|he|she|they|we|I|who|also|not)\s+$/i.test(text.slice(Math.max(u.start, c.start - 12), c.start))) return true;
    // "the popular show", "incendiary comments", "Trump's plan", "four figures": after a determiner, a possessive or an adjective it is a noun.
    const prev = /(\S+)\s+$/.exec(text.slice(Math.max(u.start, c.start - 40), c.start))?.[1] ?? '';
    const form = text.slice(c.start, c.end).toLowerCase();
    const nounForm = form === c.entry.lemma || form === `${c.entry.lemma}s` || form === `${c.entry.lemma}es`;
    const adjective = /^\p{Ll}[\p{L}-]*(?:ive|ous|ful|ic|al|ed|less|ary)$/u.test(prev) && !NOT_ADJECTIVE.test(prev);
    if (nounForm && !/^(?:he|she|it|that|who|there|what|this)['’]s$/i.test(prev) && (NOUN_BEFORE.test(prev) || adjective)) {
      // "Lind left no doubt that ...": the noun of a light verb, whose subject sourceBefore finds before the verb.
      const hit = sourceBefore(text, u.start, c.start);
      return hit !== null && hit.auxStart !== c.start;
    }
    const next = readModifiers(text, c.end, u.end, c.entry.lemma).next;
    if (CONTENT_START.test(text.slice(next, next + 24))) return true;
    if (/ed$/i.test(text.slice(c.start, c.end)) && /(?:^|\s)as\s+$/i.test(text.slice(Math.max(u.start, c.start - 4), c.start)) && /^\s+by\s/i.test(text.slice(c.end, c.end + 5))) return true;
    // "..., CNN reported." / "CNN reported at least six planes ...": a past form after a subject is a verb.
    if (/ed$/i.test(text.slice(c.start, c.end)) && !/(?:^|\s)(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\s+$/i.test(text.slice(Math.max(u.start, c.start - 8), c.start)) && sourceBefore(text, u.start, c.start) !== null) return true;
    // "the president hopes obstruction would become ...": a subject of its own, then an auxiliary.
    return /^\s*\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*)?\s+(?:would|will|could|should|can|may|might|must|is|was|are|were|has|had|have)\s/u.test(text.slice(next, next + 60)) && sourceBefore(text, u.start, c.start) !== null;
  }

  private trailingFrame(u: Unit, cue: Cue): Draft | null {
    const { text } = this;
    if (ATTITUDE.has(cue.entry.lemma) || this.askedAside(u, cue)) return null;
    const mods = readModifiers(text, cue.end, u.end, cue.entry.lemma);
    let sourceSpan: Span | null = null;
    let commaAt = -1;
    const before = text.slice(u.start, cue.start);
    const comma = Math.max(before.lastIndexOf(','), before.lastIndexOf('—'), before.lastIndexOf('–'));
    if (comma < 0) return null;
    commaAt = u.start + comma;
    let between = text.slice(commaAt + 1, cue.start);
    // ",'' said X" / ",” said X": the comma sat inside the quotation; the content keeps the closing mark.
    const closing = /^\s*[”"’']+/.exec(between);
    let contentEnd = commaAt;
    if (closing) {
      contentEnd = commaAt + 1 + closing[0].length;
      between = between.slice(closing[0].length);
    }
    if (cue.entry.lemma === 'according to' || /^\s*$/.test(between)) {
      // "..., said X" inverts speech verbs only: "his group, called the Fund," names, "..., praised Smith" is no frame.
      if (cue.entry.cls === 'object') return null;
      // "..., saying the law was void", "..., mentioning X": a participle never inverts its source.
      if (cue.entry.lemma !== 'according to' && /ing$/i.test(text.slice(cue.start, cue.end))) return null;
      // "..., according to a new poll." / "..., said Steve Bell, senior director of ..."
      const appositive = cue.entry.lemma === 'according to' || closing ? null : sourceBefore(text, u.start, cue.start);
      if (appositive && text.slice(appositive.span.start, appositive.span.end).includes(',')) return null; // "X, a historian, said ..."
      // "..., announced by the interior minister": the agent after "by" is the source.
      const by = /ed$/i.test(text.slice(cue.start, cue.end)) ? /^\s+by\s+/i.exec(text.slice(cue.end, cue.end + 8)) : null;
      sourceSpan = cue.entry.lemma === 'according to' ? sourceAfterAccordingTo(text, cue.end, u.end) : sourceAfter(text, cue.end + (by?.[0].length ?? 0), u.end);
      if (!sourceSpan || !tailOk(text.slice(sourceSpan.end, u.end))) return null;
      // "X's time, according to his supporters, is running out": the sentence goes on after the source; not a closing frame.
      if (cue.entry.lemma === 'according to' && /^\s*,\s*(?!(?:a|an|the|which|who|whose|in|on|at|as|with|from|for|of|by|and|including|citing|released|published|based|conducted|taken|\w+ly\b)\b)\p{Ll}/u.test(text.slice(sourceSpan.end, u.end))) return null;
      if (cue.entry.lemma !== 'according to') sourceSpan = withAppositive(text, sourceSpan, u.end);
    } else {
      if (!tailOk(text.slice(mods.next, u.end))) return null;
      if (/[“”"«»]/.test(between) || cuesIn(text, commaAt + 1, cue.start).length > 0) return null;
      {
        if (between.split(/\s+/).filter(Boolean).length > 10) return null;
        sourceSpan = sourceBefore(text, commaAt + 1 + (closing?.[0].length ?? 0), cue.start)?.span ?? null;
      }
      if (!sourceSpan) return null;
    }
    const content = trimContent(text, { start: this.contentFloor(u, commaAt), end: contentEnd });
    if (contentWords(text, content) < 2) return null;
    return {
      mode: modeOf(content, this.quotes),
      source: sourceSpan,
      cue: { start: cue.start, end: cue.end },
      content,
      medium: mods.medium,
      addressee: mods.addressee,
      rule: cue.entry.lemma === 'according to' ? 'statements/content-according-to' : 'statements/content-then-frame',
      sameSpeakerAs: null,
    };
  }

  /** Where content that precedes its frame may start: the sentence start, after a leading quotation frame. */
  private contentFloor(u: Unit, limit: number): number {
    let floor = u.start;
    for (const d of this.drafts) if (d.content.end <= limit && d.content.end > floor && d.content.end <= u.end) floor = d.content.end;
    return floor;
  }

  /** ", asked about ...": the question of an unnamed asker, left to nounFrames (source null). */
  private askedAside(u: Unit, cue: Cue): boolean {
    const { text } = this;
    return (
      /^(?:asked|pressed|questioned)$/.test(text.slice(cue.start, cue.end)) &&
      /(?:^\s*|[,;—–]\s*)$/.test(text.slice(u.start, cue.start)) &&
      /^\s+(?:\w+ly\s+|again\s+|later\s+)?(?:about|whether|if|what|why|how|who|when|where|on)\b/.test(text.slice(cue.end, cue.end + 30))
    );
  }

  private cueFrame(u: Unit, cue: Cue, floor: number, ceiling: number): Draft | null {
    const { text } = this;
    if (this.askedAside(u, cue)) return null;
    const cueSpan = { start: cue.start, end: cue.end };
    if (cue.entry.lemma === 'according to') {
      // "According to X, content."
      const source = sourceAfterAccordingTo(text, cue.end, ceiling);
      if (!source) return null;
      const commaPos = text.indexOf(',', source.end);
      if (commaPos < 0 || commaPos >= ceiling || commaPos - source.end > 2) return null;
      const before = scanWords(text, floor, cue.start).filter((w) => w.isWord);
      if (before.length >= 3 && /,\s*$/.test(text.slice(floor, cue.start))) {
        // "Mr. Rubio's time, according to his own supporters, is running out": the content surrounds the frame.
        const whole = trimContent(text, { start: this.contentFloor(u, cue.start), end: ceiling });
        if (contentWords(text, whole) < 4) return null;
        return { mode: modeOf(whole, this.quotes), source, cue: cueSpan, content: whole, medium: null, addressee: null, rule: 'statements/according-to-inside', sameSpeakerAs: null };
      }
      const content = trimContent(text, { start: commaPos + 1, end: ceiling });
      if (contentWords(text, content) < 2) return null;
      return { mode: modeOf(content, this.quotes), source, cue: cueSpan, content, medium: null, addressee: null, rule: 'statements/according-to', sameSpeakerAs: null };
    }
    const cueText = text.slice(cue.start, cue.end);
    const isIng = /^\S*ing\b/i.test(cueText) && !cueText.includes(' as ');
    const lead = text.slice(Math.max(floor, cue.start - 40), cue.start);
    const singleWord = !/\s/.test(cueText);
    // "X is estimated to ...", "It was announced that ...": a passive cue names no source.
    const passive = singleWord && /ed$|[^e]n$|een$|ought$|old$|ound$|aid$/i.test(cueText) && PASSIVE_LEAD.test(lead);
    const asBy = /(?:^|[,;]\s*)as\s+$/i.test(text.slice(Math.max(u.start, cue.start - 6), cue.start)) && /ed$/i.test(cueText) ? /^\s+by\s+([^,;:“”"]{2,120}),/.exec(text.slice(cue.end, ceiling)) : null;
    if (asBy) {
      // "As reported by Western Journalism, investigators found ...": the agent is the source, the main clause the content.
      const byStart = cue.end + asBy[0].indexOf(asBy[1]!);
      const source = { start: byStart, end: byStart + asBy[1]!.trimEnd().length };
      const from = cue.end + asBy[0].length;
      const content = trimContent(text, { start: from, end: this.contentEnd(from, ceiling, u.start, u.start) });
      if (contentWords(text, content) < 2) return null;
      return { mode: modeOf(content, this.quotes), source, cue: cueSpan, content, medium: null, addressee: null, rule: 'statements/as-reported-by', sameSpeakerAs: null };
    }
    let source: Span | null = null;
    let rule = 'statements/source-cue-content';
    let sameSpeakerAs: number | null = null;
    if (passive) {
      if (cue.entry.cls === 'object' || !/^\s*(?:that|to|as|:|,?\s*[“"])/.test(text.slice(cue.end, cue.end + 8))) {
        // "Allergan is best known for making Botox": an epithet in the writer's voice, with no source.
        if (cue.entry.lemma !== 'know' || !/^\s*for\s/.test(text.slice(cue.end, cue.end + 6))) return null;
      }
      rule = 'statements/passive-no-source';
    } else if (isIng && /[,—–]\s*$/.test(lead)) {
      // "..., adding that ...": the subject of the sentence, or the source of a statement before it.
      rule = 'statements/participle';
      let earlier = -1;
      this.drafts.forEach((d, i) => {
        if (d.cue.start >= u.start && d.cue.start < cue.start && (d.source !== null || d.sameSpeakerAs !== null)) earlier = i;
      });
      if (earlier >= 0) sameSpeakerAs = earlier;
      else source = this.speakingSubject(u, cue.start);
      if (source === null && sameSpeakerAs === null) rule = 'statements/participle-no-source';
    } else if (/\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$/i.test(lead)) {
      rule = 'statements/coordinated-cue';
      if (ATTITUDE.has(cue.entry.lemma) || cue.entry.cls === 'object') return null;
      let earlier = -1;
      this.drafts.forEach((d, i) => {
        if (d.cue.start >= u.start && d.cue.start < cue.start && (d.source !== null || d.sameSpeakerAs !== null)) earlier = i;
      });
      if (earlier >= 0) sameSpeakerAs = earlier;
      else source = this.speakingSubject(u, cue.start); // "The senator survived ... and says ..."
      if (source === null && sameSpeakerAs === null) rule = 'statements/coordinated-no-source';
    } else {
      const progressive = /\b(?:is|was|are|were|be|been)\s+(?:\w+ly\s+)?$/i.test(lead);
      if (isIng && !progressive) {
        // "a super PAC backing Jeb Bush", "Trump talking about the wall": a participle right after a noun phrase.
        const np = sourceBefore(text, floor, cue.start);
        const npText = np ? text.slice(np.span.start, np.span.end) : '';
        // "His office put out a statement saying ...": a light verb and a document, then the participle.
        const document = np !== null && np.auxStart !== cue.start && /^(?:put|puts|released?|releases|sent|sends|issued?|issues|posted|posts|published|publishes|ran|runs|aired|airs)\s+(?:out\s+)?(?:a|an)\s+(?:[\p{L}-]+\s+){0,3}(?:statement|release|ad|advertisement|video|letter|report|memo|tweet|post|message|email|e-mail|op-ed|column|story|article|paper|study)\s+$/u.test(text.slice(np.auxStart, cue.start));
        if (!np || (np.auxStart !== cue.start && !document) || ATTITUDE.has(cue.entry.lemma) || PRONOUNS.has(npText.toLowerCase()) || !/^(?:\p{Lu}|(?:a|an|the|some|many|most|several|two|three|other)\s)/u.test(npText)) return null;
      }
      const named = /^(?:called|named|dubbed|titled|known)$/i.test(cueText) && /,\s*(?:(?:also|now|once|formerly|widely|locally|popularly|commonly)\s+)?$/i.test(lead);
      if (named && /^\s+(?:online\s+)?(?:as\s+)?(?:the\s+)?[\p{Lu}“"‘']/u.test(text.slice(cue.end, cue.end + 30))) {
        // "His nonprofit group, called the Virginia Conservation Legacy Fund": a name in the writer's voice.
        const comma = text.lastIndexOf(',', cue.start);
        const np = sourceBefore(text, floor, comma);
        const whole = trimContent(text, { start: np?.span.start ?? comma + 1, end: this.contentEnd(cue.end, ceiling, u.start, cue.start) });
        const nameEnd = /^[^,;:.]*/.exec(text.slice(cue.end, whole.end));
        const content = { start: whole.start, end: trimContent(text, { start: whole.start, end: cue.end + (nameEnd?.[0].length ?? 0) }).end };
        if (contentWords(text, content) < 2) return null;
        return { mode: modeOf(content, this.quotes), source: null, cue: cueSpan, content, medium: null, addressee: null, rule: 'statements/named', sameSpeakerAs: null };
      }
      const hit = sourceBefore(text, floor, cue.start);
      if (!hit) return null;
      source = hit.span;
      const mute = (hit.lightVerb === true || /^(?:raise|express|voice|cast|pose)\s/.test(cue.entry.lemma)) && !canSpeak(text, source, this.names);
      const after = text.slice(cue.end, cue.end + 40);
      // Only adverbs between the phrase and the participle: "many of them derisively known as", "a fund once known for".
      const adverbsOnly = hit.auxStart === cue.start || ADVERBS_ONLY.test(text.slice(source.end, cue.start));
      const participle = /ed$|ought$|own$|een$/i.test(cueText);
      // "The designation, announced by the interior minister, makes ...": a passive without its auxiliary and with
      // its agent; the agent is the source, the phrase before the participle what was said.
      const by = participle && hit.auxStart === cue.start && /,\s*$/.test(lead) && cue.entry.cls !== 'object' ? /^\s+by\s+/i.exec(text.slice(cue.end, cue.end + 8)) : null;
      const agent = by ? sourceAfter(text, cue.end + by[0].length, ceiling) : null;
      if (agent) {
        const content = trimContent(text, { start: source.start, end: source.end });
        if (contentWords(text, content) >= 1) {
          return { mode: modeOf(content, this.quotes), source: agent, cue: cueSpan, content, medium: null, addressee: null, rule: 'statements/reduced-passive-by', sameSpeakerAs: null };
        }
      }
      // "Justice Breyer, a Clinton appointee considered a liberal, ...": an appositive description.
      // "Justice Breyer, a Clinton appointee considered a liberal, ...": an appositive description; "in a box labeled ...": the object of a preposition.
      const appositive = INDEFINITE_NP.test(text.slice(source.start, source.end)) && /(?:,|\b(?:in|on|at|with|for|from|by|into|of))\s*$/i.test(text.slice(Math.max(u.start, source.start - 6), source.start));
      const reduced =
        adverbsOnly &&
        !PRONOUNS.has(text.slice(source.start, source.end).toLowerCase()) &&
        ((REDUCED_PASSIVE.has(cue.entry.lemma) && participle && /^\s+(?:\w+ly\s+|online\s+)?(?:to|as|for)\s/i.test(after) && (cue.entry.lemma === 'know' || cue.entry.lemma === 'recall' || !/^\s+for\s/i.test(after))) ||
          (REDUCED_PASSIVE.has(cue.entry.lemma) && participle && appositive) ||
          // "over 30,000 immigrants expected this year", "a ruling expected in coming weeks".
          (cue.entry.lemma === 'expect' && participle && /^(?:\s+(?:in|this|next|later|soon|by|within|on|at|early|late)\b|\s*[,.;])/i.test(after)) ||
          // "Senator Accused Of Lying", "a mayor criticized for ...": a passive without its auxiliary.
          (cue.entry.cls === 'object' && /(?:ed|ised|ized)$/i.test(cueText) && /^\s+(?:of|for)\s/i.test(after) && !/,\s*$/.test(lead)) ||
          // "The candidate labeled “a leader who ...” continues to lead": a label in quotes, then the sentence's own verb.
          (/^(?:labell?ed|called|dubbed|branded|described|deemed)$/i.test(cueText) && /^\s+(?:as\s+)?[“"][^“”"]{1,200}[”"]\s+(?!(?:and|but|or|as|in|on|at|by|for|to|of|because|after|before|when|while|if|that|who|which)\b)\p{Ll}+(?:s|ed)\b/u.test(text.slice(cue.end, ceiling)) && !/,\s*$/.test(lead)) ||
          // "a website called Real News Right Now": a name given by nobody in particular.
          (/^(?:called|named|dubbed|titled)$/i.test(cueText) && INDEFINITE_NP.test(text.slice(source.start, source.end)) && /^\s+(?:the\s+)?[\p{Lu}“"‘']/u.test(after)));
      if (reduced) {
        const np = INDEFINITE_NP.exec(text.slice(source.start, source.end));
        if (np && /^(?:called|named|dubbed|titled)$/i.test(cueText)) source = { start: source.start + np.index + np[0].length - np[0].trimStart().length, end: source.end };
        // "Rubio and Murphy expected to win", "a judge considered a moderate": a reduced passive; the subject is part of the content and nobody is the source.
        let wholeEnd = this.contentEnd(cue.end, ceiling, u.start, source.start);
        // An appositive ends at its closing comma: "a Clinton appointee considered a liberal, ranks ...".
        let closingComma = text.indexOf(',', cue.end);
        while (closingComma > 0 && closingComma < wholeEnd && this.inQuote(closingComma)) closingComma = text.indexOf(',', closingComma + 1);
        if (appositive && closingComma > 0 && closingComma < wholeEnd) wholeEnd = closingComma;
        const whole = trimContent(text, { start: source.start, end: wholeEnd });
        return { mode: modeOf(whole, this.quotes), source: null, cue: cueSpan, content: whole, medium: null, addressee: null, rule: 'statements/reduced-passive', sameSpeakerAs: null };
      }
      // "Remarks on the economy raise questions about ...": the subject of a light verb must be able to speak.
      if (mute) {
        source = null;
        rule = 'statements/light-verb-no-source';
      }
    }
    const mods = readModifiers(text, cue.end, ceiling, cue.entry.lemma);
    // "As Dell said last week in Tel Aviv, “...”": a short run of time and place words may sit before the comma.
    const asComma = /^(?:\s+(?:last|this|next|on|in|at|during|earlier|later|recently|once|yesterday|today|week|month|year|\p{Lu}[\p{L}.'’-]*|\d[\d,]*|the|a|an|of)\b){0,8}\s*,/u.exec(text.slice(cue.end, Math.min(ceiling, cue.end + 80)));
    if (source && asComma && /\bas\s*$/i.test(text.slice(Math.max(u.start, source.start - 4), source.start))) {
      // "As the paper noted, it is surprising ...": the content is the main clause.
      const after = cue.end + asComma[0].length;
      const content = trimContent(text, { start: after, end: this.contentEnd(after, ceiling, u.start, u.start) });
      if (contentWords(text, content) < 2) return null;
      return { mode: modeOf(content, this.quotes), source, cue: cueSpan, content, medium: null, addressee: null, rule: 'statements/as-source-cue', sameSpeakerAs: null };
    }
    // "it felt so universal": an impersonal "it" with a verb of perception is the writer's appraisal too.
    if (source && (EVIDENTIAL.has(cue.entry.lemma) || (cue.entry.lemma === 'feel' && /^it$/i.test(text.slice(source.start, source.end))))) {
      // "Ben Carson appears to be slipping": the writer's appraisal, not Carson's statement; no source.
      const whole = trimContent(text, { start: source.start, end: this.contentEnd(mods.next, ceiling, u.start, source.start) });
      return { mode: modeOf(whole, this.quotes), source: null, cue: cueSpan, content: whole, medium: null, addressee: null, rule: 'statements/evidential', sameSpeakerAs: null };
    }
    let contentEnd = this.contentEnd(mods.next, ceiling, u.start, source?.start ?? cue.start);
    if (cue.entry.cls === 'object' || ATTITUDE.has(cue.entry.lemma)) {
      // "has not endorsed Mr. Trump and has been a critic of ...", "criticized his opponent, instead restating ...":
      // the object ends where the subject's next verb phrase begins.
      const vp = /\s(?:,\s*)?(?:and|but)\s+(?:(?:has|have|had|did|does|will|would|also|then|later|still|now|never|is|was|are|were)\s)|,\s+(?:(?:instead|then|later|also|\w+ly)\s+)?\p{Ll}+ing\s/gu;
      const slice = text.slice(mods.next, contentEnd);
      for (let m = vp.exec(slice); m !== null; m = vp.exec(slice)) {
        if (this.inQuote(mods.next + m.index)) continue;
        contentEnd = mods.next + m.index;
        break;
      }
    }
    const content = trimContent(text, { start: mods.next, end: contentEnd });
    if (contentWords(text, content) < 1) return null;
    const contentText = text.slice(content.start, content.end);
    if (contentText.startsWith('(')) return null;
    if (cue.entry.cls === 'object' && !mods.addressee && /^(?:on|in|at|by|for|from|with|to|into|over|as)\b/i.test(contentText)) return null;
    // "did not respond to requests for comment": the request is the reporter's, nothing is said.
    if ((cue.entry.lemma === 'respond' || cue.entry.lemma === 'reply') && /^to\s+(?:\S+\s+){0,2}?(?:requests?|messages?|inquiries|calls?|e-?mails?|phone calls?)\b/i.test(contentText)) return null;
    return { mode: modeOf(content, this.quotes), source, cue: cueSpan, content, medium: mods.medium, addressee: mods.addressee, rule, sameSpeakerAs };
  }

  /**
   * Content runs to the sentence end, or to the first of: a semicolon; ", adding ..." (a new frame);
   * ", and he ..." (a new clause); "and said ..." (a second cue of the same source); ", X said ..." (a
   * frame of another source); the comma that closes a subordinate clause ("While X said ..., ...").
   */
  private contentEnd(from: number, ceiling: number, clauseStart: number, sourceStart: number): number {
    const { text } = this;
    const slice = text.slice(from, ceiling);
    let end = ceiling;
    const firstOutside = (re: RegExp): number => {
      for (let m = re.exec(slice); m !== null; m = re.exec(slice)) if (!this.inQuote(from + m.index)) return from + m.index;
      return ceiling;
    };
    end = Math.min(end, firstOutside(/;\s/g));
    end = Math.min(end, firstOutside(/,\s+(?:adding|saying|noting|arguing|explaining|insisting|stressing|warning|calling|claiming|accusing|telling|urging|citing|asking)\b/g));
    // ", crediting her with ...", ", then says ...": a participle or a verb of the lexicon opens a new frame of the same source.
    ING_FRAME.lastIndex = 0;
    end = Math.min(end, firstOutside(ING_FRAME));
    end = Math.min(end, firstOutside(/,\s+(?:and|but)\s+(?:he|she|they|we|I|it|the|a|an|\p{Lu}[\p{L}’'-]*)\s/gu));
    end = Math.min(end, firstOutside(/\s+(?:and|but)\s+(?:he|she|they|we|I)\s/gu));
    end = Math.min(end, firstOutside(/,\s+(?:but|while|whereas|although|though|even as)\s/gu));
    COORDINATED_ALL.lastIndex = 0;
    end = Math.min(end, firstOutside(COORDINATED_ALL));
    if (/^(?:who|which)$/i.test(text.slice(sourceStart, sourceStart + 5).trim().split(/\s/)[0] ?? '')) end = Math.min(end, firstOutside(/,\s/g));
    const lead = text.slice(clauseStart, sourceStart);
    if (/^\s*(?:but\s+|and\s+|yet\s+)?(?:even\s+)?(?:while|although|though|as|when|if|because|since|after|before|whereas|once|until|whether)\b/i.test(lead)) {
      end = Math.min(end, firstOutside(/,\s/g));
    }
    // Another source's frame later in the sentence: ", one of the prosecutors said ...".
    for (const c of cuesIn(text, from, end)) {
      if (this.inQuote(c.start) || c.entry.cls === 'quote') continue;
      const src = sourceBefore(text, from, c.start);
      if (!src) continue;
      const before = text.slice(from, src.span.start);
      const comma = /,\s*(?:(?:and|but|while|as|although|though|whereas)\s+)?$|\s+[—–-]+\s+(?:(?:and|but|while|though)\s+)?$|\s+(?:while|whereas|because|but)\s+$/.exec(before);
      const closing = /[”"]\s*,?\s*$/.exec(before);
      if (comma) end = Math.min(end, from + comma.index);
      else if (closing) end = Math.min(end, from + closing.index + 1);
      if (comma || closing) break;
    }
    return end;
  }

  /** The sentence's subject when it can speak (agent.ts); an event or an abstract noun is no speaker. */
  private speakingSubject(u: Unit, limit: number): Span | null {
    const s = this.subjectOf(u, limit);
    return s && canSpeak(this.text, s, this.names) ? s : null;
  }

  /** The subject at the start of a sentence: a pronoun or a run of capitalised words ("Hillary Clinton"). */
  private subjectOf(u: Unit, limit: number): Span | null {
    // "In May, a judge sided with ..., saying ...": the subject comes after an opening adverbial.
    // "DECATUR, Ill. — Sen. Ted Cruz ...": a dateline is no subject.
    const dateline = DATELINE.exec(this.text.slice(u.start, limit));
    let from = u.start + (dateline?.[0].length ?? 0);
    // "Cool the rhetoric: The bluster that ... -- denouncing ...": after a colon outside quotes, a new clause begins.
    const colon = this.text.lastIndexOf(':', limit - 1);
    if (colon >= from && !this.inQuote(colon) && /^\s+\p{Lu}/u.test(this.text.slice(colon + 1, colon + 4))) from = colon + 1;
    const intro = /^\s*(?:(?:In|On|At|After|Before|During|Since|Last|This|Earlier|Later|Meanwhile|However|But|And|Yet|Still|Also|Then|Now|Today|Yesterday|When|While|As|If|Although|Though|Because|For|With|Indeed|Instead|Again|Similarly|Likewise)\b[^,;:“”"]{0,60},\s*)/u.exec(this.text.slice(from, limit));
    const words = scanWords(this.text, from + (intro?.[0].length ?? 0), limit);
    const first = words[0];
    if (!first || !first.isWord) return null;
    if (PRONOUNS.has(first.lower) && first.lower !== 'it' && first.lower !== 'you') return { start: first.start, end: first.end };
    let last = -1;
    for (let i = 0; i < words.length && i < 8; i++) {
      const w = words[i]!;
      if (w.isWord && (/^\p{Lu}/u.test(w.text) || (i > 0 && /^(?:of|the|'s|’s)$/.test(w.lower) && /^\p{Lu}/u.test(words[i + 1]?.text ?? '')))) last = i;
      else if (!w.isWord && (w.text === '.' || w.text === '-') && last === i - 1) continue;
      else break;
    }
    if ((last === 0 || (last < 0 && words[0] === first && /^(?:the|a|an)$/.test(first.text))) && /^(?:the|a|an|this|that|his|her|their|its|our|my|both)$/i.test(first.text)) {
      last = 0;
      // "The billionaire businessman began ...": a determiner and a few nouns.
      for (let i = 1; i < words.length && i <= 3; i++) {
        const w = words[i]!;
        if (!w.isWord || /(?:ed|ing)$/.test(w.lower) || /^(?:is|was|are|were|has|had|have|will|would|can|could|may|might|must|should|began|went|made|took|gave|came|got|did|said|told|met|held|led|left|kept|ran|sent|spent|stood|sat|won|lost|brought|bought|thought|felt|found|saw|knew|wrote|spoke|rose|fell|hit|put|set|cut|let|paid|sought|fought|became|grew|drew|threw|tore|wore|broke|chose|struck|swept|dealt|meant|heard|also|then|who|which|that)$/.test(w.lower)) break;
        last = i;
      }
      if (last === 0) return null;
    }
    if (last < 0 || /^(?:the|a|an|but|and|in|on|at|after|as|when|while|if)$/i.test(words[last]!.text)) return null;
    // "Republican presidential hopeful Sen. Ann Vell was ...": a description, then the name it introduces.
    const gap = words.slice(last + 1, last + 6);
    const nameAt = gap.findIndex((w) => this.names.some((n) => n.start === w.start));
    const between = gap.slice(0, nameAt);
    if (nameAt > 0 && between.some((w) => /^\p{Ll}/u.test(w.text)) && between.every((w) => w.isWord && ((/^\p{Ll}/u.test(w.text) && !/(?:ed|ing)$/.test(w.lower) && !BOUNDARY_WORD.test(w.lower)) || /^\p{Lu}\p{Ll}{1,3}\.$/u.test(w.text)))) {
      const name = this.names.find((n) => n.start === gap[nameAt]!.start)!;
      return { start: first.start, end: name.end };
    }
    return { start: first.start, end: words[last]!.end };
  }
}

