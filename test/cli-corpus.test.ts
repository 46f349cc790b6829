import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';

/** The main job on the bundled example corpus, then every cross-article command over its database. */
const dir = mkdtempSync(join(tmpdir(), 'tri-cli-corpus-'));
let run: { code: number; out: string; err: string };

beforeAll(async () => {
  run = await cli(['run'], dir);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = async (argv: string[]) => {
  const r = await cli([...argv, '--json'], dir);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out.trim().split('\n').at(-1)!);
};

describe('triangulate run (the README main command)', () => {
  it('ingests, analyses across articles, writes the report and says where to look', () => {
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/Across 9 article\(s\): \d+ stor(y|ies)/);
    expect(run.out).toMatch(/Report: file:\/\/.*triangulate-report\.html/);
    expect(run.out).toMatch(/http:\/\/127\.0\.0\.1:\d+\//);
    const html = readFileSync(join(dir, 'triangulate-report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(existsSync(join(dir, `triangulate-report.html.${process.pid}.tmp`))).toBe(false);
  });
});

describe('cross-article commands', () => {
  it('stories: a table, JSON pages, and one story with why its articles belong together', async () => {
    const table = await cli(['stories'], dir);
    expect(table.out).toMatch(/story\s+articles\s+outlets/);
    const page = await json(['stories']);
    expect(page.items.flatMap((s: { articles: string[] }) => s.articles)).toHaveLength(9);
    const biggest = page.items[0].id;
    const one = await cli(['stories', biggest], dir);
    expect(one.out).toMatch(/Why together:/);
    expect((await json(['stories', biggest])).story.id).toBe(biggest);
    expect((await cli(['stories', 'no-such-story'], dir)).code).toBe(3);
  });

  it('reuse: aligned passages with spans in both articles', async () => {
    const page = await json(['reuse']);
    expect(page.total).toBeGreaterThan(0);
    const p = page.items[0];
    expect(p.a.text.length).toBe(p.a.span.end - p.a.span.start);
    expect((await cli(['reuse'], dir)).out).toMatch(/verbatim|edited/);
  });

  it('claims, timeline and actors answer in tables and JSON', async () => {
    for (const cmd of [['claims'], ['claims', '--conflicts'], ['timeline'], ['actors'], ['actors', '--type', 'PER']]) {
      const page = await json(cmd);
      expect(Object.keys(page).sort(), cmd.join(' ')).toEqual(['items', 'limit', 'offset', 'total']);
      expect((await cli(cmd, dir)).code).toBe(0);
    }
    expect((await cli(['actors', '--type', 'PERSON'], dir)).code).toBe(2);
  });

  it('actors: decisions are recorded, listed and undone', async () => {
    const d = await json(['actors', 'split', 'Ana Example', 'Example', '--type', 'PER', '--note', 'two people']);
    expect(d).toMatchObject({ action: 'split', a: { name: 'Ana Example', type: 'PER' }, note: 'two people' });
    expect((await json(['actors', 'decisions'])).map((x: { id: number }) => x.id)).toContain(d.id);
    expect((await cli(['actors', 'undo', String(d.id)], dir)).code).toBe(0);
    expect((await cli(['actors', 'undo', String(d.id)], dir)).code).toBe(3);
    expect((await cli(['actors', 'merge', 'Only One', '--type', 'ORG'], dir)).code).toBe(2);
  });

  it('report: writes the file where --out says', async () => {
    const r = await json(['report', '--out', 'r.html']);
    expect(r.bytes).toBeGreaterThan(1000);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('Triangulate report');
  });
});
