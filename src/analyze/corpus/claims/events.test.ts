import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../domain/finding.js';
import { groupClaims } from './index.js';
import { quantity, simpleContext, type QuantitySpec } from './test-support.js';
import type { ClaimArticleInput } from './types.js';

/** The quantities stage's counted noun can stop short of a compound's head ("Eleven police" | "officers"), as in these phrases. */
/** An article of one sentence: `before` + the quantity phrase + `after`; only the phrase is the finding. */
function sentence(id: string, before: string, phrase: string, after: string, d: QuantitySpec): ClaimArticleInput {
  const text = `${before}${phrase}${after}\n`;
  const findings: StoredFinding[] = [quantity(id, 0, phrase, before.length, d)];
  return { id, outlet: `outlet-${id}`, published: '2024-03-01', text, findings };
}

const n = (value: number, counted: string, more: QuantitySpec = {}): QuantitySpec => ({ value, counted, ...more });
const vague = (low: number, high: number, counted: string): QuantitySpec => ({ vague: true, low, high, counted });

type Side = [string, string, string, QuantitySpec];
/** [description, article a, article b, expected: 'apart' | conflict flag of the one group] */
const CASES: [string, Side, Side, 'apart' | boolean][] = [
  ['arrested vs took part: different events', ['Police say ', '40 people', ' were arrested.', n(40, 'people')], ['Organisers say ', '5,000 people', ' took part in the march.', n(5000, 'people')], 'apart'],
  ['arrested vs remained in custody: an event and a state', ['Police say ', '200 people', ' were arrested.', n(200, 'people')], ['Police said that ', '43 people', ' remained in custody.', n(43, 'people')], 'apart'],
  ['killed vs injured', ['Officials said ', '12 people', ' were killed.', n(12, 'people')], ['Medics said ', '40 people', ' were injured.', n(40, 'people')], 'apart'],
  ['took to the streets vs speak a language', ['Later, ', 'thousands of people', ' took to the streets.', vague(2000, 9999, 'people')], ['It is a province where ', '30 people', ' speak the language.', n(30, 'people')], 'apart'],
  ['"arrests" counts the people arrested', ['The group has documented ', 'more than 200 arrests', ' in the city.', n(200, 'arrests', { approximator: 'more than', high: null })], ['Police say ', 'at least 40 people', ' were arrested.', n(40, 'people', { approximator: 'at least', high: null })], false],
  ['detained dozens vs more than 200 arrests', ['Police ', 'detained dozens of people', ' on Tuesday.', vague(24, 99, 'people')], ['The group counted ', 'more than 200 arrests', '.', n(200, 'arrests', { approximator: 'more than', high: null })], true],
  ['participants under one name: rioters and people taking part', ['The ministry said ', 'a few hundred rioters', ' took part.', vague(200, 500, 'rioters')], ['Monitors say ', 'some 5,000 people', ' took part in the march.', n(5000, 'people', { approximator: 'some' })], true],
  ['"police officers" and "officers" are one noun; hurt and injured one event', ['', 'Eleven police', ' officers were hurt in the clashes.', n(11, 'police')], ['Officials said ', 'eleven officers', ' were injured.', n(11, 'officers')], false],
  ['"several" does not deny eleven', ['Officials said ', 'several police', ' officers had also been hurt.', vague(3, 9, 'police')], ['', 'Eleven police', ' officers were injured.', n(11, 'police')], false],
  ['"dozens" still denies "more than 200"', ['Police ', 'detained dozens of people', '.', vague(24, 99, 'people')], ['Rights groups say ', 'more than 200 people', ' were detained.', n(200, 'people', { approximator: 'more than', high: null })], true],
  ['no owner, no event, nothing else in common: a disagreement is no conflict', ['The government froze accounts and property worth ', '14 million marks', '.', n(14e6, 'marks')], ['Trade between them reached ', '2.1 billion marks', ' last year.', n(2.1e9, 'marks')], 'apart'],
  ['no owner, no event, but the same words around them: a conflict', ['The government froze bank accounts and property worth ', '14 million marks', '.', n(14e6, 'marks')], ['The government froze bank accounts and property worth ', '19 million marks', ' on Monday.', n(19e6, 'marks')], true],
  ['a claim with no predicate joins the only event of its noun', ['Officials gave a figure: ', '40 people', '.', n(40, 'people')], ['Police say ', '45 people', ' were arrested.', n(45, 'people')], true],
];

