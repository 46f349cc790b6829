import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntityData, EntityFinding, StatementFinding } from '../../domain/findings.js';
import type { ArticleStage } from '../../domain/stage.js';
import { makeArticle } from '../../../test/support/article.js';
import { runStages } from '../run-stages.js';
import { tokenize } from '../tokens/index.js';
import { statementsStage } from './index.js';
import { findQuotes } from './quotes.js';

/** Hand-made entity findings, so that these tests do not depend on the NER model. */
function fakeEntities(list: readonly { text: string; type: EntityData['type']; name?: string; titles?: string[]; nth?: number }[]): ArticleStage<EntityFinding> {
  return {
    name: 'entities',
    version: 0,
    needs: [],
    anyLanguage: true,
    run(ctx) {
      const out: EntityFinding[] = [];
      for (const e of list) {
        let from = 0;
        for (;;) {
          const at = ctx.article.text.indexOf(e.text, from);
          if (at < 0) break;
          out.push({
            kind: 'entity',
            span: { start: at, end: at + e.text.length },
            text: e.text,
            rule: 'test/fake',
            data: { type: e.type, name: e.name ?? e.text, antecedent: null, via: 'model', titles: e.titles ?? [], confidence: 1 },
          });
          from = at + e.text.length;
        }
      }
      return out;
    },
  };
}

function run(text: string, entities: Parameters<typeof fakeEntities>[0] = []) {
  const results = runStages(makeArticle(text), tokenize(text), [fakeEntities(entities), statementsStage], true);
  const st = results[1]!;
  return { statements: st.findings as StatementFinding[], notes: st.notes };
}

interface Case {
  readonly text: string;
  readonly source: string | null;
  readonly cue: string;
  /** The content, or a part of it that must be inside it. */
  readonly content: string;
  readonly mode?: 'direct' | 'indirect' | 'mixed';
  readonly medium?: string;
  readonly addressee?: string;
  readonly speaker?: string | null;
  readonly entities?: Parameters<typeof fakeEntities>[0];
}

