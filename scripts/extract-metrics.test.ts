import { describe, expect, it } from 'vitest';
import { pageCounts, scoreDates, scoreExtraction, shingles, wordTokens } from './extract-metrics.js';

describe('extraction metric', () => {
  it('tokenises like Python \\w+ with Unicode', () => {
    expect(wordTokens("Rama's 2,000 members — Тирана_1 श्री")).toEqual(['Rama', 's', '2', '000', 'members', 'Тирана_1', 'श', 'र']);
  });

  it('counts shingles as a multiset, short texts as one shingle', () => {
    expect(shingles('a b c d a b c d').get('a\u0001b\u0001c\u0001d')).toBe(2);
    expect([...shingles('a b').keys()]).toEqual(['a\u0001b']);
    expect(shingles('').size).toBe(0);
  });

  it('normalises per-page counts', () => {
    const c = pageCounts('one two three four five', 'one two three four six');
    // truth shingles: [1234, 2345]; predicted: [1234, 2346] -> tp 1, fp 1, fn 1
    expect(c.tp).toBeCloseTo(1 / 3);
    expect(c.fp).toBeCloseTo(1 / 3);
    expect(c.fn).toBeCloseTo(1 / 3);
  });

  it('scores mean precision and recall, F1 from the means, and exact token accuracy', () => {
    const s = scoreExtraction([
      { truth: 'one two three four five', predicted: 'one, two: three four five.' },
      { truth: 'one two three four five', predicted: '' },
    ]);
    expect(s.precision).toBe(1); // the empty prediction has tp+fp = 0: left out of precision
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo((2 * 0.5) / 1.5);
    expect(s.accuracy).toBe(0.5);
  });
});

describe('date metric', () => {
  it('counts no answer as FN, a wrong day as FP', () => {
    const s = scoreDates([
      { gold: '2020-01-02', predicted: '2020-01-02' },
      { gold: '2020-01-02', predicted: '2020-01-03' },
      { gold: null, predicted: null },
      { gold: '2020-01-02', predicted: null },
    ]);
    expect(s).toMatchObject({ tp: 1, fp: 1, fn: 2, tn: 0 });
    expect(s.accuracy).toBe(0.25);
    expect(s.precision).toBe(0.5);
    expect(s.fScore).toBeCloseTo(2 / 5);
  });
});
