import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../domain/errors.js';
import { readHtmlDocument } from './document.js';

const BODY = `<article><h1>The headline</h1>
  <p>First paragraph of the article, long enough to count as the main text of the page for the extractor to keep it.
  It goes on   with   more words about the matter at hand, so that the page is a real article.</p>
  <p>Second paragraph, also with a good number of words, commas, and sentences. The extractor should keep it too,
  because it is part of the same article body as the first one.</p>
  <p>Third paragraph closes the article with a few more words, so that there is enough text overall.</p>
  <script>var secret = "SCRIPT-CONTENT";</script></article>`;

function page(head: string, body = BODY, htmlAttrs = ''): Uint8Array {
  return new TextEncoder().encode(`<!doctype html><html${htmlAttrs}><head>${head}</head><body>${body}</body></html>`);
}

function read(bytes: Uint8Array, url: string | null = 'https://www.example.org/news/item-1') {
  return readHtmlDocument({ bytes, source: 'page.html', url, declaredEncoding: null });
}

describe('readHtmlDocument: text', () => {
  it('keeps paragraphs, collapses whitespace, never keeps script content', () => {
    const a = read(page('<title>The headline | Example News</title>'));
    expect(a.text).toContain('It goes on with more words');
    expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
    expect(a.text).not.toContain('SCRIPT-CONTENT');
    expect(a.format).toBe('html');
    expect(a.dateline).toBeNull();
  });

  it('throws invalid-input when there is no article text', () => {
    const bytes = page('<title>x</title>', '<nav><a href="/">Home</a></nav><script>var x = 1;</script>');
    expect(() => read(bytes)).toThrow(AppError);
    try {
      read(bytes);
    } catch (e) {
      expect((e as AppError).code).toBe('invalid-input');
      expect((e as AppError).message).toMatch(/no article text/);
    }
  });

  it('decodes windows-1256 and windows-1252 declared in meta', () => {
    const arabic = 'مرحبا بالعالم';
    const bytes1256 = new Uint8Array([
      ...new TextEncoder().encode('<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><article><p>'),
      ...[0xe3, 0xd1, 0xcd, 0xc8, 0xc7, 0x20, 0xc8, 0xc7, 0xe1, 0xda, 0xc7, 0xe1, 0xe3],
      ...new TextEncoder().encode(` ${'kalima '.repeat(80)}</p></article></body></html>`),
    ]);
    const a = read(bytes1256);
    expect(a.encoding).toBe('windows-1256');
    expect(a.text).toContain(arabic);

    const bytes1252 = new Uint8Array([
      ...new TextEncoder().encode('<!doctype html><html><head><meta charset="windows-1252"></head><body><article><p>Caf'),
      0xe9,
      ...new TextEncoder().encode(` ${'mot '.repeat(120)}</p></article></body></html>`),
    ]);
    const b = read(bytes1252);
    expect(b.encoding).toBe('windows-1252');
    expect(b.text).toContain('Café');
  });
});

type MetaRow = readonly [name: string, head: string, expected: Record<string, unknown>];

