import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findReuse, ReuseIndex, swapPair, type ReuseInput } from './index.js';

/*
 * Corpora where reuse is likely: articles made of passages drawn from a small shared pool (each copied with
 * a few edits) and of fresh words, from a small vocabulary with punctuation and case variation. A low
 * document-frequency cap makes shingles turn boilerplate while articles are added.
 */
const VOCAB = ['the', 'council', 'Harbour', 'ships', 'said', 'on', 'Monday', 'river', 'bridge', 'closed', '3,000', 'U.S.', 'café', 'workers', 'strike', 'of', 'a', 'to', 'and', 'week'];
const word = fc.constantFrom(...VOCAB);
const passage = fc.array(word, { minLength: 8, maxLength: 30 });
const sep = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n\n', ' “', '” ');

const corpus = fc
  .record({
    pool: fc.array(passage, { minLength: 1, maxLength: 4 }),
    articles: fc.array(
      fc.array(fc.oneof(fc.record({ from: fc.nat(3), drop: fc.nat(40), swap: fc.nat(40) }), fc.array(word, { minLength: 1, maxLength: 12 })), { minLength: 1, maxLength: 4 }),
      { minLength: 2, maxLength: 6 },
    ),
    seps: fc.array(sep, { minLength: 1, maxLength: 7 }),
    dates: fc.array(fc.constantFrom(null, '2022-09-07', '2022-09-08T10:00', '2022-09'), { minLength: 6, maxLength: 6 }),
  })
  .map(({ pool, articles, seps, dates }): ReuseInput[] =>
    articles.map((parts, k) => {
      const words: string[] = [];
      for (const part of parts) {
        if (Array.isArray(part)) words.push(...part);
        else {
          const src = pool[part.from % pool.length] ?? [];
          src.forEach((w, i) => {
            if (i === part.drop) return;
            words.push(i === part.swap ? 'changed' : w);
          });
        }
      }
      const text = words.map((w, i) => `${i ? seps[i % seps.length] : ''}${w}`).join('');
      return { id: `art${(k * 7919) % 13}-${k}`, text, published: dates[k] ?? null };
    }),
  );

const PARAMS = { minWords: 6, dfCap: 3 };

const shuffle = <T>(xs: readonly T[], seed: number): T[] => {
  const out = xs.slice();
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

describe('reuse: properties', () => {
  it('spans slice to their text, alignment ops lie inside the passage, a comes before b', () => {
    fc.assert(
      fc.property(corpus, (inputs) => {
        const text = new Map(inputs.map((a) => [a.id, a.text]));
        for (const p of findReuse(inputs, PARAMS)) {
          expect(p.a.articleId < p.b.articleId).toBe(true);
          expect(text.get(p.a.articleId)?.slice(p.a.span.start, p.a.span.end)).toBe(p.a.text);
          expect(text.get(p.b.articleId)?.slice(p.b.span.start, p.b.span.end)).toBe(p.b.text);
          expect(p.similarity).toBeGreaterThan(0);
          expect(p.similarity).toBeLessThanOrEqual(1);
          for (const o of p.alignment) {
            if (o.a) expect(o.a.start >= p.a.span.start && o.a.end <= p.a.span.end && o.a.start < o.a.end).toBe(true);
            if (o.b) expect(o.b.start >= p.b.span.start && o.b.end <= p.b.span.end && o.b.start < o.b.end).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('results do not depend on the order articles are added in, nor on adding in batches', () => {
    fc.assert(
      fc.property(corpus, fc.nat(1000), fc.nat(5), (inputs, seed, cut) => {
        const expected = findReuse(inputs, PARAMS);
        expect(findReuse(shuffle(inputs, seed), PARAMS)).toEqual(expected);
        const index = new ReuseIndex(PARAMS);
        const order = shuffle(inputs, seed + 1);
        index.addAll(order.slice(0, cut));
        index.pairs();
        index.addAll(order.slice(cut));
        expect(index.pairs()).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('a pair aligned before a shingle of only one of its articles turns boilerplate reads as if aligned after', () => {
    // Shrunk from a counterexample of the property above (fast-check seed 3, 5,000 runs). "the harbour the the
    // the" is held by a, c, d, e but not b: it turns boilerplate (df 4 > cap 3) only when e comes in. Extension
    // used to stop at any boilerplate shingle of `a`, so the a-b pair, aligned before e and not re-queued (b
    // does not hold the shingle), kept a longer passage than when aligned after.
    const inputs: ReuseInput[] = [
      { id: 'a', text: 'the the the the Harbour the the the the', published: null },
      { id: 'b', text: 'the the the the Harbour the changed the the', published: null },
      { id: 'c', text: 'changed the the Harbour the the the the', published: null },
      { id: 'd', text: 'changed the the Harbour the the the the', published: null },
      { id: 'e', text: 'the the the Harbour the the the the', published: null },
    ];
    const expected = findReuse(inputs, PARAMS);
    const index = new ReuseIndex(PARAMS);
    index.addAll(inputs.slice(0, 4));
    index.pairs();
    index.add(inputs[4] as ReuseInput);
    expect(index.pairs()).toEqual(expected);
    expect(findReuse([...inputs].reverse(), PARAMS)).toEqual(expected);
  });

  it('pairs are symmetric: the pair seen from b is the pair seen from a, swapped', () => {
    fc.assert(
      fc.property(corpus, (inputs) => {
        const index = new ReuseIndex(PARAMS);
        index.addAll(inputs);
        for (const p of index.pairs()) {
          expect(index.pairsOf(p.b.articleId).filter((q) => q.b.articleId === p.a.articleId)).toContainEqual(swapPair(p));
          expect(swapPair(swapPair(p))).toEqual(p);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { minLength: 2, maxLength: 4 }), (texts) => {
        const inputs = texts.map((t, i) => ({ id: `u${i}`, text: `${t} ${texts[0]}`, published: null }));
        for (const p of findReuse(inputs, { minWords: 1, minShared: 1, n: 2 })) {
          expect(inputs.find((a) => a.id === p.a.articleId)?.text.slice(p.a.span.start, p.a.span.end)).toBe(p.a.text);
        }
      }),
      { numRuns: 100 },
    );
  });
});
