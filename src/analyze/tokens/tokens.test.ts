import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from './index.js';

const texts = (s: string): string[] => tokenize(s).tokens.map((t) => t.text);
const sentences = (s: string): string[] => tokenize(s).sentences.map((x) => s.slice(x.start, x.end));

describe('tokenize: tokens', () => {
  const cases: [string, string[]][] = [
    ['TEHRAN -- Albania', ['TEHRAN', '--', 'Albania']],
    ['the U.S., on', ['the', 'U.S.', ',', 'on']],
    ['Gen. J. R. Smith', ['Gen.', 'J.', 'R.', 'Smith']],
    ['Mr. Rama on Jan. 5', ['Mr.', 'Rama', 'on', 'Jan.', '5']],
    ["Iran's and Iran’s", ['Iran', "'s", 'and', 'Iran', '’s']],
    ["didn't, they're, O'Brien", ['did', "n't", ',', 'they', "'re", ',', "O'Brien"]],
    ['2,000 members, 3.5% and $20', ['2,000', 'members', ',', '3.5', '%', 'and', '$', '20']],
    ['1,2 and 12,3456', ['1', ',', '2', 'and', '12', ',', '3456']],
    ['anti-Iran Ashraf-3 Mujahedin-e-Khalq', ['anti-Iran', 'Ashraf-3', 'Mujahedin-e-Khalq']],
    ['“cyberattack” – a—b', ['“', 'cyberattack', '”', '–', 'a', '—', 'b']],
    ['wait... what…', ['wait', '...', 'what', '…']],
    ['see https://example.org/a?b=1. ok', ['see', 'https://example.org/a?b=1', '.', 'ok']],
    ['mail a.b@x.org or @handle #tag', ['mail', 'a.b@x.org', 'or', '@handle', '#tag']],
    ['kayhan.ir reported', ['kayhan.ir', 'reported']],
    ['AT&T and S&P', ['AT&T', 'and', 'S&P']],
    ['Tehran.The end', ['Tehran', '.', 'The', 'end']],
    ['東京は大きい。', ['東京は大きい', '。']],
    ['😀x', ['😀', 'x']],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('records offsets and line breaks', () => {
    const r = tokenize('Edi Rama\n\nsaid');
    expect(r.tokens.map((t) => [t.start, t.end, t.newlineBefore])).toEqual([
      [0, 3, false],
      [4, 8, false],
      [10, 14, true],
    ]);
  });
});

describe('tokenize: sentences', () => {
  const cases: [string, string[]][] = [
    ['He left. She stayed.', ['He left.', 'She stayed.']],
    ['“We decided,” Rama said. He left.', ['“We decided,” Rama said.', 'He left.']],
    ['He said: “It is over.” Then he left.', ['He said: “It is over.”', 'Then he left.']],
    ['Gen. Smith arrived. Mr. Jones left.', ['Gen. Smith arrived.', 'Mr. Jones left.']],
    ['George W. Bush spoke on Jan. 5 in the U.S. capital.', ['George W. Bush spoke on Jan. 5 in the U.S. capital.']],
    ['He lives in the U.S. The end.', ['He lives in the U.S.', 'The end.']],
    ['“Why?” he asked. Fine!', ['“Why?” he asked.', 'Fine!']],
    ['Title line\nFirst sentence. Second one.\n\nNew paragraph', ['Title line', 'First sentence.', 'Second one.', 'New paragraph']],
    ['It rose 3.5 percent. Then fell.', ['It rose 3.5 percent.', 'Then fell.']],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });

  it('paragraphs are trimmed non-blank lines', () => {
    const s = '  One.  \n\n Two\nThree ';
    expect(tokenize(s).paragraphs.map((p) => s.slice(p.start, p.end))).toEqual(['One.', 'Two', 'Three']);
  });
});

describe('tokenize: properties', () => {
  const check = (s: string): void => {
    const r = tokenize(s);
    let last = 0;
    for (const t of r.tokens) {
      expect(s.slice(t.start, t.end)).toBe(t.text);
      expect(t.start).toBeGreaterThanOrEqual(last);
      expect(t.end).toBeGreaterThan(t.start);
      expect(t.text.trim()).toBe(t.text);
      last = t.end;
    }
    let prevEnd = 0;
    for (const x of r.sentences) {
      expect(x.start).toBe(r.tokens[x.firstToken]?.start);
      expect(x.end).toBe(r.tokens[x.endToken - 1]?.end);
      expect(x.firstToken).toBe(prevEnd);
      prevEnd = x.endToken;
    }
    expect(prevEnd).toBe(r.tokens.length);
  };
  it('every token and sentence slices to its text, sentences cover all tokens (arbitrary Unicode)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => check(s)), { numRuns: 150 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => check(s)), { numRuns: 150 });
    const pieces = fc.constantFrom('U.S.', ' ', '\n', 'Mr.', '"', '”', "'s", '...', '--', '2,000', '3.5', 'a', 'The', '.', '?', 'x@y.com', 'http://a.b/c', '-', "n't", '’');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }), (a) => check(a.join(''))), { numRuns: 250 });
  });

  it('is fast (> 1M chars/s)', () => {
    const para = 'TEHRAN (Tasnim) – The Iranian Foreign Ministry’s spokesman said on Wednesday that 2,000 members of the U.S.-backed group, known as “MKO”, left Albania... ';
    const big = para.repeat(20000);
    tokenize(big.slice(0, 1000));
    // CPU time of this process, so that a busy machine does not fail the test.
    const c0 = process.cpuUsage();
    tokenize(big);
    const c = process.cpuUsage(c0);
    const secs = (c.user + c.system) / 1e6;
    expect(big.length / secs).toBeGreaterThan(1_000_000);
  });
});
