import type { EntityFinding, SpeakerRef } from '../../domain/findings.js';
import type { Span } from '../../domain/span.js';

/**
 * Who a source is: a named entity mention inside it ("Norlandic Prime Minister Ana Vell" -> Ana Vell), a
 * description that matches exactly one person's titles ("the Norlandic prime minister"), a pronoun that
 * refers back to the most recent compatible speaker or subject, a document ("the letter") or a group
 * ("experts"). Anything else stays unresolved: never guessed.
 */

export interface PriorSpeaker {
  /** Where its source (or cue, when it has none) sits. */
  readonly at: number;
  readonly speaker: SpeakerRef;
}

const DOC_HEAD =
  /\b(?:letter|statement|report|document|communiqu[eé]|declaration|tweet|post|article|study|poll|survey|memo|editorial|release|filing|complaint|lawsuit|ruling|indictment|order|resolution|bill|law|agreement|platform|website|analysis|paper|book|cable|email|message|transcript|video|data|figures|records|research|review|investigation|audit|petition|motion|brief)s?$/i;
const GROUP_HEAD =
  /\b(?:experts|officials|analysts|critics|sources|observers|residents|people|witnesses|diplomats|activists|supporters|opponents|leaders|lawmakers|members|voters|scholars|researchers|economists|observers|insiders|aides|advisers|advisors|authorities|protesters|protestors|others|some|many|most|reports|scientists|doctors|democrats|republicans)$/i;
const PRONOUN = /^(?:he|she|they|him|her|them|i|we|it|you)$/i;
const DETERMINER = /^(?:the|a|an|this|that|these|those|its|his|her|their)\s+/i;

