import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoryIndex, type StoryArticleInput, type StoryConfig } from './index.js';
import { storyInput } from './test-support.js';

/* Random small corpora from a few topic vocabularies, so that some articles cluster and some do not. */
const WORDS = ['flood', 'river', 'dam', 'strike', 'union', 'wage', 'court', 'judge', 'verdict', 'fire', 'forest', 'smoke', 'vote', 'ballot', 'mayor'];
const NAMES = ['Arden Vale', 'Kestrel Union', 'Judge Morrow', 'Tarrow', 'Lina Osk'];

const article = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 }),
  names: fc.array(fc.constantFrom(...NAMES), { maxLength: 3 }),
  day: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
  french: fc.boolean(),
  date: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
  figures: fc.array(fc.tuple(fc.constantFrom(25, 300, 2000), fc.constantFrom('member', 'USD')), { maxLength: 2 }),
});

const corpus = fc.array(article, { minLength: 1, maxLength: 25 }).map((xs) =>
  xs.map((x, i): StoryArticleInput => {
    const published = x.day === null ? null : new Date(Date.UTC(2024, 0, x.day)).toISOString().slice(0, 10);
    return storyInput(`a${String(i).padStart(3, '0')}`, {
      text: `${x.words.join(' ')} ${x.names.join(', ')}`,
      published,
      language: x.french ? 'fr' : 'en',
      entities: x.names.map((n) => [n, 'ORG']),
      dates: x.date === null ? [] : [`2024-02-${String(x.date).padStart(2, '0')}`],
      figures: x.figures,
    });
  }),
);

function canonical(index: StoryIndex): string[][] {
  return index
    .stories()
    .map((s) => [...s.articles].sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

function build(articles: readonly StoryArticleInput[], batches: readonly number[] = [], config: Partial<StoryConfig> = {}): StoryIndex {
  const index = new StoryIndex(config);
  articles.forEach((a, i) => {
    index.add(a);
    if (batches.includes(i)) index.stories();
  });
  return index;
}

describe('stories: properties', () => {
  it('stories partition the articles', () => {
    fc.assert(
      fc.property(corpus, (articles) => {
        const ids = canonical(build(articles)).flat();
        expect(ids.sort()).toEqual(articles.map((a) => a.id).sort());
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 60 },
    );
  });

  it('the result does not depend on input order or on when stories are read', () => {
    fc.assert(
      fc.property(
        corpus.chain((articles) =>
          fc.tuple(fc.constant(articles), fc.shuffledSubarray(articles, { minLength: articles.length }), fc.array(fc.nat(articles.length), { maxLength: 4 })),
        ),
        ([articles, shuffled, reads]) => {
          const a = build(articles);
          const b = build(shuffled, reads);
          expect(canonical(b)).toEqual(canonical(a));
          expect(b.rows()).toEqual(a.rows());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('with a busy merge pass (high join bar, low merge and attach bars) the result still ignores input order', () => {
    const busy = { threshold: 0.5, mergeThreshold: 0.1, attachThreshold: 0.1, attachMaxSize: 3 };
    fc.assert(
      fc.property(
        corpus.chain((articles) => fc.tuple(fc.constant(articles), fc.shuffledSubarray(articles, { minLength: articles.length }), fc.array(fc.nat(articles.length), { maxLength: 4 }))),
        ([articles, shuffled, reads]) => {
          const a = build(articles, [], busy);
          const b = build(shuffled, reads, busy);
          expect(canonical(b)).toEqual(canonical(a));
          expect(b.rows()).toEqual(a.rows());
          const ids = canonical(a).flat();
          expect(new Set(ids).size).toBe(articles.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('languages never mix without a shared passage', () => {
    fc.assert(
      fc.property(corpus, (articles) => {
        const lang = new Map(articles.map((a) => [a.id, a.language]));
        for (const s of build(articles).stories()) expect(new Set(s.articles.map((id) => lang.get(id))).size).toBe(1);
      }),
      { numRuns: 40 },
    );
  });
});
