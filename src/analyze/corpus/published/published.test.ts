import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../../test/support/article.js';
import { HAS_SHARED, SEEDS_DIR } from '../../../../test/support/shared.js';
import type { Article } from '../../../domain/article.js';
import type { DateFinding } from '../../../domain/findings.js';
import { extractDates } from '../../dates/extract.js';
import { refFromPublished } from '../../dates/candidate.js';
import { inferPublished, type PublishedInput } from './index.js';

function input(article: Article): PublishedInput {
  return { article, dates: extractDates(article.text, refFromPublished(article.published)) };
}

const SEED_002_PUBLISHED: Article['published'] = { value: '2022-09-07T21:25', precision: 'minute', source: 'header-line', utcOffset: null, raw: '07 September 2022 - 21:25' };

function seedInputs(): Map<string, PublishedInput> {
  const out = new Map<string, PublishedInput>();
  for (const file of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.replace(/\.txt$/, '');
    const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
    out.set(name, input(makeArticle(text, { source: file, published: name.startsWith('002_') ? SEED_002_PUBLISHED : null })));
  }
  return out;
}

interface Expected {
  documents: Record<string, { published_inferred?: { value: string; why: string } }>;
  timeline: { must: { event: string; date: string; docs: string[] }[]; should: { event: string; date: string; docs: string[] }[] };
}

describe.skipIf(!HAS_SHARED)('inferPublished on the seed corpus', () => {
  const expected = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')) as Expected;
  const seeds = seedInputs();
  const inferred = inferPublished([...seeds.values()]);

  it('infers the two published_inferred values, flagged as inferred with the reasoning', () => {
    const wanted = Object.entries(expected.documents).filter(([, d]) => d.published_inferred);
    expect(wanted.length).toBe(2);
    for (const [name, d] of wanted) {
      const id = seeds.get(name)?.article.id ?? '';
      const p = inferred.get(id);
      expect(p?.value, name).toBe(d.published_inferred?.value);
      expect(p?.source).toBe('inferred');
      expect(p?.precision).toBe('day');
      expect(p?.why?.length).toBeGreaterThan(20);
    }
    const letter = inferred.get(seeds.get('000_721082ba6efb9532')?.article.id ?? '');
    expect(letter?.why).toMatch(/five days/);
    expect(letter?.why).toMatch(/2022-09-07/);
    expect(letter?.why).toMatch(/Monday/);
    const tweets = inferred.get(seeds.get('004_38cd81c15b57a8d4')?.article.id ?? '');
    expect(tweets?.why).toMatch(/June 20/);
    expect(tweets?.why).toMatch(/Tuesday/);
  });

  it('infers nothing for articles without consistent evidence, and nothing for dated articles', () => {
    expect(inferred.size).toBe(2);
  });

  it('is invariant under input order', () => {
    const reversed = inferPublished([...seeds.values()].reverse());
    expect([...reversed.entries()].sort()).toEqual([...inferred.entries()].sort());
  });

  it('states the explicit timeline dates with the right value and granularity', () => {
    // Each timeline date that an article states in so many words (a year, a month and year, a weekday with the
    // publish date known, a year-less day with weekday evidence) must come out of that article.
    const stated: [string, string][] = [
      ['002_7bcc9a3caa5a6677', '2022-09-07'],
      ['002_7bcc9a3caa5a6677', '2022-07'],
      ['002_7bcc9a3caa5a6677', '2012'],
      ['003_f4ecfa3ec1a7ab45', '2012'],
      ['002_7bcc9a3caa5a6677', '2016'],
      ['003_f4ecfa3ec1a7ab45', '2016'],
      ['004_38cd81c15b57a8d4', '2016'],
      ['002_7bcc9a3caa5a6677', '1986'],
      ['001_0b0e11553222d878', '2022-05'],
      ['001_0b0e11553222d878', '2022-06'],
      ['004_38cd81c15b57a8d4', '2023-06-20'],
      ['001_0b0e11553222d878', '2016-12'],
      ['001_0b0e11553222d878', '2018-07'],
      ['001_0b0e11553222d878', '2018-12'],
      ['004_38cd81c15b57a8d4', '2014'],
      ['002_7bcc9a3caa5a6677', '1980'],
      ['002_7bcc9a3caa5a6677', '1988'],
      ['004_38cd81c15b57a8d4', '1980'],
      ['004_38cd81c15b57a8d4', '1988'],
    ];
    const all = [...expected.timeline.must, ...expected.timeline.should];
    for (const [doc, value] of stated) {
      expect(all.some((t) => t.docs.includes(doc) && t.date.split('/').some((d) => d === value || value.startsWith(d.slice(0, 7)))), `${doc} ${value} is in expected.json`).toBe(true);
      const values = (seeds.get(doc)?.dates ?? []).map((f: DateFinding) => f.data.value);
      expect(values, doc).toContain(value);
    }
  });
});

describe('inferPublished: never a silent guess', () => {
  it('returns nothing when the anchored event has two different dates in the corpus', () => {
    const a = makeArticle('The ministry said on Monday the talks collapsed in Geneva after the delegation walked out.', { published: { value: '2022-09-07', precision: 'day', source: 'input', utcOffset: null, raw: null } });
    const b = makeArticle('On Tuesday the talks collapsed in Geneva after the delegation walked out.', { published: { value: '2022-09-20', precision: 'day', source: 'input', utcOffset: null, raw: null } });
    const c = makeArticle('The statement came three days after the talks collapsed in Geneva.');
    const out = inferPublished([a, b, c].map(input));
    expect(out.size).toBe(0);
  });
  it('returns nothing when the shifted day contradicts a weekday the article names', () => {
    const a = makeArticle('On Wednesday Albania severed diplomatic ties with Tehran.', { published: { value: '2022-09-07', precision: 'day', source: 'input', utcOffset: null, raw: null } });
    const c = makeArticle('The letter, published on Friday, came five days after Albania cut diplomatic ties with Iran.');
    expect(inferPublished([a, c].map(input)).size).toBe(0);
  });
});
