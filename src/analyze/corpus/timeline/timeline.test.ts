import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../domain/corpus.js';
import { buildTimeline, storyTimeline, timelinesByStory, type TimelineArticleInput } from './index.js';
import { articleInput as art } from './test-inputs.js';
import { compatible, parseValue } from './values.js';

const oneStory = { storyOf: () => 's1' };
const docs = (e: TimelineEntry) => [...new Set(e.sources.map((s) => s.source.articleId))].sort();
const withSources = (entries: TimelineEntry[], n: number) => entries.filter((e) => e.sources.length === n);

describe('values', () => {
  it.each([
    ['2022-09-07', '2022-09-07', '2022-09-07'],
    ['2022-09-07T21:25', '2022-09-07', '2022-09-07'],
    ['2018-07', '2018-07-01', '2018-07-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2016', '2016-01-01', '2016-12-31'],
    ['198X', '1980-01-01', '1989-12-31'],
    ['2016-SU', '2016-06-01', '2016-08-31'],
    ['2016-WI', '2016-12-01', '2017-02-28'],
    ['2020-Q2', '2020-04-01', '2020-06-30'],
    ['2021-W01', '2021-01-04', '2021-01-10'],
    ['1980/1988', '1980-01-01', '1988-12-31'],
    ['2022-05/2022-06', '2022-05-01', '2022-06-30'],
  ])('%s -> %s .. %s', (v, start, end) => {
    expect(parseValue(v)?.range).toEqual({ start, end });
  });

  it.each(['P10Y', 'PXY', 'PRESENT_REF', 'PAST_REF', 'XXXX-WXX-5', 'XXXX-XX-XX', '2016-13', 'nonsense', '1990/1980'])('%s is not kept', (v) => {
    expect(parseValue(v)).toBeNull();
  });

  it.each([
    ['2016', '2016-12', true],
    ['2016-12', '2016-12-05', true],
    ['2016', '2014', false],
    ['2016-11', '2016-12-05', false],
    ['XXXX-06-20', '2023-06-20', true],
    ['XXXX-06-20', '2023', true],
    ['XXXX-06-20', '2023-06', true],
    ['XXXX-06-20', '2023-06-21', false],
    ['XXXX-06-20', 'XXXX-06', true],
    ['198X', '1986', true],
    ['1980/1988', '1984', true],
    ['1980/1988', '1979', false],
  ])('compatible(%s, %s) = %s', (a, b, yes) => {
    expect(compatible(parseValue(a)!, parseValue(b)!)).toBe(yes);
    expect(compatible(parseValue(b)!, parseValue(a)!)).toBe(yes);
  });
});

