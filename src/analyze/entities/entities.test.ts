import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeArticle } from '../../../test/support/article.js';
import type { EntityFinding } from '../../domain/findings.js';
import { tokenize } from '../tokens/index.js';
import { entitiesStage, findEntities } from './index.js';

const run = (text: string): EntityFinding[] => findEntities(text, tokenize(text));
const find = (fs: EntityFinding[], text: string): EntityFinding | undefined => fs.find((f) => f.text === text);

describe('entities: model mentions and linking', () => {
  it('tags people, places and organisations with spans', () => {
    const text = 'Prime Minister Edi Rama told the German magazine Der Spiegel that Albania would not go to war.';
    const fs = run(text);
    const rama = find(fs, 'Edi Rama');
    expect(rama?.span).toEqual({ start: 15, end: 23 });
    expect(rama?.data.type).toBe('PER');
    expect(rama?.rule).toBe('entities/model:ner-conll');
    expect(find(fs, 'Albania')?.data.type).toBe('LOC');
  });

  const links: [string, string, string, string][] = [
    // text, mention, expected name, via
    ['Albanian Prime Minister Edi Rama spoke in Tirana on Friday. Rama said the talks had failed.', 'Rama', 'Edi Rama', 'short-form'],
    ['The World Health Organization (WHO) warned on Monday. WHO officials said more tests were needed.', 'WHO', 'World Health Organization', 'acronym'],
    ['Delegates of the Union of Concerned Scientists, known as UCS, met in Boston. UCS later issued a statement.', 'UCS', 'Union of Concerned Scientists', 'acronym'],
    ['Foreign Minister Sergei Lavrov arrived in Paris. Lavrov met his French counterpart.', 'Lavrov', 'Sergei Lavrov', 'short-form'],
  ];
  it.each(links)('%s -> %s', (text, mention, name, via) => {
    const fs = run(text);
    const all = fs.filter((f) => f.text === mention);
    expect(all.length).toBeGreaterThan(0);
    const last = all[all.length - 1];
    expect(last?.data.name).toBe(name);
    expect(last?.data.via).toBe(via);
    const ante = last?.data.antecedent;
    expect(ante && text.slice(ante.start, ante.end)).toBe(name);
  });

  const titles: [string, string, string][] = [
    ['Albanian Prime Minister Edi Rama said on Wednesday that ties were cut.', 'Edi Rama', 'Albanian Prime Minister'],
    ["Nasser Kanaani, the Iranian Foreign Ministry's spokesperson, said the move was hostile.", 'Nasser Kanaani', "Iranian Foreign Ministry's spokesperson"],
    ['The group was praised by US President Barack Obama in a speech.', 'Barack Obama', 'US President'],
    ['He met the leader of the Republican Party Fatmir Mediu in Paris.', 'Fatmir Mediu', 'leader of the Republican Party'],
  ];
  it.each(titles)('%s: titles of %s', (text, mention, title) => {
    expect(find(run(text), mention)?.data.titles).toContain(title);
  });

  it('reads datelines and title-case headlines', () => {
    const text = 'Host of Terror Group Cuts Ties With Iran\n\nTIRANA (Reuters) – Albania cut ties with Iran on Wednesday.';
    const fs = run(text).map((f) => `${f.span.start}:${f.text}:${f.data.type}`);
    expect(fs).toEqual(['36:Iran:LOC', '42:TIRANA:LOC', '50:Reuters:ORG', '61:Albania:LOC', '83:Iran:LOC']);
  });

  it('takes the name in a dateline\'s parentheses as the news agency', () => {
    const fs = run('LONDON (Zorblax) -- Shares fell on Monday.');
    expect(fs.map((f) => `${f.span.start}:${f.text}:${f.data.type}`)).toEqual(['0:LONDON:LOC', '8:Zorblax:ORG']);
  });

  it('finds media names', () => {
    const text = 'Officials left, Press TV reported. Rama told German magazine Der Spiegel that The Washington Post was wrong.';
    const fs = run(text).filter((f) => f.data.type === 'ORG').map((f) => `${f.span.start}:${f.text}`);
    expect(fs).toEqual(['16:Press TV', '61:Der Spiegel', '82:Washington Post']);
  });

  it('finds places named by the noun around them', () => {
    const text = 'Police entered the Zorva-7 camp on Tuesday. Residents of the camp, known as Zorva-7, protested.';
    const fs = run(text).filter((f) => f.text === 'Zorva-7');
    expect(fs.map((f) => [f.span.start, f.data.type])).toEqual([
      [19, 'LOC'],
      [76, 'LOC'],
    ]);
  });

  it('takes a parenthesised long name as another name of the organisation', () => {
    const text = 'The statement was signed by the Harlow Association (The Friends of Harlow Valley Victims).';
    const inner = run(text).find((f) => f.text.startsWith('Friends of Harlow'));
    expect(inner?.data.name).toBe('Harlow Association');
  });

  it('links a description to the one person carrying that title', () => {
    const text = 'Albanian Prime Minister Edi Rama announced the decision in a video. The Albanian prime minister said the attack was serious.';
    const d = run(text).find((f) => f.data.via === 'description');
    expect(d?.text).toBe('Albanian prime minister');
    expect(d?.data.name).toBe('Edi Rama');
  });

  it('leaves an ambiguous description unlinked', () => {
    const text = 'Prime Minister Edi Rama met Prime Minister Kyriakos Mitsotakis. The prime minister said nothing.';
    expect(run(text).some((f) => f.data.via === 'description')).toBe(false);
  });

  const mustNotMatch = [
    'The meeting ended on Monday.',
    'January was cold, and February was colder.',
    'Yesterday the committee met again. Today it adjourned.',
    'However, the results were mixed.',
    'He said it was over. She disagreed.',
  ];
  it.each(mustNotMatch)('finds nothing in: %s', (text) => {
    expect(run(text).map((f) => f.text)).toEqual([]);
  });
});

describe('entities: properties', () => {
  const check = (text: string): void => {
    const fs = entitiesStage.run({ article: makeArticle(text), tokens: tokenize(text), prior: () => [], note: () => undefined });
    for (const f of fs) {
      expect(text.slice(f.span.start, f.span.end)).toBe(f.text);
      if (f.data.antecedent) expect(f.data.antecedent.end).toBeLessThanOrEqual(text.length);
    }
  };
  it('every mention slices to its text; no throw on arbitrary Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), check), { numRuns: 100 });
    const pieces = fc.constantFrom('Edi Rama', 'Rama', ' ', '.', '(', ')', 'WHO', 'known as', 'the', 'Prime Minister', ',', '\n', 'Paris', 'IRAN', '’s', 'spokesman');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }), (a) => check(a.join(' '))), { numRuns: 150 });
  });

  it('output for a sentence does not depend on the order of unrelated sentences', () => {
    const a = 'Chancellor Angela Merkel visited Madrid on Tuesday.';
    const b = 'Shares of Toyota fell in Tokyo trading.';
    const c = 'The United Nations appealed for aid to Somalia.';
    const mentionsOf = (text: string, sentence: string): string[] => {
      const at = text.indexOf(sentence);
      return run(text)
        .filter((f) => f.span.start >= at && f.span.end <= at + sentence.length)
        .map((f) => `${f.span.start - at}:${f.text}:${f.data.type}`);
    };
    const orders = [[a, b, c], [c, a, b], [b, c, a]].map((o) => o.join(' '));
    for (const s of [a, b, c]) {
      const outs = orders.map((t) => mentionsOf(t, s));
      expect(outs[1]).toEqual(outs[0]);
      expect(outs[2]).toEqual(outs[0]);
    }
  });
});
