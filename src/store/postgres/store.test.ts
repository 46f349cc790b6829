import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { HAS_PG, PG_MISSING, usePostgresDatabase } from '../../../test/support/postgres.js';
import { makeArticle } from '../../../test/support/article.js';
import { describeStoreContract } from '../store.contract.js';
import { PG_LATEST_VERSION } from './migrations.js';
import { openPostgresStore, PostgresStore } from './store.js';

const TABLES = 'articles, article_sources, analyses, findings, ingest_failures, corpus_items, corpus_state, alias_decisions, jobs, queue_workers';

describe.skipIf(!HAS_PG)('PostgresStore', () => {
  const db = usePostgresDatabase();

  // Every contract test starts from empty tables (one database for the file, truncated per test).
  describeStoreContract('postgres', async () => {
    const store = await openPostgresStore(db.url, { poolSize: 4 });
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query(`TRUNCATE ${TABLES} RESTART IDENTITY CASCADE`);
    await c.end();
    return store;
  });

  it('migrates once when several processes open a new database at the same time', async () => {
    const stores = Array.from({ length: 4 }, () => new PostgresStore(db.url, { poolSize: 1 }));
    await Promise.all(stores.map((s) => s.opened()));
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query('SELECT version FROM schema_version ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: PG_LATEST_VERSION }, (_, i) => i + 1));
    await c.end();
    await Promise.all(stores.map((s) => s.close()));
  });

  it('upgrades a database from version 1, keeping its articles', async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      const s = await openPostgresStore(db.url);
      await s.putArticle(makeArticle('Stored before the upgrade.', { source: 'old.txt' }));
      await s.close();
      await c.query(`DELETE FROM schema_version WHERE version > 1; DROP INDEX articles_outlet; CREATE INDEX articles_outlet ON articles (outlet, published)`);
      const upgraded = await openPostgresStore(db.url);
      expect((await upgraded.listArticles({ limit: 1000 })).items.some((a) => a.source === 'old.txt')).toBe(true);
      await upgraded.close();
      const { rows } = await c.query(`SELECT max(version) AS v FROM schema_version`);
      expect(rows[0].v).toBe(PG_LATEST_VERSION);
      const idx = await c.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'articles_outlet'`);
      expect(idx.rows[0].indexdef).toMatch(/\(outlet, published, seq\)/);
    } finally {
      await c.end();
    }
  });

  it('refuses a database from a newer Triangulate', async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await openPostgresStore(db.url).then((s) => s.close());
    await c.query(`INSERT INTO schema_version (version, description) VALUES (${PG_LATEST_VERSION + 1}, 'future')`);
    try {
      await expect(openPostgresStore(db.url)).rejects.toThrow(/newer than this Triangulate/);
    } finally {
      await c.query(`DELETE FROM schema_version WHERE version > ${PG_LATEST_VERSION}`);
      await c.end();
    }
  });

  it('reports an unreachable server as an io error that names the server without its password', async () => {
    await expect(openPostgresStore('postgres://u:secret@127.0.0.1:1/x')).rejects.toThrow(/cannot connect to postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x/);
  });

  it('keeps text with NUL characters, same length, and counts characters like JavaScript', async () => {
    const store = await openPostgresStore(db.url);
    try {
      const a = makeArticle('Nul\u0000here 😀 emoji.', { source: 'nul.txt' });
      await store.putArticle(a);
      const got = (await store.getArticle(a.id))!;
      expect(got.text).toBe('Nul\ufffdhere 😀 emoji.');
      expect((await store.listArticles({ limit: 1000 })).items.find((x) => x.id === a.id)!.chars).toBe(a.text.length);
    } finally {
      await store.close();
    }
  });

  it('takes concurrent analyses of the same article, the last one whole', async () => {
    const store = await openPostgresStore(db.url, { poolSize: 6 });
    try {
      const a = makeArticle('Concurrent writers of one article.', { source: 'conc.txt' });
      await store.putArticle(a);
      const f = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'entity', span: { start: i, end: i + 1 }, text: a.text.slice(i, i + 1), rule: 'x/test', data: { n } }));
      await Promise.all([3, 5, 7, 9, 11, 13].map((n) => store.putAnalysis(a.id, [{ stage: 'entities', version: 1, findings: f(n), notes: [] }])));
      const got = await store.getFindings(a.id);
      expect(new Set(got.map((x) => (x.data as { n: number }).n)).size).toBe(1);
      expect(got).toHaveLength((got[0]!.data as { n: number }).n);
    } finally {
      await store.close();
    }
  });

  it('stores a batch of a thousand articles in one statement and pages through them in ingest order', async () => {
    const store = await openPostgresStore(db.url);
    try {
      const articles = Array.from({ length: 1000 }, (_, i) => makeArticle(`Batch article number ${i} about things.`, { source: `b${i}.txt` }));
      const statuses = await store.putArticles(articles);
      expect(statuses.filter((s) => s === 'new')).toHaveLength(1000);
      const seen: string[] = [];
      for await (const a of store.iterateArticles()) if (a.source.startsWith('b')) seen.push(a.id);
      expect(seen).toEqual(articles.map((a) => a.id));
      expect((await store.search('number 517')).items[0]!.snippet).toContain('«517»');
    } finally {
      await store.close();
    }
  });
});

if (!HAS_PG) describe('PostgresStore', () => it.skip(PG_MISSING, () => {}));
