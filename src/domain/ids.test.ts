import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleId, normalizeForId } from './ids.js';

describe('normalizeForId', () => {
  it.each([
    ['  Hello\n\tWorld  ', 'hello world'],
    ['He said “yes” — twice', 'he said "yes" - twice'],
    ['ﬁnance', 'finance'],
  ])('%j -> %j', (input, out) => expect(normalizeForId(input)).toBe(out));

  it('gives ASCII text the same result on the fast path as the full path would', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 80 }), (s) => {
        const full = s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
        expect(normalizeForId(s)).toBe(full);
      }),
    );
  });

  it('makes ids that ignore spacing and typography', () => {
    expect(articleId('A  “b”', 'x')).toBe(articleId('a "b"', 'y'));
    expect(articleId('', 'one')).not.toBe(articleId('', 'two'));
  });
});
