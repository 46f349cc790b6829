import type { AnyFinding } from '../../domain/finding.js';
import type { EntityData, EntityType } from '../../domain/findings.js';
import type { Span } from '../../domain/span.js';
import type { StageContext } from '../../domain/stage.js';
import type { Sentence, Token } from '../../domain/text.js';

/** An entity mention from the entities stage, placed on the token array. */
export interface Mention {
  readonly span: Span;
  readonly text: string;
  readonly name: string;
  readonly type: EntityType;
  readonly via: string;
  /** First token of the mention and one past its last. */
  readonly first: number;
  readonly end: number;
}

/**
 * The article as the labels and quantities stages read it: tokens, the sentence of each token, and the
 * entity mentions indexed by token. Built once per stage run; linear in the article's size.
 */
export interface ArticleView {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  readonly mentions: readonly Mention[];
  /** For each token, the index into `mentions` of the mention covering it, or -1. */
  readonly mentionAt: Int32Array;
  /** Lower-cased token texts. */
  readonly lower: readonly string[];
}

function isEntityData(d: unknown): d is EntityData {
  return typeof d === 'object' && d !== null && typeof (d as EntityData).name === 'string' && typeof (d as EntityData).type === 'string';
}

/** Index of the first token whose end is after `offset` (binary search). */
export function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildView(ctx: StageContext): ArticleView {
  const text = ctx.article.text;
  const tokens = ctx.tokens.tokens;
  const sentences = ctx.tokens.sentences;
  const sentenceOf = new Int32Array(tokens.length);
  for (let s = 0; s < sentences.length; s++) {
    const sent = sentences[s]!;
    for (let t = sent.firstToken; t < sent.endToken && t < tokens.length; t++) sentenceOf[t] = s;
  }
  const mentionAt = new Int32Array(tokens.length).fill(-1);
  const mentions: Mention[] = [];
  const entities = ctx.prior('entities').filter((f: AnyFinding) => f.kind === 'entity' && isEntityData(f.data));
  const sorted = [...entities].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  for (const f of sorted) {
    const d = f.data as EntityData;
    const first = tokenAtOrAfter(tokens, f.span.start);
    let end = first;
    while (end < tokens.length && tokens[end]!.end <= f.span.end) end++;
    // Mentions that do not start and end on token edges ("US" inside "then-US") are not placed.
    if (end === first || tokens[first]!.start !== f.span.start || tokens[end - 1]!.end !== f.span.end) continue;
    let free = true;
    for (let t = first; t < end; t++) if (mentionAt[t] !== -1) free = false;
    if (!free) continue;
    const index = mentions.length;
    // "Free Wing Organization (FWO)": the parenthesised short form is the same entity.
    const prev = mentions[mentions.length - 1];
    // (Up to two capitalised words the tagger left out may sit between: "Wing Organization (FWO)".)
    const gap = prev ? first - 1 - prev.end : -1;
    const gapIsName = gap >= 0 && gap <= 2 && tokens.slice(prev!.end, first - 1).every((t) => /^\p{Lu}/u.test(t.text));
    const inParens = prev && gapIsName && tokens[first - 1]!.text === '(' && tokens[end]?.text === ')' && prev.type === d.type;
    const name = inParens ? prev.name : d.name || f.text;
    mentions.push({ span: f.span, text: f.text, name, type: d.type, via: d.via, first, end });
    for (let t = first; t < end; t++) mentionAt[t] = index;
  }
  return { text, tokens, sentences, sentenceOf, mentions, mentionAt, lower: tokens.map((t) => t.text.toLowerCase()) };
}
