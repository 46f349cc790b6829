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
import { makeArticle as testArticle } from '../test/support/article.js';
import { generateArticle } from './generate.js';
import { progress, type ReportTable } from './report.js';

/**
 * Parallel analysis: articles analysed per second by the sequential loop, by the thread pool on SQLite
 * (1, 2, 4 threads) and by 1, 2, 4 `triangulate worker` processes on one PostgreSQL database, over
 * generated articles (bench/generate.ts). Each setting runs for a fixed window after a warm-up (threads or
 * processes started, model loaded) that is left out. Settings take turns over one store per engine, so
 * before each one the store is topped up with fresh generated articles until at least
 * max(`articles`, 3x what the setting can analyse in its window) wait for analysis; the estimate is the
 * best rate per busy core seen so far (a short sequential calibration first). A window in which the work
 * ran out anyway is marked and gets no rate: its tail had idle workers.
 */
const ROOT = join(import.meta.dirname, '..');
const COUNTS = [1, 2, 4];
/** Work stored ahead of a window, as a multiple of what the fastest rate seen so far would use. */
const HEADROOM = 3;
const CALIBRATE_SECONDS = 2;
const WARM_TIMEOUT_MS = 180_000;

interface Row {
  setting: string;
  workers: number;
  /** Articles waiting for analysis when the window opened. */
  waiting: number;
  articles: number;
  seconds: number;
  /** Articles per second; null when the work ran out before the window closed. */
  rate: number | null;
  ranDry: boolean;
}

function makeArticle(i: number): Article {
  const g = generateArticle(i);
  const text = `${g.title}\n\n${g.paragraphs.join('\n\n')}\n`;
  return testArticle(text, {
    id: articleId(text, `bench-${i}`),
    source: `bench-${i}.txt`,
    outlet: g.outlet,
    title: g.title,
    published: { value: g.published.slice(0, 10), precision: 'day', source: 'input', utcOffset: null, raw: g.published },
  });
}

const stageList = () => selectStages(null).stages.map((s) => ({ name: s.name, version: s.version }));

async function pending(store: Store, limit: number): Promise<string[]> {
  return store.articlesNeedingAnalysis(stageList(), limit);
}

/** Fresh generated articles for one store: each call to `add` stores articles never seen before. */
class Supply {
  stored = 0;
  constructor(
    private readonly store: Store,
    private readonly label: string,
  ) {}

  async add(n: number): Promise<void> {
    for (let done = 0; done < n; ) {
      const k = Math.min(500, n - done);
      progress(`bench: workers: ${this.label}: storing articles ${this.stored}+${done}/${n}`);
      await this.store.putArticles(Array.from({ length: k }, (_, j) => makeArticle(this.stored + done + j)));
      done += k;
    }
    this.stored += n;
  }

  /** Store fresh articles until at least `n` wait for analysis; returns how many wait (counted up to `n`). */
  async ensure(n: number): Promise<number> {
    const waiting = (await pending(this.store, n)).length;
    if (waiting < n) await this.add(n - waiting);
    return Math.max(waiting, n);
  }
}

/** Articles per second per busy core, the best seen so far: sizes the work stored ahead of each window. */
class Estimate {
  perCore = 0;
  constructor(
    private readonly floor: number,
    private readonly seconds: number,
  ) {}

  note(row: Row): void {
    if (row.rate !== null) this.perCore = Math.max(this.perCore, row.rate / busyCores(row.workers));
  }

  need(workers: number): number {
    return Math.max(this.floor, Math.ceil(this.perCore * busyCores(workers) * this.seconds * HEADROOM));
  }
}

const busyCores = (workers: number) => Math.min(workers, availableParallelism());