describe('event keys: counts of one noun for different events stay apart', () => {
  for (const [name, a, b, want] of CASES) {
    it(`${name}: ${want === 'apart' ? 'no group' : want ? 'one group, conflict' : 'one group, no conflict'}`, () => {
      const { claims } = groupClaims([sentence('a', ...a), sentence('b', ...b)], simpleContext());
      if (want === 'apart') expect(claims).toEqual([]);
      else {
        expect(claims.length, JSON.stringify(claims.map((g) => g.measure))).toBe(1);
        expect(claims[0]!.conflict, claims[0]!.why).toBe(want);
      }
    });
  }

  it('names the event in the measure, and "police" keeps its form', () => {
    const { claims } = groupClaims([sentence('a', 'Officials say ', '11 police', ' were hurt.', n(11, 'police')), sentence('b', '', 'Eleven police', ' were injured.', n(11, 'police'))], simpleContext());
    expect(claims.map((g) => g.measure)).toEqual(['police injured or treated']);
  });

  it('a bare number restating "the figure" of the sentence takes that count', () => {
    const a = sentence('a', 'Police say ', 'at least 40 people', ' were arrested; rights groups say the true figure is over 200.', n(40, 'people', { approximator: 'at least', high: null }));
    const at = a.text.indexOf('over 200');
    const withBare: ClaimArticleInput = { ...a, findings: [...a.findings, quantity('a', 1, 'over 200', at, { value: 200, approximator: 'over', high: null })] };
    const b = sentence('b', 'Police ', 'detained dozens of people', '.', vague(24, 99, 'people'));
    const { claims } = groupClaims([withBare, b], simpleContext());
    expect(claims.length).toBe(1);
    expect(claims[0]!.claims.map((c) => c.source.text).sort()).toEqual(['at least 40 people', 'detained dozens of people', 'over 200']);
    expect(claims[0]!.conflict).toBe(true);
  });
});

describe('event claims across stories', () => {
  /** "<actor> has killed <phrase>": an ORG entity finding over the actor and a count of a group for an event. */
  function withActor(id: string, actor: string, phrase: string, after: string, d: QuantitySpec): ClaimArticleInput {
    const a = sentence(id, `${actor} has killed `, phrase, after, d);
    const entity: StoredFinding = {
      id: `${id}:entities:0`, articleId: id, stage: 'entities', stageVersion: 1, kind: 'entity', span: { start: 0, end: actor.length }, text: actor, rule: 'entities/test',
      data: { type: 'ORG', name: actor, antecedent: null, via: 'name', titles: [], confidence: 1 },
    } as StoredFinding;
    return { ...a, findings: [...a.findings, entity] };
  }
  const ctx = simpleContext({ a: 's1', b: 's2' });

  it('a specific group counted for one event meets its kind in another story when both name a common actor', () => {
    const { claims } = groupClaims([withActor('a', 'Foo Front', 'more than 12,000 Norlandics', '.', n(12000, 'Norlandic', { approximator: 'more than', high: null })), withActor('b', 'Foo Front', 'over 12,000 Norlandics', ' since 1990.', n(12000, 'Norlandic', { approximator: 'over', high: null }))], ctx);
    expect(claims.map((g) => g.measure)).toEqual(['Norlandics killed or dead']);
  });

  it('stays apart with no common actor, and generic "people" never leaves its story', () => {
    const apart = groupClaims([withActor('a', 'Foo Front', '12 Norlandics', '.', n(12, 'Norlandic')), withActor('b', 'Bar League', '30 Norlandics', '.', n(30, 'Norlandic'))], ctx);
    expect(apart.claims).toEqual([]);
    const people = groupClaims([withActor('a', 'Foo Front', '12 people', '.', n(12, 'people')), withActor('b', 'Foo Front', '30 people', '.', n(30, 'people'))], ctx);
    expect(people.claims).toEqual([]);
  });
});
