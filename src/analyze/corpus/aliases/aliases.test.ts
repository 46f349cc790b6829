import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/corpus.js';
import { AliasIndex } from './index.js';
import { nameKey, spells } from './names.js';
import type { AliasArticleInput } from './state.js';
import { marked } from './test-support.js';

/* Invented names only: the engine must know nothing about any story. */

function actorsOf(articles: readonly AliasArticleInput[]): Actor[] {
  const index = new AliasIndex();
  for (const a of articles) index.add(a);
  return index.actors([]);
}
const actorWith = (actors: readonly Actor[], name: string): Actor | undefined => actors.find((a) => a.names.some((n) => n.name === name));

interface Case {
  readonly why: string;
  readonly articles: readonly string[];
  /** Names that must be one actor. */
  readonly together: readonly string[];
  readonly kind?: string;
}

const POSITIVE: readonly Case[] = [
  {
    why: 'acronym defined in one article, used alone in another',
    articles: ['The [[Foo Bar Organization|ORG]] ([[FBO|ORG|acronym|Foo Bar Organization]]) met.', '[[FBO|ORG]] denied it.'],
    together: ['Foo Bar Organization', 'FBO'],
    kind: 'acronym',
  },
  {
    why: '"known as" name defined in one article, used alone in another',
    articles: ['[[Norland Liberation Front|ORG]], known as [[Green Line|ORG|known-as|Norland Liberation Front]], met.', 'Members of [[Green Line|ORG]] marched.'],
    together: ['Norland Liberation Front', 'Green Line'],
    kind: 'known-as',
  },
  {
    why: 'one long form defined with an acronym in two spellings',
    articles: ['[[Harakat Sabz Organization|ORG]] ([[HSO|ORG|acronym|Harakat Sabz Organization]]).', '[[Harakat-e-Sabz Organization|ORG]] ([[HSO|ORG|acronym|Harakat-e-Sabz Organization]]).'],
    together: ['Harakat Sabz Organization', 'Harakat-e-Sabz Organization', 'HSO'],
  },
  {
    why: 'acronym letters spell the long form with its particle and without the trailing Organization ("MEK" style)',
    articles: ['The [[Mobarezin-e Vatan Organization|ORG]] spoke in [[Ostvale|LOC]].', 'The [[MEV|ORG]] spoke in [[Ostvale|LOC]].', 'The [[MeV|ORG]] spoke.', 'The [[MVO|ORG]] spoke.'],
    together: ['Mobarezin-e Vatan Organization', 'MEV', 'MeV', 'MVO'],
    kind: 'acronym',
  },
  {
    why: 'acronym with dots and an "of" particle',
    articles: ['The [[United Republics of Norland|LOC]] voted.', 'The [[U.R.N.|LOC]] voted.', 'The [[URN|LOC]] voted.'],
    together: ['United Republics of Norland', 'U.R.N.', 'URN'],
  },
  {
    why: 'surname alone in another article, one person with that surname in the corpus',
    articles: ['[[Ana Vell|PER]] spoke on Monday.', '[[Vell|PER]] said it was over.'],
    together: ['Ana Vell', 'Vell'],
    kind: 'short-form',
  },
  {
    why: 'the head of an organisation name, shortened in one article, used alone in others',
    articles: ['The [[Ostvale Kestrels|ORG]] won; the [[Kestrels|ORG|short-form|Ostvale Kestrels]] scored.', 'The [[Kestrels|ORG]] lost.'],
    together: ['Ostvale Kestrels', 'Kestrels'],
  },
  {
    why: 'short form linked in its article, then used alone elsewhere',
    articles: ['[[Ana Vell|PER]] spoke. [[Vell|PER|short-form|Ana Vell]] said no.', 'Later [[Vell|PER]] left.'],
    together: ['Ana Vell', 'Vell'],
  },
  {
    why: 'transliteration variants: u/o, e/i, doubled letters, kh/k',
    articles: ['[[Mohammad Rezaei Khani|PER]] came.', '[[Muhammad Rezaii Kani|PER]] came.', '[[Mohammed Rezaie Khani|PER]] came.'],
    together: ['Mohammad Rezaei Khani', 'Muhammad Rezaii Kani', 'Mohammed Rezaie Khani'],
    kind: 'spelling-variant',
  },
  {
    why: 'a one-letter spelling variant in a long surname',
    articles: ['[[Qadir Soleimani|PER]] came.', '[[Qadir Solaimani|PER]] came.'],
    together: ['Qadir Soleimani', 'Qadir Solaimani'],
    kind: 'spelling-variant',
  },
  {
    why: 'a surname two people share, used alone: the person articles shorten to it in nine uses out of ten',
    articles: [
      ...Array.from({ length: 9 }, (_, i) => `[[Ana Vell|PER]] spoke ${i}. [[Vell|PER|short-form|Ana Vell]] said.`),
      '[[Tom Vell|PER]] came.',
      '[[Vell|PER]] said it was over.',
    ],
    together: ['Ana Vell', 'Vell'],
    kind: 'short-form',
  },
  {
    why: 'a lone surname in another transliteration',
    articles: ['[[Nasim Kanaani|PER]] spoke.', '[[Kanani|PER]] said.'],
    together: ['Nasim Kanaani', 'Kanani'],
    kind: 'short-form',
  },
  {
    why: 'particle and spacing variants ("-e-", "- e", "al-")',
    articles: ['[[Jebhe-ye Melli Organization|ORG]] met.', '[[Jebhe- ye Melli Organization|ORG]] met.', '[[Jebhe Melli Organization|ORG]] met.'],
    together: ['Jebhe-ye Melli Organization', 'Jebhe- ye Melli Organization', 'Jebhe Melli Organization'],
  },
  {
    why: 'al- particle dropped in a person name',
    articles: ['[[Nouri al-Sabeti|PER]] spoke.', '[[Nouri Sabeti|PER]] spoke.'],
    together: ['Nouri al-Sabeti', 'Nouri Sabeti'],
  },
  {
    why: 'same name: case, diacritics, leading "the", possessive',
    articles: ['[[Café Norte|ORG]] opened.', '[[CAFE NORTE|ORG]] closed.', "[[Cafe Norte's|ORG]] owner.", '[[The Cafe Norte|ORG]] again.'],
    together: ['Café Norte', 'CAFE NORTE', "Cafe Norte's", 'The Cafe Norte'],
    kind: 'same-name',
  },
  {
    why: 'adjacent definition the entities stage left unlinked: "A (The B)"',
    articles: ['[[Harlan Association|ORG]] (The [[Friends of Harlan Victims|ORG]]) wrote.', 'The [[Friends of Harlan Victims|ORG]] wrote again.'],
    together: ['Harlan Association', 'Friends of Harlan Victims'],
    kind: 'known-as',
  },
  {
    why: 'a name typed differently in one article follows its majority type',
    articles: ['[[Norland|LOC]] voted.', '[[Norland|LOC]] won.', '[[Norland|ORG]] said.', 'The [[Republic of Norland|LOC]] and [[Norland|LOC|short-form|Republic of Norland]].'],
    together: ['Norland', 'Republic of Norland'],
  },
];