const META: readonly MetaRow[] = [
  ['og tags', '<meta property="og:title" content="OG title"><meta property="og:site_name" content="Example News"><meta property="og:url" content="https://example.org/a">', { title: 'OG title', outlet: 'Example News', url: 'https://example.org/a' }],
  ['title suffix', '<title>The headline | Example News</title><meta property="og:site_name" content="Example News">', { title: 'The headline' }],
  ['title suffix, no outlet', '<title>The headline | Example</title>', { title: 'The headline', outlet: 'example.org' }],
  ['canonical', '<link rel="canonical" href="/news/canonical-1">', { url: 'https://www.example.org/news/canonical-1' }],
  ['meta author', '<meta name="author" content="Jane Doe">', { byline: 'Jane Doe' }],
  ['byline label and date', '<meta name="author" content="by Jane Doe | November 18, 2019 12:01 PM">', { byline: 'Jane Doe' }],
  ['byline that is an address', '<meta name="author" content="/janedoe">', { byline: null }],
  ['long site name', '<meta property="og:site_name" content="Site Name | Formula | Racing | Motorsport news">', { outlet: 'Site Name' }],
  ['application-name', '<meta name="application-name" content="The Daily">', { outlet: 'The Daily' }],
  ['og:locale', '<meta property="og:locale" content="pt_BR">', { language: 'pt' }],
  ['content-language', '<meta http-equiv="content-language" content="fr-FR">', { language: 'fr' }],
  ['og:type', '<meta property="og:type" content="article">', { meta: { 'og:type': 'article' } }],
  [
    'JSON-LD NewsArticle',
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline","datePublished":"2022-09-07T21:25:00+03:00","dateModified":"2022-09-08T10:00:00+03:00","author":[{"@type":"Person","name":"A One"},{"@type":"Person","name":"B Two"}],"publisher":{"@type":"Organization","name":"LD Outlet"}}</script>',
    { title: 'LD headline', byline: 'A One, B Two', outlet: 'LD Outlet', published: { value: '2022-09-07T21:25', precision: 'minute', source: 'json-ld', utcOffset: 180 } },
  ],
  [
    'JSON-LD @graph',
    '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"Article","headline":"Graph headline","datePublished":"2021-01-02","author":{"name":"C Three"}}]}</script>',
    { byline: 'C Three', published: { value: '2021-01-02', precision: 'day', source: 'json-ld' } },
  ],
  [
    'JSON-LD array',
    '<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","datePublished":"2020-05-06T07:08:09Z"}]</script>',
    { published: { value: '2020-05-06T07:08', source: 'json-ld', utcOffset: 0 } },
  ],
  ['article:published_time', '<meta property="article:published_time" content="2019-11-19T13:03:00.000Z"><meta property="article:modified_time" content="2019-11-20T13:03:00.000Z">', { published: { value: '2019-11-19T13:03', source: 'meta' } }],
  ['modified only is not published', '<meta property="article:modified_time" content="2019-11-20T13:03:00.000Z">', { published: null }],
  ['pubdate', '<meta name="pubdate" content="20191119">', { published: { value: '2019-11-19', source: 'meta' } }],
  ['DC.date.issued', '<meta name="DC.date.issued" content="2019-11-19">', { published: { value: '2019-11-19', source: 'meta' } }],
  ['sailthru.date', '<meta name="sailthru.date" content="Tue, 19 Nov 2019 13:03:00 -0500">', { published: { value: '2019-11-19T13:03', utcOffset: -300 } }],
  ['parsely-pub-date', '<meta name="parsely-pub-date" content="2019-11-19T13:03:00Z">', { published: { value: '2019-11-19T13:03' } }],
  [
    'meta and JSON-LD on one instant: the local offset wins',
    '<meta property="article:published_time" content="2020-12-24T23:59:50+00:00"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-12-25T01:59:50+02:00"}</script>',
    { published: { value: '2020-12-25T01:59', utcOffset: 120, source: 'json-ld' } },
  ],
  [
    'meta and JSON-LD disagree: the meta tag',
    '<meta property="article:published_time" content="2020-04-24T21:25:06+00:00"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-04-25T07:25:06Z"}</script>',
    { published: { value: '2020-04-24T21:25', source: 'meta' } },
  ],
  ['double-escaped entities in a title', '<meta property="og:title" content="A &amp;#039;quoted&amp;#039; word">', { title: "A 'quoted' word" }],
];