describe('merging mentions into events', () => {
  it('merges the same event told in different words by two articles', () => {
    const a = art('a', 'Norland on Wednesday cut diplomatic ties with Ostmark, accusing it of a cyberattack on its ministries.', [['Wednesday', '2024-03-06']]);
    const b = art('b', 'On March 6, Norland severed its diplomatic ties with Ostmark after months of tension.', [['March 6', '2024-03-06']]);
    const t = buildTimeline([a, b], oneStory);
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ date: '2024-03-06', start: '2024-03-06', end: '2024-03-06', conflict: false, story: 's1' });
    expect(docs(t[0]!)).toEqual(['a', 'b']);
    expect(t[0]!.event).toMatch(/diplomatic ties with Ostmark/);
  });

  it('merges a year-only mention into the exact day, keeping the day', () => {
    const a = art('a', 'The dam at Kessel collapsed in 2019 after weeks of heavy rain.', [['2019', '2019']]);
    const b = art('b', 'The Kessel dam collapsed on 14 May 2019, flooding three villages downstream.', [['14 May 2019', '2019-05-14']]);
    const [e, ...rest] = buildTimeline([a, b], oneStory);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ date: '2019-05-14', start: '2019-05-14', end: '2019-05-14', conflict: false, dates: ['2019', '2019-05-14'] });
    expect(e!.sources.map((s) => s.value).sort()).toEqual(['2019', '2019-05-14']);
  });

  it('gives a year-less day the year of a mention of the same event', () => {
    const a = art('a', 'Police raided the Varo camp on June 20, seizing computers and phones.', [['June 20', 'XXXX-06-20']]);
    const b = art('b', 'Clashes erupted on Tuesday after police raided the Varo camp and seized computers.', [['Tuesday', '2023-06-20']]);
    const t = buildTimeline([a, b], oneStory);
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ date: '2023-06-20', start: '2023-06-20', conflict: false });
    expect(t[0]!.dates).toEqual(['2023-06-20', 'XXXX-06-20']);
  });

  it('refines a year-less day with a year-only mention', () => {
    const a = art('a', 'Police raided the Varo camp on June 20, seizing computers and phones.', [['June 20', 'XXXX-06-20']]);
    const b = art('b', 'In 2023 police raided the Varo camp and seized computers.', [['2023', '2023']]);
    expect(buildTimeline([a, b], oneStory).map((e) => e.date)).toEqual(['2023-06-20']);
  });

  it('keeps a year-less day alone at the end of the timeline', () => {
    const a = art('a', 'The Ferro bridge opened in 2001. Police raided the Varo camp on June 20.', [['2001', '2001'], ['June 20', 'XXXX-06-20']]);
    const t = buildTimeline([a], oneStory);
    expect(t.map((e) => [e.date, e.start, e.end])).toEqual([['2001', '2001-01-01', '2001-12-31'], ['XXXX-06-20', 'XXXX-06-20', 'XXXX-06-20']]);
  });

  it('flags two years given for the same event as a conflict', () => {
    const a = art('a', 'Norland took in 3,000 members of the Kestrel movement in 2016 at the request of Ostmark.', [['2016', '2016']]);
    const b = art('b', 'Norland took in 3,000 members of the Kestrel movement in 2014 at the request of Ostmark.', [['2014', '2014']]);
    const t = buildTimeline([a, b], oneStory);
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ conflict: true, dates: ['2014', '2016'] });
    expect(docs(t[0]!)).toEqual(['a', 'b']);
  });

  it('flags only values of one precision: a year against another month is two entries, not a conflict', () => {
    const a = art('a', 'Norland took in 3,000 members of the Kestrel movement in May 2016 at the request of Ostmark.', [['May 2016', '2016-05']]);
    const b = art('b', 'Norland took in 3,000 members of the Kestrel movement in 2014 at the request of Ostmark.', [['2014', '2014']]);
    const t = buildTimeline([a, b], oneStory);
    expect(t.map((e) => [e.date, e.conflict])).toEqual([['2014', false], ['2016-05', false]]);
  });

  it('does not flag a qualified value ("about ten years ago") as a conflict', () => {
    const a = art('a', 'Norland took in 3,000 members of the Kestrel movement in 2016 at the request of Ostmark.', [['2016', '2016']]);
    const b = art('b', 'Norland took in 3,000 members of the Kestrel movement about ten years ago at the request of Ostmark.', [['about ten years ago', '2014', { mod: 'APPROX' }]]);
    expect(buildTimeline([a, b], oneStory).map((e) => e.conflict)).toEqual([false, false]);
  });

  it('does not merge different events on the same day', () => {
    const a = art('a', 'On 3 April 2021 the parliament of Norland passed the budget after a long debate.', [['3 April 2021', '2021-04-03']], { entities: [['Norland', 'Norland', 'LOC']] });
    const b = art('b', 'On 3 April 2021 a fire destroyed the old cathedral in Norland.', [['3 April 2021', '2021-04-03']], { entities: [['Norland', 'Norland', 'LOC']] });
    const t = buildTimeline([a, b], oneStory);
    expect(t).toHaveLength(2);
    expect(t.every((e) => !e.conflict && e.sources.length === 1)).toBe(true);
  });

  it('does not merge dates of one sentence, nor flag them', () => {
    const a = art('a', 'The expulsion of two diplomats in January 2020; and the speech of the minister in January 2020 showed the rift.', [
      ['January 2020', '2020-01'],
      ['January 2020', '2020-01'],
    ]);
    expect(withSources(buildTimeline([a], oneStory), 1)).toHaveLength(2);
  });

  it('leaves durations, sets, references and unresolved weekdays off the timeline', () => {
    const a = art('a', 'For ten years the group has lived there. It now meets every year, and met on Friday. It moved recently.', [
      ['ten years', 'P10Y'],
      ['now', 'PRESENT_REF'],
      ['every year', 'P1Y', { type: 'SET' }],
      ['Friday', 'XXXX-WXX-5'],
      ['recently', 'PAST_REF'],
    ]);
    expect(buildTimeline([a], oneStory)).toEqual([]);
  });

  it('leaves a dateline off the timeline but keeps the day of the news', () => {
    const a = art('a', 'OSTA, Sept. 7 (Wire) - Norland on Wednesday severed diplomatic ties with Ostmark.', [
      ['Sept. 7', '2022-09-07'],
      ['Wednesday', '2022-09-07'],
    ]);
    const t = buildTimeline([a], oneStory);
    expect(t.map((e) => e.sources.map((s) => s.source.text))).toEqual([['Wednesday']]);
  });

  it('leaves a metadata line off the timeline', () => {
    const a = art('a', 'Publish Date : 07 September 2022 - 21:25\nNorland severed ties with Ostmark in 2022.', [
      ['07 September 2022', '2022-09-07'],
      ['2022', '2022'],
    ]);
    expect(buildTimeline([a], oneStory).map((e) => e.date)).toEqual(['2022']);
  });

  it('joins a range of two dates into one interval', () => {
    const a = art('a', 'They sided with Ostmark during the 1980-88 war against Norland.', [['1980', '1980'], ['88', '1988']]);
    const b = art('b', 'Officials met in the capital in May and June 2022 to sign the pact.', [['May', '2022-05'], ['June 2022', '2022-06']]);
    const t = buildTimeline([a, b], oneStory);
    expect(t.map((e) => [e.date, e.start, e.end, e.sources[0]!.source.text])).toEqual([
      ['1980/1988', '1980-01-01', '1988-12-31', '1980-88'],
      ['2022-05/2022-06', '2022-05-01', '2022-06-30', 'May and June 2022'],
    ]);
  });

  it('dates the event of "five days after <event>" from the sentence that dates the report', () => {
    const a = art('a', 'The families published a letter on Monday. The letter was issued five days after Norland cut diplomatic ties with Ostmark.', [
      ['Monday', '2022-09-12'],
      ['five days', 'P5D', { anchor: 'event', evidence: '5 day(s) after "Norland cut diplomatic ties with Ostmark"' }],
    ]);
    const b = art('b', 'Norland on Wednesday severed diplomatic ties with Ostmark.', [['Wednesday', '2022-09-07']]);
    const t = buildTimeline([a, b], oneStory);
    const cut = t.find((e) => e.date === '2022-09-07');
    expect(cut && docs(cut)).toEqual(['a', 'b']);
    expect(cut!.sources.find((s) => s.source.articleId === 'a')!.source).toMatchObject({ text: 'Norland cut diplomatic ties with Ostmark', rule: 'timeline/event-anchor', findingId: 'a:dates:1' });
    expect(t.map((e) => e.date)).toEqual(['2022-09-07', '2022-09-12']);
  });

  it('describes an event in the source words, without the date', () => {
    const a = art('a', 'Norland took in around 3,000 members of the group in 2016 at the request of Ostmark, after the group was disowned.', [['2016', '2016']]);
    const [e] = buildTimeline([a], oneStory);
    expect(e!.event).toBe('Norland took in around 3,000 members of the group at the request');
    for (const w of e!.event.split(/\s+/).filter((x) => x !== '…')) expect(a.text).toContain(w);
  });
});