const NEGATIVE: readonly { why: string; articles: readonly string[]; apart: readonly [string, string][] }[] = [
  {
    why: 'two people share a surname: the surname alone stays ambiguous, the two never merge',
    articles: ['[[Ana Vell|PER]] came.', '[[Tom Vell|PER]] came.', '[[Vell|PER]] said.'],
    apart: [['Ana Vell', 'Tom Vell'], ['Vell', 'Ana Vell'], ['Vell', 'Tom Vell']],
  },
  {
    why: 'each article links the surname to a different person: no bridge',
    articles: ['[[Ana Vell|PER]] came. [[Vell|PER|short-form|Ana Vell]] said.', '[[Tom Vell|PER]] came. [[Vell|PER|short-form|Tom Vell]] said.', 'Then [[Vell|PER]] left.'],
    apart: [['Ana Vell', 'Tom Vell']],
  },
  { why: 'a city and a person whose first name it is', articles: ['[[Paris|LOC]] is big.', '[[Paris Hilton|PER]] came.', '[[Hilton|PER]] said.'], apart: [['Paris', 'Paris Hilton']] },
  { why: 'an acronym and a name that starts with it', articles: ['The [[US|LOC]] and the [[United States|LOC]].', '[[USA Today|ORG]] wrote.'], apart: [['US', 'USA Today'], ['United States', 'USA Today']] },
  { why: 'short single names one letter apart', articles: ['[[Iran|LOC]] and [[Iraq|LOC]] met.', '[[Austria|LOC]] and [[Australia|LOC]].'], apart: [['Iran', 'Iraq'], ['Austria', 'Australia']] },
  { why: 'a place and a person of the same first name', articles: ['[[Georgia|LOC]] voted.', '[[Georgia|LOC]] won.', '[[Georgia Brown|PER]] spoke.', '[[Georgia|PER]] said.'], apart: [['Georgia', 'Georgia Brown']] },
  { why: 'different surnames of people with one first name', articles: ['[[Lena Moritz|PER]] and [[Lena Morrow|PER]].', '[[Ana Vell|PER]] and [[Ana Bell|PER]].'], apart: [['Lena Moritz', 'Lena Morrow'], ['Ana Vell', 'Ana Bell']] },
  {
    why: 'an acronym that spells two long forms in the corpus',
    articles: ['The [[Foo Bar Organization|ORG]] met.', 'The [[Fine Bread Office|ORG]] met.', '[[FBO|ORG]] said.'],
    apart: [['FBO', 'Foo Bar Organization'], ['FBO', 'Fine Bread Office'], ['Foo Bar Organization', 'Fine Bread Office']],
  },
  {
    why: 'an acronym defined for two organisations: neither the two nor the lone acronym merge',
    articles: ['The [[Norland Authority|ORG]] ([[NA|ORG|acronym|Norland Authority]]) met.', 'The [[Nordic Association|ORG]] ([[NA|ORG|acronym|Nordic Association]]) met.', '[[NA|ORG]] said.'],
    apart: [['Norland Authority', 'Nordic Association']],
  },
  {
    why: 'a lone word folded like a surname of two people stays apart from both',
    articles: ['[[Ed Snider|PER]] spoke.', '[[Al Snyder|PER]] spoke.', '[[Snyder|PER]] said.'],
    apart: [['Snyder', 'Ed Snider'], ['Ed Snider', 'Al Snyder']],
  },
  { why: 'first names one letter apart are different people', articles: ['[[Mark Castellano|PER]] and [[Mary Castellano|PER]].'], apart: [['Mark Castellano', 'Mary Castellano']] },
  {
    why: 'a place an article shortens from a longer place name is not the place named alone elsewhere',
    articles: ['[[Downtown Norland|LOC]] was quiet; [[Norland|LOC|short-form|Downtown Norland]] too.', '[[Norland|LOC]] voted.', '[[Norland|LOC]] won.'],
    apart: [['Norland', 'Downtown Norland']],
  },
  {
    why: 'an acronym whose letters spell a long form named only in another story (no shared context)',
    articles: ['The [[Kestrel Creamery|ORG]] in [[Ostvale|LOC]] sold ice cream to [[Lina Osk|PER]].', 'The [[KC|ORG]] beat [[Harrow United|ORG]] as [[Bo Tann|PER]] scored.'],
    apart: [['KC', 'Kestrel Creamery']],
  },
  {
    why: 'an organisation named after a preposition is not its short name ("on Twitter")',
    articles: ['[[Friends on Norgram|ORG]] and [[Norgram|ORG|short-form|Friends on Norgram]].', '[[Norgram|ORG]] grew.', '[[Norgram|ORG]] fell.'],
    apart: [['Norgram', 'Friends on Norgram']],
  },
  { why: 'an acronym whose letters do not fit', articles: ['The [[European Union|ORG]] and [[Emerging Europe|ORG]].', '[[EU|ORG]] said.'], apart: [['EU', 'Emerging Europe']] },
  { why: 'same name, different types that do not mix (person vs organisation)', articles: ['[[Ana Vell|PER]] spoke.', '[[Ana Vell Foundation|ORG]] gave.', '[[AVF|ORG]] gave.'], apart: [['Ana Vell', 'Ana Vell Foundation']] },
];

