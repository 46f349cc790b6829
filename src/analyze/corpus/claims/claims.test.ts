import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../domain/finding.js';
import { groupClaims } from './index.js';
import type { ClaimArticleInput } from './types.js';
import { intervalOf, intersect } from './interval.js';
import { article, simpleContext, statement, type QuantitySpec } from './test-support.js';

type Q = QuantitySpec;

const members = (d: Q): Q => ({ counted: 'member', owner: 'Foo Party', ...d });

/** [description, claim of article a, claim of article b, conflict expected] */
const CONFLICTS: [string, [string, Q], [string, Q], boolean][] = [
  ['more than 2,000 vs around 3,000', ['more than 2,000 members', members({ value: 2000, approximator: 'more than', high: null })], ['around 3,000 members', members({ value: 3000, approximator: 'around', low: 2700, high: 3300 })], false],
  ['more than 2,000 vs hundreds', ['more than 2,000 members', members({ value: 2000, approximator: 'more than', high: null })], ['hundreds of members', members({ vague: true, low: 200, high: 999 })], true],
  ['hundreds vs some 3,000', ['hundreds of members', members({ vague: true, low: 200, high: 999 })], ['some 3,000 members', members({ value: 3000, approximator: 'some' })], true],
  ['around 3,000 vs some 3,000', ['around 3,000 members', members({ value: 3000, approximator: 'around' })], ['some 3,000 members', members({ value: 3000, approximator: 'some' })], false],
  ['around 3,000 vs 3,300 (the edge of the tolerance)', ['around 3,000 members', members({ value: 3000, approximator: 'around' })], ['3,300 members', members({ value: 3300 })], false],
  ['around 3,000 vs 3,500', ['around 3,000 members', members({ value: 3000, approximator: 'around' })], ['3,500 members', members({ value: 3500 })], true],
  ['more than 2,000 vs exactly 2,000 (open bound)', ['more than 2,000 members', members({ value: 2000, approximator: 'more than', high: null })], ['2,000 members', members({ value: 2000 })], true],
  ['at least 2,000 vs 2,000', ['at least 2,000 members', members({ value: 2000, approximator: 'at least', high: null })], ['2,000 members', members({ value: 2000 })], false],
  ['fewer than 100 vs 100', ['fewer than 100 members', members({ value: 100, approximator: 'fewer than', low: null })], ['100 members', members({ value: 100 })], true],
  ['up to 100 vs 100', ['up to 100 members', members({ value: 100, approximator: 'up to', low: null })], ['100 members', members({ value: 100 })], false],
  ['nearly 100 vs 95', ['nearly 100 members', members({ value: 100, approximator: 'nearly' })], ['95 members', members({ value: 95 })], false],
  ['nearly 100 vs 101', ['nearly 100 members', members({ value: 100, approximator: 'nearly' })], ['101 members', members({ value: 101 })], true],
  ['dozens vs 150', ['dozens of members', members({ vague: true, low: 24, high: 99 })], ['150 members', members({ value: 150 })], true],
  ['thousands vs over 12,000 (a scale word reaches the next one)', ['thousands of members', members({ vague: true, low: 2000, high: 9999 })], ['over 12,000 members', members({ value: 12000, approximator: 'over', high: null })], false],
  ['many vs 5', ['many members', members({ vague: true, low: null, high: null })], ['5 members', members({ value: 5 })], false],
  ['150 vs 150', ['150 members', members({ value: 150 })], ['150 members', members({ value: 150 })], false],
  ['150 vs 151', ['150 members', members({ value: 150 })], ['151 members', members({ value: 151 })], true],
  ['a range 2,000-3,000 vs 2,500', ['2,000 to 3,000 members', members({ low: 2000, high: 3000 })], ['2,500 members', members({ value: 2500 })], false],
  ['a range 2,000-3,000 vs 3,500', ['2,000 to 3,000 members', members({ low: 2000, high: 3000 })], ['3,500 members', members({ value: 3500 })], true],
  // (an owner: a conflict between claims with neither owner nor event needs shared words around them, see events.test.ts)
  ['money with a counted noun: $20 million vs $25 million', ['a $20 million deal', { value: 2e7, unit: 'USD', counted: 'deal', owner: 'Foo Party' }], ['a $25 million deal', { value: 2.5e7, unit: 'USD', counted: 'deal', owner: 'Foo Party' }], true],
  ['percentages: about 40% vs 41%', ['about 40% of voters', { value: 40, unit: '%', counted: 'voter', approximator: 'about' }], ['41% of voters', { value: 41, unit: '%', counted: 'voter' }], false],
];