/** Sequential analysis for a couple of seconds after a first article (model load), not reported. */
async function calibrate(store: Store, supply: Supply): Promise<number> {
  const { stages } = selectStages(null);
  await supply.ensure(200);
  const ids = await pending(store, 200);
  let t0 = 0;
  let done = 0;
  for (const id of ids) {
    const article = await store.getArticle(id);
    if (!article) continue;
    await store.putAnalysis(id, analyzeArticle(article, stages));
    if (t0 === 0) t0 = performance.now();
    else done++;
    if (done > 0 && performance.now() - t0 >= CALIBRATE_SECONDS * 1000) break;
  }
  return done / ((performance.now() - t0) / 1000);
}

/** The sequential loop of `triangulate analyze` (no pool), for `seconds` (warm: calibration ran before). */
async function sequential(store: Store, seconds: number, need: number): Promise<Row> {
  const { stages } = selectStages(null);
  const ids = await pending(store, need);
  let done = 0;
  const t0 = performance.now();
  const stop = t0 + seconds * 1000;
  for (const id of ids) {
    if (performance.now() >= stop) break;
    const article = await store.getArticle(id);
    if (!article) continue;
    await store.putAnalysis(id, analyzeArticle(article, stages));
    done++;
  }
  const end = performance.now();
  return row('SQLite, sequential loop', 1, ids.length, done, (end - t0) / 1000, end < stop);
}

function row(setting: string, workers: number, waiting: number, articles: number, seconds: number, ranDry: boolean): Row {
  return { setting, workers, waiting, articles, seconds, rate: ranDry ? null : articles / seconds, ranDry };
}

async function sqlitePool(store: Store, workers: number, seconds: number, need: number): Promise<Row> {
  const { stages } = selectStages(null);
  const ids = await pending(store, need);
  const pool = new AnalyzePool(stages, { workers });
  try {
    // Warm: every thread started and has analysed one article (modules compiled, model loaded); not stored.
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
    // Returned before the window closed: the ids ran out (the last ones ran with threads idle).
    return row('SQLite, thread pool', workers, ids.length, r.analyzed, (performance.now() - t0) / 1000, !stop.signal.aborted);
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

/** Stop the processes and wait for them to exit. */
async function stopAll(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve(null);
          c.once('exit', resolve);
          c.kill('SIGTERM');
        }),
    ),
  );
}

