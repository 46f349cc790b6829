import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AliasDecision } from '../../../domain/corpus.js';
import { AliasIndex } from './index.js';
import type { AliasArticleInput } from './state.js';
import { marked } from './test-support.js';

/* Random small corpora drawn from invented names with aliases, surnames, variants and acronyms. */
const MENTIONS = [
  '[[Ana Vell|PER]]',
  '[[Tom Vell|PER]]',
  '[[Vell|PER]]',
  '[[Vell|PER|short-form|Ana Vell]]',
  '[[Bo Tann|PER]]',
  '[[Tann|PER]]',
  '[[Mohammad Rezaei|PER]]',
  '[[Muhammad Rezaii|PER]]',
  '[[Foo Bar Organization|ORG]] ([[FBO|ORG|acronym|Foo Bar Organization]])',
  '[[FBO|ORG]]',
  '[[Foo-e Bar Organization|ORG]]',
  '[[FeB|ORG]]',
  '[[Norland|LOC]]',
  '[[Norland|ORG]]',
  '[[NORLAND|LOC]]',
  '[[Republic of Norland|LOC]]',
  '[[RN|LOC]]',
  '[[Harlan Association|ORG]] (The [[Friends of Harlan|ORG]])',
];

const corpus = fc
  .array(fc.array(fc.constantFrom(...MENTIONS), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 10 })
  .map((xs) => xs.map((ms, i) => marked(`a${String(i).padStart(2, '0')}`, `${ms.join(' said, and ')}.`)));

const decisions = fc.array(
  fc.record({
    action: fc.constantFrom('merge' as const, 'split' as const, 'confirm' as const),
    a: fc.constantFrom('Ana Vell', 'Vell', 'FBO', 'Bo Tann', 'Norland'),
    b: fc.constantFrom('Tom Vell', 'Tann', 'Foo Bar Organization', 'Republic of Norland'),
  }),
  { maxLength: 4 },
).map((ds) => ds.map((d, i): AliasDecision => ({ id: i + 1, action: d.action, a: { name: d.a, type: 'PER' }, b: { name: d.b, type: 'PER' }, at: '2026-01-01', note: null })));

function build(articles: readonly AliasArticleInput[]): AliasIndex {
  const index = new AliasIndex();
  for (const a of articles) index.add(a);
  return index;
}

describe('aliases: properties', () => {
  it('actors do not depend on the order articles are added', () => {
    fc.assert(
      fc.property(corpus, decisions, fc.array(fc.double({ noNaN: true }), { minLength: 10, maxLength: 10 }), (articles, ds, keys) => {
        const shuffled = articles.map((a, i) => ({ a, k: keys[i] ?? 0 })).sort((x, y) => x.k - y.k).map((x) => x.a);
        expect(build(shuffled).actors(ds)).toEqual(build(articles).actors(ds));
      }),
      { numRuns: 60 },
    );
  });

  it('actors partition the names: every name of a mention belongs to exactly one actor', () => {
    fc.assert(
      fc.property(corpus, decisions, (articles, ds) => {
        const index = build(articles);
        const actors = index.actors(ds);
        const ids = new Set(actors.map((a) => a.id));
        expect(ids.size).toBe(actors.length);
        const total = articles.reduce((n, a) => n + a.entities.length, 0);
        expect(actors.reduce((n, a) => n + a.mentions, 0)).toBe(total);
        for (const a of articles) {
          for (const f of a.entities) {
            const d = f.data as { via: string };
            if (d.via !== 'model') continue;
            const id = index.actorOf(f.text, 'PER');
            expect(id, f.text).not.toBeNull();
            expect(actors.find((x) => x.id === id)!.names.some((n) => n.name === f.text)).toBe(true);
          }
        }
        const textOf = new Map(articles.map((x) => [x.id, x.text]));
        for (const a of actors) {
          for (const e of a.evidence) for (const src of e.sources) expect(textOf.get(src.articleId)?.slice(src.span.start, src.span.end)).toBe(src.text);
          expect(a.confidence).toBeGreaterThan(0);
          expect(a.confidence).toBeLessThanOrEqual(1);
          if (a.names.length === 1 && a.evidence.length === 0) expect(a.confidence).toBe(1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rows/fromRows round trip gives the same actors, and later articles can be added to the restored index', () => {
    fc.assert(
      fc.property(corpus, decisions, fc.nat(), (articles, ds, cut) => {
        const k = articles.length === 0 ? 0 : cut % (articles.length + 1);
        const first = build(articles.slice(0, k));
        const restored = AliasIndex.fromRows(JSON.parse(JSON.stringify(first.rows())));
        expect(restored.actors(ds)).toEqual(first.actors(ds));
        for (const a of articles.slice(k)) restored.add(a);
        expect(restored.actors(ds)).toEqual(build(articles).actors(ds));
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on arbitrary names', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom('PER', 'ORG', 'LOC', 'MISC'), fc.constantFrom('model', 'acronym', 'short-form', 'description', 'known-as')), { maxLength: 8 }), (ms) => {
        const text = ms.map(([n]) => n).join(' ');
        let at = 0;
        const entities = ms.map(([n, type, via], i) => {
          const start = at;
          at += n.length + 1;
          return { id: `x:entities:${i}`, articleId: 'x', stage: 'entities', stageVersion: 1, kind: 'entity', span: { start, end: start + n.length }, text: n, rule: 'r', data: { type, name: i > 0 ? (ms[0]?.[0] ?? n) : n, antecedent: i > 0 ? { start: 0, end: ms[0]?.[0].length ?? 0 } : null, via, titles: [], confidence: 1 } };
        });
        const index = new AliasIndex();
        index.add({ id: 'x', outlet: null, published: null, text, entities });
        index.add({ id: 'y', outlet: null, published: null, text, entities: entities.map((e) => ({ ...e, articleId: 'y' })) });
        for (const a of index.actors([])) expect(a.id).toMatch(/^actor:(per|org|loc|misc):/);
      }),
      { numRuns: 100 },
    );
  });
});