const CASES: readonly Case[] = [
  { text: '“We will win,” Rama said.', source: 'Rama', cue: 'said', content: '“We will win,”', mode: 'direct' },
  { text: '"We will win," Rama said.', source: 'Rama', cue: 'said', content: '"We will win,"', mode: 'direct' },
  { text: 'Rama said: “We will win the vote.”', source: 'Rama', cue: 'said', content: '“We will win the vote.”', mode: 'direct' },
  { text: '“We will win,” said the Albanian prime minister.', source: 'the Albanian prime minister', cue: 'said', content: '“We will win,”', mode: 'direct' },
  { text: '« Nous allons gagner », Rama said.', source: 'Rama', cue: 'said', content: '« Nous allons gagner »', mode: 'direct' },
  { text: "He said, ‘We opened our doors because we could.’", source: 'He', cue: 'said', content: '‘We opened our doors because we could.’', mode: 'direct' },
  {
    text: '“The government has decided to end relations,” Prime Minister Edi Rama was quoted as saying in a video message.',
    source: 'Prime Minister Edi Rama',
    cue: 'was quoted as saying',
    content: '“The government has decided to end relations,”',
    medium: 'in a video message',
    mode: 'direct',
  },
  {
    text: '“We join the call,” the National Security Council stated in a tweet.',
    source: 'the National Security Council',
    cue: 'stated',
    content: '“We join the call,”',
    medium: 'in a tweet',
  },
  { text: '“It is over,” he said. “We go home now.”', source: 'he', cue: 'said', content: '“It is over,” he said. “We go home now.”', mode: 'direct' },
  { text: 'Smith said that the talks would resume next week.', source: 'Smith', cue: 'said', content: 'that the talks would resume next week', mode: 'indirect' },
  { text: 'Smith said the talks would resume next week.', source: 'Smith', cue: 'said', content: 'the talks would resume next week', mode: 'indirect' },
  {
    text: 'Rama told German magazine Der Spiegel in an interview that Albania would not go to war.',
    source: 'Rama',
    cue: 'told',
    content: 'that Albania would not go to war',
    addressee: 'German magazine Der Spiegel',
    medium: 'in an interview',
  },
  {
    text: 'Nasser Kanaani explained in a series of tweets on Wednesday that the government expelled the members.',
    source: 'Nasser Kanaani',
    cue: 'explained',
    content: 'that the government expelled the members',
    medium: 'in a series of tweets',
  },
  { text: 'The talks will resume next week, the minister said.', source: 'the minister', cue: 'said', content: 'The talks will resume next week' },
  { text: 'The talks will resume next week, said the minister.', source: 'the minister', cue: 'said', content: 'The talks will resume next week' },
  { text: 'According to the ministry, the talks will resume next week.', source: 'the ministry', cue: 'According to', content: 'the talks will resume next week' },
  { text: 'The talks will resume next week, according to a new poll.', source: 'a new poll', cue: 'according to', content: 'The talks will resume next week' },
  { text: 'He hoped that Albania would "make up for its mistake of hosting the group."', source: 'He', cue: 'hoped', content: 'make up for its mistake', mode: 'mixed' },
  { text: 'Experts believe the move has been choreographed.', source: 'Experts', cue: 'believe', content: 'the move has been choreographed', speaker: 'Experts' },
  { text: 'The letter said that the country had become a hub for interference.', source: 'The letter', cue: 'said', content: 'that the country had become a hub' },
  { text: 'It was announced that the camp would be closed.', source: null, cue: 'announced', content: 'that the camp would be closed' },
  { text: 'Olsi Jazexhi, an Albanian historian, said that the group was imposed on the country.', source: 'Olsi Jazexhi, an Albanian historian', cue: 'said', content: 'that the group was imposed' },
  { text: 'The minister warned that prices would rise.', source: 'The minister', cue: 'warned', content: 'that prices would rise' },
  { text: 'The senator denied that he had met the lobbyist.', source: 'The senator', cue: 'denied', content: 'that he had met the lobbyist' },
  { text: "''We're in a bubble,'' Mr. Trump said.", source: 'Mr. Trump', cue: 'said', content: "''We're in a bubble,''" },
  { text: '“Who cares?” Trump said.', source: 'Trump', cue: 'said', content: '“Who cares?”' },
  // Evidentials and passives: nobody is the source, the subject is part of the content.
  { text: 'The governor appeared paralyzed by the vote.', source: null, cue: 'appeared', content: 'The governor appeared paralyzed by the vote' },
  { text: 'The coalition seems stable for now.', source: null, cue: 'seems', content: 'The coalition seems stable for now' },
  { text: 'The mayor isn’t expected to attend the summit.', source: null, cue: 'expected', content: 'to attend the summit' },
  { text: 'The law was once thought to be safe from repeal.', source: null, cue: 'thought', content: 'to be safe from repeal' },
  { text: 'Both senators expected to win their primaries in August.', source: null, cue: 'expected', content: 'Both senators expected to win their primaries in August' },
  { text: 'She expected to win the primary easily.', source: 'She', cue: 'expected', content: 'to win the primary easily' },
  { text: 'Delaware and Maryland are widely seen as strongholds of the party.', source: null, cue: 'seen', content: 'as strongholds of the party' },
  { text: 'The firm is best known for making cholesterol drugs.', source: null, cue: 'known', content: 'for making cholesterol drugs' },
  { text: 'It’s assumed that the ruling will help the challenger.', source: null, cue: 'assumed', content: 'that the ruling will help the challenger' },
  { text: 'He set up a website called Real News Right Now last year.', source: null, cue: 'called', content: 'a website called Real News Right Now' },
  { text: 'It was unclear whether the judges would rule on the case.', source: null, cue: 'It was unclear', content: 'whether the judges would rule on the case' },
  { text: 'Since then it’s not known if the plan will go ahead.', source: null, cue: 'it’s not known', content: 'if the plan will go ahead' },
  { text: 'His group, called the Virginia Conservation Fund, bought the land.', source: null, cue: 'called', content: 'His group, called the Virginia Conservation Fund' },
  { text: 'A super PAC backing the governor spent millions on ads.', source: 'A super PAC', cue: 'backing', content: 'the governor' },
  { text: 'The senator cast her rival as a creature of Wall Street.', source: 'The senator', cue: 'cast', content: 'her rival as a creature of Wall Street' },
  { text: 'The first lady has focused on childhood obesity.', source: 'The first lady', cue: 'focused on', content: 'childhood obesity' },
  { text: 'Trump has raised questions about the president’s birthplace.', source: 'Trump', cue: 'raised questions', content: 'about the president’s birthplace' },
  { text: 'The mayor hopes the council will approve the budget.', source: 'The mayor', cue: 'hopes', content: 'the council will approve the budget' },
  { text: 'Many speakers — including two rabbis — said the loss was painful.', source: 'Many speakers — including two rabbis —', cue: 'said', content: 'the loss was painful' },
  { text: 'The vote sparked concerns that the deal would collapse.', source: null, cue: 'concerns', content: 'that the deal would collapse' },
  { text: 'There are questions about the senator’s health.', source: null, cue: 'questions', content: 'the senator’s health' },
  { text: "The senator's time, according to even his own supporters, is quickly running out.", source: 'even his own supporters', cue: 'according to', content: "The senator's time, according to even his own supporters, is quickly running out" },
  { text: 'The governor has not endorsed the nominee and has been a pointed critic of his style.', source: 'The governor', cue: 'endorsed', content: 'the nominee' },
  { text: 'The senator marched in the parade, CNN reported.', source: 'CNN', cue: 'reported', content: 'The senator marched in the parade' },
  { text: 'CNN reported at least six planes filled the skies.', source: 'CNN', cue: 'reported', content: 'at least six planes filled the skies' },
  { text: 'An American contractor accused of spying was released.', source: null, cue: 'accused', content: 'An American contractor accused of spying' },
  { text: 'Asked specifically what should be done, the mayor said nothing.', source: null, cue: 'Asked', content: 'specifically what should be done' },
  { text: 'As reported by the local paper, investigators found over 2,200 emails.', source: 'the local paper', cue: 'reported', content: 'investigators found over 2,200 emails' },
  { text: 'The contests known as Super Tuesday will decide the race.', source: null, cue: 'known', content: 'The contests known as Super Tuesday' },
  // A light verb and its noun: the subject before the verb is the source.
  { text: 'Lind left no doubt that she would endorse a candidate this year.', source: 'Lind', cue: 'doubt', content: 'that she would endorse a candidate this year' },
  { text: 'Rep. Ann Lee (D-Wis.) said the vote was a dog whistle.', source: 'Rep. Ann Lee (D-Wis.)', cue: 'said', content: 'the vote was a dog whistle' },
  { text: '“Growth remains uncertain,” the fund report stated.', source: 'the fund report', cue: 'stated', content: '“Growth remains uncertain,”' },
  { text: 'MILLTOWN, Ore. — Sen. Ann Lee weighed in on the allegations, calling the behavior a “fireable offense.”', source: 'Sen. Ann Lee', cue: 'calling', content: 'the behavior a “fireable offense.”' },
  { text: 'His office put out a statement saying the senator was well.', source: 'His office', cue: 'saying', content: 'the senator was well' },
  { text: 'Recent polling shows the race is tightening.', source: 'Recent polling', cue: 'shows', content: 'the race is tightening' },
  { text: 'Seventy percent of voters say the party should unite.', source: 'Seventy percent of voters', cue: 'say', content: 'the party should unite' },
  // Reduced passives, with adverbs or as an appositive: nobody is the source.
  { text: 'Three names prominently mentioned as potential nominees are judges.', source: null, cue: 'mentioned', content: 'Three names prominently mentioned as potential nominees' },
  { text: 'Over 30,000 immigrants expected this year will arrive from abroad.', source: null, cue: 'expected', content: 'immigrants expected this year' },
  { text: 'Justice Moro, a judge considered a liberal, ranks high on the list.', source: null, cue: 'considered', content: 'a judge considered a liberal' },
  { text: 'The largest shareholder is an investment fund once known for its ties to a tycoon.', source: null, cue: 'known', content: 'an investment fund once known for its ties to a tycoon' },
  { text: 'The mayor said, asked about the budget, that cuts were coming.', source: null, cue: 'asked', content: 'about the budget' },
  { text: 'On her papers, in a box labeled “medical problem,” a doctor had typed a note.', source: null, cue: 'labeled', content: 'a box labeled “medical problem,”' },
  { text: 'All the attendees expressed their support for the mayor.', source: 'All the attendees', cue: 'expressed', content: 'their support for the mayor' },
  { text: 'The committee issued a statement saying the vote was fair.', source: 'The committee', cue: 'issued a statement', content: 'saying the vote was fair' },
  // A speaker borrowed from the sentence's subject must be able to speak: an event, a body part or a remark does not.
  { text: 'The rally with the governor comes two weeks later, urging people to register before the deadline.', source: null, cue: 'urging', content: 'to register before the deadline' },
  { text: 'Mr. Vell’s eyes welled with tears as he spoke and urged voters to trust his successor.', source: null, cue: 'urged', content: 'to trust his successor' },
  { text: 'One of her first moves was a bid for the consulting arm, believing the deal would vindicate her plan.', source: null, cue: 'believing', content: 'the deal would vindicate her plan' },
  { text: 'Remarks on the effort to lift the economy raise questions about possible conflicts.', source: null, cue: 'raise questions', content: 'about possible conflicts' },
  { text: 'The candidate’s campaign sued the party on Friday, claiming the move would cost it dearly.', source: 'The candidate’s campaign', cue: 'claiming', content: 'the move would cost it dearly' },
  { text: 'His campaign sued the party on Friday, claiming the move would cost it dearly.', source: 'His campaign', cue: 'claiming', content: 'the move would cost it dearly' },
  { text: 'He’s comparing the order to an earlier one and says the court will strike it down.', source: 'He’s', cue: 'says', content: 'the court will strike it down' },
  { text: 'The union’s organizers met the board, arguing that the cuts were unfair.', source: 'The union’s organizers', cue: 'arguing', content: 'that the cuts were unfair' },
  { text: 'The mayor labeled “a leader who has faced real crises” continues to lead the field.', source: null, cue: 'labeled', content: 'The mayor labeled “a leader who has faced real crises”' },
  { text: 'Her advice: The bluster that carried him through the primaries -- mocking rivals, proposing a ban on imports -- has hurt him.', source: null, cue: 'proposing', content: 'a ban on imports' },
  { text: 'He was angry. “Who do they think they are?” Vell said of the company in May, when it refused to open the phone.', source: 'Vell', cue: 'said', content: '“Who do they think they are?”', mode: 'direct' },
  { text: 'As the founder said last week in Oslo, “The city is the center of the new economy.” Many firms came.', source: 'the founder', cue: 'said', content: '“The city is the center of the new economy.”' },
  { text: 'Many agreed. Centrist presidential hopeful Sen. Ann Vell was also critical of the plan, telling the paper: “The plan is typical of this government.”', source: 'Centrist presidential hopeful Sen. Ann Vell', cue: 'telling', content: '“The plan is typical of this government.”', entities: [{ text: 'Ann Vell', type: 'PER' }] },
  // The terms of the interview are not what was said.
  { text: 'Two officials said on condition of anonymity that they expected the accounts to be frozen.', source: 'Two officials', cue: 'said', content: 'that they expected the accounts to be frozen' },
  { text: 'One aide said on condition that she not be named because she was not authorized to speak, that the talks had failed.', source: 'One aide', cue: 'said', content: 'that the talks had failed' },
  // A passive without its auxiliary, with its agent: the agent is the source.
  { text: 'The plan, announced by the mayor on Monday, was welcomed by residents who had waited years for the new bridge to open.', source: 'the mayor', cue: 'announced', content: 'The plan' },
  { text: 'The ban, announced by Interior Minister Ana Vell, makes membership punishable by ten years.', source: 'Interior Minister Ana Vell', cue: 'announced', content: 'The ban' },
  { text: 'The reporters raised questions about the contract.', source: 'The reporters', cue: 'raised questions', content: 'about the contract' },
  // A participle of the lexicon after a comma opens a new frame: the first content ends before it.
  { text: 'Huerta praised the senator’s record, crediting her with the new law.', source: 'Huerta', cue: 'praised', content: 'the senator’s record' },
  // A quotation signed with a dash and a name, as in a list of readers' comments.
  { text: 'Voters wrote to us.\n\n“The plan will ruin our town and nobody listens.” ― Ana Lind\n\nMore came in.', source: 'Ana Lind', cue: '―', content: '“The plan will ruin our town and nobody listens.”', mode: 'direct' },
  { text: 'Intro.\n\n“Maybe we can build a wall around the whole town.”\u00a0―\u00a0Steve Quinn.\n\nEnd.', source: 'Steve Quinn', cue: '―', content: '“Maybe we can build a wall around the whole town.”' },
  // A sentence split after an abbreviation ("R-Ky.") goes on; long appositives of an inverted source.
  { text: '“Our assumption is that the veto will be overridden,” Mitch Lane, R-Ky., said. Then he left.', source: 'Mitch Lane, R-Ky.', cue: 'said', content: '“Our assumption is that the veto will be overridden,”' },
  { text: '“It is an invasion of the state regulatory domain,” Scott Prue, the attorney general of the state, one of the states suing the agency, said.', source: 'Scott Prue, the attorney general of the state, one of the states suing the agency', cue: 'said', content: '“It is an invasion of the state regulatory domain,”' },
  { text: 'The answers to veteran suicides are not meeting the demand, says Paul Rick, founder and chief executive of a veterans group in the capital.', source: 'Paul Rick, founder and chief executive of a veterans group in the capital', cue: 'says', content: 'The answers to veteran suicides are not meeting the demand' },
  // "reportedly": a report with no named source; the clause is the content.
  { text: 'The group is reportedly spending $1.5 million on advertisements ahead of the primary.', source: null, cue: 'reportedly', content: 'The group is reportedly spending $1.5 million on advertisements ahead of the primary' },
  { text: 'Voters were surprised, with the former mayor reportedly considering a run as an independent.', source: null, cue: 'reportedly', content: 'the former mayor reportedly considering a run' },
  // A paragraph "Name: “quotation”", the name not known to the entities stage.
  { text: 'Intro.\n\nRepublican pollster Dan Shore: “Lesser-known candidates have seen the biggest boost.”\n\nEnd.', source: 'Republican pollster Dan Shore', cue: ':', content: '“Lesser-known candidates have seen the biggest boost.”' },
  { text: 'Intro.\n\nFrank Newman and Jim Hart: “We found that the leadership strengths matter most.”\n\nEnd.', source: 'Frank Newman and Jim Hart', cue: ':', content: '“We found that the leadership strengths matter most.”' },
  { text: 'Intro.\n\nRED STATES OUTNUMBER BLUE STATES - Jeff M. Jonas: “Our analysis finds that 20 states lean one way.”\n\nEnd.', source: 'Jeff M. Jonas', cue: ':', content: '“Our analysis finds that 20 states lean one way.”' },
  { text: 'Kall -- co-editor of a book analyzing debates -- said the candidate tended to make announcements there.', source: 'Kall -- co-editor of a book analyzing debates --', cue: 'said', content: 'the candidate tended to make announcements there' },
  // A transcript line that opens with a stray quotation mark.
  { text: 'The interview went on.\n\n"PENCE: Well, look, the question really should be about the debate.\n\nIt ended.', source: 'PENCE', cue: ':', content: 'Well, look, the question' },
  // The title line "Name: content" of an article, even when the name is not a known entity.
  { text: 'Graham: The rhetoric is destroying the party’s chances.\n\nThe senator spoke on Thursday.', source: 'Graham', cue: ':', content: 'The rhetoric is destroying the party’s chances' },
];

