import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabelFinding, LabelForm } from '../../domain/findings.js';
import { entityFindings, type EntitySpec, fakeContext, statementFinding } from './test-support/context.js';
import { labelsStage } from './index.js';

const ENTITIES: EntitySpec[] = [
  ['Free Wing Organization', 'ORG'],
  ['FWO', 'ORG', 'Free Wing Organization'],
  ['Hamas', 'ORG'],
  ['Fatah', 'ORG'],
  ['Foreign Ministry', 'ORG'],
  ['Unity Party', 'ORG'],
  ['Olsi Jazexhi', 'PER'],
  ['John Smith', 'PER'],
  ['Smith', 'PER', 'John Smith'],
  ['Der Spiegel', 'ORG'],
  ['Albania', 'LOC'],
  ['Tirana', 'LOC'],
  ['Iraq', 'LOC'],
  ['Syria', 'LOC'],
  ['Iran', 'LOC'],
  ['Amnesty', 'ORG'],
  ['Iranian', 'MISC'],
  ['BWO', 'ORG'],
  ['Qarnash', 'MISC'],
  ['anti-Iran', 'MISC'],
  ['Hezb-e Qarnash', 'ORG'],
  ['Highland Courier', 'ORG'],
  ['American Rifle Association', 'ORG'],
  ['Newtown', 'LOC'],
  ['Department of Homeland Security', 'ORG'],
  ['Red Wing', 'ORG'],
  ['RWO', 'ORG'],
];

function labels(text: string, statements: ReturnType<typeof statementFinding>[] = []): LabelFinding[] {
  const ctx = fakeContext(text, { entities: entityFindings(text, ENTITIES), statements });
  const out = labelsStage.run(ctx);
  for (const l of out) {
    expect(text.slice(l.span.start, l.span.end)).toBe(l.text);
    expect(text.slice(l.data.target.span.start, l.data.target.span.end)).toBe(l.data.target.text);
  }
  return out;
}

type Case = { text: string; label: string; form: LabelForm; target: string; labelSpan?: string; voice?: 'own' | 'quoted'; speaker?: string | null; statement?: [string, string, 'direct' | 'indirect'] };

const CASES: Case[] = [
  { text: 'Hamas, a militant group based in Gaza, said so.', label: 'militant group', form: 'appositive', target: 'Hamas', labelSpan: 'militant group' },
  { text: 'In 2020, Olsi Jazexhi, an Albanian historian, said it.', label: 'Albanian historian', form: 'appositive', target: 'Olsi Jazexhi' },
  { text: 'They back the Free Wing Organization (FWO), an anti-Iran terrorist group based in Albania.', label: 'anti-Iran terrorist group', form: 'appositive', target: 'Free Wing Organization' },
  { text: 'Albania hosts the anti-Iran terrorist group, the Free Wing Organization, which has a camp.', label: 'anti-Iran terrorist group', form: 'appositive', target: 'Free Wing Organization' },
  { text: 'Rama warns the anti-Iran FWO group against fighting.', label: 'anti-Iran group', form: 'premodifier', target: 'Free Wing Organization', labelSpan: 'anti-Iran FWO group' },
  { text: 'They fear the FWO terror group in their country.', label: 'terror group', form: 'premodifier', target: 'Free Wing Organization' },
  { text: 'He highlighted the notorious Free Wing Organization and its clash.', label: 'notorious', form: 'premodifier', target: 'Free Wing Organization' },
  { text: 'Rama told German magazine Der Spiegel that he agreed.', label: 'German magazine', form: 'premodifier', target: 'Der Spiegel' },
  { text: 'Hamas is a militant group.', label: 'militant group', form: 'predicate', target: 'Hamas' },
  { text: 'Hamas held talks in Tirana. The group said it would stay.', label: 'group', form: 'description', target: 'Hamas' },
  { text: 'Hamas, a militant group, met. Later the cult was shunned.', label: 'cult', form: 'description', target: 'Hamas' },
  { text: 'The Free Wing Organization moved. The terrorist outfit caught attention.', label: 'terrorist outfit', form: 'description', target: 'Free Wing Organization' },
  { text: 'Iran spoke of the Free Wing Organization. Albania denies hosting "the Iranian opposition" members.', label: 'Iranian opposition', form: 'scare-quote', target: 'Free Wing Organization', voice: 'quoted' },
  { text: 'Fatah spoke. Several states designated Hamas as a "terrorist organization."', label: 'terrorist organization', form: 'scare-quote', target: 'Hamas', voice: 'quoted' },
  { text: 'Police arrested the so-called Unity Party yesterday.', label: 'so-called', form: 'so-called', target: 'Unity Party' },
  { text: 'They charged the alleged mastermind John Smith on Friday.', label: 'alleged mastermind', form: 'alleged', target: 'John Smith' },
  {
    text: 'Hamas met in Tirana. "The group is a threat," Smith said.',
    label: 'group',
    form: 'description',
    target: 'Hamas',
    voice: 'quoted',
    speaker: 'John Smith',
    statement: ['The group is a threat,', 'John Smith', 'direct'],
  },
  {
    text: 'Hamas met in Tirana. Smith said that the terror group is a threat.',
    label: 'terror group',
    form: 'description',
    target: 'Hamas',
    voice: 'own',
    speaker: null,
    statement: ['that the terror group is a threat', 'John Smith', 'indirect'],
  },
  { text: 'They back the Blue Wing Organization (BWO), an anti-Iran terrorist group.', label: 'anti-Iran terrorist group', form: 'appositive', target: 'BWO' },
  { text: 'He named the notorious Red Wing Organization (RWO) and its clash, warning that the terror group will act.', label: 'terror group', form: 'description', target: 'Red Wing' },
  { text: 'The Unity Party met on Monday. The party said no.', label: 'party', form: 'description', target: 'Unity Party' },
  { text: 'The American Rifle Association met. The association said no.', label: 'association', form: 'description', target: 'American Rifle Association' },
  { text: 'Thousands of supporters of the banned Unity Party marched.', label: 'banned', form: 'premodifier', target: 'Unity Party' },
  { text: 'Talvara declared the separatist Qarnash group a terrorist organisation.', label: 'separatist group', form: 'premodifier', target: 'Qarnash' },
  { text: 'Talvara banned the separatist Qarnash group. Later the separatist organisation denied it.', label: 'separatist organisation', form: 'description', target: 'Qarnash' },
  { text: 'Supporters of the outlawed militant group Hezb-e Qarnash attacked.', label: 'outlawed militant group', form: 'premodifier', target: 'Hezb-e Qarnash' },
  { text: 'They met in the capital Tirana on Monday.', label: 'capital', form: 'premodifier', target: 'Tirana' },
];

