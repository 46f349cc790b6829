import { describe, expect, it } from 'vitest';
import { directionOf } from './direction.js';
import { findReuse, ReuseIndex, swapPair, type ReuseInput, type ReusePair } from './index.js';
import { exportCompactReuseState, exportReuseState, importCompactReuseState, importReuseState } from './state.js';

const COPIED =
  'The regional council voted on Tuesday to close the northern harbour to cargo ships for six months while engineers inspect the damaged sea wall and repair the old lighthouse.';
const EDITED =
  'The regional council decided on Tuesday to close the northern harbour to all cargo ships for six months while engineers inspect the sea wall and repair the old lighthouse.';
const OTHER_A = 'Farmers in the valley said the late frost had ruined most of the apricot harvest, and prices at the market doubled within a week.';
const OTHER_B = 'A new library opened downtown with a reading room for children, a small cinema and a café run by volunteers from the neighbourhood.';

const art = (id: string, text: string, published: string | null = null): ReuseInput => ({ id, text, published });

function checkSpans(pairs: readonly ReusePair[], inputs: readonly ReuseInput[]): void {
  const text = new Map(inputs.map((a) => [a.id, a.text]));
  for (const p of pairs) {
    for (const side of [p.a, p.b]) expect(text.get(side.articleId)?.slice(side.span.start, side.span.end)).toBe(side.text);
    for (const op of p.alignment) {
      if (op.a) expect(op.a.start >= p.a.span.start && op.a.end <= p.a.span.end).toBe(true);
      if (op.b) expect(op.b.start >= p.b.span.start && op.b.end <= p.b.span.end).toBe(true);
    }
  }
}

describe('reuse: cases', () => {
  it('a verbatim copy inside other text is one pair with exact spans on both sides', () => {
    const a = art('a1', `${OTHER_A}\n\n${COPIED}`);
    const b = art('b1', `${COPIED}\n\n${OTHER_B}`);
    const pairs = findReuse([b, a]);
    checkSpans(pairs, [a, b]);
    expect(pairs).toHaveLength(1);
    const p = pairs[0] as ReusePair;
    expect(p.a.articleId).toBe('a1');
    expect(p.kind).toBe('verbatim');
    expect(p.similarity).toBe(1);
    // Spans run from the first word to the last word (final punctuation is not a word).
    expect(p.a.text).toBe(COPIED.slice(0, -1));
    expect(p.b.span).toEqual({ start: 0, end: COPIED.length - 1 });
    expect(p.alignment).toEqual([{ op: 'same', a: p.a.span, b: p.b.span }]);
  });

  it('case, punctuation and curly quotes do not count as edits', () => {
    const x = 'He said the “committee will meet again next week” to discuss the budget, the roads and the schools of the district.';
    const y = 'he said the "Committee will meet again next week" -- to discuss the budget; the roads and the schools of the district';
    const [p] = findReuse([art('x', x), art('y', y)]);
    expect(p?.kind).toBe('verbatim');
  });

  it('an edited copy is aligned word by word: substitutions, insertions and deletions with spans', () => {
    const a = art('a2', COPIED);
    const b = art('b2', EDITED);
    const [p, ...rest] = findReuse([a, b]);
    expect(rest).toHaveLength(0);
    expect(p?.kind).toBe('edited');
    checkSpans(p ? [p] : [], [a, b]);
    const ops = (p?.alignment ?? []).filter((o) => o.op !== 'same').map((o) => ({ op: o.op, a: o.a && a.text.slice(o.a.start, o.a.end), b: o.b && b.text.slice(o.b.start, o.b.end) }));
    expect(ops).toEqual([
      { op: 'substitute', a: 'voted', b: 'decided' },
      { op: 'insert', a: null, b: 'all' },
      { op: 'delete', a: 'damaged', b: null },
    ]);
    expect(p?.words).toEqual({ a: 29, b: 29, same: 27 });
    expect(p?.similarity).toBeCloseTo(27 / 29, 3);
  });

  it('an edited word near the end of the passage is kept by the extension past the last shared shingle', () => {
    const x = 'The European country is estimated to have been accommodating some 3,000 members of the terror organization since 2016.';
    const y = 'The European country is estimated to have been accommodating some 3,000 members of the terror cult since 2016.';
    const [p] = findReuse([art('x', x), art('y', y)]);
    expect(p?.a.text).toBe(x.slice(0, -1));
    expect(p?.b.text).toBe(y.slice(0, -1));
  });

  it('two passages copied apart are two pairs', () => {
    const a = art('a3', `${COPIED}\n\n${OTHER_A}\n\n${OTHER_B}`);
    const b = art('b3', `${OTHER_B}\n\nSomething entirely different is written here by the second outlet, at some length, about the weather in the mountains and the snow.\n\n${COPIED}`);
    const pairs = findReuse([a, b]);
    checkSpans(pairs, [a, b]);
    expect(pairs.map((p) => p.a.text)).toEqual([COPIED.slice(0, -1), OTHER_B.slice(0, -1)]);
  });

  it('a heavily edited stretch with no shared shingle left is bridged when most of its words still align', () => {
    const x =
      'The committee met on Thursday to review the budget for the coming year. Members argued for hours about the cost of repairing the old bridge over the river and the new road to the harbour which the mayor said would double the tax paid by every household in town, before the vote was taken late in the evening by a narrow margin.';
    const y =
      'The committee met on Thursday to review the budget for the coming year. Members fought for many hours over the cost of fixing the old bridge across the wide river and a new road into the harbour that the mayor said could double the taxes paid by each household in town, before the vote was taken late in the evening by a narrow margin.';
    // No 5-word shingle survives in the middle 36 words: without joining, two passages.
    expect(findReuse([art('x', x), art('y', y)], { maxJoinGap: 0 })).toHaveLength(2);
    const pairs = findReuse([art('x', x), art('y', y)]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.a.text).toBe(x.slice(0, -1));
    expect(pairs[0]?.b.text).toBe(y.slice(0, -1));
  });
});

