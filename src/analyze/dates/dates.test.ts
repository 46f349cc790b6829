import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle, publishedOn } from '../../../test/support/article.js';
import type { DateFinding } from '../../domain/findings.js';
import type { StageContext } from '../../domain/stage.js';
import { datesStage } from './index.js';

function run(text: string, published: string | null = null): DateFinding[] {
  const notes: string[] = [];
  const ctx: StageContext = {
    article: makeArticle(text, { published: published ? publishedOn(published) : null }),
    tokens: { tokens: [], sentences: [], paragraphs: [] },
    prior: () => [],
    note: (code) => notes.push(code),
  };
  return datesStage.run(ctx);
}

/** [text, publish date or null, expected span text, expected type, expected value, expected anchor?, expected mod?] */
type Row = [string, string | null, string, string, string, string?, string?];

const CASES: Row[] = [
  // chrono-node calendar dates, granularity kept
  ['He arrived on Nov. 9, 1989 in Berlin.', '2013-03-22', 'Nov. 9, 1989', 'DATE', '1989-11-09', 'absolute'],
  ['the presence of officials at the rally in Paris in July 2018', '2022-09-07', 'July 2018', 'DATE', '2018-07', 'absolute'],
  ['during his visit to Tehran in December 2016.', null, 'December 2016', 'DATE', '2016-12', 'absolute'],
  ['following a so-called investigation into the July attack, he added.', '2022-09-07', 'July', 'DATE', '2022-07', 'publish'],
  ['The court ruled on June 20 that the camp be inspected.', '2023-06-25', 'June 20', 'DATE', '2023-06-20', 'publish'],
  ['The court ruled on Dec. 20 that the camp be inspected.', '2023-01-05', 'Dec. 20', 'DATE', '2022-12-20', 'publish'],
  ['The summit will be held on April 7.', '2013-03-22', 'April 7', 'DATE', '2013-04-07', 'publish'],
  ['Officials met at 10:35 a.m. on Friday.', '2013-03-22', '10:35 a.m. on Friday', 'TIME', '2013-03-22T10:35'],
  ['The polls close at 8 PM.', '2013-03-22', '8 PM', 'TIME', '2013-03-22T20:00'],
  // weekdays: on or before the publish date in past context, after it in future context
  ['Albania on Wednesday severed diplomatic ties with Tehran.', '2022-09-07T21:25', 'Wednesday', 'DATE', '2022-09-07', 'publish'],
  ['The minister said Monday that talks failed.', '2022-09-07', 'Monday', 'DATE', '2022-09-05', 'publish'],
  ['The minister will travel to Paris on Friday.', '2022-09-07', 'Friday', 'DATE', '2022-09-09', 'publish'],
  ['It happened last Friday.', '1989-10-30', 'last Friday', 'DATE', '1989-10-27', 'publish'],
  ['The talks ended Wednesday night.', '2022-09-08', 'Wednesday night', 'DATE', '2022-09-07'],
  ['The talks resumed last August.', '1990-10-08', 'last August', 'DATE', '1990-08'],
  ['Threats had become routine over the past decade.', '1998-10-25', 'the past decade', 'DURATION', 'P10Y'],
  ['He was found floating off the coast on Thanksgiving Day.', '2000-01-07', 'Thanksgiving Day', 'DATE', '1999-11-25'],
  ['He was shot on the night of Friday, Oct. 23.', '1998-10-25', 'Friday, Oct. 23', 'DATE', '1998-10-23'],
  ['Kohl promised to halve unemployment by the year two thousand.', null, 'the year two thousand', 'DATE', '2000'],
  ['The bomb went off in nineteen ninety-six.', null, 'nineteen ninety-six', 'DATE', '1996'],
  // bare years, ranges, decades, centuries
  ['Albania took in 3,000 members in 2016 at the request of Washington.', null, '2016', 'DATE', '2016', 'absolute'],
  ['The group has killed thousands since 1979.', null, '1979', 'DATE', '1979', 'absolute'],
  ['They sided with Iraq during the 1980-88 war against Iran.', null, '1980', 'DATE', '1980'],
  ['They sided with Iraq during the 1980-88 war against Iran.', null, '88', 'DATE', '1988'],
  ['the swine flu pandemic of 2009-2010, when children died', '2013-03-22', '2010', 'DATE', '2010'],
  ['It caught the attention of the United States in the 2000s.', null, '2000s', 'DATE', '200X'],
  ['It was popular in the 80s.', '2013-03-22', 'the 80s', 'DATE', '198X'],
  ['It killed citizens during the 80s and 90s.', '2013-03-22', '90s', 'DATE', '199X'],
  ['a relic of the 20th century', null, '20th century', 'DATE', '19'],
  ['Profits rose in early 2011.', null, 'early 2011', 'DATE', '2011', 'absolute', 'START'],
  // seasons and quarters
  ['The deal was struck in the summer of 2018.', null, 'summer of 2018', 'DATE', '2018-SU'],
  ['Sales fell last summer.', '2013-03-22', 'last summer', 'DATE', '2012-SU'],
  ['Revenue rose in the first quarter of 2018.', null, 'the first quarter of 2018', 'DATE', '2018-Q1'],
  ['Third-quarter profit fell.', '1989-11-02', 'Third-quarter', 'DATE', '1989-Q3'],
  ['Profit in Q1 2018 fell.', null, 'Q1 2018', 'DATE', '2018-Q1'],
  ['Profit rose in the third quarter of 1989 from the 1988 quarter.', null, 'the 1988 quarter', 'DATE', '1988-Q3', 'event'],
  ['Sales fell in the last half of 1989.', null, 'the last half of 1989', 'DATE', '1989-H2'],
  // durations
  ['Albania has hosted the group for a decade.', null, 'a decade', 'DURATION', 'P10Y'],
  ['Diplomats were told to leave within 24 hours.', null, '24 hours', 'DURATION', 'PT24H'],
  ['They spent many years in Iraq.', null, 'many years', 'DURATION', 'PXY'],
  ['prices rose over the past two months', '2013-03-22', 'the past two months', 'DURATION', 'P2M'],
  ['It lasted almost seven years.', null, 'almost seven years', 'DURATION', 'P7Y', 'absolute', 'APPROX'],
  ['The fighting has gone on for years.', null, 'years', 'DURATION', 'PXY'],
  ['a two-year contract', null, 'two-year', 'DURATION', 'P2Y'],
  // ago and relative to the publish date
  ['a secret deal almost ten years ago', '2022-09-12', 'almost ten years ago', 'DATE', '2012', 'publish', 'APPROX'],
  ['a secret deal almost ten years ago', null, 'almost ten years ago', 'DATE', 'PAST_REF', 'none', 'APPROX'],
  ['He was elected two years ago.', '2013-03-22', 'two years ago', 'DATE', '2011', 'publish'],
  ['Prices rose last year.', '2013-03-22', 'last year', 'DATE', '2012', 'publish'],
  ['Six deaths were reported last week.', '2013-03-22', 'last week', 'DATE', '2013-W11', 'publish'],
  ['They meet this week.', '2013-03-22', 'this week', 'DATE', '2013-W12'],
  ['Sales rose this month.', '2013-03-22', 'this month', 'DATE', '2013-03'],
  ['Sales rose earlier this year.', '2013-03-22', 'earlier this year', 'DATE', '2013', 'publish', 'START'],
  ['It will open early next year.', '1989-10-27', 'early next year', 'DATE', '1990', 'publish', 'START'],
  ['The report came out yesterday.', '2013-03-22', 'yesterday', 'DATE', '2013-03-21', 'publish'],
  ['The report comes out today.', null, 'today', 'DATE', 'PRESENT_REF', 'none'],
  ['Over the weekend, officials confirmed it.', '1990-08-13', 'the weekend', 'DATE', '1990-W32-WE'],
  // references and sets
  ['He is now the leader.', '2013-03-22', 'now', 'DATE', 'PRESENT_REF'],
  ['He currently leads the group.', null, 'currently', 'DATE', 'PRESENT_REF'],
  ['They recently moved.', null, 'recently', 'DATE', 'PAST_REF'],
  ['In the future, prices may rise.', null, 'the future', 'DATE', 'FUTURE_REF'],
  ['Children should be vaccinated every year.', null, 'every year', 'SET', 'P1Y'],
  ['The paper is published weekly.', null, 'weekly', 'SET', 'P1W'],
  ['The deal adds profit of $33 million a year.', null, 'a year', 'SET', 'P1Y'],
  ['Orangemen march every Monday.', null, 'every Monday', 'SET', 'XXXX-WXX-1'],
  // anchored on another event
  ['The letter was issued five days after Albania cut diplomatic ties with Iran.', null, 'five days', 'DURATION', 'P5D', 'event'],
  ['Profit was $5 million in the third quarter of 1989, up from $4 million a year earlier.', null, 'a year earlier', 'DATE', '1988-Q3', 'event'],
  ['He resigned in July 2018. A week later he left the country.', null, 'A week later', 'DATE', 'XXXX-XX-XX'],
  ['He resigned on March 3, 2018. A week later he left the country.', null, 'A week later', 'DATE', '2018-03-10', 'event'],
  // month pairs
  ['Pompeo and Pence were at the camp in May and June 2022.', null, 'May', 'DATE', '2022-05'],
  ['Pompeo and Pence were at the camp in May and June 2022.', null, 'June 2022', 'DATE', '2022-06'],
];

