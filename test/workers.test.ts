import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../bench/generate.js';
import { analyzeArticle, selectStages } from '../src/analyze/pipeline.js';
import type { Article } from '../src/domain/article.js';
import { openJobQueue } from '../src/store/queue.js';
import { runWorker, type WorkerEvent } from '../src/work/worker-loop.js';
import { fileURLToPath } from 'node:url';
import { Triangulate } from '../src/service.js';
import { makeArticle, publishedOn } from './support/article.js';
import { cli } from './support/cli.js';
import { HAS_PG, PG_MISSING, usePostgresDatabase } from './support/postgres.js';
import { REPO_ROOT } from './support/shared.js';

const N = 300;
const WORKERS = 3;
const LEASE_S = 8;
const { stages } = selectStages(null);

function corpus(): Article[] {
  return Array.from({ length: N }, (_, i) => {
    const g = generateArticle(i, 2);
    return makeArticle(`${g.title}\n\n${g.paragraphs.join('\n\n')}\n`, { source: `gen-${i}.txt`, outlet: g.outlet, title: g.title, published: publishedOn(g.published.slice(0, 10)) });
  });
}

/** A `triangulate worker` process, run from the TypeScript sources (dist/ may be stale in a working tree). */
function startWorker(url: string): { child: ChildProcess; log: () => string } {
  let log = '';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'dev-cli.ts'), 'worker', '--db', url, '--drain', '--concurrency', '1', '--lease', String(LEASE_S), '--poll', '200', '--json'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  return { child, log: () => log };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

