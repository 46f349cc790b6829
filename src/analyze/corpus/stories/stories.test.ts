import { describe, expect, it } from 'vitest';
import { clusterStories, explainStory, readStoryRows, StoryIndex, type StoryArticleInput } from './index.js';
import { figureKey, storyFeatures } from './features.js';
import { STORY_DEFAULTS } from './config.js';
import { lemma } from './terms.js';
import { background, storyInput } from './test-support.js';

const QUAKE_A = storyInput('quake-a', {
  title: 'Strong earthquake shakes Velmora coast, dozens injured',
  text: 'A magnitude 6.4 earthquake struck the Velmora coast on Tuesday, injuring dozens of residents and collapsing a bridge near Port Tarrin. Rescue teams searched the rubble overnight, the regional governor Ilse Marant said.',
  published: '2024-03-05',
  entities: [['Velmora', 'LOC'], ['Port Tarrin', 'LOC'], ['Ilse Marant', 'PER']],
  dates: ['2024-03-05'],
});
const QUAKE_B = storyInput('quake-b', {
  title: 'Quake of magnitude 6.4 hits Velmora; bridge collapses',
  text: 'Dozens were hurt when a 6.4-magnitude quake hit coastal Velmora, bringing down a bridge close to Port Tarrin. Governor Ilse Marant told reporters that rescuers kept digging through the rubble through the night.',
  published: '2024-03-06',
  entities: [['Velmora', 'LOC'], ['Port Tarrin', 'LOC'], ['Ilse Marant', 'PER'], ['Marant', 'PER']],
  dates: ['2024-03-05'],
});
const BUDGET_MARCH = storyInput('budget-march', {
  title: 'Finance minister Oren Dask presents the Kelvar budget',
  text: 'Finance minister Oren Dask presented the Kelvar national budget to parliament, promising lower taxes for small firms and more money for schools. The opposition called the budget reckless.',
  published: '2024-03-10',
  entities: [['Oren Dask', 'PER'], ['Kelvar', 'LOC']],
  dates: ['2024-03-10'],
});
const RESIGN_SEPT = storyInput('resign-sept', {
  title: 'Kelvar finance minister Oren Dask resigns over scandal',
  text: 'Oren Dask, the Kelvar finance minister, resigned on Monday after newspapers revealed payments from a construction company. Parliament will choose a successor, the prime minister said.',
  published: '2024-09-16',
  entities: [['Oren Dask', 'PER'], ['Kelvar', 'LOC']],
  dates: ['2024-09-16'],
});
const QUAKE_FR = storyInput('quake-fr', {
  title: 'Un fort séisme secoue la côte de Velmora',
  text: 'Un séisme de magnitude 6,4 a frappé mardi la côte de Velmora, faisant des dizaines de blessés et détruisant un pont près de Port Tarrin. La gouverneure Ilse Marant a indiqué que les secours fouillaient les décombres.',
  published: '2024-03-05',
  language: 'fr',
});