describe('statements: table of cases', () => {
  for (const c of CASES) {
    it(c.text, () => {
      const { statements } = run(c.text, c.entities);
      const s = statements.find((f) => f.data.cue?.text === c.cue);
      expect(s, `no statement with cue "${c.cue}" in ${JSON.stringify(statements.map((f) => f.data.cue?.text))}`).toBeDefined();
      if (!s) return;
      expect(s.data.source?.text ?? null).toBe(c.source);
      expect(s.data.content.text).toContain(c.content);
      if (c.mode) expect(s.data.mode).toBe(c.mode);
      if (c.medium) expect(s.data.medium?.text).toBe(c.medium);
      if (c.addressee) expect(s.data.addressee?.text).toBe(c.addressee);
      if (c.speaker !== undefined) expect(s.data.speaker?.name ?? null).toBe(c.speaker);
      for (const p of [s.data.source, s.data.cue, s.data.content, s.data.medium, s.data.addressee]) {
        if (p) expect(c.text.slice(p.span.start, p.span.end)).toBe(p.text);
      }
    });
  }
});

describe('statements: speakers', () => {
  it('resolves a name mention to the entity name, and a later "he" to that person', () => {
    const text = 'Albanian Prime Minister Edi Rama said the decision was final.\n“This response is proportionate,” he said.';
    const { statements } = run(text, [{ text: 'Edi Rama', type: 'PER', titles: ['Albanian Prime Minister'] }]);
    expect(statements.map((s) => [s.data.source?.text, s.data.speaker?.name, s.data.speaker?.via])).toEqual([
      ['Albanian Prime Minister Edi Rama', 'Edi Rama', 'name'],
      ['he', 'Edi Rama', 'pronoun'],
    ]);
    expect(statements[1]!.data.speaker?.entity).toEqual({ start: text.indexOf('Edi Rama'), end: text.indexOf('Edi Rama') + 8 });
  });

  it('resolves a short name through the full name in the article', () => {
    const text = 'Edi Rama met the press. “We opened our doors,” Rama said.';
    const { statements } = run(text, [{ text: 'Edi Rama', type: 'PER' }]);
    expect(statements[0]?.data.speaker?.name).toBe('Edi Rama');
  });

  it('resolves a description to the one person with that title', () => {
    const text = 'Edi Rama spoke on Friday. The Albanian prime minister said the country wanted peace.';
    const { statements } = run(text, [{ text: 'Edi Rama', type: 'PER', titles: ['Albanian Prime Minister'] }]);
    const s = statements.find((f) => f.data.cue?.text === 'said');
    expect(s?.data.speaker).toMatchObject({ name: 'Edi Rama', via: 'title', type: 'PER' });
  });

  it('leaves a description unresolved when two people share the title', () => {
    const text = 'Ann Lee and Bo Park are ministers. The minister said the plan was ready.';
    const { statements } = run(text, [
      { text: 'Ann Lee', type: 'PER', titles: ['minister'] },
      { text: 'Bo Park', type: 'PER', titles: ['minister'] },
    ]);
    const s = statements.find((f) => f.data.cue?.text === 'said');
    expect(s?.data.speaker).toMatchObject({ entity: null, via: 'unresolved' });
  });

  it('types organisations, documents and groups', () => {
    const text = 'The U.S. National Security Council said it was watching. The letter said the deal was secret. Analysts believe the talks will fail.';
    const { statements } = run(text, [{ text: 'U.S. National Security Council', type: 'ORG' }]);
    expect(statements.map((s) => s.data.speaker?.type)).toEqual(['ORG', 'DOC', 'GROUP']);
  });

  it('leaves "he" unresolved when no person came before', () => {
    const { statements } = run('“We are ready,” he said.');
    expect(statements[0]?.data.speaker).toMatchObject({ name: 'he', entity: null, via: 'unresolved' });
  });

  it('gives a statement without a source no speaker', () => {
    const { statements } = run('It was announced that the camp would be closed.');
    expect(statements[0]?.data.source).toBeNull();
    expect(statements[0]?.data.speaker).toBeNull();
  });
});

