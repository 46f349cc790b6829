import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeArticle, selectStages } from '../src/analyze/pipeline.js';
import type { Article } from '../src/domain/article.js';
import { articleId } from '../src/domain/ids.js';
import { openJobQueue } from '../src/store/queue.js';
import type { Store } from '../src/store/store.js';
import { Triangulate } from '../src/service.js';
import { AnalyzePool, analyzeWithPool } from '../src/work/pool.js';
import { generateArticle } from './generate.js';
import { progress, type ReportTable } from './report.js';

/**
 * Parallel analysis: articles analysed per second by the sequential loop, by the thread pool on SQLite
 * (1, 2, 4 threads) and by 1, 2, 4 `triangulate worker` processes on one PostgreSQL database. The corpus is
 * generated (bench/generate.ts) and stored whole; each setting then runs for a fixed time over the articles
 * still waiting, and its rate is counted from its first finished article (thread or process start-up left
 * out) to the end of its window. Settings take turns over the same corpus, so each sees fresh articles.
 */
const ROOT = join(import.meta.dirname, '..');
const COUNTS = [1, 2, 4];

interface Row {
  setting: string;
  workers: number;
  articles: number;
  seconds: number;
  rate: number;
}

function makeCorpus(n: number): Article[] {
  return Array.from({ length: n }, (_, i) => {
    const g = generateArticle(i);
    const text = `${g.title}\n\n${g.paragraphs.join('\n\n')}\n`;
    return {
      id: articleId(text, `bench-${i}`),
      source: `bench-${i}.txt`,
      format: 'text',
      url: null,
      outlet: g.outlet,
      title: g.title,
      byline: null,
      published: { value: g.published.slice(0, 10), precision: 'day', source: 'input', utcOffset: null, raw: g.published },
      dateline: null,
      language: 'en',
      text,
      meta: {},
      raw: new TextEncoder().encode(text),
      encoding: 'utf-8',
      notes: [],
    };
  });
}

async function load(store: Store, articles: readonly Article[]): Promise<void> {
  for (let i = 0; i < articles.length; i += 500) {
    progress(`bench: workers: storing articles ${i}/${articles.length}`);
    await store.putArticles(articles.slice(i, i + 500));
  }
}

async function pending(store: Store, limit: number): Promise<string[]> {
  const { stages } = selectStages(null);
  return store.articlesNeedingAnalysis(stages.map((s) => ({ name: s.name, version: s.version })), limit);
}

/** The sequential loop of `triangulate analyze` (no pool), for `seconds`. */
async function sequential(store: Store, seconds: number): Promise<Row> {
  const { stages } = selectStages(null);
  const ids = await pending(store, 1_000_000);
  let first = 0;
  let done = 0;
  const stop = Date.now() + seconds * 1000;
  for (const id of ids) {
    if (Date.now() >= stop) break;
    const article = await store.getArticle(id);
    if (!article) continue;
    await store.putAnalysis(id, analyzeArticle(article, stages));
    if (done++ === 0) first = performance.now();
  }
  const secs = (performance.now() - first) / 1000;
  return { setting: 'SQLite, sequential loop', workers: 1, articles: done - 1, seconds: secs, rate: (done - 1) / secs };
}

async function sqlitePool(store: Store, workers: number, seconds: number): Promise<Row> {
  const { stages } = selectStages(null);
  const ids = await pending(store, 1_000_000);
  const pool = new AnalyzePool(stages, { workers });
  try {
    // Warm: every thread started and has analysed one article (modules compiled, model loaded).
    await pool.whenReady();
    const warm = await Promise.all(ids.slice(0, workers).map((id) => store.getArticle(id)));
    await Promise.all(warm.map((a) => a && pool.run(a)));
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), seconds * 1000);
    const t0 = performance.now();
    const r = await analyzeWithPool(store, stages, ids, {
      pool,
      signal: stop.signal,
      onProgress: ({ done }) => progress(`bench: workers: SQLite pool x${workers}: ${done}`),
    });
    clearTimeout(timer);
    const secs = (performance.now() - t0) / 1000;
    return { setting: 'SQLite, thread pool', workers, articles: r.analyzed, seconds: secs, rate: r.analyzed / secs };
  } finally {
    await pool.close();
  }
}

