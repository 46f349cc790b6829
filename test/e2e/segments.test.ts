import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../web/src/api.js';
import { segmentsOf } from '../../web/src/components/segments.js';

const finding = (id: string, kind: string, start: number, end: number): Finding => ({ id, articleId: 'a', stage: kind, stageVersion: 1, kind, span: { start, end }, text: '', rule: 'x/y', data: null });

describe('segmentsOf (the reader cuts the text at finding boundaries)', () => {
  it('splits nested findings, innermost first, and marks the target span', () => {
    const text = 'Rama told Der Spiegel on Monday.';
    const segs = segmentsOf(text, [finding('s', 'statement', 0, 32), finding('e', 'entity', 0, 4), finding('d', 'date', 25, 31)], { start: 10, end: 21 });
    expect(segs.map((s) => text.slice(s.start, s.end))).toEqual(['Rama', ' told ', 'Der Spiegel', ' on ', 'Monday', '.']);
    expect(segs[0]!.covering.map((f) => f.id)).toEqual(['e', 's']);
    expect(segs.filter((s) => s.target).map((s) => text.slice(s.start, s.end))).toEqual(['Der Spiegel']);
  });

  it('partitions the text and gives each piece exactly the findings over it, for any findings', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(70), fc.nat(70), fc.constantFrom('entity', 'date', 'statement')), { maxLength: 12 }),
        fc.option(fc.tuple(fc.nat(70), fc.nat(70))),
        (text, raw, t) => {
          const findings = raw.map(([a, b, kind], i) => finding(String(i), kind, Math.min(a, b, text.length), Math.min(Math.max(a, b), text.length)));
          const target = t ? { start: Math.min(...t), end: Math.max(...t) } : null;
          const segs = segmentsOf(text, findings, target);
          expect(segs.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
          for (const s of segs) {
            expect(s.end).toBeGreaterThan(s.start);
            const expected = findings.filter((f) => f.span.end > f.span.start && f.span.start <= s.start && s.end <= f.span.end).map((f) => f.id).sort();
            expect(s.covering.map((f) => f.id).sort()).toEqual(expected);
          }
        },
      ),
    );
  });
});
