import { describe, expect, it } from 'vitest';
import { makeArticle, publishedOn } from '../../../../test/support/article.js';
import type { Article } from '../../../domain/article.js';
import { extractDates } from '../../dates/extract.js';
import { refFromPublished } from '../../dates/candidate.js';
import { inferPublished, type PublishedInput } from './index.js';
import { constraintOf } from './match.js';
import { clauseAround, contentWords } from './words.js';

// All names invented. 2031-03-04 is a Tuesday, 2031-03-10 a Monday, 2031-06-20 a Friday.

function input(article: Article): PublishedInput {
  return { article, dates: extractDates(article.text, refFromPublished(article.published)) };
}

function run(articles: Article[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, p] of inferPublished(articles.map(input))) out.set(id, p.value);
  return out;
}

const wire = makeArticle('KELBY (Wire) – Police in Kelby detained dozens of people on Tuesday as farmers marched along the canal road.', {
  published: publishedOn('2031-03-04T18:00'),
  outlet: 'Wire',
});
const ban = makeArticle(
  'KELBY (Wire) – The cabinet on Monday banned the Grain Union, six days after police broke up a march by its members in Kelby.',
  { published: publishedOn('2031-03-10T16:00'), outlet: 'Wire' },
);
const monitor = makeArticle('Field Rights Monitor has counted more than 90 arrests in Kelby after the march by the Grain Union.', {
  published: publishedOn('2031-03-05T10:00'),
  outlet: 'Field Rights Monitor – Alerts',
});
const blogText =
  "Two days after police broke up Tuesday's march in Kelby, the two accounts still do not meet.\n\nField Rights Monitor said yesterday that it had counted more than 90 arrests, and I believe them.\n\nOn Wednesday the minister spoke on the evening news again.";

describe('inferPublished: anchor phrases that name a day', () => {
  it.each([
    ['all four articles', [wire, ban, monitor], '2031-03-06'],
    ['without the wire report of the march (only the derived date)', [ban, monitor], '2031-03-06'],
    ['without the monitor statement (no "yesterday" confirmation)', [wire, ban], '2031-03-06'],
  ])('a blog post "two days after Tuesday\'s march" is the Thursday: %s', (_label, others, want) => {
    const blog = makeArticle(blogText);
    expect(run([...others, blog]).get(blog.id)).toBe(want);
  });

  it('does not take the day of a sentence whose matching words sit in its own "six days after" phrase', () => {
    // Before: "Monday" (2031-03-10) in the ban sentence matched the march words -> 2031-03-12.
    const blog = makeArticle('Two days after police broke up the march in Kelby, the two accounts still do not meet.');
    expect(run([ban, blog]).get(blog.id)).toBe('2031-03-06');
  });

  it('explains the weekday, the derivation and the confirmation in why', () => {
    const blog = makeArticle(blogText);
    const p = inferPublished([wire, ban, monitor, blog].map(input)).get(blog.id);
    expect(p?.why).toMatch(/Tuesday/);
    expect(p?.why).toMatch(/2031-03-04/);
    expect(p?.why).toMatch(/confirmed by "yesterday"/);
    expect(p?.source).toBe('inferred');
  });

  it('rejects candidates on another weekday than the phrase names', () => {
    const vote = makeArticle('The council on Monday voted to close the Tarn river crossing at Oskby.', { published: publishedOn('2031-03-10') });
    const post = makeArticle("Three days after Friday's vote to close the Tarn river crossing at Oskby, traffic is still heavy.");
    expect(run([vote, post]).size).toBe(0);
    const monday = makeArticle("Three days after Monday's vote to close the Tarn river crossing at Oskby, traffic is still heavy.");
    expect(run([vote, monday]).get(monday.id)).toBe('2031-03-13');
  });

  it('a day named in the phrase picks the event on that day', () => {
    const raid = makeArticle('Officers raided the Velmar printing house in Ostby on June 20, seizing leaflets.', { published: publishedOn('2031-06-21') });
    const second = makeArticle('Officers raided the Velmar printing house in Ostby again on June 25.', { published: publishedOn('2031-06-26') });
    const post = makeArticle('A week after the June 20 raid on the Velmar printing house in Ostby, the presses are silent.');
    expect(run([raid, second, post]).get(post.id)).toBe('2031-06-27');
  });

  it('a weekday in the anchor sentence outside the phrase must be the result', () => {
    const vote = makeArticle('On Tuesday the Lorn assembly approved the harbour levy for Dunmere.', { published: publishedOn('2031-03-04') });
    const ok = makeArticle('The letter, published on Thursday, came two days after the Lorn assembly approved the harbour levy.');
    const bad = makeArticle('The letter, published on Friday, came two days after the Lorn assembly approved the harbour levy.');
    expect(run([vote, ok]).get(ok.id)).toBe('2031-03-06');
    expect(run([vote, bad]).size).toBe(0);
  });
});

