import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../domain/article.js';
import { isAppError } from '../../domain/errors.js';
import { BENCH_DIR, HAS_SHARED } from '../../../test/support/shared.js';
import type { ReadItem } from '../reader.js';
import { feedReader, parseFeed, rootElementName } from './index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const drafts = (items: ReadItem[]): ArticleDraft[] => items.flatMap((i) => (i.kind === 'article' ? [i.draft] : []));
const codes = (d: ArticleDraft): string[] => d.notes.map((n) => n.code);
const LONG = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://news.example.org/</link><language>en-GB</language>
<item><title>Full one</title><link>https://news.example.org/a</link><guid isPermaLink="false">id-1</guid><category>World</category><category>Politics</category>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>${LONG}</p><p>Second paragraph.</p>]]></content:encoded>
  <dc:creator>Jane Roe</dc:creator><pubDate>Wed, 07 Sep 2022 21:25:00 +0430</pubDate></item>
<item><title>Teaser only</title><link>https://news.example.org/b</link><description>&lt;p&gt;Just a &lt;b&gt;teaser&lt;/b&gt;.&lt;/p&gt;</description>
  <author>desk@example.org (News Desk)</author></item>
<item><title>Long description</title><guid>https://news.example.org/c</guid><description>${LONG}</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title>Beispiel</title><link rel="self" href="https://ex.example/feed"/>
<link href="https://ex.example/"/><author><name>Redaktion</name></author>
<entry><title type="html">A &lt;i&gt;title&lt;/i&gt;</title><link rel="alternate" href="https://ex.example/1"/>
  <published>2016-02-01T17:22:00+01:00</published><updated>2016-02-02T10:00:00+01:00</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>${LONG}</p><p>Zweiter Absatz.</p></div></content></entry>
<entry><title>Second</title><link href="https://ex.example/2"/><author><name>Eva</name></author><author><name>Max</name></author>
  <updated>2016-02-03</updated><summary>Kurz.</summary></entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://science.example/"><title>Science Example</title><link>https://science.example/</link></channel>
