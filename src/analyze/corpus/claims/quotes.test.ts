import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../domain/finding.js';
import { groupClaims } from './index.js';
import type { ClaimArticleInput } from './types.js';
import { simpleContext, statement } from './test-support.js';

/** An article made of statements: [content, speaker, speaker type]. */
function quoting(id: string, items: [string, string | null, ('PER' | 'ORG' | 'DOC' | null)?][]): ClaimArticleInput {
  let text = '';
  const findings: StoredFinding[] = [];
  items.forEach(([content, speaker, type], n) => {
    text += 'It was said that ';
    findings.push(statement(id, n, content, text.length, speaker, type === undefined ? 'PER' : type));
    text += `${content}.\n`;
  });
  return { id, outlet: `outlet-${id}`, published: '2024-03-01', text, findings };
}

const Q = 'the government will not accept anyone who has abused the hospitality of this country';
const Q_REWORDED = 'the government will not accept anyone who has abused the hospitality of our nation';

describe('quote groups', () => {
  it('the same statement reworded, same speaker', () => {
    const { quotes } = groupClaims([quoting('a', [[Q, 'Ana Vell']]), quoting('b', [[Q_REWORDED, 'Ana Vell']])], simpleContext());
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ wordingDiffers: true, speakersDiffer: false, story: 'story-1' });
    expect(quotes[0]!.similarity).toBeGreaterThan(0.6);
    expect(quotes[0]!.statements.map((s) => s.speakerActor)).toEqual(['actor:ana vell', 'actor:ana vell']);
  });

  it('identical words after normalising quotes, case and whitespace do not differ in wording', () => {
    const { quotes } = groupClaims([quoting('a', [[`“${Q}”`, 'Ana Vell']]), quoting('b', [[`"${Q.toUpperCase()}"`, 'Ana  Vell']])], simpleContext());
    expect(quotes[0]).toMatchObject({ wordingDiffers: false, speakersDiffer: false, similarity: 1 });
  });

  it('different speakers, or a named speaker and an unnamed one, differ', () => {
    const two = groupClaims([quoting('a', [[Q, 'Ana Vell']]), quoting('b', [[Q, 'Olav Brun']])], simpleContext()).quotes;
    expect(two[0]!.speakersDiffer).toBe(true);
    const missing = groupClaims([quoting('a', [[Q, 'Ana Vell']]), quoting('b', [[Q, null]])], simpleContext()).quotes;
    expect(missing[0]!.speakersDiffer).toBe(true);
    const doc = groupClaims([quoting('a', [[Q, 'Ana Vell']]), quoting('b', [[Q, 'the letter', 'DOC']])], simpleContext()).quotes;
    expect(doc[0]!.speakersDiffer).toBe(true);
    const none = groupClaims([quoting('a', [[Q, null]]), quoting('b', [[Q, null]])], simpleContext()).quotes;
    expect(none[0]!.speakersDiffer).toBe(false);
  });

  it('a shorter quote inside a longer one', () => {
    const { quotes } = groupClaims([quoting('a', [[`${Q}, and that the decision was final and binding on all parties`, 'Ana Vell']]), quoting('b', [[Q, 'Ana Vell']])], simpleContext());
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.similarity).toBe(1);
  });

  it('keeps apart statements that share only a stock phrase, short contents, and one article repeating itself', () => {
    const a = quoting('a', [['the talks with the United States and its allies had failed completely last week', 'Ana Vell'], ['we agree', 'Ana Vell']]);
    const b = quoting('b', [['the sanctions imposed by the United States and its allies would be lifted soon', 'Olav Brun'], ['we agree', 'Olav Brun']]);
    expect(groupClaims([a, b], simpleContext()).quotes).toEqual([]);
    expect(groupClaims([quoting('c', [[Q, 'Ana Vell'], [Q, 'Ana Vell']])], simpleContext()).quotes).toEqual([]);
  });

  it('groups a quote reprinted by more articles than the posting cap, and not a stock phrase used as often', () => {
    const reprints = Array.from({ length: 260 }, (_, i) => quoting(`r${String(i).padStart(3, '0')}`, [[i % 3 ? Q : Q_REWORDED, 'Ana Vell']]));
    const stock = Array.from({ length: 260 }, (_, i) => quoting(`s${String(i).padStart(3, '0')}`, [[`the united states and its allies said that topic${i} matters for region${i} and for people${i} in the city${i} today`, `Speaker ${i}`]]));
    const { quotes } = groupClaims([...reprints, ...stock], simpleContext(null));
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.statements).toHaveLength(260);
    expect(quotes[0]!.wordingDiffers).toBe(true);
  });

  it('stays fast on many articles (inverted index, no all-pairs)', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const articles = Array.from({ length: 4000 }, (_, i) =>
      quoting(`x${i}`, [[Array.from({ length: 15 }, () => words[Math.floor(rnd() * words.length)]).join(' '), `Speaker ${i % 50}`]]),
    );
    articles.push(quoting('y1', [[Q, 'Ana Vell']]), quoting('y2', [[Q_REWORDED, 'Ana Vell']]));
    const t = performance.now();
    const { quotes } = groupClaims(articles, simpleContext(null));
    expect(performance.now() - t).toBeLessThan(5000);
    expect(quotes.map((q) => q.statements.map((s) => s.source.articleId))).toEqual([['y1', 'y2']]);
  });
});
