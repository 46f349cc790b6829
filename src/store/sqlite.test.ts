import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openSqliteStore, toFtsQuery } from './sqlite.js';
import { describeStoreContract } from './store.contract.js';
import { LATEST_VERSION } from './migrations.js';
import { makeArticle } from '../../test/support/article.js';

describeStoreContract('sqlite', () => openSqliteStore(':memory:'));

describe('SqliteStore on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the schema once, in WAL mode, at the latest version, and reopens', async () => {
    const path = join(dir, 'sub', 'a.db');
    const s = openSqliteStore(path);
    await s.close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = openSqliteStore(path);
    expect((await again.stats()).articles).toBe(0);
    await again.close();
  });

  it('refuses an SQLite file that is not ours and a file that is not SQLite', () => {
    const foreign = join(dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(() => openSqliteStore(foreign)).toThrow(/not a Triangulate database/);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not a database at all, just text that is long enough to look like a header.....');
    expect(() => openSqliteStore(junk)).toThrow();
  });

  it('upgrades a version-1 database to the latest schema, keeping its articles', async () => {
    const path = join(dir, 'v1.db');
    const s = openSqliteStore(path);
    await s.putArticle(makeArticle('An article from before the upgrade.'));
    await s.close();
    const schemaOf = (db: Database.Database) => db.prepare("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
    const db = new Database(path);
    const latest = schemaOf(db);
    db.exec('DROP TABLE corpus_items; DROP TABLE corpus_refs; DROP TABLE corpus_state; DROP TABLE alias_decisions;');
    db.pragma('user_version = 1');
    db.close();
    const upgraded = openSqliteStore(path);
    expect((await upgraded.stats()).articles).toBe(1);
    expect(await upgraded.listAliasDecisions()).toEqual([]);
    await upgraded.close();
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(schemaOf(again).map((r) => (r as { name: string }).name)).toEqual(latest.map((r) => (r as { name: string }).name));
    again.close();
  });

  it('refuses a database from a newer Triangulate', () => {
    const path = join(dir, 'newer.db');
    const s = openSqliteStore(path);
    void s.close();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStore(path)).toThrow(/newer than this Triangulate/);
  });
});

describe('toFtsQuery', () => {
  it.each([
    ['raided camp', '"raided" "camp"'],
    ["Iran's ministry", '"Iran\'s" "ministry"'],
    ['U.S. sanctions', '"U.S." "sanctions"'],
    ['"exact phrase"', '"exact phrase"'],
    ['iran OR iraq', 'iran OR iraq'],
    ['  ', ''],
  ])('%s -> %s', (q, fts) => expect(toFtsQuery(q)).toBe(fts));
});
