import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePublished, publishedFromUrl, publishedInstant } from './published.js';

type Row = readonly [raw: string, value: string, precision: string, offset: number | null];

const CASES: readonly Row[] = [
  // ISO 8601
  ['2022-09-07', '2022-09-07', 'day', null],
  ['2022-09', '2022-09', 'month', null],
  ['2022', '2022', 'year', null],
  ['2022-09-07T21:25', '2022-09-07T21:25', 'minute', null],
  ['2022-09-07T21:25:00Z', '2022-09-07T21:25', 'minute', 0],
  ['2022-09-07T21:25:00.123+04:30', '2022-09-07T21:25', 'minute', 270],
  ['2022-09-07T21:25:00-0300', '2022-09-07T21:25', 'minute', -180],
  ['2022-09-07 21:25:00 +03', '2022-09-07T21:25', 'minute', 180],
  ['2022-09-07T21:25:00+03:00', '2022-09-07T21:25', 'minute', 180],
  ['20220907', '2022-09-07', 'day', null],
  ['20220907T212500Z', '2022-09-07T21:25', 'minute', 0],
  // RFC 822 / 1123
  ['Wed, 07 Sep 2022 21:25:00 GMT', '2022-09-07T21:25', 'minute', 0],
  ['Wed, 7 Sep 2022 21:25:00 +0300', '2022-09-07T21:25', 'minute', 180],
  ['Wed, 07 Sep 2022 17:25:00 EST', '2022-09-07T17:25', 'minute', -300],
  ['Wed, 07 Sep 2022 17:25:00 EDT', '2022-09-07T17:25', 'minute', -240],
  ['Wed, 07 Sep 2022 17:25 UT', '2022-09-07T17:25', 'minute', 0],
  ['Wed, 07 Sep 2022 17:25:00 IST', '2022-09-07T17:25', 'minute', null],
  // European languages
  ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T19:42', 'minute', -180],
  ['24 de setembro de 2018 às 19:42', '2018-09-24T19:42', 'minute', null],
  ['miércoles, 7 de septiembre de 2022', '2022-09-07', 'day', null],
  ['mar, 24 sep 2019 10:00:00 +0200', '2019-09-24T10:00', 'minute', 120],
  ['le 7 septembre 2022 à 21h25', '2022-09-07T21:25', 'minute', null],
  ['1er août 2021', '2021-08-01', 'day', null],
  ['Mittwoch, 7. September 2022, 21:25 Uhr', '2022-09-07T21:25', 'minute', null],
  ['7. März 2022', '2022-03-07', 'day', null],
  ['7 settembre 2022 ore 21:25', '2022-09-07T21:25', 'minute', null],
  ['7 сентября 2022 г., 21:25', '2022-09-07T21:25', 'minute', null],
  ['07 вересня 2022', '2022-09-07', 'day', null],
  ['7 września 2022', '2022-09-07', 'day', null],
  ['7 Eylül 2022', '2022-09-07', 'day', null],
  ['duminică, 20 septembrie 2020 16:20', '2020-09-20T16:20', 'minute', null],
  ['الأربعاء، 07 أكتوبر 2020 - 12:09 م', '2020-10-07T12:09', 'minute', null],
  ['تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً', '2020-04-24T21:22', 'minute', null],
  ['5 كانون الثاني 2021', '2021-01-05', 'day', null],
  // Solar Hijri (Persian calendar), converted
  ['۱۶ شهریور ۱۴۰۱', '2022-09-07', 'day', null],
  ['چهارشنبه ۱۶ شهریور ۱۴۰۱ - ۲۱:۲۵', '2022-09-07T21:25', 'minute', null],
  ['2 تير 1399 - 12:09', '2020-06-22T12:09', 'minute', null],
  ['۱ فروردین ۱۴۰۳', '2024-03-20', 'day', null],
  ['۳۰ اسفند ۱۴۰۳', '2025-03-20', 'day', null],
  ['۱۰ دی ۱۴۰۱', '2022-12-31', 'day', null],
  // English prose forms
  ['07 September 2022 - 21:25', '2022-09-07T21:25', 'minute', null],
  ['Publish Date : 07 September 2022 - 21:25', '2022-09-07T21:25', 'minute', null],
  ['September 7, 2022', '2022-09-07', 'day', null],
  ['Sept. 7, 2022', '2022-09-07', 'day', null],
  ['September 7th, 2022 at 9:25 pm EDT', '2022-09-07T21:25', 'minute', -240],
  ['7 Sep 2022, 9:25 AM', '2022-09-07T09:25', 'minute', null],
  ['12:30 PM, Sep 7, 2022', '2022-09-07T12:30', 'minute', null],
  ['Updated: September 7, 2022 21:25 GMT+3', '2022-09-07T21:25', 'minute', 180],
  ['September 2022', '2022-09', 'month', null],
  ['5:30 AM ET, Tue November 19, 2019', '2019-11-19T05:30', 'minute', null],
  ['Nov. 19, 2019 11:04 PM EST', '2019-11-19T23:04', 'minute', -300],
  ['2019-11-19 13:03:00 UTC', '2019-11-19T13:03', 'minute', 0],
  ['Wednesday 7 September 2022', '2022-09-07', 'day', null],
  // numeric
  ['7.9.2022', '2022-09-07', 'day', null],
  ['07.09.2022 21:25', '2022-09-07T21:25', 'minute', null],
  ['2022/09/07', '2022-09-07', 'day', null],
  ['2022.09.07', '2022-09-07', 'day', null],
  ['07-09-2022', '2022-09-07', 'day', null],
  ['25/09/2022', '2022-09-25', 'day', null],
  ['09/25/2022', '2022-09-25', 'day', null],
  ['07/07/2022', '2022-07-07', 'day', null],
  // CJK
  ['2022年9月7日', '2022-09-07', 'day', null],
  ['2022年09月07日 21:25', '2022-09-07T21:25', 'minute', null],
  ['2022년 9월 7일', '2022-09-07', 'day', null],
  // digits of other scripts
  ['۲۰۲۲-۰۹-۰۷', '2022-09-07', 'day', null],
  // unix timestamps (UTC)
  ['1662585900', '2022-09-07T21:25', 'minute', 0],
  ['1662585900000', '2022-09-07T21:25', 'minute', 0],
];