describe('statements: quotations', () => {
  it('joins a quotation that runs over several paragraphs with only opening marks', () => {
    const text = 'Rama said:\n\n“The first paragraph goes on.\n\n“The second paragraph ends here.”\n\nThe end.';
    const scan = findQuotes(text);
    expect(scan.quotes).toHaveLength(1);
    expect(text.slice(scan.quotes[0]!.start, scan.quotes[0]!.end)).toBe('“The first paragraph goes on.\n\n“The second paragraph ends here.”');
  });

  it('does not take apostrophes for quotation marks', () => {
    const text = "Rama's party won. The Joneses' house is red. It's fine.";
    expect(findQuotes(text).quotes).toHaveLength(0);
  });

  it('records a note on an unbalanced quotation mark and does not throw', () => {
    const { notes } = run('“This quote never ends, Rama said.\n\nNext paragraph.');
    expect(notes.map((n) => n.code)).toContain('unbalanced-quote');
  });
});

const MUST_NOT_MATCH: readonly string[] = [
  'Intro.\n\nA note on the polls: “Likely voters” are hard to define.\n\nEnd.',
  'Intro.\n\nUpdate: “Final” results are in.\n\nEnd.',
  'The said agreement was signed in 2014.',
  'He read “War and Peace” on the train.',
  'The film “The Irishman” opened in New York.',
  'Albania accused of hosting a “cyberattack” network, reports claim nothing.',
  'The so-called “investigation” ended in July.',
  'The United States and its allies met in Paris.',
  'A talk show host arrived at the studio.',
  'Police raided a camp owing to the group’s involvement in “terror and cyber attacks” against foreign organizations.',
  'The senator appeared at a rally in Ohio on Monday.',
  'The mayor appeared on television with her deputy.',
  'A well-known author arrived at the station.',
  'The express train left at noon.',
  'Analysis: The budget is larger than last year.',
  'The mayor did not respond to requests for comment on Friday.',
  'There are plans to expand the office next year.',
  'He backed down from the fight after a week.',
  'The cast of the film arrived in Venice.',
  'He was charged with fraud in 2012.',
  'The pain in his back was severe.',
  'The new calls of the birds woke the campers.',
  'The reported deal collapsed within a week.',
  'Their posted notices were torn down overnight.',
];