describe('aliases: names that merge', () => {
  it.each(POSITIVE)('$why', (c) => {
    const actors = actorsOf(c.articles.map((m, i) => marked(`a${i}`, m)));
    const ids = new Set(c.together.map((n) => actorWith(actors, n)?.id ?? `missing:${n}`));
    expect([...ids]).toHaveLength(1);
    expect([...ids][0]).not.toMatch(/^missing/);
    const actor = actorWith(actors, c.together[0]!)!;
    if (c.kind) expect(actor.evidence.map((e) => e.kind)).toContain(c.kind);
    expect(actor.confidence).toBeGreaterThan(0);
    expect(actor.confidence).toBeLessThanOrEqual(1);
  });
});

describe('aliases: names that must stay apart', () => {
  it.each(NEGATIVE)('$why', (c) => {
    const index = new AliasIndex();
    for (const [i, m] of c.articles.entries()) index.add(marked(`a${i}`, m));
    index.actors([]);
    for (const [x, y] of c.apart) {
      // actorOf: the actor of the name itself (an alias an article gave it elsewhere may also be listed by another actor)
      const ax = index.actorOf(x, 'PER');
      const ay = index.actorOf(y, 'PER');
      expect(ax, x).not.toBeNull();
      expect(ay, y).not.toBeNull();
      expect(ax === ay, `${x} / ${y}`).toBe(false);
    }
  });
});