const MUST_NOT_PARSE: readonly string[] = [
  '',
  '   ',
  'yesterday',
  '2 hours ago',
  'Sep 7',
  '03/04/2022',
  '07.09.22',
  '2022-13-01',
  '2022-02-30',
  '31 April 2022',
  '1399/06/16',
  'September 7, 2022 was a day',
  'Volume 12, Issue 3',
  'May the force be with you',
  'Mar 2022 and Apr 2022',
  '12345',
  '99999999999',
  '7 September 2022 25:61',
  'Copyright 2022 The Company',
  '2022-09-07T21:25:00+99:00',
  '11/18/19 11:04 PM EST',
  '20 hours ago',
  '۳۰ اسفند ۱۴۰۲',
  '۱۶ شهریور',
];

describe('parsePublished', () => {
  it.each(CASES)('%s -> %s', (raw, value, precision, offset) => {
    const p = parsePublished(raw, 'meta');
    expect(p).not.toBeNull();
    expect(p).toMatchObject({ value, precision, utcOffset: offset, source: 'meta', raw });
  });

  it.each(MUST_NOT_PARSE.map((s) => [s]))('does not read %j', (raw) => {
    expect(parsePublished(raw, 'meta')).toBeNull();
  });

  it('uses the hint year only for year-less day and month', () => {
    expect(parsePublished('Sep 7', 'html-text', { hintYear: 2022 })?.value).toBe('2022-09-07');
    expect(parsePublished('September', 'html-text', { hintYear: 2022 })).toBeNull();
  });

  it('reads an ambiguous slash date only with an order', () => {
    expect(parsePublished('03/04/2022', 'meta', { slashOrder: 'dmy' })?.value).toBe('2022-04-03');
    expect(parsePublished('03/04/2022', 'meta', { slashOrder: 'mdy' })?.value).toBe('2022-03-04');
  });

  it('never throws and returns valid values on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[\d :.\/-]{0,30}[a-z]{0,8}$/)), (s) => {
        const p = parsePublished(s, 'meta');
        if (p) expect(p.value).toMatch(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the UTC instant when the offset is known', () => {
    const p = parsePublished('2022-09-07T21:25:00+03:00', 'meta')!;
    expect(new Date(publishedInstant(p)!).toISOString()).toBe('2022-09-07T18:25:00.000Z');
    expect(publishedInstant(parsePublished('2022-09-07', 'meta')!)).toBeNull();
  });
});

describe('publishedFromUrl', () => {
  it.each([
    ['https://example.com/news/2022/09/07/some-title', '2022-09-07', 'day'],
    ['https://example.com/2022/9/7/some-title.html', '2022-09-07', 'day'],
    ['https://example.com/news/20220907/123.html', '2022-09-07', 'day'],
    ['https://example.com/2022-09-07-some-title', '2022-09-07', 'day'],
    ['https://example.com/blog/2022/09/some-title', '2022-09', 'month'],
  ])('%s -> %s', (url, value, precision) => {
    expect(publishedFromUrl(url)).toMatchObject({ value, precision, source: 'url', utcOffset: null });
  });

  it.each([
    'https://example.com/news/123456789',
    'https://2022.example.com/about',
    'https://example.com/article/2022',
    'https://example.com/2022/13/45/x',
    'not a url',
  ])('no date in %s', (url) => {
    expect(publishedFromUrl(url)).toBeNull();
  });
});