function partition(articles: readonly StoryArticleInput[]): string[][] {
  return clusterStories(articles)
    .stories()
    .map((s) => [...s.articles].sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

function together(articles: readonly StoryArticleInput[], a: string, b: string): boolean {
  const index = clusterStories(articles);
  return index.storyOf(a) === index.storyOf(b);
}

describe('stories: small cases', () => {
  const cases: [string, StoryArticleInput[], string, string, boolean][] = [
    ['same event, different wording -> one story', [QUAKE_A, QUAKE_B, BUDGET_MARCH, ...background(8)], 'quake-a', 'quake-b', true],
    ['same actors, another event months later -> two stories', [BUDGET_MARCH, RESIGN_SEPT, QUAKE_A, ...background(8)], 'budget-march', 'resign-sept', false],
    ['unrelated events the same week -> apart', [QUAKE_A, BUDGET_MARCH, ...background(8)], 'quake-a', 'budget-march', false],
    ['a French article is not merged with the English ones', [QUAKE_A, QUAKE_B, QUAKE_FR, ...background(8)], 'quake-a', 'quake-fr', false],
  ];
  it.each(cases)('%s', (_name, articles, a, b, expected) => {
    expect(together(articles, a, b)).toBe(expected);
  });

  it('a French article joins an English story only with a long shared passage', () => {
    const articles = [QUAKE_A, QUAKE_B, QUAKE_FR, ...background(8)];
    const index = new StoryIndex();
    index.addReuse([{ a: 'quake-a', b: 'quake-fr', words: 80 }]);
    articles.forEach((a) => index.add(a));
    expect(index.storyOf('quake-fr')).toBe(index.storyOf('quake-a'));
  });

  it('the background articles of different topics stay apart', () => {
    const stories = partition(background(8));
    expect(stories).toHaveLength(8);
  });

  it('explains a story: shared actors, dates, terms and each member score', () => {
    const index = clusterStories([QUAKE_A, QUAKE_B, BUDGET_MARCH, ...background(8)], {}, [{ a: 'quake-a', b: 'quake-b', words: 12 }]);
    const id = index.storyOf('quake-a')!;
    expect(id).toBe('quake-a'); // named after its first article in canonical order
    const e = explainStory(index, id)!;
    expect(e.story.articles).toEqual(['quake-a', 'quake-b']);
    expect(e.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Velmora', 'Port Tarrin', 'Ilse Marant']));
    expect(e.dates).toEqual([{ value: '2024-03-05', articles: ['quake-a', 'quake-b'] }]);
    expect(e.passages).toEqual([{ a: 'quake-a', b: 'quake-b', words: 12 }]);
    expect(e.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['rubble', 'bridge']));
    expect(e.articles[0]).toMatchObject({ id: 'quake-a', score: null });
    expect(e.articles[1]!.score).toBeGreaterThan(0.16);
    expect(e.articles[1]!.parts).toMatchObject({ gapDays: 1, passages: expect.any(Number) });
    expect(e.story).toMatchObject({ first: '2024-03-05', last: '2024-03-06', language: 'en' });
  });

  it('the merge pass joins first-pass stories by average linkage, and says so', () => {
    const articles = [QUAKE_A, QUAKE_B, BUDGET_MARCH, ...background(8)];
    // No article joins another in the first pass: only the merge pass can put the two reports together.
    const off = Number.POSITIVE_INFINITY;
    const apart = clusterStories(articles, { threshold: off, mergeThreshold: off, attachThreshold: off });
    expect(apart.storyOf('quake-b')).toBe('quake-b');
    const index = clusterStories(articles, { threshold: off, mergeThreshold: 0.16, attachThreshold: off });
    expect(index.storyOf('quake-b')).toBe('quake-a');
    expect(index.storyOf('budget-march')).toBe('budget-march');
    const e = explainStory(index, 'quake-a')!;
    expect(e.story.articles).toEqual(['quake-a', 'quake-b']);
    expect(e.articles.map((a) => a.score)).toEqual([null, null]); // both founded a first-pass story
    const pair = index.pair('quake-a', 'quake-b')!;
    expect(e.merges).toEqual([{ story: 'quake-b', into: 'quake-a', step: 'merge', linkage: Math.round(pair.score * 1000) / 1000 }]);
    expect(pair.score).toBeGreaterThanOrEqual(0.16);
    expect(index.rows().find((r) => r.article === 'quake-b')!.story).toBe('quake-a');
  });

  it('shared specific figures are evidence: keyed by unit or counted thing, vague and small counts left out', () => {
    const q = (value: number | null, what: string | null, unit: string | null = null, vague = false) => ({
      value,
      low: value,
      high: value,
      approximator: null,
      vague,
      unit,
      counted: what ? { span: { start: 0, end: 0 }, text: what, lemma: what } : null,
      owner: null,
    });
    expect(figureKey(q(2000, 'member'))).toBe('member:2000');
    expect(figureKey(q(20_000_000, null, 'USD'))).toBe('USD:20000000');
    expect(figureKey(q(2, 'diplomat'))).toBeNull();
    expect(figureKey(q(null, 'member', null, true))).toBeNull();
    expect(figureKey(q(5000, null))).toBeNull();

    // Two reports that share little wording but state the same two figures, among unrelated articles.
    const letterA = storyInput('letter-a', {
      text: 'Relatives of victims wrote to Parliament asking for an inquiry into the payments to the movement in Dorvan.',
      published: '2024-05-02',
      figures: [[2000, 'member'], [20_000_000, 'USD']],
    });
    const letterB = storyInput('letter-b', {
      text: 'Families of victims sent an open appeal demanding that lawmakers examine funding handed to the organisation.',
      published: '2024-05-03',
      figures: [[2000, 'member'], [20_000_000, 'USD']],
    });
    const bg = background(16, '2024-05-02');
    const without = new StoryIndex();
    const withFigures = new StoryIndex();
    for (const a of [...bg, letterA, letterB]) {
      without.add({ ...a, quantities: [] });
      withFigures.add(a);
    }
    expect(withFigures.pair('letter-a', 'letter-b')!.parts.figures).toBe(1);
    // The full bonus, under the one-day publish-gap decay.
    const decay = Math.exp(-1 / STORY_DEFAULTS.timeDecayDays);
    expect(withFigures.pair('letter-a', 'letter-b')!.score).toBeCloseTo(without.pair('letter-a', 'letter-b')!.score + STORY_DEFAULTS.figureWeight * decay, 6);
    expect(without.storyOf('letter-a')).not.toBe(without.storyOf('letter-b'));
    expect(withFigures.storyOf('letter-a')).toBe(withFigures.storyOf('letter-b'));
    const e = explainStory(withFigures, withFigures.storyOf('letter-a')!)!;
    expect(e.figures.map((f) => f.figure).sort()).toEqual(['USD:20000000', 'member:2000']);
    expect(storyFeatures(letterA, STORY_DEFAULTS).figures).toEqual(['USD:20000000', 'member:2000']);
  });

  it('stored rows written before figures were kept are refused by readStoryRows (a rebuild brings them back)', () => {
    const rows = clusterStories([QUAKE_A, QUAKE_B]).rows();
    expect(readStoryRows(JSON.parse(JSON.stringify(rows)))).toHaveLength(2);
    const old = rows.map((r) => ({ ...r, features: { ...r.features, figures: undefined } }));
    expect(() => readStoryRows(JSON.parse(JSON.stringify(old)))).toThrow(/rebuild/);
    expect(StoryIndex.fromRows(old).stories()).toHaveLength(clusterStories([QUAKE_A, QUAKE_B]).stories().length);
  });

  it('rows are plain JSON and replay to the same stories', () => {
    const articles = [QUAKE_A, QUAKE_B, BUDGET_MARCH, RESIGN_SEPT, QUAKE_FR, ...background(8)];
    const index = clusterStories(articles);
    const rows = JSON.parse(JSON.stringify(index.rows()));
    const again = StoryIndex.fromRows(rows);
    expect(again.stories()).toEqual(index.stories());
    expect(again.rows()).toEqual(index.rows());
  });

  it('adding articles one at a time gives the batch result, late earlier-dated ones included', () => {
    const articles = [RESIGN_SEPT, QUAKE_B, ...background(8), BUDGET_MARCH, QUAKE_A];
    const index = new StoryIndex();
    for (const a of articles) {
      index.add(a);
      index.stories(); // read between additions: processed incrementally, replayed when out of order
    }
    expect(index.stories()).toEqual(clusterStories(articles).stories());
    expect(index.size).toBe(articles.length);
  });

  it('ignores an article added twice', () => {
    const index = clusterStories([QUAKE_A, QUAKE_A, QUAKE_B]);
    expect(index.rows()).toHaveLength(2);
  });

  it('copes with empty and odd articles', () => {
    const index = clusterStories([
      storyInput('empty', { text: '' }),
      storyInput('digits', { text: '1 2 3 ... !!!', published: 'not a date' }),
      storyInput('emoji', { text: '🙂🙂 ✓', language: null }),
    ]);
    expect(index.stories().flatMap((s) => s.articles).sort()).toEqual(['digits', 'emoji', 'empty']);
  });
});

describe('stories: lemmas', () => {
  it.each([
    ['killed', 'kill'],
    ['killing', 'kill'],
    ['kills', 'kill'],
    ['countries', 'country'],
    ['stopped', 'stop'],
    ['running', 'run'],
    ['famous', 'famous'],
    ['crisis', 'crisis'],
    ['agreed', 'agreed'],
  ])('%s -> %s', (word, expected) => {
    expect(lemma(word)).toBe(expected);
  });
});