describe.skipIf(!HAS_PG)(`workers on one PostgreSQL database${HAS_PG ? '' : ` (${PG_MISSING})`}`, () => {
  const db = usePostgresDatabase();

  it('analyses every article exactly once when one of three workers is killed mid-job', async () => {
    const articles = corpus();
    const service = Triangulate.open(db.url);
    try {
      expect(new Set(await service.store.putArticles(articles))).toEqual(new Set(['new']));
      const queue = await openJobQueue(service.store);
      expect(await queue.enqueue(stages.map((s) => ({ name: s.name, version: s.version })))).toBe(N);

      const workers = Array.from({ length: WORKERS }, () => startWorker(db.url));
      const victim = workers[0]!;
      // Kill the first worker once it has finished some jobs and holds a lease on another.
      const deadline = Date.now() + 150_000;
      let killedMidJob = false;
      while (Date.now() < deadline) {
        const s = await queue.status();
        const me = s.workers.find((w) => w.id.includes(`:${victim.child.pid}:`));
        if (me && me.done >= 3 && me.running > 0) {
          victim.child.kill('SIGKILL');
          killedMidJob = true;
          break;
        }
        if (victim.child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(killedMidJob, victim.log()).toBe(true);
      await exited(victim.child);

      const codes = await Promise.all(workers.slice(1).map((w) => exited(w.child)));
      expect(codes, workers.map((w) => w.log()).join('\n---\n')).toEqual([0, 0]);

      const status = await queue.status();
      expect(status.counts).toEqual({ queued: 0, running: 0, done: N, failed: 0 });
      expect(status.failed).toEqual([]);

      // The killed worker's leased job was taken again by another worker.
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      try {
        const retaken = await admin.query<{ n: string }>('SELECT count(*) AS n FROM jobs WHERE attempts > 1');
        expect(Number(retaken.rows[0]!.n)).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }

      // Every article: one analysis row per stage, findings without duplicates, the same as the sequential pipeline.
      const names = stages.map((s) => s.name).sort();
      for (const [i, a] of articles.entries()) {
        const state = await service.store.getAnalysisState(a.id);
        expect(state.map((s) => s.stage).sort(), a.id).toEqual(names);
        const findings = await service.store.getFindings(a.id);
        expect(new Set(findings.map((f) => f.id)).size, a.id).toBe(findings.length);
        if (i % 30 === 0) {
          const expected = analyzeArticle(a, stages).reduce((n, r) => n + r.findings.length, 0);
          expect(findings.length, a.id).toBe(expected);
        }
      }

      const shown = await cli(['status', '--db', db.url, '--json'], REPO_ROOT);
      expect(shown.code, shown.err).toBe(0);
      const js = JSON.parse(shown.out);
      expect(js.queue.counts).toEqual({ queued: 0, running: 0, done: N, failed: 0 });
      expect(js.stages.every((r: { pending: number; analyzed: number }) => r.pending === 0 && r.analyzed === N)).toBe(true);
      // The password never shows (masked as *** when the URL has one).
      const password = decodeURIComponent(new URL(db.url).password);
      if (password) expect(js.location).not.toContain(password);
      expect(js.location).not.toMatch(/:(?!\*\*\*@)[^:@/]+@/);
    } finally {
      await service.close();
    }
  }, 300_000);

  it('stops on its signal after the jobs in hand, and hands back a failing article until it is failed with its error', async () => {
    const service = Triangulate.open(db.url);
    try {
      const extra = Array.from({ length: 12 }, (_, i) => makeArticle(`Extra report ${i}. The council said on Monday that ${i + 3} ships were held.${i === 5 ? ' FAIL-SOFT' : ''}`));
      await service.store.putArticles(extra);
      const queue = await openJobQueue(service.store, { maxAttempts: 2, backoffMs: () => 0 });
      const workerFile = fileURLToPath(new URL('../src/work/test-crash-worker.ts', import.meta.url));
      const stop = new AbortController();
      const events: WorkerEvent[] = [];
      // One transaction per job, so the stop lands between two jobs (batches are tested below).
      const first = await runWorker(service.store, queue, stages, {
        concurrency: 1,
        pollMs: 50,
        completeBatch: 1,
        workerFile,
        signal: stop.signal,
        onEvent: (e) => {
          events.push(e);
          if (e.type === 'done') stop.abort();
        },
      });
      expect(events.find((e) => e.type === 'start')).toMatchObject({ enqueued: 12 });
      expect(first.done).toBeGreaterThanOrEqual(1);
      expect(first.done + first.failed).toBeLessThan(extra.length);
      expect((await queue.status()).counts.running).toBe(0);

      const rest = await runWorker(service.store, queue, stages, { concurrency: 1, pollMs: 50, workerFile, drain: true });
      expect(first.done + rest.done).toBe(extra.length - 1);
      const status = await queue.status();
      expect(status.counts).toMatchObject({ queued: 0, running: 0, failed: 1 });
      expect(status.failed[0]).toMatchObject({ articleId: extra[5]!.id, attempts: 2 });
      expect(status.failed[0]!.error).toMatch(/failed on purpose/);
      const shown = await cli(['status', '--db', db.url], REPO_ROOT);
      expect(shown.out).toMatch(/1 failed/);
      expect(shown.out).toMatch(/failed on purpose/);
    } finally {
      await service.close();
    }
  }, 120_000);

  it('completes finished jobs in batches, and on stop writes the batch in hand', async () => {
    const service = Triangulate.open(db.url);
    try {
      const more = Array.from({ length: 30 }, (_, i) => makeArticle(`Batch report ${i}. The board said ${i + 2} offices closed.`));
      await service.store.putArticles(more);
      const queue = await openJobQueue(service.store);
      const doneBefore = (await queue.status()).counts.done;
      const stop = new AbortController();
      const events: WorkerEvent[] = [];
      // A long flush timer: batches are written when full (8) or when the worker runs out of work or stops.
      const first = await runWorker(service.store, queue, stages, {
        concurrency: 1,
        pollMs: 50,
        completeBatch: 8,
        flushMs: 60_000,
        signal: stop.signal,
        onEvent: (e) => {
          events.push(e);
          if (e.type === 'done') stop.abort();
        },
      });
      const doneEvents = events.filter((e) => e.type === 'done').length;
      expect(first.done).toBe(doneEvents);
      // The first full batch: 8 completed together, and those analysed in the meantime written on stop.
      expect(first.done).toBeGreaterThanOrEqual(8);
      expect(first.lost).toBe(0);
      expect((await queue.status()).counts).toMatchObject({ running: 0, done: doneBefore + first.done });
      const rest = await runWorker(service.store, queue, stages, { concurrency: 1, pollMs: 50, drain: true, flushMs: 60_000 });
      expect(first.done + rest.done).toBe(more.length);
      for (const a of more) expect((await service.store.getAnalysisState(a.id)).length, a.id).toBe(stages.length);
    } finally {
      await service.close();
    }
  }, 120_000);

  it('wakes an idle worker when jobs are queued, long before its next poll', async () => {
    const service = Triangulate.open(db.url);
    try {
      const queue = await openJobQueue(service.store);
      const stop = new AbortController();
      let idle!: () => void;
      const isIdle = new Promise<void>((r) => (idle = r));
      let wokeAt = 0;
      const worker = runWorker(service.store, queue, stages, {
        concurrency: 1,
        pollMs: 60_000,
        signal: stop.signal,
        onEvent: (e) => {
          if (e.type === 'idle') idle();
          if (e.type === 'done') {
            wokeAt = Date.now();
            stop.abort();
          }
        },
      });
      await isIdle;
      const t0 = Date.now();
      await service.store.putArticles([makeArticle('Late report. The port said 3 cranes stopped.')]);
      expect(await queue.enqueue(stages.map((s) => ({ name: s.name, version: s.version })))).toBe(1);
      const summary = await worker;
      expect(summary.done).toBe(1);
      expect(wokeAt - t0).toBeLessThan(30_000);
    } finally {
      await service.close();
    }
  }, 120_000);

  it('renews the leases of slow jobs so no one takes them, and loses them when it does not renew', async () => {
    const service = Triangulate.open(db.url);
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const queue = await openJobQueue(service.store, { maxAttempts: 5 });
      // Reading an article takes 1.5 s: longer than the 0.5 s lease.
      const slow = new Proxy(service.store, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver);
          if (prop !== 'getArticle') return typeof v === 'function' ? v.bind(target) : v;
          return async (id: string) => {
            await new Promise((r) => setTimeout(r, 1500));
            return target.getArticle(id);
          };
        },
      });
      const run = async (label: string, renewMs: number) => {
        const articles = [0, 1].map((i) => makeArticle(`Slow report ${label} ${i}. The mayor said 4 roads were shut.`));
        await service.store.putArticles(articles);
        const ours = new Set(articles.map((a) => a.id));
        // Stopped once the thief is done, not drained: without renewals it would keep re-claiming its own lapsed jobs.
        const stop = new AbortController();
        const worker = runWorker(slow, queue, stages, { workerId: `slow-${label}`, concurrency: 1, leaseMs: 500, renewMs, pollMs: 50, signal: stop.signal });
        while ((await queue.status()).counts.running < 2) await new Promise((r) => setTimeout(r, 20));
        const taken = [];
        for (let i = 0; i < 6; i++) {
          await new Promise((r) => setTimeout(r, 200));
          taken.push(...(await queue.claim(`thief-${label}`, 10, 60_000)));
        }
        stop.abort();
        for (const j of taken) await queue.fail(j, `thief-${label}`, 'taken back by the test');
        return { summary: await worker, taken: taken.filter((j) => ours.has(j.articleId)) };
      };

      const renewed = await run('renewed', 150);
      expect(renewed.taken).toEqual([]);
      expect(renewed.summary).toMatchObject({ done: 2, lost: 0 });

      const lapsed = await run('lapsed', 60_000);
      expect(lapsed.taken).toHaveLength(2);
      expect(lapsed.summary.lost).toBe(2);
      const { rows } = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM analyses a JOIN jobs j ON j.article_id = a.article_id WHERE j.worker = 'slow-lapsed'`);
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      await admin.end();
      await service.close();
    }
  }, 120_000);
});
