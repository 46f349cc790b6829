/**
 * Row and index sizes of the PostgreSQL store on a real corpus (BASIL's 300 articles, written to a temp dir
 * as text files, never into the repo), for the capacity arithmetic in ARCHITECTURE.md.
 *
 *   npx tsx scripts/pg-sizes.ts --db postgres://user@127.0.0.1:5432/empty_db [--json]
 *
 * The database should be empty (the figures are per article of this corpus).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { printReport, progress, progressDone } from '../bench/report.js';
import { Triangulate } from '../src/service.js';
import { BENCH_DIR } from '../test/support/shared.js';
import { loadBasil } from './outlet-triple-stories.js';

const argv = process.argv.slice(2);
const db = argv[argv.indexOf('--db') + 1] ?? process.env.TRIANGULATE_DB;
if (!argv.includes('--db') || !db?.startsWith('postgres')) {
  console.error('usage: scripts/pg-sizes.ts --db postgres://... [--json]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'tri-pg-sizes-'));
const docs = loadBasil(BENCH_DIR, () => true);
docs.forEach((d, i) => writeFileSync(join(dir, `${String(i).padStart(3, '0')}.txt`), `${d.title}\n\n${d.text}\n`));

const t = Triangulate.open(db);
const t0 = performance.now();
await t.ingest([dir], { cwd: dir });
const ingestMs = performance.now() - t0;
const t1 = performance.now();
await t.analyze({ onProgress: (p) => p.done % 25 === 0 && progress(`analyze ${p.done}/${p.total}`) });
progressDone();
const analyzeMs = performance.now() - t1;
await t.close();
rmSync(dir, { recursive: true, force: true });

const c = new pg.Client({ connectionString: db });
await c.connect();
await c.query('VACUUM ANALYZE');
const tables = ['articles', 'article_sources', 'analyses', 'findings', 'corpus_items', 'corpus_state', 'jobs'];
const rows: string[][] = [];
const figures: Record<string, unknown> = { articles: docs.length, ingestMs: Math.round(ingestMs), analyzeMs: Math.round(analyzeMs) };
const articles = Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0].n);
for (const table of tables) {
  const r = (
    await c.query(
      `SELECT (SELECT count(*) FROM ${table}) AS n, pg_relation_size('${table}') AS heap,
              coalesce(pg_relation_size((SELECT reltoastrelid FROM pg_class WHERE oid = '${table}'::regclass)), 0) AS toast,
              pg_indexes_size('${table}') AS idx, pg_total_relation_size('${table}') AS total,
              (SELECT coalesce(avg(pg_column_size(x.*)), 0) FROM ${table} x) AS avg_row`,
    )
  ).rows[0];
  const n = Number(r.n);
  rows.push([table, String(n), String(r.heap), String(r.toast), String(r.idx), String(Math.round(Number(r.avg_row))), n ? String(Math.round(Number(r.total) / articles)) : '-']);
  figures[table] = { rows: n, heap: Number(r.heap), toast: Number(r.toast), indexes: Number(r.idx), total: Number(r.total), avgRow: Math.round(Number(r.avg_row)), bytesPerArticle: Math.round(Number(r.total) / articles) };
}
const idx = (await c.query(`SELECT indexrelname AS name, pg_relation_size(indexrelid) AS size FROM pg_stat_user_indexes ORDER BY pg_relation_size(indexrelid) DESC LIMIT 12`)).rows;
const col = (
  await c.query(
    `SELECT avg(pg_column_size(text)) AS text, avg(pg_column_size(raw)) AS raw, avg(pg_column_size(fts)) AS fts, avg(length(text)) AS chars FROM articles`,
  )
).rows[0];
figures.articleColumns = { text: Math.round(Number(col.text)), raw: Math.round(Number(col.raw)), fts: Math.round(Number(col.fts)), chars: Math.round(Number(col.chars)) };
await c.end();

printReport(
  [
    { title: `PostgreSQL sizes after ingest + analyze of ${articles} BASIL articles (bytes)`, header: ['table', 'rows', 'heap', 'toast', 'indexes', 'avg row', 'total / article'], rows },
    { title: 'largest indexes (bytes)', header: ['index', 'size'], rows: idx.map((r) => [r.name, String(r.size)]) },
    { title: 'article columns, average stored bytes', header: ['text', 'raw', 'fts (tsvector)', 'chars'], rows: [[String(col.text), String(col.raw), String(col.fts), String(col.chars)].map((x) => String(Math.round(Number(x))))] },
  ],
  figures,
);
