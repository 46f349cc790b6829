import { describe, expect, it } from 'vitest';
import { lemma, predicateOf } from './predicate.js';

/** [sentence, the quantity phrase (its counted noun at its end), counted lemma, expected predicate key or null] */
const CASES: [string, string, string | null, string | null][] = [
  ['Police say at least 40 people were arrested during the march.', 'at least 40 people', 'person', 'detention'],
  ['Police detained dozens of people on Tuesday as several thousand supporters of the banned party marched through the city.', 'dozens of people', 'person', 'detention'],
  ['Police detained dozens of people on Tuesday as several thousand supporters of the banned party marched through the city.', 'several thousand supporters', 'supporter', 'participation'],
  ['Two days later, thousands of people took to the streets of the main city.', 'thousands of people', 'person', 'participation'],
  ['Our monitors say some 5,000 people took part in the march.', 'some 5,000 people', 'person', 'participation'],
  ['Police said that 43 people remained in custody after the march.', '43 people', 'person', 'custody'],
  ['Medics said at least 17 people, among them a student with a head wound, were being treated for injuries.', 'at least 17 people', 'person', 'injury'],
  ['Eleven police officers were hurt in the clashes.', 'Eleven police officers', 'officer', 'injury'],
  ['The group has documented more than 200 arrests in the city.', 'more than 200 arrests', 'arrest', 'detention'],
  ['The group has killed more than 12,000 Iranians since 1981.', 'more than 12,000 Iranians', 'Iranian', 'killing'],
  ['At least one person was killed and many were injured.', 'At least one person', 'person', 'killing'],
  ['The region, where many people speak the old language, is poor.', 'many people', 'person', 'speak'],
  ['The country hosts more than 2,000 members of the group.', 'more than 2,000 members', 'member', null], // a present tense without a sign of being a verb: no predicate
  ['The ferry carries 400 people.', '400 people', 'person', null],
  ['About 30,000 people fled the fighting.', 'About 30,000 people', 'person', 'displacement'],
  ["The group's acts have claimed the lives of over 12,000 people.", 'over 12,000 people', 'person', 'killing'],
  ['At least one person was killed and dozens of others were injured.', 'dozens of others', 'other', 'injury'],
  ['The navy said it captured 23 pirates in the gulf.', '23 pirates', 'pirate', 'detention'],
  ['Police said 12 men were taken into custody.', '12 men', 'man', 'detention'],
  ['The 40 people who were arrested appeared in court.', '40 people', 'person', 'detention'],
  ['The navy captured 23 pirates who threatened a vessel.', '23 pirates', 'pirate', 'detention'],
  ['Police arrested 40 people at the march.', '40 people', 'person', 'detention'],
  ['Some 5,000 people at the march heard the speech.', 'Some 5,000 people', 'person', 'participation'],
  ['The deal was worth $20 million.', '$20 million', null, 'worth'],
  ['At least 40 people were arrested, among them several organisers wanted on earlier warrants.', 'several organisers', 'organiser', 'want'],
  ['Police put the number of arrests above 200.', 'above 200', null, 'detention'],
];

describe('the predicate governing a quantity', () => {
  for (const [sentence, phrase, counted, want] of CASES) {
    it(`${phrase} in "${sentence.slice(0, 60)}" -> ${want}`, () => {
      const at = sentence.indexOf(phrase);
      expect(predicateOf(sentence, at, at + phrase.length, counted)?.key ?? null).toBe(want);
    });
  }
  it('lemmatises lightly', () => {
    expect(['arrested', 'detaining', 'injuries', 'took', 'deaths', 'hospitalised'].map(lemma)).toEqual(['arrest', 'detain', 'injury', 'take', 'death', 'hospitalise']);
  });
});
