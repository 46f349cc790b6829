import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuantityFinding } from '../../domain/findings.js';
import { runStages } from '../run-stages.js';
import { tokenize } from '../tokens/index.js';
import { makeArticle } from '../../../test/support/article.js';
import { labelsStage } from '../labels/index.js';
import { dateFindings, entityFindings, type EntitySpec, fakeContext } from '../labels/test-support/context.js';
import { quantitiesStage } from './index.js';

function quantities(text: string, entities: readonly EntitySpec[] = [], dates: readonly string[] = []): QuantityFinding[] {
  const prior = { entities: entityFindings(text, entities), dates: dateFindings(text, dates) };
  // The labels stage runs before quantities in the pipeline: its resolved descriptions name owners.
  const ctx = fakeContext(text, { ...prior, labels: labelsStage.run(fakeContext(text, prior)) });
  const out = quantitiesStage.run(ctx);
  for (const q of out) expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
  return out;
}

type Case = {
  text: string;
  span: string;
  value: number | null;
  low?: number | null;
  high?: number | null;
  approximator?: string | null;
  unit?: string | null;
  vague?: boolean;
  counted?: string | null;
  lemma?: string;
  owner?: string;
  ownerName?: string | null;
  entities?: EntitySpec[];
};

const CASES: Case[] = [
  { text: 'Albania accepted more than 2,000 members of the group.', span: 'more than 2,000 members', value: 2000, low: 2000, high: null, approximator: 'more than', counted: 'members', lemma: 'member', owner: 'the group' },
  {
    text: 'The Free Wing Organization is based there. Albania hosts more than 2,000 members of the terror group.',
    span: 'more than 2,000 members',
    value: 2000,
    owner: 'the terror group',
    ownerName: 'Free Wing Organization',
    entities: [['Free Wing Organization', 'ORG'], ['Albania', 'LOC']],
  },
  { text: 'It admitted hundreds of FWO members in 2016.', span: 'hundreds of FWO members', value: null, low: 200, high: 999, vague: true, counted: 'members', owner: 'FWO', ownerName: 'Free Wing Organization', entities: [['FWO', 'ORG', 'Free Wing Organization']] },
  { text: 'Officials seized 150 electronic devices suspected of use.', span: '150 electronic devices', value: 150, counted: 'devices', lemma: 'device' },
  { text: 'At least one person was killed and dozens of others were injured.', span: 'At least one person', value: 1, low: 1, high: null, approximator: 'at least', counted: 'person', lemma: 'person' },
  { text: 'At least one person was killed and dozens of others were injured.', span: 'dozens of others', value: null, low: 24, high: 99, vague: true, counted: 'others' },
  { text: 'One person died and many were injured.', span: 'many', value: null, vague: true, counted: null },
  { text: 'The group killed over 12,000 Iranians.', span: 'over 12,000 Iranians', value: 12000, low: 12000, high: null, approximator: 'over', counted: 'Iranians', lemma: 'Iranian' },
  { text: 'The country took in around 3,000 members.', span: 'around 3,000 members', value: 3000, low: 2700, high: 3300, approximator: 'around' },
  { text: 'It hosts some 3,000 members.', span: 'some 3,000 members', value: 3000, approximator: 'some' },
  { text: 'They paid $20 million for it.', span: '$20 million', value: 20_000_000, unit: 'USD', counted: null },
  { text: 'They paid 20 million dollars for it.', span: '20 million dollars', value: 20_000_000, unit: 'USD' },
  { text: 'A deal worth €5bn was signed.', span: '€5bn', value: 5e9, unit: 'EUR' },
  { text: 'The budget is 1.2 billion rials.', span: '1.2 billion rials', value: 1.2e9, unit: 'IRR' },
  { text: 'Turnout rose to 45% on the day.', span: '45%', value: 45, unit: '%' },
  { text: 'Turnout rose 3.5 per cent.', span: '3.5 per cent', value: 3.5, unit: '%' },
  { text: 'Two dozen soldiers were there.', span: 'Two dozen soldiers', value: 24, counted: 'soldiers' },
  { text: 'There were ten ships in port.', span: 'ten ships', value: 10, counted: 'ships' },
  { text: 'A hundred villages were flooded.', span: 'A hundred villages', value: 100, counted: 'villages' },
  { text: 'It named more than a dozen occasions.', span: 'more than a dozen occasions', value: 12, low: 12, high: null, vague: true, approximator: 'more than' },
  { text: 'Thousands of people marched.', span: 'Thousands of people', value: null, low: 2000, high: 9999, vague: true, counted: 'people', lemma: 'person' },
  { text: 'Tens of thousands of people marched.', span: 'Tens of thousands of people', value: null, low: 20000, high: 99999, vague: true },
  { text: 'Several villages were hit.', span: 'Several villages', value: null, low: 3, high: 9, vague: true },
  { text: 'The court heard a number of witnesses.', span: 'a number of witnesses', value: null, low: 2, high: null, vague: true, counted: 'witnesses' },
  { text: 'Between 2,000 and 3,000 people fled.', span: '2,000 and 3,000 people', value: null, low: 2000, high: 3000 },
  { text: 'Almost 500 homes burned.', span: 'Almost 500 homes', value: 500, low: 450, high: 500, approximator: 'almost' },
  { text: 'Up to 40 people may have died.', span: 'Up to 40 people', value: 40, low: null, high: 40, approximator: 'up to' },
  { text: 'Fewer than 10 reporters attended.', span: 'Fewer than 10 reporters', value: 10, low: null, high: 10, approximator: 'fewer than' },
  { text: 'Roughly 70 trucks crossed.', span: 'Roughly 70 trucks', value: 70, approximator: 'roughly' },
  { text: 'An estimated 900 people left.', span: 'An estimated 900 people', value: 900, approximator: 'an estimated' },
  { text: 'Nearly 30 boats sank.', span: 'Nearly 30 boats', value: 30, approximator: 'nearly' },
  { text: 'About 12 people were hurt.', span: 'About 12 people', value: 12, approximator: 'about' },
  { text: 'Police found a 45-year-old man.', span: '45-year-old', value: 45, unit: 'age' },
  { text: 'The Unity Party has 12,000 members.', span: '12,000 members', value: 12000, counted: 'members', entities: [['Unity Party', 'ORG']] },
  { text: "The party's 400 delegates voted.", span: '400 delegates', value: 400, owner: 'The party' },
  { text: 'They made tens of thousands of dollars in gifts.', span: 'tens of thousands of dollars', value: null, low: 20000, high: 99999, unit: 'USD', counted: null },
  { text: 'The office received more than 10,000 calls and emails.', span: 'more than 10,000 calls', value: 10000, counted: 'calls', lemma: 'call' },
  { text: 'Two former deliverymen hired a lawyer.', span: 'Two former deliverymen', value: 2, lemma: 'deliveryman' },
  { text: 'The group lost 2000 members in a year.', span: '2000 members', value: 2000, counted: 'members' },
];