describe('readHtmlDocument: what is not article prose', () => {
  it('drops the repeated title, date lines, label lines and link lists at the edges', () => {
    const body = `<article><h1>The headline</h1><p>Published: September 7, 2022 at 9:25 pm</p>${BODY.replace('<article><h1>The headline</h1>', '')}
      <h3>Related stories</h3><ul><li><a href="/a">Another story about something</a></li><li><a href="/b">Yet another story</a></li></ul>`;
    const a = read(page('<title>The headline</title>', body));
    expect(a.text).not.toMatch(/^The headline/);
    expect(a.text).not.toContain('Published: September 7');
    expect(a.text).not.toContain('Related stories');
    expect(a.text).not.toContain('Another story about something');
    expect(a.text).toContain('Third paragraph closes the article');
  });

  it('keeps a linked name inside a sentence while its pop-up card goes', () => {
    const body = BODY.replace(
      'It goes on',
      'It names <span class="rollover-people"><a class="rollover-people-link" href="/p/x">Jane Roe</a><span class="rollover-people-block"><img src="x.jpg">Card text about her</span></span> and goes on',
    );
    const text = read(page('', body)).text;
    expect(text).toContain('It names Jane Roe and goes on');
    expect(text).not.toContain('Card text');
  });

  it('drops byline and time-stamp lines', () => {
    const body = BODY.replace('<p>First paragraph', '<p>By Jane Doe - 11/18/19 11:04 PM EST</p><p>Updated at 1:23 p.m.</p><p>First paragraph');
    const text = read(page('', body)).text;
    expect(text).not.toContain('Jane Doe');
    expect(text).not.toContain('Updated at');
  });

  it('keeps a single link line amid prose', () => {
    const body = BODY.replace('<p>Third paragraph', '<p><a href="https://shop.example">Get it at the shop for $39</a></p><p>Third paragraph');
    expect(read(page('', body)).text).toContain('Get it at the shop for $39');
  });

  it('drops captions, share bars and hidden pop-ups', () => {
    const body = BODY.replace(
      '<p>Second paragraph',
      '<figure><img src="x.jpg"><figcaption>A caption under the picture</figcaption></figure><div class="share-bar">Share on Facebook</div><span class="rollover-block">Hidden card text</span><p>Second paragraph',
    );
    const text = read(page('', body)).text;
    expect(text).not.toContain('A caption under the picture');
    expect(text).not.toContain('Share on Facebook');
    expect(text).not.toContain('Hidden card text');
    expect(text).toContain('Second paragraph');
  });
});

describe('readHtmlDocument: metadata', () => {
  it.each(META)('%s', (_name, head, expected) => {
    const a = read(page(head), 'https://www.example.org/news/item-1');
    expect(a).toMatchObject(expected);
  });

  it('reads html lang', () => {
    expect(read(page('', BODY, ' lang="de-AT"')).language).toBe('de');
  });

  it('reads <time datetime pubdate> and itemprop datePublished', () => {
    const a = read(page('', `<time pubdate datetime="2018-03-04">4 March</time>${BODY}`));
    expect(a.published).toMatchObject({ value: '2018-03-04' });
    const b = read(page('', `<span itemprop="datePublished" content="2018-03-05"></span>${BODY}`));
    expect(b.published).toMatchObject({ value: '2018-03-05' });
  });

  it('falls back to a date near the title, then the URL, then the given fallback, with notes', () => {
    const a = read(page('', `<h1>The headline</h1><div class="meta">By Jane Doe, September 7, 2022</div>${BODY}`));
    expect(a.published).toMatchObject({ value: '2022-09-07', source: 'html-text' });
    const late = read(page('<meta property="article:published_time" content="2021-03-05T02:10:00Z">'), 'https://example.org/2021/03/04/story');
    expect(late.published).toMatchObject({ value: '2021-03-04', source: 'url' });
    const fa = read(page('', `<h1>The headline</h1><div class="news-date">چهارشنبه ۱۶ شهریور ۱۴۰۱ - ۲۱:۲۵</div>${BODY}`));
    expect(fa.published).toMatchObject({ value: '2022-09-07T21:25', source: 'html-text' });
    const b = read(page(''), 'https://example.org/2021/03/04/story');
    expect(b.published).toMatchObject({ value: '2021-03-04', source: 'url' });
    expect(b.notes.map((n) => n.code)).toContain('publish-date-from-url');
    const c = readHtmlDocument({
      bytes: page(''),
      source: 'x',
      url: null,
      declaredEncoding: null,
      fallbackPublished: { value: '2020-01-01', precision: 'day', source: 'feed', utcOffset: null, raw: null },
    });
    expect(c.published).toMatchObject({ source: 'feed' });
    const d = read(page(''), null);
    expect(d.published).toBeNull();
    expect(d.notes.map((n) => n.code)).toContain('no-publish-date');
  });
});

describe('readHtmlDocument on arbitrary input', () => {
  it('returns a draft or throws AppError, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }).map((s) => `<html><body><p>${s}</p></body></html>`)), (s) => {
        try {
          const a = readHtmlDocument({ bytes: new TextEncoder().encode(s), source: 'x', url: null, declaredEncoding: null });
          expect(a.text.trim()).not.toBe('');
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