describe('statements: must not match', () => {
  for (const text of MUST_NOT_MATCH) {
    it(text, () => {
      const { statements } = run(text);
      const bad = statements.filter((s) => s.data.mode === 'direct' || /^(?:said|States|show|appeared|known|express|:|respond|plans|backed|cast|charged|back|calls|reported|posted)$/.test(s.data.cue?.text ?? ''));
      expect(bad.map((s) => s.text)).toEqual([]);
    });
  }
});

describe('statements: properties', () => {
  const quoteChars = fc.constantFrom('“', '”', '"', "'", '‘', '’', '«', '»', ' said ', ', he said.', '\n\n', 'Rama ', 'that ', '.', ',', ':');
  const textArb = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.array(fc.oneof(quoteChars, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((a) => a.join('')),
  );

  it('every part slices to its text and no input throws', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const results = runStages(makeArticle(text), tokenize(text), [statementsStage], true);
        const st = results[0]!;
        expect(st.notes.filter((n) => n.code === 'stage-crashed' || n.code === 'bad-span')).toEqual([]);
        for (const f of st.findings as StatementFinding[]) {
          expect(text.slice(f.span.start, f.span.end)).toBe(f.text);
          for (const p of [f.data.source, f.data.cue, f.data.content, f.data.medium, f.data.addressee]) {
            if (!p) continue;
            expect(text.slice(p.span.start, p.span.end)).toBe(p.text);
            expect(p.span.start).toBeGreaterThanOrEqual(f.span.start);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('statements: relative and participle sources', () => {
  it('resolves "who" to the name before it', () => {
    const text = 'The crowd cheered Ann Lee, who said the vote was rigged.';
    const { statements } = run(text, [{ text: 'Ann Lee', type: 'PER' }]);
    const s = statements.find((f) => f.data.cue?.text === 'said');
    expect(s?.data.source?.text).toBe('who');
    expect(s?.data.speaker).toMatchObject({ name: 'Ann Lee', type: 'PER' });
  });

  it('gives "..., adding that ..." the speaker of the statement before it', () => {
    const text = 'The letter said the deal was secret, adding that it had been signed in 2012.';
    const { statements } = run(text);
    const adding = statements.find((f) => f.data.cue?.text === 'adding');
    expect(adding?.data.source).toBeNull();
    expect(adding?.data.speaker).toMatchObject({ name: 'The letter', type: 'DOC' });
    expect(adding?.data.content.text).toBe('that it had been signed in 2012');
  });

  it('does not give a quotation to a frame in the next sentence that opens content of its own', () => {
    const { statements } = run('Sanders rejected the claim: "It\'s just not true." He said the senator would not go far enough.');
    const said = statements.find((f) => f.data.cue?.text === 'said');
    expect(said?.data.content.text).toBe('the senator would not go far enough');
    expect(statements.some((f) => f.data.cue?.text === ':')).toBe(false);
  });

  it('gives "..., saying ..." the subject after an opening adverbial, never the words after the participle', () => {
    const { statements } = run('In May, a judge sided with the plaintiffs, saying the law violated the constitution.');
    const saying = statements.find((f) => f.data.cue?.text === 'saying');
    expect(saying?.data.source?.text).toBe('a judge');
    expect(saying?.data.content.text).toBe('the law violated the constitution');
  });

  it('finds the frame in "As the paper noted, ..."', () => {
    const { statements } = run('As the paper noted, it is surprising that the deal was signed.');
    expect(statements[0]?.data).toMatchObject({ source: { text: 'the paper' }, cue: { text: 'noted' }, content: { text: 'it is surprising that the deal was signed' } });
  });
});

/** Sourceless attributions: a statement with this cue, if we report one, names no source (PolNeAR "Attribution-no-source"). */
const NO_SOURCE: readonly { text: string; cue: string }[] = [
  { text: 'Nearly 850,000 absentee ballots have so far been requested.', cue: 'requested' },
  { text: 'Keeps saying she opposed the war, when there are clips of her supporting it.', cue: 'saying' },
  { text: 'Keeps saying she opposed the war, when there are clips of her supporting it.', cue: 'opposed' },
  { text: 'It is worth noting that the plan failed twice.', cue: 'noting' },
  { text: 'It means acknowledging that his message is the future of the party.', cue: 'acknowledging' },
  { text: 'One key to stopping this long nightmare will be reminding voters every day that the policy failed.', cue: 'reminding' },
  { text: 'The grief was shared around the world because it felt so universal.', cue: 'felt' },
  { text: 'Ann Lee Just Got Asked About the Election', cue: 'Asked' },
  { text: 'A celebratory event was held called Pies and Politics.', cue: 'called' },
  { text: 'There have been no reported problems in the state.', cue: 'reported' },
  { text: 'The story of his brother is bleak and seldom told.', cue: 'told' },
  { text: '“I will not,” said the retired surgeon, asked about his claims.', cue: 'asked' },
  { text: 'It was never intended for the president to pick whoever he wants.', cue: 'intended' },
  { text: 'He said it was widely reported that the plant would close.', cue: 'reported' },
  { text: 'Much of the money was, as it was called, a loan.', cue: 'called' },
  { text: 'The crowd marched on, raising fears of unrest in the city.', cue: 'fears' },
];

describe('statements: no invented source', () => {
  for (const c of NO_SOURCE) {
    it(c.text, () => {
      const { statements } = run(c.text);
      const s = statements.filter((f) => f.data.cue?.text === c.cue);
      expect(s.map((f) => f.data.source?.text ?? null)).toEqual(s.map(() => null));
      expect(s.map((f) => f.data.speaker)).toEqual(s.map(() => null));
    });
  }
  // A noun that looks like a cue, after determiners or adjectives: no statement at all.
  for (const [text, cue] of [
    ['The latest plan to stop the nominee is a long shot.', 'plan'],
    ['Then came another, more sympathetic tweet about the tragedy.', 'tweet'],
    ['The grim view of the political climate comes as voters worry.', 'view'],
    ['The hall echoed with the strains of the song.', 'echoed'],
    ['The incendiary comments drew anger across the state.', 'comments'],
    ['It did not resolve a more pressing question about donors.', 'question'],
    ['Candidates get many requests to answer questionnaires.', 'requests'],
    ['A new batch of agency emails includes requests to help a donor.', 'requests'],
    ['In an apparent counter to the senator’s policies, the minister stressed ties.', 'counter'],
  ] as const) {
    it(`must not match: ${text}`, () => {
      expect(run(text).statements.filter((f) => f.data.cue?.text === cue).map((f) => f.text)).toEqual([]);
    });
  }

  it('gives "..., adding later, “...”" after a quotation frame the speaker of that frame, with no source of its own', () => {
    const { statements } = run('“We cannot afford it,” Lee said, adding later, “The alliance costs a fortune.”');
    const adding = statements.find((f) => f.data.cue?.text === 'adding');
    expect(adding?.data.source).toBeNull();
    expect(adding?.data.speaker?.name).toBe('Lee');
    expect(adding?.data.content.text).toBe('“The alliance costs a fortune.”');
  });
});

describe('statements: nominal frames and questions', () => {
  it('reads "X\'s claim that ..."', () => {
    const { statements } = run("The court rejected Smith's claim that the vote had been rigged.");
    const s = statements.find((f) => f.data.cue?.text === 'claim');
    expect(s?.data).toMatchObject({ source: { text: 'Smith' }, content: { text: 'that the vote had been rigged' } });
  });

  it('gives "When asked whether ..." no source', () => {
    const { statements } = run('When asked whether he would run again, the mayor said he had not decided.');
    const asked = statements.find((f) => f.data.cue?.text === 'asked');
    expect(asked?.data.source).toBeNull();
    expect(asked?.data.content.text).toBe('whether he would run again');
    expect(statements.find((f) => f.data.cue?.text === 'said')?.data.source?.text).toBe('the mayor');
  });
});