describe('reuse: negative cases', () => {
  it.each([
    ['unrelated texts', OTHER_A, OTHER_B],
    ['a shared phrase shorter than the minimum passage', `Officials said on Monday that ${OTHER_A}`, `Officials said on Monday that ${OTHER_B}`],
    ['same words in another order', COPIED, COPIED.split(' ').reverse().join(' ')],
    ['empty text', '', COPIED],
  ])('%s: no pair', (_name, x, y) => {
    expect(findReuse([art('x', x), art('y', y)])).toEqual([]);
  });

  it('reuse inside one article is not a pair', () => {
    expect(findReuse([art('x', `${COPIED}\n\n${COPIED}`), art('y', OTHER_A)])).toEqual([]);
  });

  it('boilerplate shared by more articles than the cap seeds no pair; the real copy still does', () => {
    const footer = 'This article is published under the terms of our syndication agreement and may not be reproduced without written permission from the editors.';
    const bodies = ['apples and pears in the orchard', 'the bridge over the river', 'a chess tournament in the old hall', 'rain over the port all week', 'the choir rehearsal on Sunday'];
    const inputs = bodies.map((b, i) => art(`f${i}`, `A short note about ${b}.\n\n${footer}`));
    inputs.push(art('g1', `${COPIED}\n\n${footer}`), art('g2', `${COPIED}\n\n${footer}`));
    const pairs = findReuse(inputs, { dfCap: 4 });
    expect(pairs.map((p) => [p.a.articleId, p.b.articleId])).toEqual([['g1', 'g2']]);
    // The passage may take the first words of the footer (their shingles straddle the copy and are rare),
    // but not the footer itself.
    expect(pairs[0]?.a.text.startsWith(COPIED)).toBe(true);
    expect(pairs[0]?.a.text).not.toContain('written permission');
    // Without a cap every pair shares the footer.
    expect(findReuse(inputs, { dfCap: 1000 }).length).toBe(21);
  });
});