describe('aliases: actors', () => {
  it('gives the defining mention as the source of an acronym, and a stable id from the full name', () => {
    const a0 = marked('a0', 'Today the [[Foo Bar Organization|ORG]] ([[FBO|ORG|acronym|Foo Bar Organization]]) met. [[FBO|ORG|acronym|Foo Bar Organization]] left.');
    const actors = actorsOf([a0, marked('a1', '[[FBO|ORG]] denied it.'), marked('a2', '[[FBO|ORG]] again.')]);
    const fbo = actorWith(actors, 'FBO')!;
    expect(fbo.id).toBe('actor:org:foo-bar-organization');
    expect(fbo.name).toBe('Foo Bar Organization');
    expect(fbo.names[0]).toEqual({ name: 'FBO', mentions: 4, articles: 3 });
    expect(fbo.mentions).toBe(5);
    const ev = fbo.evidence.find((e) => e.kind === 'acronym')!;
    const src = ev.sources[0]!;
    expect(src.articleId).toBe('a0');
    expect(a0.text.slice(src.span.start, src.span.end)).toBe('Foo Bar Organization');
    expect(src.text).toBe('Foo Bar Organization');
    expect(src.findingId).toBe('a0:entities:0');
    expect(fbo.articles).toEqual([{ articleId: 'a0', mentions: 3 }, { articleId: 'a1', mentions: 1 }, { articleId: 'a2', mentions: 1 }]);
  });

  it('records shared context as supporting evidence of a weak merge, and raises its score', () => {
    const arts = [marked('a0', '[[Ana Vell|PER]] met [[Bo Tann|PER]] in [[Ostvale|LOC]].'), marked('a1', '[[Vell|PER]] met [[Bo Tann|PER]] in [[Ostvale|LOC]].')];
    const vell = actorWith(actorsOf(arts), 'Vell')!;
    expect(vell.evidence.map((e) => e.kind)).toEqual(['short-form', 'shared-context']);
    expect(vell.confidence).toBeGreaterThan(0.75);
    const alone = actorWith(actorsOf([marked('a0', '[[Ana Vell|PER]] met [[Bo Tann|PER]].'), marked('a1', '[[Vell|PER]] met [[Cy Dorn|PER]].')]), 'Vell')!;
    expect(alone.confidence).toBe(0.75);
  });

    it('confidence is the weakest merge; one name is 1', () => {
    const actors = actorsOf([marked('a0', '[[Ana Vell|PER]] and [[Bo Tann|PER]].'), marked('a1', '[[Vell|PER]] said.')]);
    expect(actorWith(actors, 'Vell')!.confidence).toBeLessThan(0.9);
    expect(actorWith(actors, 'Bo Tann')!.confidence).toBe(1);
    expect(actorWith(actors, 'Bo Tann')!.evidence).toEqual([]);
  });

  it('sorts actors by mentions, then name; actorOf finds a name and its case variants', () => {
    const index = new AliasIndex();
    index.add(marked('a0', '[[Bo Tann|PER]], [[Ana Vell|PER]], [[Ana Vell|PER]], [[Cy Dorn|PER]].'));
    const actors = index.actors([]);
    expect(actors.map((a) => a.name)).toEqual(['Ana Vell', 'Bo Tann', 'Cy Dorn']);
    expect(index.actorOf('Ana Vell', 'PER')).toBe('actor:per:ana-vell');
    expect(index.actorOf('ANA VELL', 'PER')).toBe('actor:per:ana-vell');
    expect(index.actorOf('Nobody', 'PER')).toBeNull();
  });

  it('counts description mentions for the actor, not as a name', () => {
    const actors = actorsOf([marked('a0', '[[Ana Vell|PER]] came; [[the minister|PER|description|Ana Vell]] said.')]);
    expect(actors[0]!.mentions).toBe(2);
    expect(actors[0]!.names.map((n) => n.name)).toEqual(['Ana Vell']);
  });

  it('takes names that are Object property names as plain names, also after a rows round trip', () => {
    const arts = [marked('__proto__', '[[constructor|PER]] met [[__proto__|ORG]] and [[toString Valueof|PER]].'), marked('a1', '[[constructor|PER]] again.')];
    const index = new AliasIndex();
    for (const a of arts) index.add(a);
    const actors = index.actors([]);
    expect(actors.map((a) => a.name).sort()).toEqual(['__proto__', 'constructor', 'toString Valueof']);
    expect(AliasIndex.fromRows(JSON.parse(JSON.stringify(index.rows()))).actors([])).toEqual(actors);
  });

  it('re-adding an article replaces it', () => {
    const index = new AliasIndex();
    index.add(marked('a0', '[[Ana Vell|PER]] came.'));
    index.add(marked('a0', '[[Bo Tann|PER]] came.'));
    expect(index.actors([]).map((a) => a.name)).toEqual(['Bo Tann']);
  });
});

describe('aliases: name helpers', () => {
  it.each([
    ['MKO', 'Mobarezin-e Khalq Organization', true],
    ['MEK', 'Mobarezin-e Khalq Organization', true],
    ['MeK', 'Mobarezin-e-Khalq Organization', true],
    ['MEK', 'Mobarezin Khalq Organization', false],
    ['US', 'United States', true],
    ['U.S.', 'United States', true],
    ['USA', 'United States of America', true],
    ['US', 'USA Today', false],
    ['EU', 'Emerging Europe', false],
    ['UN', 'United Nations General Assembly', false],
    ['AQI', 'al-Qaida in Iraq', true],
  ])('%s spells %s: %s', (a, long, want) => expect(spells(a, long)).toBe(want));

  it.each([
    ['Mojahedin- e Khalq', 'Mojahedin-e Khalq'],
    ['The U.S.', 'US'],
    ['Café’s', 'cafe'],
    ['  Ana   Vell ', 'ana vell'],
  ])('%s and %s have the same key', (a, b) => expect(nameKey(a)).toBe(nameKey(b)));
});
