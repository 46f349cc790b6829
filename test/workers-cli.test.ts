import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selectStages } from '../src/analyze/pipeline.js';
import { cli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tri-status-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { stages } = selectStages(null);

describe('triangulate status on SQLite', () => {
  it('shows analysed and pending articles per stage, as text and JSON', async () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (let i = 0; i < 3; i++) writeFileSync(join(corpus, `a${i}.txt`), `Report ${i}\n\nThe council met on Monday, ${i + 2} March 2021, and said ${i * 10 + 5} people attended.\n`);
    const db = join(dir, 'status.db');
    expect((await cli(['ingest', corpus, '--db', db], dir)).code).toBe(0);

    const before = await cli(['status', '--db', db, '--json'], dir);
    expect(before.code, before.err).toBe(0);
    const s = JSON.parse(before.out);
    expect(s).toMatchObject({ store: 'sqlite', articles: 3, ingestFailures: 0, queue: null });
    expect(s.stages.map((r: { stage: string }) => r.stage)).toEqual(stages.map((x) => x.name));
    expect(s.stages.every((r: { pending: number; analyzed: number }) => r.pending === 3 && r.analyzed === 0)).toBe(true);

    expect((await cli(['analyze', '--stage', 'dates', '--db', db], dir)).code).toBe(0);
    const after = await cli(['status', '--db', db], dir);
    expect(after.code, after.err).toBe(0);
    expect(after.out).toMatch(/3 article\(s\)/);
    expect(after.out).toMatch(/^dates\s+\d+\s+3\s+0$/m);
    expect(after.out).toMatch(/^entities\s+\d+\s+0\s+3$/m);
    expect(after.out).toMatch(/3 article\(s\) wait for analysis/);
  });

  it('worker needs PostgreSQL: a clear error on an SQLite file', async () => {
    const r = await cli(['worker', '--db', join(dir, 'status.db'), '--drain'], dir);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/PostgreSQL/);
  });

  it('analyze --workers 2 stores what the sequential analyse stores', async () => {
    const corpus = join(dir, 'corpus');
    const dbs = [join(dir, 'seq.db'), join(dir, 'pool.db')];
    for (const db of dbs) expect((await cli(['ingest', corpus, '--db', db], dir)).code).toBe(0);
    const seq = await cli(['analyze', '--db', dbs[0]!, '--json'], dir);
    const pool = await cli(['analyze', '--workers', '2', '--db', dbs[1]!, '--json'], dir);
    expect(pool.code, pool.err).toBe(0);
    const [a, b] = [JSON.parse(seq.out), JSON.parse(pool.out)];
    expect(b.analyzed).toBe(3);
    expect(b.findings).toBe(a.findings);
    expect(b.withProblems).toBe(a.withProblems);
  });

  it('analyze takes --workers and rejects a bad value', async () => {
    const r = await cli(['analyze', '--workers', '0', '--db', join(dir, 'status.db')], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--workers/);
  });
});