/** The CLI as a process: the built one when dist/ is newer than the sources of this feature, else from sources. */
function workerArgs(url: string): string[] {
  const built = join(ROOT, 'dist', 'work', 'worker-loop.js');
  const fresh = existsSync(built) && statSync(built).mtimeMs >= statSync(join(ROOT, 'src', 'work', 'worker-loop.ts')).mtimeMs;
  const cli = fresh ? [join(ROOT, 'bin', 'triangulate.js')] : ['--import', 'tsx', join(ROOT, 'scripts', 'dev-cli.ts')];
  return [...cli, 'worker', '--db', url, '--concurrency', '1', '--poll', '200'];
}

async function pgWorkers(store: Store, url: string, workers: number, seconds: number): Promise<Row> {
  const queue = await openJobQueue(store);
  const children: ChildProcess[] = Array.from({ length: workers }, () => spawn(process.execPath, workerArgs(url), { cwd: ROOT, stdio: 'ignore' }));
  try {
    const pids = children.map((c) => `:${c.pid}:`);
    // Warm: every process has finished a job (its thread started and its model loaded).
    const deadline = Date.now() + 180_000;
    for (;;) {
      const s = await queue.status();
      if (pids.every((p) => s.workers.some((w) => w.id.includes(p) && w.done > 0))) break;
      if (Date.now() > deadline || children.some((c) => c.exitCode !== null)) throw new Error('workers did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const t0 = performance.now();
    const done0 = (await queue.status()).counts.done;
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const done1 = (await queue.status()).counts.done;
    const secs = (performance.now() - t0) / 1000;
    return { setting: 'PostgreSQL, worker processes', workers, articles: done1 - done0, seconds: secs, rate: (done1 - done0) / secs };
  } finally {
    await Promise.all(
      children.map(
        (c) =>
          new Promise((resolve) => {
            if (c.exitCode !== null) return resolve(null);
            c.once('exit', resolve);
            c.kill('SIGTERM');
          }),
      ),
    );
  }
}

export async function benchWorkers(options: { articles: number; seconds: number }): Promise<{ tables: ReportTable[]; figures: Record<string, unknown> }> {
  const corpus = makeCorpus(options.articles);
  const rows: Row[] = [];
  const load0 = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'tri-bench-workers-'));
  try {
    const sqlite = Triangulate.open(join(dir, 'bench.db'));
    try {
      await load(sqlite.store, corpus);
      progress('bench: workers: SQLite sequential');
      rows.push(await sequential(sqlite.store, options.seconds));
      for (const w of COUNTS) rows.push(await sqlitePool(sqlite.store, w, options.seconds));
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  let pgNote = 'PostgreSQL: not measured (no server: set TRIANGULATE_TEST_PG or install PostgreSQL)';
  const pgSupport = await import('../test/support/postgres.js').catch(() => null);
  if (pgSupport?.HAS_PG) {
    const db = await pgSupport.createTestDatabase();
    const pgService = Triangulate.open(db.url);
    try {
      await load(pgService.store, corpus);
      const { stages } = selectStages(null);
      await (await openJobQueue(pgService.store)).enqueue(stages.map((s) => ({ name: s.name, version: s.version })));
      for (const w of COUNTS) {
        progress(`bench: workers: PostgreSQL x${w}`);
        rows.push(await pgWorkers(pgService.store, db.url, w, options.seconds));
      }
      pgNote = 'PostgreSQL: one `triangulate worker --concurrency 1` process per worker, all on this machine';
    } finally {
      await pgService.close();
      await db.drop().catch(() => undefined);
      await pgSupport.stopTestCluster();
    }
  }

  const base = (setting: string) => rows.find((r) => r.setting === setting && r.workers === 1)?.rate ?? NaN;
  const table: ReportTable = {
    title: `Parallel analysis: ${options.articles.toLocaleString('en-US')}-article generated corpus, ${options.seconds} s per setting; ${availableParallelism()} core(s), load average ${load0.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end (more workers than free cores cannot be faster)\n${pgNote}`,
    header: ['setting', 'workers', 'articles', 'seconds', 'articles/s', 'speed-up', 'speed-up per worker'],
    rows: rows.map((r) => {
      const up = r.rate / base(r.setting);
      return [r.setting, r.workers, r.articles, r.seconds, r.rate, up, up / r.workers];
    }),
  };
  const figures = {
    workers: {
      corpus: options.articles,
      seconds: options.seconds,
      cores: availableParallelism(),
      loadAverage: [load0, loadavg()[0]],
      rows: rows.map((r) => ({ ...r, speedup: r.rate / base(r.setting) })),
    },
  };
  return { tables: [table], figures };
}
