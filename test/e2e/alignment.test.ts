import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignedPieces } from '../../web/src/components/alignment.js';
import type { AlignmentOp, ReuseSide } from '../../web/src/corpus-types.js';

describe('alignedPieces (one side of a copied passage cut by the alignment)', () => {
  it('marks the substituted word on each side, with op spans in article coordinates', () => {
    const a: ReuseSide = { articleId: 'a', span: { start: 100, end: 126 }, text: 'members of the group since' };
    const b: ReuseSide = { articleId: 'b', span: { start: 10, end: 35 }, text: 'members of the cult since' };
    const ops: AlignmentOp[] = [
      { op: 'same', a: { start: 100, end: 114 }, b: { start: 10, end: 24 } },
      { op: 'substitute', a: { start: 115, end: 120 }, b: { start: 25, end: 29 } },
      { op: 'same', a: { start: 121, end: 126 }, b: { start: 30, end: 35 } },
    ];
    expect(alignedPieces(a, ops, 'a').filter((p) => p.kind === 'changed').map((p) => p.text)).toEqual(['group']);
    expect(alignedPieces(b, ops, 'b').filter((p) => p.kind === 'changed').map((p) => p.text)).toEqual(['cult']);
    expect(alignedPieces(b, ops, 'b').map((p) => p.start)).toEqual([10, 24, 25, 29, 30]);
  });

  it('an insert shows on its side only', () => {
    const a: ReuseSide = { articleId: 'a', span: { start: 0, end: 9 }, text: 'the group' };
    const b: ReuseSide = { articleId: 'b', span: { start: 0, end: 15 }, text: 'the armed group' };
    const ops: AlignmentOp[] = [
      { op: 'same', a: { start: 0, end: 3 }, b: { start: 0, end: 3 } },
      { op: 'insert', a: null, b: { start: 4, end: 9 } },
      { op: 'same', a: { start: 4, end: 9 }, b: { start: 10, end: 15 } },
    ];
    expect(alignedPieces(a, ops, 'a').some((p) => p.kind === 'changed')).toBe(false);
    expect(alignedPieces(b, ops, 'b').filter((p) => p.kind === 'changed').map((p) => p.text)).toEqual(['armed']);
  });

  it('the pieces always put the passage back together, whatever the spans (overlapping, outside, empty)', () => {
    const span = fc.record({ start: fc.integer({ min: -20, max: 80 }), end: fc.integer({ min: -20, max: 80 }) });
    const op = fc.record({ op: fc.constantFrom('same', 'substitute', 'insert', 'delete'), a: fc.option(span), b: fc.option(span) }) as fc.Arbitrary<AlignmentOp>;
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 0, max: 20 }), fc.array(op, { maxLength: 8 }), (text, base, ops) => {
        const side: ReuseSide = { articleId: 'x', span: { start: base, end: base + text.length }, text };
        const pieces = alignedPieces(side, ops, 'a');
        expect(pieces.map((p) => p.text).join('')).toBe(text);
        expect(pieces.every((p) => p.text.length > 0)).toBe(true);
      }),
    );
  });
});