describe('reuse: direction', () => {
  it.each([
    ['2022-09-07', '2022-09-08', 'x', 'publish-date'],
    ['2022-09-08T10:00', '2022-09-08T09:59', 'y', 'publish-date'],
    ['2022-09', '2022-09-07', null, 'unknown'],
    ['2022-08', '2022-09-07', 'x', 'publish-date'],
    ['2022-09-07', null, null, 'unknown'],
    ['2022-09-07', '2022-09-07', null, 'unknown'],
  ])('%s vs %s', (pa, pb, earlier, basis) => {
    expect(directionOf('x', pa, 'y', pb)).toEqual({ earlier, basis });
  });

  it('pairs carry the direction of their articles', () => {
    const [p] = findReuse([art('a', COPIED, '2021-05-02'), art('b', EDITED, '2021-05-01T08:00')]);
    expect(p?.direction).toEqual({ earlier: 'b', basis: 'publish-date' });
  });
});

describe('reuse: index', () => {
  it('adds incrementally: only new candidate pairs are aligned, earlier pairs are kept', () => {
    const index = new ReuseIndex();
    index.add(art('a', COPIED));
    index.add(art('b', EDITED));
    expect(index.pairs()).toHaveLength(1);
    index.add(art('c', `${OTHER_A} ${COPIED}`));
    expect(index.pairs().map((p) => `${p.a.articleId}-${p.b.articleId}`)).toEqual(['a-b', 'a-c', 'b-c']);
    expect(index.add(art('c', 'again'))).toBe(false);
    expect(index.pairsOf('c').every((p) => p.a.articleId === 'c')).toBe(true);
  });

  it('a pair found early goes when its shared text turns out to be boilerplate', () => {
    const index = new ReuseIndex({ dfCap: 3 });
    index.add(art('a', COPIED));
    index.add(art('b', COPIED));
    expect(index.pairs()).toHaveLength(1);
    index.addAll([art('c', COPIED), art('d', COPIED)]);
    expect(index.pairs()).toEqual([]);
  });

  it('swapPair swaps sides and turns inserts into deletes', () => {
    const [p] = findReuse([art('a', COPIED), art('b', EDITED)]);
    const s = swapPair(p as ReusePair);
    expect(s.a).toEqual(p?.b);
    expect(s.alignment.map((o) => o.op)).toEqual(p?.alignment.map((o) => ({ same: 'same', substitute: 'substitute', insert: 'delete', delete: 'insert' })[o.op]));
    expect(swapPair(s)).toEqual(p);
  });

  it('exports to JSON rows and imports to an index that goes on the same way', () => {
    const inputs = [art('a', COPIED), art('b', `${OTHER_A}\n\n${EDITED}`), art('c', OTHER_B), art('d', `${OTHER_B} ${COPIED}`)];
    const whole = findReuse(inputs, { dfCap: 2 });
    const first = new ReuseIndex({ dfCap: 2 });
    first.addAll(inputs.slice(0, 2));
    const state = JSON.parse(JSON.stringify(exportReuseState(first)));
    expect(state.postings.length).toBeGreaterThan(0);
    const restored = importReuseState(state);
    restored.addAll(inputs.slice(2));
    expect(restored.pairs()).toEqual(whole);
  });

  it('a compact state (no texts, no postings) rebuilds from the texts and goes on the same way', () => {
    const inputs = [art('a', COPIED), art('b', `${OTHER_A}\n\n${EDITED}`), art('c', OTHER_B), art('d', `${OTHER_B} ${COPIED}`), art('e', `${COPIED} ${OTHER_A}`)];
    const text = new Map(inputs.map((a) => [a.id, a.text]));
    for (const cut of [1, 2, 3, 4]) {
      const whole = findReuse(inputs, { dfCap: 2 });
      const first = new ReuseIndex({ dfCap: 2 });
      first.addAll(inputs.slice(0, cut));
      const state = JSON.parse(JSON.stringify(exportCompactReuseState(first)));
      expect(JSON.stringify(state)).not.toContain(OTHER_B);
      const restored = importCompactReuseState(state, (id) => text.get(id));
      restored.addAll(inputs.slice(cut));
      expect(restored.pairs()).toEqual(whole);
    }
    expect(() => importCompactReuseState(exportCompactReuseState(new ReuseIndex()), () => undefined)).not.toThrow();
    const one = new ReuseIndex();
    one.add(inputs[0]!);
    expect(() => importCompactReuseState(exportCompactReuseState(one), () => undefined)).toThrow(/no text/);
  });
});
