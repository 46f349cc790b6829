import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../domain/article.js';
import { isAppError } from '../../domain/errors.js';
import { BENCH_DIR, HAS_SHARED } from '../../../test/support/shared.js';
import { openSourceFile } from '../files.js';
import type { ReadItem } from '../reader.js';
import type { SourceFile } from '../reader.js';
import { memoryFile as inMemory } from '../../../test/support/source-file.js';
import { dechunk } from './http.js';
import { warcReader } from './index.js';

const memoryFile = (path: string, bytes: Uint8Array, chunk = 97) => inMemory(path, bytes, chunk);

const OPTIONS = { maxBytes: 10 * 2 ** 20, fieldMap: {} };


async function readAll(file: SourceFile): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of warcReader.read(file, OPTIONS)) out.push(item);
  return out;
}

const drafts = (items: ReadItem[]): ArticleDraft[] => items.flatMap((i) => (i.kind === 'article' ? [i.draft] : []));
const failed = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'failed' ? [i] : []));

function record(type: string, fields: Record<string, string>, block: Uint8Array | string): Buffer {
  const body = typeof block === 'string' ? Buffer.from(block, 'utf8') : Buffer.from(block);
  const head = [`WARC/1.0`, `WARC-Type: ${type}`, 'WARC-Date: 2022-09-08T10:00:00Z', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${body.length}`];
  return Buffer.concat([Buffer.from(head.join('\r\n') + '\r\n\r\n', 'latin1'), body, Buffer.from('\r\n\r\n')]);
}

function httpResponse(status: string, headers: Record<string, string>, body: Uint8Array | string): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  const head = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n') + '\r\n\r\n';
  return Buffer.concat([Buffer.from(head, 'latin1'), b]);
}

function chunked(body: string, size = 40): Buffer {
  const b = Buffer.from(body, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) {
    const c = b.subarray(i, i + size);
    parts.push(Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

const PARA = 'The minister said on Wednesday that the talks would continue next week, according to officials who spoke to reporters.';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks continue | Example</title></head><body><article><h1>Talks continue</h1>${`<p>${PARA}</p>`.repeat(6)}</article></body></html>`;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>One</title><link>https://wire.example/1</link><description>First teaser.</description></item><item><title>Two</title><link>https://wire.example/2</link><description>Second teaser.</description></item></channel></rss>`;
const RESP = { 'Content-Type': 'application/http; msgtype=response' };

/** The records of a small crawl: what each should become is in the test below. */
function records(): Buffer[] {
  return [
    record('warcinfo', { 'Content-Type': 'application/warc-fields' }, 'software: test\r\n'),
    record('request', { 'WARC-Target-URI': 'https://news.example/a', 'Content-Type': 'application/http; msgtype=request' }, 'GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n'),
    record('response', { 'WARC-Target-URI': 'https://news.example/a', ...RESP }, httpResponse('200 OK', { 'Content-Type': 'text/html; charset=utf-8', 'Transfer-Encoding': 'chunked' }, chunked(PAGE))),
    record('response', { 'WARC-Target-URI': 'https://news.example/old', ...RESP }, httpResponse('301 Moved Permanently', { Location: 'https://news.example/a', 'Content-Type': 'text/html' }, '<html><body>Moved</body></html>')),
    record('revisit', { 'WARC-Target-URI': 'https://news.example/a', ...RESP }, httpResponse('200 OK', { 'Content-Type': 'text/html' }, '')),
    record('response', { 'WARC-Target-URI': 'https://news.example/logo.png', ...RESP }, httpResponse('200 OK', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))),
    record('response', { 'WARC-Target-URI': 'https://news.example/gz', ...RESP }, httpResponse('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }, gzipSync(PAGE.replace('Talks continue', 'Gzipped page')))),
    record('response', { 'WARC-Target-URI': 'https://wire.example/rss', ...RESP }, httpResponse('200 OK', { 'Content-Type': 'application/rss+xml' }, FEED)),
    record('response', { 'WARC-Target-URI': 'https://news.example/empty', ...RESP }, httpResponse('200 OK', { 'Content-Type': 'text/html' }, '<html><body></body></html>')),
    record('response', { 'WARC-Target-URI': 'https://news.example/broken', ...RESP }, 'this is not an HTTP response at all'),
  ];
}

function checkCrawl(items: ReadItem[], path: string): void {
  const ds = drafts(items);
  expect(ds.map((d) => d.source)).toEqual([`${path}#record-3`, `${path}#record-7`, `${path}#record-8#item-1`, `${path}#record-8#item-2`]);
  const [page, gz, item1] = ds;
  expect(page).toMatchObject({ format: 'warc', url: 'https://news.example/a' });
  expect(page!.text).toContain(PARA);
  expect(page!.text).not.toMatch(/^[0-9a-f]+\r?$/m); // no chunk sizes left in the text
  expect(page!.published).toMatchObject({ source: 'warc', value: '2022-09-08T10:00' });
  expect(gz!.title).toContain('Gzipped page');
  expect(item1).toMatchObject({ format: 'rss', url: 'https://wire.example/1', outlet: 'Wire', text: 'First teaser.' });
  expect(failed(items).map((f) => f.source)).toEqual([`${path}#record-9`, `${path}#record-10`]);
  for (const f of failed(items)) expect(f.error.code).toBe('invalid-input');
}

describe('warcReader on WARCs built in memory', () => {
  it('uncompressed .warc: HTML responses and feed items become articles; redirects, revisits, requests and images are skipped', async () => {
    const items = await readAll(memoryFile('crawl.warc', Buffer.concat(records())));
    checkCrawl(items, 'crawl.warc');
  });
  it('.warc.gz with one gzip member per record reads the same', async () => {
    const items = await readAll(memoryFile('crawl.warc.gz', Buffer.concat(records().map((r) => gzipSync(r)))));
    checkCrawl(items, 'crawl.warc.gz');
  });
  it('.warc.gz compressed as one member reads the same', async () => {
    const items = await readAll(memoryFile('one.warc.gz', gzipSync(Buffer.concat(records())), 1000));
    checkCrawl(items, 'one.warc.gz');
  });
  it.each([
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
  ] as const)('undoes Content-Encoding %s', async (encoding, compress) => {
    const body = compress(Buffer.from(PAGE.replace('Talks continue', `Encoded ${encoding}`)));
    const warc = record('response', { 'WARC-Target-URI': 'https://news.example/e', ...RESP }, httpResponse('200 OK', { 'Content-Type': 'text/html', 'Content-Encoding': encoding }, body));
    const [d] = drafts(await readAll(memoryFile('e.warc', warc)));
    expect(d!.title).toContain(`Encoded ${encoding}`);
    expect(d!.text).toContain(PARA);
  });
  it('reads an HTML body with no Content-Type by its doctype, and a resource record', async () => {
    const warc = Buffer.concat([
      record('response', { 'WARC-Target-URI': 'https://news.example/n', ...RESP }, httpResponse('200 OK', {}, PAGE)),
      record('resource', { 'WARC-Target-URI': 'file:///page.html', 'Content-Type': 'text/html' }, PAGE),
      record('resource', { 'WARC-Target-URI': 'metadata://log', 'Content-Type': 'text/plain' }, 'a log'),
    ]);
    expect(drafts(await readAll(memoryFile('n.warc', warc))).map((d) => d.source)).toEqual(['n.warc#record-1', 'n.warc#record-2']);
  });
  it('a truncated .warc.gz keeps what came before and ends with one failed item for the cut record', async () => {
    const whole = Buffer.concat(records().map((r) => gzipSync(r)));
    const items = await readAll(memoryFile('cut.warc.gz', whole.subarray(0, whole.length - 30), 1 << 16));
    expect(drafts(items)).toHaveLength(4);
    expect(failed(items).map((f) => f.source)).toEqual(['cut.warc.gz#record-9', 'cut.warc.gz#record-10']);
    expect(failed(items)[1]!.error.message).toMatch(/record 10 is lost: the compressed data is truncated or corrupt/);
  });
  it.each([
    ['its header', 12],
    ['its block', 300],
  ])('a corrupt gzip member in the middle (damage in %s) loses only its record', async (_where, at) => {
    const members = records().map((r) => gzipSync(r));
    const bad = Buffer.from(members[6]!);
    bad.fill(0x55, at, Math.min(at + 40, bad.length - 8));
    members[6] = bad;
    // Large chunks: zlib could decompress far ahead of the parser; nothing but the damaged record may be lost.
    const items = await readAll(memoryFile('mid.warc.gz', Buffer.concat(members), 1 << 16));
    expect(drafts(items).map((d) => d.source)).toEqual(['mid.warc.gz#record-3', 'mid.warc.gz#record-8#item-1', 'mid.warc.gz#record-8#item-2']);
    const fails = failed(items);
    expect(fails.map((f) => f.source)).toEqual(['mid.warc.gz#record-7', 'mid.warc.gz#record-9', 'mid.warc.gz#record-10']);
    expect(fails[0]!.error.message).toMatch(/record 7 is (lost|cut short): the compressed data is truncated or corrupt .*resumed at the next gzip member/);
  });
  it('an uncompressed WARC cut inside a record block names that record', async () => {
    const rs = records().slice(0, 3);
    const whole = Buffer.concat(rs);
    const items = await readAll(memoryFile('cut.warc', whole.subarray(0, whole.length - 200)));
    expect(drafts(items)).toHaveLength(0);
    expect(failed(items).map((f) => f.source)).toEqual(['cut.warc#record-3']);
    expect(failed(items)[0]!.error.message).toMatch(/truncated/);
  });
  it('a record with a wrong Content-Length is reported and reading resumes at the next record', async () => {
    const rs = records();
    const third = rs[2]!.toString('latin1');
    const length = Number(/Content-Length: (\d+)/.exec(third)![1]);
    rs[2] = Buffer.from(third.replace(`Content-Length: ${length}`, `Content-Length: ${length - 300}`), 'latin1');
    rs.splice(5, 0, Buffer.from('garbage between records\r\n\r\n'));
    const items = await readAll(memoryFile('bad.warc', Buffer.concat(rs)));
    const fails = failed(items);
    expect(fails.map((f) => f.source)).toEqual(['bad.warc#record-3', 'bad.warc#record-5', 'bad.warc#record-9', 'bad.warc#record-10']);
    expect(fails[0]!.error.message).toMatch(/after record 3: .*skipped \d+ bytes to the next record/);
    // The cut page is still read, with a note that its chunked body ends early.
    expect(drafts(items).map((d) => d.source)).toEqual(['bad.warc#record-3', 'bad.warc#record-7', 'bad.warc#record-8#item-1', 'bad.warc#record-8#item-2']);
    expect(drafts(items)[0]!.notes.map((n) => n.code)).toContain('warc-incomplete-body');
  });
  it('a file that is not a WARC throws invalid-input', async () => {
    await expect(readAll(memoryFile('x.warc', Buffer.from('hello world\r\n\r\nmore')))).rejects.toMatchObject({ code: 'invalid-input', message: /not a WARC file/ });
  });
  it('never throws anything but AppError on random bytes or cut files', async () => {
    const whole = Buffer.concat(records().map((r) => gzipSync(r)));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.nat({ max: whole.length }).map((n) => whole.subarray(0, n)),
          fc.uint8Array({ maxLength: 200 }).map((junk) => Buffer.concat([Buffer.from('WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 120\r\n\r\n'), junk])),
        ),
        async (bytes) => {
          try {
            await readAll(memoryFile('r.warc', bytes));
          } catch (e) {
            if (!isAppError(e)) throw e;
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('dechunk', () => {
  it.each([
    ['5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n', 'hello world', true],
    ['5;ext=1\r\nhello\r\n0\r\n', 'hello', true],
    ['5\r\nhel', 'hel', false],
  ])('%j -> %j', (input, text, complete) => {
    const d = dechunk(Buffer.from(input));
    expect(d && Buffer.from(d.bytes).toString()).toBe(text);
    expect(d?.complete).toBe(complete);
  });
  it('returns null for a body that is not chunked', () => {
    expect(dechunk(Buffer.from('<html>'))).toBeNull();
  });
});

describe('warcReader.sniff', () => {
  it.each([
    ['a.warc', Buffer.from('WARC/1.0\r\n'), 0.99],
    ['a.bin', gzipSync(Buffer.from('WARC/1.1\r\nWARC-Type: warcinfo\r\n')), 0.99],
    ['a.warc.gz', Buffer.from([0x1f, 0x8b]), 0.6],
    ['a.html', Buffer.from('<html>'), 0],
  ])('%s -> %d', (path, head, score) => {
    expect(warcReader.sniff(path, head)).toBe(score);
  });
});

describe.skipIf(!HAS_SHARED)('WARC files in bench-data', () => {
  const open = (name: string) => openSourceFile(join(BENCH_DIR, 'warc', name), name, OPTIONS.maxBytes);

  it('example.warc.gz: one article, example.com, dated by the capture', async () => {
    const items = await readAll(await open('example.warc.gz'));
    expect(items).toHaveLength(1);
    const [d] = drafts(items);
    expect(d).toMatchObject({ source: 'example.warc.gz#record-3', url: 'http://example.com/', title: 'Example Domain' });
    expect(d!.published?.source).toBe('warc');
  });
  it('IAH-urls-wget.warc.gz: the chunked archive.org home page and the RSS feed items', async () => {
    const items = await readAll(await open('IAH-urls-wget.warc.gz'));
    expect(failed(items)).toEqual([]);
    const ds = drafts(items);
    const pages = ds.filter((d) => d.format === 'warc');
    expect(pages.map((d) => d.url)).toEqual(['https://archive.org/', 'https://archive.org/']);
    expect(pages[0]!.title).toMatch(/Internet Archive/);
    const feedItems = ds.filter((d) => d.format === 'rss');
    expect(feedItems.length).toBeGreaterThan(10);
    expect(feedItems.every((d) => d.source.includes('#item-') && d.url?.startsWith('https://archive.org/details/') && d.published?.source === 'feed')).toBe(true);
  });
});
