import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupClaims } from './index.js';
import { CLAIM_DEFAULTS } from './params.js';
import { intersect, intervalOf } from './interval.js';
import { article, simpleContext, statement, type QuantitySpec } from './test-support.js';
import type { ClaimArticleInput } from './types.js';

const claimArb: fc.Arbitrary<[string, QuantitySpec]> = fc
  .record({
    value: fc.constantFrom(1, 150, 2000, 3000, 12000),
    approximator: fc.constantFrom(null, 'more than', 'around', 'some', 'at least', 'up to', 'nearly'),
    vague: fc.boolean(),
    counted: fc.constantFrom('member', 'members', 'seat', null),
    owner: fc.constantFrom('Foo Party', 'Bar Union', null),
    unit: fc.constantFrom(null, null, 'USD', '%'),
  })
  .map((r): [string, QuantitySpec] => {
    const phrase = `${r.approximator ?? ''} ${r.value} ${r.counted ?? 'units'}`.trim();
    return r.vague
      ? [`hundreds of ${r.counted ?? 'units'}`, { vague: true, low: 200, high: 999, counted: r.counted, owner: r.owner, unit: r.unit }]
      : [phrase, { value: r.value, approximator: r.approximator, counted: r.counted, owner: r.owner, unit: r.unit }];
  });

const corpusArb = fc.array(
  fc.record({
    claims: fc.array(claimArb, { maxLength: 4 }),
    story: fc.constantFrom('s1', 's2', null),
    day: fc.integer({ min: 1, max: 28 }),
    quote: fc.constantFrom(null, 0, 1),
  }),
  { minLength: 1, maxLength: 8 },
);

const QUOTES = ['the government will not accept anyone who has abused the hospitality of this country', 'the talks have failed and the sanctions will stay in place for another year'];

function build(spec: { claims: [string, QuantitySpec][]; story: string | null; day: number; quote: number | null }[]): { inputs: ClaimArticleInput[]; stories: Record<string, string> } {
  const stories: Record<string, string> = {};
  const inputs = spec.map((s, i) => {
    const id = `a${i}`;
    if (s.story) stories[id] = s.story;
    const a = article(id, s.claims, { published: `2024-03-${String(s.day).padStart(2, '0')}` });
    if (s.quote === null) return a;
    const at = a.text.length + 'They said '.length;
    return { ...a, text: `${a.text}They said ${QUOTES[s.quote]!}.\n`, findings: [...a.findings, statement(id, 0, QUOTES[s.quote]!, at, i % 2 ? 'Ana Vell' : null)] };
  });
  return { inputs, stories };
}

const shuffle = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('claims engine properties', () => {
  it('does not depend on the order of articles or of their findings', () => {
    fc.assert(
      fc.property(corpusArb, fc.integer({ min: 1, max: 1e6 }), (spec, seed) => {
        const { inputs, stories } = build(spec);
        const ctx = simpleContext(stories);
        const shuffled = shuffle(inputs, seed).map((a) => ({ ...a, findings: shuffle(a.findings, seed + 1) }));
        expect(JSON.stringify(groupClaims(shuffled, ctx))).toBe(JSON.stringify(groupClaims(inputs, ctx)));
      }),
      { numRuns: 150 },
    );
  });

  it('puts every claim in at most one group; groups span 2+ articles, one unit, one counted noun, one owner; conflict = empty intersection', () => {
    fc.assert(
      fc.property(corpusArb, (spec) => {
        const { inputs, stories } = build(spec);
        const { claims, quotes } = groupClaims(inputs, simpleContext(stories));
        const seen = new Set<string>();
        for (const g of claims) {
          expect(new Set(g.claims.map((c) => c.source.articleId)).size).toBeGreaterThanOrEqual(2);
          expect(new Set(g.claims.map((c) => c.unit)).size).toBe(1);
          expect(new Set(g.claims.map((c) => c.counted?.replace(/s$/, '') ?? null)).size).toBe(1);
          if (g.counted !== null) expect(new Set(g.claims.map((c) => c.ownerActor).filter((o) => o !== null)).size).toBeLessThanOrEqual(1);
          for (const c of g.claims) {
            expect(seen.has(c.source.findingId!)).toBe(false);
            seen.add(c.source.findingId!);
          }
          const none = intersect(g.claims.map((c) => intervalOf(c, CLAIM_DEFAULTS.aboutTolerance, CLAIM_DEFAULTS.scaleReachesNext, CLAIM_DEFAULTS.vagueTolerance))) === null;
          expect(g.conflict).toBe(none);
        }
        const quoted = new Set<string>();
        for (const q of quotes) {
          expect(new Set(q.statements.map((s) => s.source.articleId)).size).toBeGreaterThanOrEqual(2);
          for (const s of q.statements) {
            expect(quoted.has(s.source.findingId!)).toBe(false);
            quoted.add(s.source.findingId!);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
