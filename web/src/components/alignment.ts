import type { AlignmentOp, ReuseSide } from '../corpus-types.js';

export interface AlignedPiece {
  readonly text: string;
  /** 'same' words, 'changed' words (substituted, or present on this side only), 'gap' between aligned words. */
  readonly kind: 'same' | 'changed' | 'gap';
  /** Offset of the piece in the article (article coordinates). */
  readonly start: number;
}

/**
 * One side of an aligned passage cut into pieces by the alignment. Op spans are in article coordinates, so a
 * piece's offset within the passage is `op.<side>.start - side.span.start`; spans outside the passage are clipped.
 */
export function alignedPieces(side: ReuseSide, ops: readonly AlignmentOp[], which: 'a' | 'b'): AlignedPiece[] {
  const base = side.span.start;
  const length = side.text.length;
  const clip = (n: number) => Math.max(0, Math.min(length, n - base));
  const runs = ops
    .map((op) => ({ span: op[which], kind: op.op === 'same' ? ('same' as const) : ('changed' as const) }))
    .filter((r): r is { span: { start: number; end: number }; kind: 'same' | 'changed' } => r.span !== null)
    .map((r) => ({ start: clip(r.span.start), end: clip(r.span.end), kind: r.kind }))
    .filter((r) => r.end > r.start)
    .sort((x, y) => x.start - y.start);
  const out: AlignedPiece[] = [];
  let cursor = 0;
  for (const r of runs) {
    const start = Math.max(cursor, r.start);
    if (start > cursor) out.push({ text: side.text.slice(cursor, start), kind: 'gap', start: base + cursor });
    if (r.end > start) out.push({ text: side.text.slice(start, r.end), kind: r.kind, start: base + start });
    cursor = Math.max(cursor, r.end);
  }
  if (cursor < length) out.push({ text: side.text.slice(cursor), kind: 'gap', start: base + cursor });
  return out;
}