describe('quantities: table of cases', () => {
  for (const c of CASES) {
    it(`${c.span} in "${c.text}"`, () => {
      const found = quantities(c.text, c.entities ?? []);
      const q = found.find((f) => f.text === c.span);
      expect(q, `found: ${found.map((f) => f.text).join(' | ')}`).toBeDefined();
      const d = q!.data;
      expect(d.value).toBe(c.value);
      if (c.low !== undefined) expect(d.low).toBe(c.low);
      if (c.high !== undefined) expect(d.high).toBe(c.high);
      if (c.approximator !== undefined) expect(d.approximator).toBe(c.approximator);
      if (c.unit !== undefined) expect(d.unit).toBe(c.unit);
      if (c.vague !== undefined) expect(d.vague).toBe(c.vague);
      if (c.counted !== undefined) expect(d.counted?.text ?? null).toBe(c.counted);
      if (c.lemma !== undefined) expect(d.counted?.lemma).toBe(c.lemma);
      if (c.owner !== undefined) expect(d.owner?.text).toBe(c.owner);
      if (c.ownerName !== undefined) expect(d.owner?.name ?? null).toBe(c.ownerName);
      if (d.counted) expect(c.text.slice(d.counted.span.start, d.counted.span.end)).toBe(d.counted.text);
      if (d.owner) expect(c.text.slice(d.owner.span.start, d.owner.span.end)).toBe(d.owner.text);
    });
  }
});