describe('stories', () => {
  const a = art('a', 'Norland on Wednesday cut diplomatic ties with Ostmark over a cyberattack.', [['Wednesday', '2024-03-06']]);
  const b = art('b', 'On March 6, Norland severed diplomatic ties with Ostmark.', [['March 6', '2024-03-06']]);
  const c = art('c', 'A flood hit the Tarrow valley in 2019, destroying farms.', [['2019', '2019']]);
  const inputs: TimelineArticleInput[] = [a, b, c];

  it('gives an entry the story of its sources, and null when they span stories', () => {
    const same = buildTimeline(inputs, { storyOf: (id) => (id === 'c' ? 's2' : 's1') });
    expect(same.map((e) => [e.date, e.story])).toEqual([['2019', 's2'], ['2024-03-06', 's1']]);
    const split = buildTimeline(inputs, { storyOf: (id) => (id === 'a' ? 's1' : id === 'b' ? 's3' : null) });
    expect(split.map((e) => [e.date, e.story])).toEqual([['2019', null], ['2024-03-06', null]]);
  });

  it('cuts the corpus timeline per story', () => {
    const t = buildTimeline(inputs, { storyOf: (id) => (id === 'c' ? 's2' : 's1') });
    expect(storyTimeline(t, 's1').map((e) => e.date)).toEqual(['2024-03-06']);
    expect([...timelinesByStory(t).keys()].sort()).toEqual(['s1', 's2']);
  });

  it('sorts by start, then by end', () => {
    const d = art('d', 'The mill closed in 2016. The school opened in January 2016. The port froze in March 2016.', [
      ['2016', '2016'],
      ['January 2016', '2016-01'],
      ['March 2016', '2016-03'],
    ]);
    expect(buildTimeline([d], oneStory).map((e) => e.date)).toEqual(['2016-01', '2016', '2016-03']);
  });
});

describe('descriptions', () => {
  it('falls back to the sentence when the clause holds nothing but the date', () => {
    const a = art('a', 'Founded: 1998.', [['1998', '1998']]);
    expect(buildTimeline([a], oneStory).map((e) => e.event)).toEqual(['Founded 1998']);
  });
});