describe('inferPublished: must not infer', () => {
  it('two candidates on different days matching comparably: ambiguous', () => {
    const a = makeArticle('On Monday the Brask miners walked out of the Tell pit over unpaid wages.', { published: publishedOn('2031-03-10') });
    const b = makeArticle('On Tuesday the Brask miners walked out of the Tell pit again.', { published: publishedOn('2031-03-04') });
    const post = makeArticle('Four days after the Brask miners walked out of the Tell pit over wages, talks resumed.');
    expect(run([a, b, post]).size).toBe(0);
    // Either one alone dates the post: it is the pair that makes it ambiguous.
    expect(run([a, post]).get(post.id)).toBe('2031-03-14');
    expect(run([b, post]).get(post.id)).toBe('2031-03-08');
  });

  it('two candidates on the named weekday but different weeks: ambiguous', () => {
    const a = makeArticle('On Tuesday the Brask miners walked out of the Tell pit.', { published: publishedOn('2031-03-04') });
    const b = makeArticle('On Tuesday the Brask miners walked out of the Tell pit.', { published: publishedOn('2031-03-11') });
    const post = makeArticle("Two days after Tuesday's walkout by the Brask miners at the Tell pit, talks resumed.");
    expect(run([a, b, post]).size).toBe(0);
    expect(run([b, post]).get(post.id)).toBe('2031-03-13');
  });

  it('"yesterday" on a statement dated elsewhere refutes the anchor', () => {
    const late = makeArticle('Field Rights Monitor has counted more than 90 arrests in Kelby after the march by the Grain Union.', {
      published: publishedOn('2031-03-08T10:00'),
      outlet: 'Field Rights Monitor',
    });
    const blog = makeArticle(blogText);
    expect(run([wire, ban, late, blog]).size).toBe(0);
  });

  it('news of a late-night event is not taken as published that day', () => {
    const report = makeArticle('The Dunmere Ledger reported on Tuesday that the port authority had sold the north quay.', { published: publishedOn('2031-03-04') });
    const post = makeArticle('Late Thursday night, two days after the Dunmere Ledger reported the quay sale, the authority resigned.');
    expect(run([report, post]).size).toBe(0);
    const day = makeArticle('On Thursday, two days after the Dunmere Ledger reported the quay sale, the authority resigned.');
    expect(run([report, day]).get(day.id)).toBe('2031-03-06');
  });

  it('a date written with its year does not fix the week of the weekday mentions', () => {
    // 2025-03-04 is a Tuesday: "on Tuesday" could be that day or any Tuesday since.
    const post = makeArticle('The treaty was signed on March 4, 2025. On Tuesday the Lorn assembly debated it again.');
    expect(run([post]).size).toBe(0);
  });

  it('a day-naming phrase still needs three of its words (or all, when shorter)', () => {
    const a = makeArticle('On Monday police in Kelby arrested a man outside the bakery.', { published: publishedOn('2031-03-10') });
    const post = makeArticle("Two days after Monday's police raid in Kelby, the bakery reopened.");
    expect(run([a, post]).size).toBe(0);
  });

  it('a too weak match (one shared word) dates nothing', () => {
    const a = makeArticle('On Tuesday police in Kelby closed the old bridge.', { published: publishedOn('2031-03-04') });
    const post = makeArticle("Two days after Tuesday's march in Kelby, nobody agrees.");
    expect(run([a, post]).size).toBe(0);
  });
});

describe('published helpers', () => {
  it.each([
    ["police broke up Tuesday's march", [2], []],
    ['the June 20 raid', [], [{ m: 6, d: 20 }]],
    ['the raid of 3 March', [], [{ m: 3, d: 3 }]],
    ['the march on the capital', null, null],
  ])('constraintOf(%j)', (phrase, weekdays, monthDays) => {
    const c = constraintOf(phrase);
    if (weekdays === null) expect(c).toBeNull();
    else {
      expect([...(c?.weekdays ?? [])]).toEqual(weekdays);
      expect(c?.monthDays).toEqual(monthDays);
    }
  });

  it('content words: light stems, no weekday names, numbers kept', () => {
    expect([...contentWords("Police arrested 200 marchers after Tuesday's march")].sort()).toEqual(['200', 'arrest', 'march', 'marcher', 'police'].sort());
  });

  it('the clause around "yesterday" stops at the next clause once it has enough words', () => {
    const t = 'Rights Monitor said yesterday that it had counted 90 arrests, and having seen the vans I believe them.';
    const at = t.indexOf('yesterday');
    expect(clauseAround(t, at, at + 9)).toBe('Rights Monitor said yesterday that it had counted 90 arrests,');
  });
});