/** Texts with no quantity claim at all, each with the reason. */
const MUST_NOT: readonly (readonly [string, string])[] = [
  ['The group moved there in 2016.', 'year'],
  ['In 1986, the group moved to Paris.', 'year'],
  ['They fought in the 1980-88 war.', 'year range'],
  ['The 2014 agreement allowed it.', 'year as modifier'],
  ['The raid took place on June 20.', 'date'],
  ['It happened on 20 June.', 'date'],
  ['They must leave within 24 hours.', 'duration'],
  ['Almost ten years ago the deal was made.', 'duration'],
  ['They spent many years in Iraq.', 'vague duration'],
  ['The meeting starts at 10:30 a.m. sharp.', 'time'],
  ['He arrived at 9 pm.', 'time'],
  ['It was the first time.', 'ordinal'],
  ['One of the members was a commander.', 'one of the'],
  ['No one wants to back it.', 'pronoun one'],
  ['The two nations broke ties.', 'definite small number'],
  ['Call +98 21 1234 5678 now.', 'phone number'],
  ['Call 555-1234 for tickets.', 'local phone number'],
  ['Traffic stopped on Route 1000 today.', 'identifier'],
  ['They met in Room 1986 today.', 'identifier'],
  ['Under Article 5 allies must respond.', 'identifier'],
  ['It violates Resolution 2231 entirely.', 'identifier'],
  ['The team won 3-1 at home.', 'score'],
  ['He spoke about it at length.', 'no number'],
  ['The 24-hour deadline passed.', 'duration compound'],
  ['It happened three times.', 'times'],
  ['Ashraf-3 is a camp.', 'name with a number'],
  ['Several of them left.', 'vague with no noun'],
  ['Charges against John Smith, 44, were filed.', 'age of a named person'],
  ['The bill passed 234-193 on Friday.', 'vote tally'],
  ['At one point, he left.', 'idiom with one'],
];

describe('quantities: must not match', () => {
  for (const [text, why] of MUST_NOT) {
    it(`${why}: "${text}"`, () => {
      expect(quantities(text, [['John Smith', 'PER']], ['June 20', '20 June', '24 hours', 'Almost ten years ago', 'in 2016']).map((q) => q.text)).toEqual([]);
    });
  }
  it('a list number at the start of a line is not a claim', () => {
    expect(quantities('Steps:\n1. Open the box.\n2. Read it.').map((q) => q.text)).toEqual([]);
  });
});

describe('quantities: properties', () => {
  it('every span slices to its text and never throws, on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const ctx = fakeContext(text);
        for (const q of quantitiesStage.run(ctx)) expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
      }),
      { numRuns: 300 },
    );
  });
  it('numbers in arbitrary word soup: spans slice, low <= high', () => {
    const word = fc.constantFrom('more', 'than', 'about', 'some', '2,000', '3', 'hundreds', 'of', 'members', 'the', 'group', '$', '20', 'million', 'dollars', '%', 'one', 'many', 'were', 'and', 'to', 'between', '1999', ',', '.', '"', 'a', 'dozen', '\n');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const text = words.join(' ');
        for (const q of quantitiesStage.run(fakeContext(text))) {
          expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
          if (q.data.low !== null && q.data.high !== null) expect(q.data.low).toBeLessThanOrEqual(q.data.high);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('runs through runStages with no notes on a plain article', () => {
    const text = 'Some 3,000 members of the group were hosted. At least one person was killed.';
    const [result] = runStages(makeArticle(text), tokenize(text), [quantitiesStage], true);
    expect(result!.notes).toEqual([]);
    expect(result!.findings.map((f) => f.text)).toEqual(['Some 3,000 members', 'At least one person']);
  });
});
