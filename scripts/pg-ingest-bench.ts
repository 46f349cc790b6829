/**
 * Store throughput, SQLite against PostgreSQL: N synthetic articles (bench/generate.ts) stored in batches of
 * 200 (as ingest does), then a search, a deep page of the article list, and a full iteration.
 *
 *   npx tsx scripts/pg-ingest-bench.ts --db postgres://user@127.0.0.1:5432/empty_db [--articles 20000] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateArticle } from '../bench/generate.js';
import { printReport, progress, progressDone } from '../bench/report.js';
import type { Article } from '../src/domain/article.js';
import { openPostgresStore } from '../src/store/postgres/store.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { makeArticle, publishedOn } from '../test/support/article.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
const db = arg('--db', process.env.TRIANGULATE_DB ?? '');
if (!db.startsWith('postgres')) {
  console.error('usage: scripts/pg-ingest-bench.ts --db postgres://... [--articles 20000] [--json]');
  process.exit(2);
}
const N = Number(arg('--articles', '20000'));
const BATCH = 200;

function* articles(): Generator<Article[]> {
  for (let start = 0; start < N; start += BATCH) {
    const batch: Article[] = [];
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      const g = generateArticle(i, 6);
      batch.push(makeArticle(`${g.title}\n\n${g.paragraphs.join('\n\n')}\n`, { source: `gen-${i}.txt`, outlet: g.outlet, title: g.title, published: publishedOn(g.published.slice(0, 10)) }));
    }
    yield batch;
  }
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

async function measure(name: string, store: Store): Promise<Record<string, number>> {
  let ms = 0;
  let done = 0;
  for (const batch of articles()) {
    const [, t] = await time(() => store.putArticles(batch));
    ms += t;
    done += batch.length;
    progress(`${name}: ${done}/${N}`);
  }
  progressDone();
  return { articlesPerSec: Math.round((N / ms) * 1000), ...(await reads(name, store)) };
}

async function reads(name: string, store: Store): Promise<Record<string, number>> {
  const [hits, searchMs] = await time(() => store.search('strike workers', { limit: 20 }));
  const [, deepMs] = await time(() => store.listArticles({ limit: 50, offset: Math.floor(N * 0.9) }));
  const [count, iterMs] = await time(async () => {
    let n = 0;
    for await (const _ of store.iterateArticles()) n++;
    return n;
  });
  if (count !== N) throw new Error(`${name}: iterated ${count} of ${N}`);
  return { searchMs: Math.round(searchMs), searchHits: hits.total, deepPageMs: Math.round(deepMs), iterateAllMs: Math.round(iterMs) };
}

const dir = mkdtempSync(join(tmpdir(), 'tri-ingest-bench-'));
const sqlite = openSqliteStore(join(dir, 'bench.db'));
const s = await measure('sqlite', sqlite);
await sqlite.close();
rmSync(dir, { recursive: true, force: true });
const postgres = await openPostgresStore(db);
if ((await postgres.stats()).articles > 0) throw new Error('the PostgreSQL database is not empty');
const p = await measure('postgres', postgres);
await postgres.close();
// Right after a bulk load PostgreSQL has no statistics yet (the planner scans instead of using the GIN index)
// and no visibility map (index-only scans visit the heap); autovacuum fixes both within a minute or so.
const admin = new pg.Client({ connectionString: db });
await admin.connect();
await admin.query('VACUUM ANALYZE articles');
await admin.end();
const vacuumed = await openPostgresStore(db);
const pv = { articlesPerSec: p.articlesPerSec!, ...(await reads('postgres', vacuumed)) };
await vacuumed.close();

const row = (name: string, r: Record<string, number>) => [name, String(r.articlesPerSec), String(r.searchMs), String(r.searchHits), String(r.deepPageMs), String(r.iterateAllMs)];
printReport(
  [{ title: `${N} synthetic articles, batches of ${BATCH}`, header: ['store', 'articles/s stored', 'search ms', 'hits', 'page at 90% ms', 'iterate all ms'], rows: [row('sqlite', s), row('postgres', p), row('postgres, after VACUUM ANALYZE', pv)] }],
  { articles: N, sqlite: s, postgres: p, postgresVacuumed: pv },
);