describe('conflicts (one story, two articles)', () => {
  for (const [name, a, b, conflict] of CONFLICTS) {
    it(`${name}: ${conflict ? 'conflict' : 'no conflict'}`, () => {
      const { claims } = groupClaims([article('a', [a]), article('b', [b])], simpleContext());
      expect(claims).toHaveLength(1);
      expect(claims[0]!.conflict, claims[0]!.why).toBe(conflict);
      expect(claims[0]!.why).toMatch(conflict ? /conflict: no value/ : /no conflict/);
    });
  }
});

/** [description, claim of a, claim of b, stories (null = both in one story)] that must stay apart. */
const APART: [string, [string, Q], [string, Q]][] = [
  ['different units (% vs count)', ['40 members', members({ value: 40 })], ['40% of members', members({ value: 40, unit: '%' })]],
  ['different currencies', ['$20 million for members', members({ value: 2e7, unit: 'USD' })], ['€20 million for members', members({ value: 2e7, unit: 'EUR' })]],
  ['different counted nouns', ['2,000 members', members({ value: 2000 })], ['2,000 supporters', members({ value: 2000, counted: 'supporter' })]],
  ['different owners', ['2,000 members', members({ value: 2000 })], ['2,000 members', members({ value: 2000, owner: 'Bar Union' })]],
  ['no counted noun and no unit', ['2,000', { value: 2000, counted: null }], ['2,000', { value: 2000, counted: null }]],
  ['a demonym makes a measure of its own', ['12,000 Norlandic people', { value: 12000, counted: 'people' }], ['at least one person', { value: 1, approximator: 'at least', counted: 'person' }]],
  ['unrelated amounts without a counted noun', ['$20 million', { value: 2e7, unit: 'USD' }], ['$5 billion', { value: 5e9, unit: 'USD' }]],
];

describe('must not group', () => {
  for (const [name, a, b] of APART) {
    it(name, () => {
      const { claims } = groupClaims([article('a', [a]), article('b', [b])], simpleContext());
      expect(claims).toEqual([]);
    });
  }

  it('claims of one article alone', () => {
    const a = article('a', [['2,000 members', members({ value: 2000 })], ['3,000 members', members({ value: 3000 })]]);
    expect(groupClaims([a], simpleContext()).claims).toEqual([]);
  });

  it('claims without an owner in different stories', () => {
    const a = article('a', [['2,000 members', { value: 2000, counted: 'member' }]]);
    const b = article('b', [['2,000 members', { value: 2000, counted: 'member' }]]);
    expect(groupClaims([a, b], simpleContext({ a: 's1', b: 's2' })).claims).toEqual([]);
    expect(groupClaims([a, b], simpleContext(null)).claims).toEqual([]);
  });

  it('the same owner and counted noun in stories published two years apart', () => {
    const a = article('a', [['2,000 members', members({ value: 2000 })]], { published: '2020-01-10' });
    const b = article('b', [['5,000 members', members({ value: 5000 })]], { published: '2022-01-10' });
    expect(groupClaims([a, b], simpleContext({ a: 's1', b: 's2' })).claims).toEqual([]);
  });
});

/** An article whose one claim sentence names a year ("Reports say 2,000 members in 2014."), with its date finding. */
function datedClaim(id: string, value: number, year: string): ClaimArticleInput {
  const a = article(id, [[`${value} members in ${year}`, members({ value })]], { published: '2024-03-01' });
  const at = a.text.indexOf(year);
  const date: StoredFinding = {
    id: `${id}:dates:0`, articleId: id, stage: 'dates', stageVersion: 1, kind: 'date', span: { start: at, end: at + 4 }, text: year, rule: 'dates/test',
    data: { type: 'DATE', value: year, anchor: 'absolute', mod: null, evidence: null, yearUnknown: false },
  };
  return { ...a, findings: [...a.findings, date] };
}