describe('dates stage: table of (text, publish date, span, value)', () => {
  it.each(CASES)('%s [%s] -> %s', (text, published, span, type, value, anchor, mod) => {
    const found = run(text, published);
    const f = found.find((x) => x.text === span);
    expect(f, `no finding with text ${JSON.stringify(span)} in ${JSON.stringify(found.map((x) => [x.text, x.data.value]))}`).toBeDefined();
    if (!f) return;
    expect(text.slice(f.span.start, f.span.end)).toBe(span);
    expect(f.data.type).toBe(type);
    expect(f.data.value).toBe(value);
    if (anchor) expect(f.data.anchor).toBe(anchor);
    if (mod) expect(f.data.mod).toBe(mod);
    expect(f.rule).toMatch(/^dates\//);
  });

  it('records the event an expression is anchored on in its evidence', () => {
    const f = run('The letter was issued five days after Albania cut diplomatic ties with Iran over July cyberattacks which Tirana blamed on Tehran.').find((x) => x.text === 'five days');
    expect(f?.data.evidence).toBe('5 day(s) after "Albania cut diplomatic ties with Iran over July cyberattacks"');
  });

  it('keeps granularity: a month is never a day', () => {
    for (const f of run('In July 2018 and in March, and during 2016, things happened.', '2022-09-07')) {
      expect(f.data.value).not.toMatch(/-01$/);
    }
  });
});

/** Texts that must produce no date at all (or none at the quoted part). */
const NEGATIVES: string[] = [
  'Unemployment fell to 45% last quarter according to 1,000 police reports.'.replace(/last quarter /, ''),
  'Turnout was 12.5 percent.',
  'Inflation hit 2016 percent in the hyperinflation.',
  'Real Madrid won 3-1 against Barcelona.',
  'The final score was 2-0.',
  'He is aged 45.',
  'The 45-year-old suspect was arrested.',
  'A 12-year-old girl was hurt.',
  'Some 1,000 police were deployed.',
  'The 1,980 members of the union voted.',
  'Call 555-1986 for details.',
  'Call +1 202 555 1986 for details.',
  'The meeting is in Room 1986.',
  'Take Route 1000 north.',
  'Under Section 2016 of the code, it is illegal.',
  'Article 1999 of the treaty applies.',
  'Flight 2012 landed safely.',
  'He paid $2015 for the car.',
  'The group has 2016 members.',
  'About 1990 people attended.',
  'He will march on the capital.',
  'You may go now'.replace(' now', ''),
  'Prices fall when supply rises.',
  'Three quarters of voters agreed.',
  'He ate 3/4 of the pie.',
  'Officials may decide later.',
  'The march began at dawn.',
  'Turnout rose to 1986 from 1,200.'.replace(/1986 from /, ''),
  'The 2-1 vote passed.',
  'It will be a second betrayal.',
];

describe('dates stage: must not match', () => {
  it.each(NEGATIVES)('%s', (text) => {
    expect(run(text, '2022-09-07').map((f) => [f.text, f.data.value])).toEqual([]);
  });
});

describe('dates stage: year-less dates without a publish date', () => {
  const text =
    'The spokesman wrote in tweets on Wednesday that the host country had hosted thousands of members for a decade. ' +
    'His statements followed clashes that erupted on Tuesday after police raided a camp. ' +
    'The police entered the camp based on a ruling issued on June 20. The agreement of 2014 allowed them to stay, and they have been there since 2016.';
  it('uses the nearest weekday, the years stated and "for a decade" to choose the year, with evidence', () => {
    const f = run(text).find((x) => x.text === 'June 20');
    expect(f?.data.value).toBe('2023-06-20');
    expect(f?.data.yearUnknown).toBe(false);
    expect(f?.data.evidence).toMatch(/Tuesday/);
    expect(f?.data.evidence).toMatch(/2017, 2023/);
  });
  it('stays year-unknown without enough evidence', () => {
    const f = run('Police raided the camp on June 20. The interview was published on Friday.').find((x) => x.text === 'June 20');
    expect(f?.data.value).toBe('XXXX-06-20');
    expect(f?.data.yearUnknown).toBe(true);
    expect(f?.data.evidence).toMatch(/not enough evidence|no weekday/);
  });
  it('never makes up a date for relative expressions', () => {
    for (const f of run('Yesterday he left; last year he came; on Monday he spoke.')) {
      expect(f.data.anchor).toBe('none');
      expect(f.data.value).toMatch(/^(XXXX|PAST_REF|PRESENT_REF|FUTURE_REF)/);
    }
  });
});

describe('dates stage: properties', () => {
  it('every span slices to its text, and it never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.option(fc.constantFrom('2022-09-07', '2013-03-22T10:00', '1989-11-02')), (s, p) => {
        const text = `${s} on June 20, 1980-88, ${s} last week ${s}`;
        for (const f of run(text, p)) {
          expect(text.slice(f.span.start, f.span.end)).toBe(f.text);
          expect(f.span.end).toBeGreaterThan(f.span.start);
        }
      }),
      { numRuns: 150 },
    );
  });
  it('findings never overlap', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('in 2016', 'last week', 'June 20', 'a year ago', 'for a decade', 'the 1980s', 'Friday night', ' and ', '. ', 'x'), { maxLength: 20 }), (parts) => {
        const found = run(parts.join(' '), '2022-09-07');
        for (let i = 1; i < found.length; i++) expect(found[i]!.span.start).toBeGreaterThanOrEqual(found[i - 1]!.span.end);
      }),
      { numRuns: 100 },
    );
  });
});
