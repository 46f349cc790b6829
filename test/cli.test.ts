import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tri-cli-'));
const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

beforeAll(() => {
  write('one.txt', 'Harbour reopens after storms\n\nPublished: 12 May 2025 - 09:40\n\nNORTHTOWN -- The harbour reopened on Monday, the port authority said.\n');
  write('two.txt', 'Ferry strike ends\n\nThe ferry strike ended on Tuesday after three days, "a relief for everyone," a union leader said.\n');
  write('broken.txt', '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('triangulate CLI (in-process)', () => {
  it('prints help and a usage error for an unknown command', async () => {
    expect((await cli(['--help'], dir)).out).toMatch(/Commands:[\s\S]*ingest/);
    const bad = await cli(['frobnicate'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown command "frobnicate"/);
    expect((await cli(['ingest', '--help'], dir)).out).toMatch(/Usage: triangulate ingest PATH/);
  });

  it('ingests, reports the broken file, and exits 1 for a partial batch', async () => {
    const r = await cli(['ingest', '.'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Read 2 article\(s\) from 3 file\(s\): 2 new, 0 duplicate, 1 failed/);
    expect(r.out).toMatch(/broken\.txt\s+empty file/);
    expect(existsSync(join(dir, 'triangulate.db'))).toBe(true);
  });

  it('re-running is idempotent: everything is a duplicate', async () => {
    const r = await cli(['ingest', 'one.txt', 'two.txt', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).counts).toEqual({ read: 2, new: 0, duplicate: 2, failed: 0 });
  });

  it('lists articles as a table and as JSON', async () => {
    const table = await cli(['articles'], dir);
    expect(table.out).toMatch(/2025-05-12T09:40\s+-\s+Harbour reopens after storms/);
    const json = JSON.parse((await cli(['articles', '--json'], dir)).out);
    expect(json.total).toBe(2);
    expect(json.articles[0]).toMatchObject({ title: 'Harbour reopens after storms', published: { value: '2025-05-12T09:40', precision: 'minute', source: 'header-line' } });
  });

  it('shows an article by id prefix, as text and as JSON with its span-bearing findings', async () => {
    const id: string = JSON.parse((await cli(['articles', '--json'], dir)).out).articles[0].id;
    const shown = await cli(['show', id.slice(0, 8)], dir);
    expect(shown.out).toMatch(/dateline\s+NORTHTOWN --/);
    const json = JSON.parse((await cli(['show', id, '--json'], dir)).out);
    expect(json.article).toMatchObject({ id, dateline: { place: 'NORTHTOWN' }, raw: { bytes: expect.any(Number), sha256: expect.any(String) } });
    expect(Array.isArray(json.findings)).toBe(true);
    const missing = await cli(['show', 'a0000000', '--json'], dir);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.err)).toEqual({ error: { code: 'not-found', message: 'no article with id a0000000' } });
  });

  it('searches with snippets', async () => {
    const r = await cli(['search', 'ferry', 'strike'], dir);
    expect(r.out).toMatch(/«ferry» «strike»|«Ferry» «strike»/i);
    expect(JSON.parse((await cli(['search', 'harbour', '--json'], dir)).out).total).toBe(1);
    expect((await cli(['search'], dir)).code).toBe(2);
  });

  it('exports JSON, JSONL and CSV, to stdout or atomically to a file', async () => {
    const json = JSON.parse((await cli(['export', '--format', 'json'], dir)).out);
    expect(json).toHaveLength(2);
    const jsonl = (await cli(['export', '--format', 'jsonl', '--findings'], dir)).out.trim().split('\n');
    expect(jsonl.map((l) => JSON.parse(l).findings)).toEqual([[], []].map(() => expect.any(Array)));
    const r = await cli(['export', '--format', 'csv', '--out', 'out.csv'], dir);
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'out.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^id,title,outlet,published/);
    expect(csv).toContain('"The ferry strike ended on Tuesday after three days, ""a relief for everyone,"" a union leader said."');
    expect((await cli(['export', '--format', 'xml'], dir)).code).toBe(2);
  });

  it('names the bad flag', async () => {
    const r = await cli(['articles', '--limit', 'ten'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--limit takes a whole number/);
    expect((await cli(['articles', '--bogus'], dir)).err).toMatch(/Unknown option '--bogus'/);
  });
});
