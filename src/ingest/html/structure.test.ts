import { describe, expect, it } from 'vitest';
import { parseDocument } from './structure.js';

const TEXT = 'An article paragraph with enough words in it to be the text of the page.';

describe('parseDocument repairs the body linkedom leaves empty', () => {
  it.each([
    ['no <body> tag', `<!doctype html><html><head><title>t</title></head><div><p>${TEXT}</p></div></html>`],
    ['a stray element in <head>', `<!doctype html><html><head><meta charset="utf-8"><div class="x"><p>${TEXT}</p></div></head><body></body></html>`],
    ['junk before <html>', `<style>p{}</style><div>pop-up</div><!doctype html><html><head></head><body><p>${TEXT}</p></body></html>`],
    ['a well-formed page', `<!doctype html><html><head><title>t</title></head><body><p>${TEXT}</p></body></html>`],
  ])('%s', (_name, html) => {
    const document = parseDocument(html);
    expect(document.body?.textContent).toContain(TEXT);
    expect(document.head?.textContent ?? '').not.toContain(TEXT);
    expect(document.querySelector('title')?.textContent ?? 't').toBe('t');
  });
});
