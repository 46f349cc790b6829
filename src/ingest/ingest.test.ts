import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { finishArticle, ingest } from './ingest.js';
import { prepareLanguageDetector } from './language.js';

const ARTICLE = (n: number) =>
  `Council votes on budget ${n}\n\nThe city council voted on Tuesday to approve budget number ${n} after a long debate.\n\n"We have done our work," the mayor said.\n`;

describe('ingest: bad input never stops a batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-ingest-'));
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore(':memory:');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, data: string | Uint8Array) => {
    const p = join(dir, name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, data);
    return p;
  };

  it.each([
    ['empty.txt', '', /empty file/],
    ['image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /PNG image/],
    ['blob.bin', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /binary data|not a format/],
    ['cut.txt.gz', gzipSync(Buffer.from(ARTICLE(1).repeat(50))).subarray(0, 60), /truncated gzip|not a valid gzip/],
    ['title-only.txt', 'Just a title\n', /no article text/],
  ])('%s is reported with a clear reason and the good file still goes in', async (name, data, reason) => {
    const bad = file(`case-${name}`, data);
    const good = file(`good-for-${name}.txt`, ARTICLE(name.length));
    const s = await ingest([bad, good], store, { cwd: dir });
    expect(s.counts).toMatchObject({ new: 1, failed: 1 });
    expect(s.failed[0]!.source).toContain(`case-${name}`);
    expect(s.failed[0]!.message).toMatch(reason);
    expect((await store.listFailures())[0]!.source).toContain(`case-${name}`);
  });

  it('reads invalid UTF-8 by guessing the encoding, with a note', async () => {
    const latin1 = Buffer.from(ARTICLE(2).replace('debate', 'débat très long à Montréal'), 'latin1');
    const s = await ingest([file('latin1.txt', latin1)], store, { cwd: dir });
    expect(s.counts.new).toBe(1);
    const a = (await store.getArticle(s.articles[0]!.id))!;
    expect(a.text).toContain('débat très long à Montréal');
    expect(a.notes.map((n) => n.code)).toContain('encoding-guessed');
  });

  it('refuses a 100 MB file with a clear limit instead of reading it into memory', async () => {
    const p = join(dir, 'huge.txt');
    const fd = openSync(p, 'w');
    const chunk = Buffer.alloc(2 ** 20, 'word ');
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const s = await ingest([p], store, { cwd: dir });
    expect(s.failed[0]!.code).toBe('too-large');
    expect(s.failed[0]!.message).toMatch(/100\.0 MiB is over the 64 MiB limit/);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 2 ** 20);
    rmSync(p);
  });

  it('walks folders, reports dangling links and survives symlink loops', async () => {
    const root = join(dir, 'tree');
    file('tree/a.txt', ARTICLE(10));
    file('tree/sub/b.txt', ARTICLE(11));
    file('tree/.hidden.txt', ARTICLE(12));
    symlinkSync(root, join(root, 'sub', 'loop'));
    symlinkSync(join(root, 'missing.txt'), join(root, 'dangling.txt'));
    symlinkSync(join(root, 'self.txt'), join(root, 'self.txt'));
    const s = await ingest([root], store, { cwd: dir });
    expect(s.counts.new).toBe(2);
    const reasons = s.failed.map((f) => f.message).join('\n');
    expect(reasons).toMatch(/dangling\.txt: no such file/);
    expect(reasons).toMatch(/self\.txt: symbolic link loop/);
  });

  it('stores the same file given twice once, and a re-run adds nothing', async () => {
    const p = file('twice.txt', ARTICLE(20));
    const first = await ingest([p, p, file('copy-of-twice.txt', ARTICLE(20))], store, { cwd: dir });
    expect(first.counts).toMatchObject({ read: 2, new: 1, duplicate: 1, failed: 0 });
    const again = await ingest([p], store, { cwd: dir });
    expect(again.counts).toMatchObject({ new: 0, duplicate: 1 });
    expect((await store.stats()).articles).toBe(1);
  });

  it('reports a missing path and a glob that matches nothing', async () => {
    const s = await ingest([join(dir, 'nope.txt'), 'nothing-*.xyz'], store, { cwd: dir });
    expect(s.failed.map((f) => f.message)).toEqual([expect.stringMatching(/no such file/), expect.stringMatching(/matches no file/)]);
  });

  it('expands glob patterns relative to the working folder', async () => {
    file('glob/x1.txt', ARTICLE(30));
    file('glob/x2.txt', ARTICLE(31));
    file('glob/y.md', ARTICLE(32));
    const s = await ingest(['glob/x*.txt'], store, { cwd: dir });
    expect(s.counts.new).toBe(2);
    expect(s.articles.map((a) => a.source)).toEqual(['glob/x1.txt', 'glob/x2.txt']);
  });
});

describe('finishArticle', () => {
  beforeAll(prepareLanguageDetector);
  const draft = (text: string) => ({
    source: 's.txt', format: 'text' as const, url: null, outlet: null, title: null, byline: null, published: null, dateline: null,
    language: null, text, meta: {}, raw: new Uint8Array(), encoding: 'utf-8', notes: [],
  });

  it('finds the dateline, takes the agency as outlet when none is known, and notes the missing date', () => {
    const a = finishArticle(draft('NORTHTOWN (Coast Wire) – The harbour reopened on Monday after a week of storms, officials said.'));
    expect(a.dateline).toEqual({ text: 'NORTHTOWN (Coast Wire) –', place: 'NORTHTOWN', agency: 'Coast Wire', span: { start: 0, end: 24 } });
    expect(a.outlet).toBe('Coast Wire');
    expect(a.notes.map((n) => n.code)).toEqual(['outlet-from-dateline', 'no-publish-date']);
    expect(a.language).toBe('en');
  });

  it('gives the same id to the same text whatever its typography', () => {
    const a = finishArticle(draft('He said “yes” — twice.'));
    const b = finishArticle({ ...draft('He said "yes" - twice.  '), source: 'other.html' });
    expect(a.id).toBe(b.id);
  });
});

describe('finishArticle: outlet names', () => {
  it('prefers the dateline agency to the same outlet spelled as a domain', () => {
    const a = finishArticle({
      source: 's.txt', format: 'text', url: null, outlet: 'coast-wire.example', title: null, byline: null, published: null, dateline: null,
      language: null, text: 'NORTHTOWN (Coast Wire) – The harbour reopened on Monday.', meta: {}, raw: new Uint8Array(), encoding: 'utf-8', notes: [],
    });
    expect(a.outlet).toBe('Coast Wire');
    expect(a.meta).toEqual({ site: 'coast-wire.example' });
  });
});

describe('ingest: failures of earlier runs', () => {
  it('clears a file\'s failure once it reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tri-refail-'));
    const store = openSqliteStore(':memory:');
    const p = join(dir, 'later-good.txt');
    writeFileSync(p, '');
    await ingest([p], store, { cwd: dir });
    expect((await store.listFailures()).map((f) => f.source)).toEqual(['later-good.txt']);
    writeFileSync(p, ARTICLE(99));
    await ingest([p], store, { cwd: dir });
    expect(await store.listFailures()).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