describe('grouping', () => {
  it('does not join stories whose claim sentences name different years', () => {
    const apart = groupClaims([datedClaim('a', 2000, '2014'), datedClaim('b', 3000, '2016')], simpleContext({ a: 's1', b: 's2' }));
    expect(apart.claims).toEqual([]);
    const together = groupClaims([datedClaim('a', 2000, '2016'), datedClaim('b', 3000, '2016')], simpleContext({ a: 's1', b: 's2' }));
    expect(together.claims).toHaveLength(1);
    expect(together.claims[0]!.conflict).toBe(true);
  });

  it('joins stories when owner and counted noun match and the dates are close', () => {
    const a = article('a', [['2,000 members', members({ value: 2000 })]], { published: '2024-03-01' });
    const b = article('b', [['more than 2,500 members', members({ value: 2500, approximator: 'more than', high: null })]], { published: '2024-03-20' });
    const { claims } = groupClaims([a, b], simpleContext({ a: 's1', b: 's2' }));
    expect(claims).toHaveLength(1);
    expect(claims[0]!.story).toBeNull();
    expect(claims[0]!.conflict).toBe(true);
    expect(claims[0]!.why).toMatch(/across 2 stories/);
  });

  it('a claim naming no owner joins the only owner of its counted noun in the story', () => {
    const a = article('a', [['2,000 members', members({ value: 2000 })]]);
    const b = article('b', [['hundreds of members', { vague: true, low: 200, high: 999, counted: 'member' }]]);
    const { claims } = groupClaims([a, b], simpleContext());
    expect(claims).toHaveLength(1);
    expect(claims[0]!.conflict).toBe(true);
    expect(claims[0]!.ownerActor).toBe('actor:foo party');
    expect(claims[0]!.measure).toBe('members of Foo Party');
  });

  it('a claim naming no owner stays apart when the story has two owners of that noun', () => {
    const a = article('a', [['2,000 members', members({ value: 2000 })], ['300 members', members({ value: 300, owner: 'Bar Union' })]]);
    const b = article('b', [['hundreds of members', { vague: true, low: 200, high: 999, counted: 'member' }]]);
    const c = article('c', [['2,100 members', members({ value: 2100 })]]);
    const { claims } = groupClaims([a, b, c], simpleContext());
    expect(claims).toHaveLength(1);
    expect(claims[0]!.claims.map((x) => x.source.articleId)).toEqual(['a', 'c']);
  });

  it('plural and singular lemmas are one counted noun; a demonym and "<demonym> citizens" are one', () => {
    const { claims } = groupClaims(
      [
        article('a', [['2,000 members', members({ value: 2000, counted: 'members' })], ['12,000 Norlandic citizens', { value: 12000, counted: 'citizen' }]]),
        article('b', [['2,000 members', members({ value: 2000 })], ['over 11,000 Norlandics', { value: 11000, approximator: 'over', high: null, counted: 'Norlandic' }]]),
      ],
      simpleContext(),
    );
    expect(claims.map((g) => g.counted).sort()).toEqual(['member', 'norlandic']);
    expect(claims.every((g) => !g.conflict)).toBe(true);
  });

  it('amounts without a counted noun group in a story when they agree', () => {
    const { claims } = groupClaims([article('a', [['$20 million', { value: 2e7, unit: 'USD' }]]), article('b', [['20 million dollars', { value: 2e7, unit: 'USD' }]])], simpleContext());
    expect(claims).toHaveLength(1);
    expect(claims[0]!.measure).toBe('amount in USD');
    expect(claims[0]!.spread).toEqual({ low: 2e7, high: 2e7 });
  });

  it('reports spread, sentence, source and the speaker of a claim inside a statement', () => {
    const a = article('a', [['more than 2,000 members', members({ value: 2000, approximator: 'more than', high: null })]]);
    const content = a.text.slice('Reports say '.length, a.text.indexOf('.'));
    const withStatement = { ...a, findings: [...a.findings, statement('a', 0, content, 'Reports say '.length, 'Ana Vell')] };
    const b = article('b', [['hundreds of members', members({ vague: true, low: 200, high: 999 })]], { outlet: 'The Daily' });
    const { claims } = groupClaims([withStatement, b], simpleContext());
    const g = claims[0]!;
    expect(g.spread).toEqual({ low: 200, high: 2000 });
    expect(g.claims[0]!.speaker).toBe('Ana Vell');
    expect(g.claims[1]!.speaker).toBeNull();
    expect(g.claims[0]!.sentence).toBe('Reports say more than 2,000 members.');
    expect(g.claims[1]!.source).toMatchObject({ articleId: 'b', outlet: 'The Daily', text: 'hundreds of members', findingId: 'b:quantities:0' });
    expect(g.why).toMatch(/"hundreds of members" \(The Daily: 140 to 1,299\)/);
  });
});

describe('intervals', () => {
  it('applies the tolerance of "about" and leaves stated ranges alone', () => {
    expect(intervalOf({ value: 3000, low: 2700, high: 3300, approximator: 'around', vague: false }, 0.2)).toMatchObject({ low: 2400, high: 3600 });
    expect(intervalOf({ value: null, low: 10, high: 20, approximator: null, vague: false }, 0.1)).toMatchObject({ low: 10, high: 20 });
    expect(intersect([intervalOf({ value: 5, low: 5, high: null, approximator: 'more than', vague: false }, 0.1), intervalOf({ value: 5, low: null, high: 5, approximator: 'up to', vague: false }, 0.1)])).toBeNull();
  });
});
