import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeArticle, publishedOn } from '../../../../test/support/article.js';
import { BENCH_DIR, HAS_SHARED } from '../../../../test/support/shared.js';
import { extractDates } from '../../dates/extract.js';
import { refFromPublished } from '../../dates/candidate.js';
import { inferPublished, type PublishedInput } from './index.js';

/*
 * Leave-one-out on BASIL's tuning split (2010-2016; three outlets per event, all dated): hide one article's date
 * and infer it from the other two. Real articles are full of dates and weekdays that are not their publish day,
 * so the guard is precision: a wrong inferred date is worse than none.
 */

interface BasilDoc {
  title: string;
  date: string;
  source: string;
  'triplet-uuid': string;
  'body-paragraphs': string[][];
}

describe.skipIf(!HAS_SHARED)('inferPublished on BASIL (tuning split, leave one out)', () => {
  it('infers no wrong publish date', () => {
    const dir = join(BENCH_DIR, 'basil', 'articles');
    const wrong: string[] = [];
    let hidden = 0;
    for (const year of ['2010', '2011', '2012', '2013', '2014', '2015', '2016']) {
      const triplets = new Map<string, BasilDoc[]>();
      for (const f of readdirSync(join(dir, year)).filter((x) => x.endsWith('.json')).sort()) {
        const d = JSON.parse(readFileSync(join(dir, year, f), 'utf8')) as BasilDoc;
        triplets.set(d['triplet-uuid'], [...(triplets.get(d['triplet-uuid']) ?? []), d]);
      }
      for (const docs of triplets.values()) {
        const articles = docs.map((d) => makeArticle([d.title, ...d['body-paragraphs'].map((p) => p.join(' '))].join('\n\n'), { outlet: d.source.toLowerCase(), published: publishedOn(d.date) }));
        const dated: PublishedInput[] = articles.map((a) => ({ article: a, dates: extractDates(a.text, refFromPublished(a.published)) }));
        articles.forEach((a, k) => {
          hidden++;
          const undated = { ...a, published: null };
          const inputs = dated.map((x, i) => (i === k ? { article: undated, dates: extractDates(undated.text, refFromPublished(null)) } : x));
          const p = inferPublished(inputs).get(a.id);
          if (p && p.value !== docs[k]?.date) wrong.push(`${docs[k]?.date} inferred ${p.value}: ${p.why}`);
        });
      }
    }
    expect(hidden).toBe(210);
    expect(wrong).toEqual([]);
  }, 30_000);
});
