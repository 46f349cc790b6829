import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { htmlFragmentToText } from './blocks.js';

describe('htmlFragmentToText', () => {
  it.each([
    ['<p>One  two</p><p>Three</p>', 'One two\n\nThree'],
    ['Plain &amp; simple', 'Plain & simple'],
    ['<div>A<br>B</div>', 'A\n\nB'],
    ['<p>Fish &amp; chips &mdash; &#8220;quoted&#8221;</p>', 'Fish & chips — “quoted”'],
    ['<ul><li>one</li><li>two</li></ul>', 'one\n\ntwo'],
    ['<p>Text<script>alert("x")</script><style>p{}</style></p>', 'Text'],
    ['<p>in<b>line</b> <i>words</i></p>', 'inline words'],
    ['<table><tr><td>a</td><td>b</td></tr></table>', 'a b'],
    ['no markup at all', 'no markup at all'],
    ['', ''],
  ])('%j', (html, text) => {
    expect(htmlFragmentToText(html)).toBe(text);
  });

  it('never throws and never leaves tags of well-formed input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const t = htmlFragmentToText(s);
        expect(typeof t).toBe('string');
        expect(t).not.toMatch(/\n{3,}/);
      }),
      { numRuns: 300 },
    );
  });
});