const fold = (s: string) => s.toLowerCase().replace(/[’`]/g, "'").replace(/'s\b/g, '').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);

export class SpeakerResolver {
  private readonly people: readonly EntityFinding[];

  constructor(
    private readonly text: string,
    private readonly entities: readonly EntityFinding[],
    /** Sentence starts, ascending: a pronoun refers back to subjects at these positions. */
    private readonly sentenceStarts: readonly number[],
  ) {
    this.people = entities.filter((e) => e.data.type === 'PER');
  }

  resolve(source: Span, prior: readonly PriorSpeaker[]): SpeakerRef {
    const raw = this.text.slice(source.start, source.end);
    const lower = raw.toLowerCase();
    if (PRONOUN.test(lower)) return this.pronoun(source, lower, prior);
    if (lower === 'who' || lower === 'which') return this.relative(source);
    const inside = this.entities.filter((e) => e.span.start >= source.start && e.span.end <= source.end);
    // A person anywhere in the phrase ("Joel Pollak of ..."); otherwise only the head ("the U.S. National
    // Security Council", not "Iranian" in "the Iranian people").
    const isHead = (e: EntityFinding) => /^\s*(?:$|,|\()/.test(this.text.slice(e.span.end, source.end));
    const pick = inside.find((e) => e.data.type === 'PER') ?? inside.find((e) => e.data.type === 'ORG' && isHead(e)) ?? inside.find(isHead);
    if (pick) {
      return { name: pick.data.name, entity: pick.span, type: pick.data.type, via: pick.data.via === 'description' ? 'title' : 'name' };
    }
    const stripped = raw.replace(DETERMINER, '');
    const head = stripped.split(/\s+/).pop() ?? '';
    if (DOC_HEAD.test(stripped) && !/^\p{Lu}/u.test(head)) return { name: raw, entity: null, type: 'DOC', via: 'document' };
    if (GROUP_HEAD.test(stripped)) return { name: raw, entity: null, type: 'GROUP', via: 'description' };
    const titled = this.byTitle(stripped);
    if (titled) return titled;
    const short = this.byShortName(stripped);
    if (short) return short;
    // Without entity findings (no model), a capitalised name is still a name; its type stays unknown.
    const first = raw.split(',')[0]!.trim();
    if (this.entities.length === 0 && /^(?:\p{Lu}[\p{L}.’'-]*\s+){0,5}\p{Lu}[\p{L}’'-]+$/u.test(first)) return { name: first, entity: null, type: null, via: 'name' };
    return { name: raw, entity: null, type: null, via: 'unresolved' };
  }

  /** "Olsi Jazexhi, who said ...": the name right before the relative pronoun. */
  private relative(source: Span): SpeakerRef {
    const raw = this.text.slice(source.start, source.end);
    const before = this.text.slice(Math.max(0, source.start - 4), source.start);
    const edge = source.start - (before.length - before.replace(/[\s,]+$/, '').length);
    const e = this.entities.find((m) => m.span.end === edge && m.data.type !== 'LOC' && m.data.type !== 'MISC');
    if (!e) return { name: raw, entity: null, type: null, via: 'unresolved' };
    return { name: e.data.name, entity: e.span, type: e.data.type, via: 'pronoun' };
  }

  /** "the Norlandic prime minister": the one person whose titles say so. */
  private byTitle(description: string): SpeakerRef | null {
    const words = fold(description);
    if (words.length === 0) return null;
    const names = new Map<string, EntityFinding>();
    for (const p of this.people) {
      for (const title of p.data.titles) {
        const t = fold(title);
        if (t.length === 0) continue;
        const tSet = new Set(t);
        const dSet = new Set(words);
        const headMatch = t[t.length - 1] === words[words.length - 1];
        const contained = words.every((w) => tSet.has(w)) || t.every((w) => dSet.has(w));
        if (headMatch && contained && !names.has(p.data.name)) names.set(p.data.name, p);
      }
    }
    if (names.size !== 1) return null;
    const e = [...names.values()][0]!;
    return { name: e.data.name, entity: e.data.antecedent ?? e.span, type: 'PER', via: 'title' };
  }

  /** "Vell" when the article names exactly one person "... Vell". */
  private byShortName(s: string): SpeakerRef | null {
    if (!/^\p{Lu}[\p{L}’'-]+$/u.test(s)) return null;
    const names = new Map<string, EntityFinding>();
    for (const e of this.entities) {
      const parts = e.data.name.split(/\s+/);
      if (parts.length > 1 && parts[parts.length - 1] === s && !names.has(e.data.name)) names.set(e.data.name, e);
    }
    if (names.size !== 1) return null;
    const e = [...names.values()][0]!;
    return { name: e.data.name, entity: e.data.antecedent ?? e.span, type: e.data.type, via: 'name' };
  }

  /** "he"/"she" -> the latest person who spoke or was a sentence subject before; "they" -> the latest group or organisation. */
  private pronoun(source: Span, lower: string, prior: readonly PriorSpeaker[]): SpeakerRef {
    const raw = this.text.slice(source.start, source.end);
    const unresolved: SpeakerRef = { name: raw, entity: null, type: null, via: 'unresolved' };
    const wantPerson = lower === 'he' || lower === 'she';
    const wantGroup = lower === 'they' || lower === 'it';
    if (!wantPerson && !wantGroup) return unresolved;
    const sentenceStart = this.sentenceStartBefore(source.start);
    const window = this.sentenceStartBefore(Math.max(0, sentenceStart - 1), 3);
    let best: { at: number; ref: SpeakerRef } | null = null;
    for (const p of prior) {
      if (p.at >= sentenceStart && p.at >= source.start) continue;
      if (p.at < window) continue;
      const untyped = p.speaker.type === null && p.speaker.via === 'name';
      const ok = wantPerson ? p.speaker.type === 'PER' || untyped : p.speaker.type === 'ORG' || p.speaker.type === 'GROUP' || (lower === 'it' && p.speaker.type === 'DOC');
      if (ok && (!best || p.at > best.at)) best = { at: p.at, ref: p.speaker };
    }
    if (wantPerson) {
      // A person who is the subject of an earlier sentence ("Jonas Brek, the ... spokesperson, has stated ...").
      for (const e of this.people) {
        if (e.span.start >= sentenceStart || e.span.start < window) continue;
        if (!this.isSubject(e.span.start)) continue;
        if (!best || e.span.start > best.at) {
          best = { at: e.span.start, ref: { name: e.data.name, entity: e.span, type: 'PER', via: 'pronoun' } };
        }
      }
    }
    if (!best) return unresolved;
    return { ...best.ref, via: 'pronoun' };
  }

  /** True when only capitalised words (a title) stand between the sentence start and this mention. */
  private isSubject(pos: number): boolean {
    const start = this.sentenceStartBefore(pos);
    const lead = this.text.slice(start, pos);
    return /^\s*(?:(?:the\s+|The\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+)*)$/u.test(lead);
  }

  /** The start of the sentence containing pos, or of the n-th sentence before it. */
  private sentenceStartBefore(pos: number, back = 0): number {
    const starts = this.sentenceStarts;
    let lo = 0;
    let hi = starts.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= pos) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const k = Math.max(0, idx - back);
    return idx < 0 ? 0 : starts[k]!;
  }
}
