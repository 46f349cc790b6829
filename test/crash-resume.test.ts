import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/shared.js';
import { cli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tri-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function countRows(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

describe('killing ingest mid-run', () => {
  it('leaves no half-written article, and re-running completes without duplicates', async () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    const N = 1500;
    for (let i = 0; i < N; i++) {
      writeFileSync(join(corpus, `a${String(i).padStart(5, '0')}.txt`), `Report number ${i}\n\nThe committee met on day ${i} and published finding ${i * 7} of its inquiry into the port.\n`);
    }
    const db = join(dir, 'crash.db');
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'dev-cli.ts'), 'ingest', corpus, '--db', db], { cwd: REPO_ROOT, stdio: 'ignore' });
    // Kill it hard once some, but not all, articles are in.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && countRows(db) < 50) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const before = countRows(db);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(N);

    const d = new Database(db);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every stored article is whole: it has its source row and its full-text row.
    const orphans = d.prepare('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id)').get() as { n: number };
    expect(orphans.n).toBe(0);
    const fts = d.prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'committee'").get() as { n: number };
    expect(fts.n).toBe(before);
    d.close();

    const again = await cli(['ingest', corpus, '--db', db, '--json'], dir);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.out);
    expect(summary.counts.new + summary.counts.duplicate).toBe(N);
    expect(summary.counts.duplicate).toBeGreaterThanOrEqual(before);
    expect(countRows(db)).toBe(N);
  }, 120_000);
});