async function pgWorkers(store: Store, supply: Supply, url: string, workers: number, seconds: number, need: number, perCore: number): Promise<Row> {
  const queue = await openJobQueue(store);
  const enqueue = () => queue.enqueue(stageList());
  await supply.ensure(need);
  await enqueue();
  const children: ChildProcess[] = Array.from({ length: workers }, () => spawn(process.execPath, workerArgs(url), { cwd: ROOT, stdio: 'ignore' }));
  try {
    const pids = children.map((c) => `:${c.pid}:`);
    // Warm: every process has finished a job (its thread started and its model loaded). The processes that
    // start first work meanwhile: keep a few seconds of work queued for them.
    const lowWater = Math.max(50, Math.ceil(perCore * busyCores(workers) * 5));
    const deadline = Date.now() + WARM_TIMEOUT_MS;
    for (;;) {
      const s = await queue.status();
      const cold = pids.filter((p) => !s.workers.some((w) => w.id.includes(p) && w.done > 0)).length;
      if (cold === 0) break;
      const exited = children.find((c) => c.exitCode !== null || c.signalCode !== null);
      if (exited) throw new Error(`PostgreSQL x${workers}: worker process ${exited.pid} exited (${exited.exitCode ?? exited.signalCode}) during warm-up`);
      if (s.counts.queued === 0 && s.counts.running === 0) {
        throw new Error(`PostgreSQL x${workers}: the job queue is empty (${s.counts.done} done, ${s.counts.failed} failed) but ${cold} of ${workers} worker process(es) have not finished a job yet`);
      }
      if (Date.now() > deadline) throw new Error(`PostgreSQL x${workers}: ${cold} of ${workers} worker process(es) did not finish a job within ${WARM_TIMEOUT_MS / 1000} s`);
      if (s.counts.queued < lowWater) {
        await supply.add(lowWater * 2);
        await enqueue();
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await supply.ensure(need);
    await enqueue();
    const s0 = await queue.status();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const s1 = await queue.status();
    const secs = (performance.now() - t0) / 1000;
    // Nothing is queued during the window, so jobs still queued at its end were queued all along.
    return row('PostgreSQL, worker processes', workers, s0.counts.queued + s0.counts.running, s1.counts.done - s0.counts.done, secs, s1.counts.queued === 0);
  } finally {
    await stopAll(children);
  }
}

export async function benchWorkers(options: { articles: number; seconds: number }): Promise<{ tables: ReportTable[]; figures: Record<string, unknown> }> {
  const rows: Row[] = [];
  const load0 = loadavg()[0]!;
  const estimate = new Estimate(options.articles, options.seconds);
  const stored: Record<string, number> = {};
  const dir = mkdtempSync(join(tmpdir(), 'tri-bench-workers-'));
  try {
    const sqlite = Triangulate.open(join(dir, 'bench.db'));
    try {
      const supply = new Supply(sqlite.store, 'SQLite');
      progress('bench: workers: calibrating');
      estimate.perCore = await calibrate(sqlite.store, supply);
      progress('bench: workers: SQLite sequential');
      await supply.ensure(estimate.need(1));
      rows.push(await sequential(sqlite.store, options.seconds, estimate.need(1)));
      estimate.note(rows.at(-1)!);
      for (const w of COUNTS) {
        await supply.ensure(estimate.need(w));
        rows.push(await sqlitePool(sqlite.store, w, options.seconds, estimate.need(w)));
        estimate.note(rows.at(-1)!);
      }
      stored.sqlite = supply.stored;
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
      const supply = new Supply(pgService.store, 'PostgreSQL');
      for (const w of COUNTS) {
        progress(`bench: workers: PostgreSQL x${w}`);
        rows.push(await pgWorkers(pgService.store, supply, db.url, w, options.seconds, estimate.need(w), estimate.perCore));
        estimate.note(rows.at(-1)!);
      }
      stored.postgres = supply.stored;
      pgNote = 'PostgreSQL: one `triangulate worker --concurrency 1` process per worker, all on this machine';
    } finally {
      await pgService.close();
      await db.drop().catch(() => undefined);
      await pgSupport.stopTestCluster();
    }
  }

  const base = (setting: string) => rows.find((r) => r.setting === setting && r.workers === 1)?.rate ?? null;
  const speedup = (r: Row) => {
    const b = base(r.setting);
    return r.rate === null || b === null ? null : r.rate / b;
  };
  const dry = rows.some((r) => r.ranDry);
  const table: ReportTable = {
    title:
      `Parallel analysis: generated articles, ${options.seconds} s per setting, each starting with at least max(${options.articles.toLocaleString('en-US')}, ${HEADROOM}x its expected use) articles waiting` +
      ` (stored: ${Object.entries(stored).map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(', ')}); ` +
      `${availableParallelism()} core(s), load average ${load0.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end (more workers than free cores cannot be faster)\n${pgNote}` +
      (dry ? '\n"ran dry": the work ran out before the window closed, so workers sat idle in it: no rate for that setting' : ''),
    header: ['setting', 'workers', 'waiting', 'articles', 'seconds', 'articles/s', 'speed-up', 'speed-up per worker'],
    rows: rows.map((r) => {
      const up = speedup(r);
      return [r.setting, r.workers, r.waiting, r.articles, r.seconds, r.rate ?? 'ran dry', up, up === null ? null : up / r.workers];
    }),
  };
  const figures = {
    workers: {
      minWaiting: options.articles,
      seconds: options.seconds,
      cores: availableParallelism(),
      loadAverage: [load0, loadavg()[0]],
      stored,
      rows: rows.map((r) => ({ ...r, speedup: speedup(r) })),
    },
  };
  return { tables: [table], figures };
}
