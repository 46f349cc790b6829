import { DELETE, INSERT, SUBSTITUTE, type WordPassage } from './align.js';
import { directionOf } from './direction.js';
import type { AlignmentOp, ReusePair } from './types.js';

export const REUSE_RULE = 'reuse/shingle-align';

/** Character offsets of an article's words, as `wordsOf` gives them. */
export interface WordOffsets {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

export interface PairSide {
  readonly id: string;
  readonly text: string;
  readonly published: string | null;
  readonly offsets: WordOffsets;
}

const OP_NAMES = ['same', 'substitute', 'insert', 'delete'] as const;

function charSpan(o: WordOffsets, w0: number, w1: number): { start: number; end: number } {
  return { start: o.starts[w0] as number, end: o.ends[w1 - 1] as number };
}

/** Word ops -> runs of one kind with the character spans of their words on each side. */
function alignmentOf(p: WordPassage, a: WordOffsets, b: WordOffsets): AlignmentOp[] {
  const out: AlignmentOp[] = [];
  let i = p.a0;
  let j = p.b0;
  let k = 0;
  while (k < p.ops.length) {
    const o = p.ops[k] as number;
    const i0 = i;
    const j0 = j;
    while (k < p.ops.length && p.ops[k] === o) {
      if (o !== INSERT) i++;
      if (o !== DELETE) j++;
      k++;
    }
    out.push({
      op: OP_NAMES[o] as AlignmentOp['op'],
      a: o === INSERT ? null : charSpan(a, i0, i),
      b: o === DELETE ? null : charSpan(b, j0, j),
    });
  }
  return out;
}

/** A passage of `a` x `b` (word ranges) as a reported pair with spans, texts, alignment and direction. */
export function toPair(p: WordPassage, a: PairSide, b: PairSide): ReusePair {
  const sa = charSpan(a.offsets, p.a0, p.a1);
  const sb = charSpan(b.offsets, p.b0, p.b1);
  const wa = p.a1 - p.a0;
  const wb = p.b1 - p.b0;
  let edited = false;
  for (const o of p.ops) if (o === SUBSTITUTE || o === INSERT || o === DELETE) edited = true;
  return {
    a: { articleId: a.id, span: sa, text: a.text.slice(sa.start, sa.end) },
    b: { articleId: b.id, span: sb, text: b.text.slice(sb.start, sb.end) },
    similarity: Math.round(((2 * p.same) / (wa + wb)) * 1e4) / 1e4,
    kind: edited ? 'edited' : 'verbatim',
    words: { a: wa, b: wb, same: p.same },
    alignment: alignmentOf(p, a.offsets, b.offsets),
    direction: directionOf(a.id, a.published, b.id, b.published),
    rule: REUSE_RULE,
  };
}

/** The same pair seen from `b`: sides swapped, inserts and deletes exchanged. */
export function swapPair(p: ReusePair): ReusePair {
  const flip = { same: 'same', substitute: 'substitute', insert: 'delete', delete: 'insert' } as const;
  return {
    ...p,
    a: p.b,
    b: p.a,
    words: { a: p.words.b, b: p.words.a, same: p.words.same },
    alignment: p.alignment.map((o) => ({ op: flip[o.op], a: o.b, b: o.a })),
  };
}