describe('labels: table of cases', () => {
  for (const c of CASES) {
    it(`${c.form} '${c.label}' in "${c.text}"`, () => {
      const stmts = c.statement ? [statementFinding(c.text, c.statement[0], c.statement[1], c.statement[2])] : [];
      const found = labels(c.text, stmts);
      const l = found.find((f) => f.data.label === c.label && f.data.form === c.form);
      expect(l, `found: ${found.map((f) => `${f.data.form}:${f.data.label}->${f.data.target.name}`).join(' | ')}`).toBeDefined();
      expect(l!.data.target.name).toBe(c.target);
      if (c.labelSpan) expect(c.text.slice(l!.data.labelSpan.start, l!.data.labelSpan.end)).toBe(c.labelSpan);
      expect(l!.data.voice).toBe(c.voice ?? 'own');
      if (c.speaker !== undefined) expect(l!.data.quotedSpeaker).toBe(c.speaker);
    });
  }
});

/** Texts where no label may come out (or none of the given label). */
const MUST_NOT: readonly (readonly [string, string, LabelForm?])[] = [
  ['Hamas and Fatah met on Monday. The group said it would stay.', 'two candidate groups: "the group" stays unattached'],
  ['Hamas, a militant group, and Fatah, a rival movement, met. The group said no.', 'two labelled groups in one sentence', 'description'],
  ['Albania, which hosts the camp, said no.', 'relative clause is not an appositive'],
  ['In the report, Amnesty said so.', 'a fronted phrase is not a reverse appositive'],
  ['Iran, Iraq and Syria met.', 'a list of names'],
  ['The Foreign Ministry spoke. The group was silent.', 'a ministry is not a group'],
  ['Hamas spoke. Another group said no.', 'contrastive description'],
  ['The inquiry was a so-called investigation.', 'no entity to attach to'],
  ['Iranian terror victims denounce Albania for it.', 'a headline clause is not a premodifier'],
  ['Hamas spoke. The group members left.', '"group" modifies "members"'],
  ['Rama told reporters Hamas would stay.', 'a verb before a name is not a label'],
  ['The letter slammed Hamas for it.', 'a verb after a determined noun is not a label'],
  ['They hosted the Iranian opposition members.', 'a nationality adjective is not a group'],
  ['Critics named the anti-Iran terror group.', 'a lower-case MISC adjective is not a group'],
  ['The Highland Courier reported it. The group denied it.', 'a newspaper is not a group', 'description'],
  ['Its actions making Albania a hub were noted.', 'an -ing verb is not a label'],
  ['The American Rifle Association spoke. The party said no.', 'a party is not an association', 'description'],
  ['Shots were fired in Newtown. The nation mourned.', '"the nation" is not the last place named', 'description'],
  ['The Department of Homeland Security spoke. The group said no.', 'a department is not a group', 'description'],
  ['The group said it would stay.', 'no entity at all'],
];

describe('labels: must not match', () => {
  for (const [text, why, form] of MUST_NOT) {
    it(`${why}: "${text}"`, () => {
      expect(labels(text).filter((l) => !form || l.data.form === form).map((l) => `${l.data.form}:${l.data.label}`)).toEqual([]);
    });
  }
});

describe('labels: targets', () => {
  it('an appositive after a parenthesised place describes the person, not the place', () => {
    const found = labels('They met Sen. John Smith (Syria), a senior member.');
    expect(found.filter((l) => l.data.form === 'appositive').map((l) => `${l.data.target.name}:${l.data.label}`)).toEqual(['John Smith:senior member']);
  });
});

describe('labels: properties', () => {
  it('never throws on arbitrary Unicode with unbalanced quotes; spans slice', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('"', '“', '«', '‘'), (s, q) => {
        const text = `Hamas said ${q}${s} the group ${q} Hamas, a ${s}`;
        labels(text);
      }),
      { numRuns: 200 },
    );
  });
  it('word soup with entities: spans slice and every label has a target', () => {
    const word = fc.constantFrom('Hamas', 'Fatah', 'the', 'a', 'group', 'terror', 'cult', ',', '.', '"', 'is', 'said', 'so-called', 'alleged', 'Tirana', 'country', 'members', 'of', '(', ')', 'FWO', 'anti-Iran', '\n');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        for (const l of labels(words.join(' '))) {
          expect(l.data.label.length).toBeGreaterThan(0);
          expect(l.data.target.name.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