<item rdf:about="https://science.example/x"><title>X</title><description>${LONG}</description><dc:date>2017-06-15T10:29:47-07:00</dc:date><dc:creator>Doe, J.</dc:creator></item>
</rdf:RDF>`;

describe('parseFeed: RSS 2.0', () => {
  const items = parseFeed({ bytes: enc(RSS), source: 'f.rss' });
  const [full, teaser, longDesc] = drafts(items);

  it('reads one article per item, with the channel as outlet and language', () => {
    expect(items.map((i) => i.kind)).toEqual(['article', 'article', 'article']);
    expect(full!.meta).toEqual({ guid: 'id-1', categories: 'World; Politics' });
    expect(full).toMatchObject({ source: 'f.rss#item-1', format: 'rss', url: 'https://news.example.org/a', outlet: 'Example News', title: 'Full one', byline: 'Jane Roe', language: 'en' });
  });
  it('takes content:encoded as the text, paragraphs kept', () => {
    expect(full!.text.startsWith('word0 word1')).toBe(true);
    expect(full!.text).toMatch(/word99\s*\n\s*\n?Second paragraph\.$/);
    expect(codes(full!)).not.toContain('summary-only');
  });
  it('reads pubDate with its offset, source feed', () => {
    expect(full!.published).toMatchObject({ value: '2022-09-07T21:25', precision: 'minute', source: 'feed', utcOffset: 270 });
  });
  it('keeps the item XML as raw bytes', () => {
    const raw = new TextDecoder().decode(full!.raw);
    expect(raw.startsWith('<item>')).toBe(true);
    expect(raw.endsWith('</item>')).toBe(true);
  });
  it('records a short description as summary-only, naming the link', () => {
    expect(teaser!.text).toBe('Just a teaser.');
    expect(teaser!.byline).toBe('News Desk');
    const note = teaser!.notes.find((n) => n.code === 'summary-only');
    expect(note?.message).toContain('https://news.example.org/b');
    expect(teaser!.published).toBeNull();
  });
  it('takes a long description as full text, and a guid as the url', () => {
    expect(longDesc!.url).toBe('https://news.example.org/c');
    expect(codes(longDesc!)).not.toContain('summary-only');
  });
  it('does not flag a well-formed feed', () => {
    expect(drafts(items).flatMap(codes)).not.toContain('malformed-xml');
  });
});

describe('parseFeed: Atom and RSS 1.0', () => {
  it('reads Atom entries: xhtml content, alternate link, published before updated, feed author as fallback', () => {
    const [a, b] = drafts(parseFeed({ bytes: enc(ATOM), source: 'f.atom' }));
    expect(a).toMatchObject({ format: 'atom', url: 'https://ex.example/1', outlet: 'Beispiel', title: 'A title', byline: 'Redaktion', language: 'de' });
    expect(a!.text).toMatch(/^word0 .*word99\s+Zweiter Absatz\.$/s);
    expect(a!.published?.value).toBe('2016-02-01T17:22');
    expect(b).toMatchObject({ byline: 'Eva, Max', text: 'Kurz.' });
    expect(b!.published).toMatchObject({ value: '2016-02-03', precision: 'day' });
    expect(codes(b!)).toContain('summary-only');
  });
  it('reads RDF items outside the channel, with dc:date and dc:creator', () => {
    const [x] = drafts(parseFeed({ bytes: enc(RDF), source: 'f.rdf' }));
    expect(x).toMatchObject({ format: 'rdf', url: 'https://science.example/x', outlet: 'Science Example', byline: 'Doe, J.' });
    expect(x!.published).toMatchObject({ value: '2017-06-15T10:29', utcOffset: -420 });
  });
});

describe('parseFeed: malformed and foreign input', () => {
  const cases: [string, string, string][] = [
    ['truncated file', '<rss><channel><title>T</title><item><title>Cut', 'unclosed'],
    ['undeclared prefix', `<rss><channel><item><title>T</title><itunes:x>1</itunes:x></item></channel></rss>`, 'undeclared namespace prefix itunes'],
    ['declaration after a comment', `<!-- c -->\n<?xml version="1.0"?><rss><channel><item><title>T</title></item></channel></rss>`, 'XML declaration'],
  ];
  it.each(cases)('%s: reads the item and notes malformed-xml', (_name, xml, words) => {
    const [d] = drafts(parseFeed({ bytes: enc(xml), source: 'x.xml' }));
    const note = d!.notes.find((n) => n.code === 'malformed-xml');
    expect(note?.message).toContain(words);
  });
  it('does not flag self-closing elements', () => {
    const xml = `<rss><channel><item><title>T</title><enclosure url="u" /><link>https://e.example/</link></item></channel></rss>`;
    const [d] = drafts(parseFeed({ bytes: enc(xml), source: 'x.xml' }));
    expect(codes(d!)).not.toContain('malformed-xml');
    expect(d!.url).toBe('https://e.example/');
  });
  it('throws unsupported for a document that is not a feed, naming its root', () => {
    expect(() => parseFeed({ bytes: enc('<html><body>Moved</body></html>'), source: 'm.rss' })).toThrow(/m\.rss: not an RSS\/Atom feed \(root element <html>\)/);
  });
  it('gives one failed item for a feed without items', () => {
    const items = parseFeed({ bytes: enc('<rss><channel><title>T</title></channel></rss>'), source: 'e.rss' });
    expect(items).toHaveLength(1);
    expect(items[0]!.kind).toBe('failed');
  });
  it('uses the declared encoding of the XML declaration', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>Not\xedcias</title></item></channel></rss>', 'latin1');
    const [d] = drafts(parseFeed({ bytes, source: 'l.rss' }));
    expect(d!.title).toBe('Notícias');
    expect(d!.encoding).toBe('windows-1252');
    expect(Buffer.from(d!.raw).toString('latin1')).toContain('Not\xedcias');
  });
  it('never throws anything but AppError on random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string().map((s) => enc(`<rss><channel><item>${s}`))), (bytes) => {
        try {
          parseFeed({ bytes, source: 'r' });
        } catch (e) {
          if (!isAppError(e)) throw e;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('feedReader.sniff', () => {
  const cases: [string, string, number][] = [
    ['a.xml', '<?xml version="1.0"?>\n<!-- c --><rss version="2.0">', 0.95],
    ['a', '\uFEFF<feed xmlns="http://www.w3.org/2005/Atom">', 0.95],
    ['a.rdf', '<rdf:RDF xmlns:rdf="x">', 0.95],
    ['a.rss', '<head><title>Document Moved</title></head>', 0],
    ['a.html', '<!doctype html><html>', 0],
    ['a.xml', '<urlset>', 0.2],
    ['a.txt', 'TEHRAN - plain text', 0],
  ];
  it.each(cases)('%s %j -> %d', (path, head, score) => {
    expect(feedReader.sniff(path, enc(head))).toBe(score);
  });
  it('finds the root of a UTF-16 head', () => {
    expect(rootElementName(Buffer.from('\uFEFF<rss>', 'utf16le'))).toBe('rss');
  });
});

describe.skipIf(!HAS_SHARED)('feeds in bench-data', () => {
  const dir = join(BENCH_DIR, 'feeds');
  const read = (p: string): ReadItem[] => parseFeed({ bytes: readFileSync(join(dir, p)), source: p });

  it('guardian.rss: 55 items with creators and dates', () => {
    const ds = drafts(read('rss-parser/guardian.rss'));
    expect(ds).toHaveLength(55);
    expect(ds.filter((d) => d.byline).length).toBe(50); // 5 items have an empty <dc:creator />
    expect(ds.every((d) => d.published?.source === 'feed' && d.published.precision === 'minute')).toBe(true);
    expect(ds.filter((d) => d.published?.value.startsWith('2018-01-31')).length).toBe(47);
    expect(ds[0]).toMatchObject({ outlet: 'The Guardian', language: 'en', byline: 'David Smith in Washington' });
    expect(ds.flatMap(codes)).not.toContain('malformed-xml');
  });
  it('encoding.rss: Latin-1 letters right, as in rss-parser\'s (Latin-1) expected output', () => {
    const expected = JSON.parse(readFileSync(join(dir, 'rss-parser/expected-output/encoding.json'), 'latin1')) as { feed: { title: string; items: { title: string }[] } };
    const ds = drafts(read('rss-parser/encoding.rss'));
    expect(ds).toHaveLength(expected.feed.items.length);
    expect(ds.map((d) => d.title)).toEqual(expected.feed.items.map((i) => i.title.trim()));
    expect(ds[0]!.outlet).toBe(expected.feed.title);
    expect(ds[0]!.language).toBe('pt');
  });
  it('uolNoticias.rss: no declaration, Latin-1 guessed, Portuguese dates parsed', () => {
    const ds = drafts(read('rss-parser/uolNoticias.rss'));
    expect(ds).toHaveLength(15);
    expect(ds[0]!.title).toContain('simulações de 2º turno');
    expect(ds.every((d) => d.published !== null)).toBe(true);
    expect(ds[0]!.published).toMatchObject({ value: '2018-09-24T19:42', utcOffset: -180 });
  });
  it('heise.atom: 15 entries with links, dates and the feed author', () => {
    const ds = drafts(read('rss-parser/heise.atom'));
    expect(ds).toHaveLength(15);
    expect(ds.every((d) => d.format === 'atom' && d.url?.startsWith('http://www.heise.de/') && d.published !== null)).toBe(true);
    expect(ds[0]!.text).toContain('verfügbare Version 10');
  });
  it('rss-1.rss: 69 RDF items with dc:date', () => {
    const ds = drafts(read('rss-parser/rss-1.rss'));
    expect(ds).toHaveLength(69);
    expect(ds.every((d) => d.format === 'rdf' && d.published?.raw?.startsWith('2017-'))).toBe(true);
    expect(ds[0]!.published).toMatchObject({ value: '2017-06-15T10:29', utcOffset: -420 });
  });
  it('unrecognized.rss: not a feed', () => {
    expect(() => read('rss-parser/unrecognized.rss')).toThrow(/not an RSS\/Atom feed \(root element <head>\)/);
  });
  it('feedparser ill-formed files do not crash; koi8r decodes to Cyrillic', () => {
    for (const f of ['rss_incomplete_cdata.xml', 'rdf_channel_empty_textinput.xml', 'undeclared_namespace.xml']) {
      const items = read(`feedparser-illformed/${f}`);
      expect(items.length).toBeGreaterThan(0);
    }
    const [k] = drafts(read('feedparser-illformed/koi8r.xml'));
    expect(k!.encoding).toBe('koi8-r');
    expect(k!.title).toMatch(/^[\u0400-\u04FF\s]+$/);
    expect(codes(drafts(read('feedparser-illformed/rdf_channel_empty_textinput.xml'))[0]!)).toContain('malformed-xml');
  });
});
