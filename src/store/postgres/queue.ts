import pg from 'pg';
import type { StageResult } from '../../domain/stage.js';
import type { Job, JobQueue, JobQueueOptions, JobState, QueueStatus } from '../queue.js';
import { NEEDS_ANALYSIS, writeAnalysis } from './analysis.js';
import { inTransaction, pgText } from './pool.js';

const DEFAULT_MAX_ATTEMPTS = 3;
/** The NOTIFY channel that says jobs were queued (the payload is empty). */
export const JOBS_CHANNEL = 'triangulate_jobs';
const DEFAULT_KEEP_DONE_MS = 7 * 24 * 3_600_000;
const PRUNE_BATCH = 10_000;
const defaultBackoff = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 5 * 60_000);

/** 'dates@3,entities@2': the identity of a set of stage versions (order-free). */
export function stagesKey(stages: readonly { name: string; version: number }[]): string {
  return [...new Set(stages.map((s) => `${s.name}@${s.version}`))].sort().join(',');
}

/**
 * The job queue in PostgreSQL, claimed with FOR UPDATE SKIP LOCKED: concurrent claimers skip each other's
 * rows instead of waiting, so N workers take N different batches in one round trip each. A lease is the
 * pair (worker, attempts): a claim bumps `attempts`, so a worker whose lease expired and was re-claimed
 * (even by a process with the same worker id) no longer matches and cannot complete or fail the job.
 */
export class PgJobQueue implements JobQueue {
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly keepDoneMs: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly ready: Promise<void>,
    options: JobQueueOptions = {},
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.backoffMs = options.backoffMs ?? defaultBackoff;
    this.keepDoneMs = Math.max(0, options.keepDoneMs ?? DEFAULT_KEEP_DONE_MS);
  }

  async enqueue(stages: readonly { name: string; version: number }[]): Promise<number> {
    if (stages.length === 0) return 0;
    await this.ready;
    const res = await this.pool.query(
      `INSERT INTO jobs (article_id, stages_key)
       SELECT a.id, $3 FROM articles a WHERE ${NEEDS_ANALYSIS} ORDER BY a.seq
       ON CONFLICT (article_id, stages_key) DO NOTHING`,
      [stages.map((s) => s.name), stages.map((s) => s.version), stagesKey(stages)],
    );
    const added = res.rowCount ?? 0;
    if (added > 0) await this.announce();
    return added;
  }

  /** Wake the watching workers (after the commit that made the jobs visible). */
  private async announce(): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [JOBS_CHANNEL, '']);
  }

  /**
   * LISTEN on a connection of its own (outside the pool, so it never takes a slot the queries need). A lost
   * connection is opened again after `retryMs`, and then `onJobs` is called once (jobs may have been
   * queued meanwhile); until then the worker's poll is the fallback.
   */
  async watch(onJobs: () => void, retryMs = 5_000): Promise<() => Promise<void>> {
    await this.ready;
    let stopped = false;
    let client: pg.Client | null = null;
    let retry: NodeJS.Timeout | null = null;
    const listen = async (): Promise<void> => {
      const c = new pg.Client(this.pool.options);
      const lost = () => {
        if (client !== c) return;
        client = null;
        void c.end().catch(() => undefined);
        if (!stopped) retry = setTimeout(reopen, retryMs);
      };
      c.on('error', lost);
      c.on('end', lost);
      c.on('notification', (n) => {
        if (n.channel === JOBS_CHANNEL) onJobs();
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${JOBS_CHANNEL}`);
      } catch (e) {
        await c.end().catch(() => undefined);
        throw e;
      }
      if (stopped) await c.end().catch(() => undefined);
      else client = c;
    };
    const reopen = () => {
      retry = null;
      if (stopped) return;
      listen().then(onJobs, () => {
        if (!stopped) retry = setTimeout(reopen, retryMs);
      });
    };
    await listen();
    return async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    };
  }

  async claim(workerId: string, limit: number, leaseMs: number): Promise<Job[]> {
    if (limit < 1) return [];
    await this.ready;
    return inTransaction(this.pool, async (client) => {
      // A claim lost in a server crash only makes its jobs claimable again (the lease check refuses the
      // first holder's completion if another worker got them): no need to wait for its WAL flush.
      await client.query('SET LOCAL synchronous_commit = off');
      // Jobs whose workers died too often (each death is an attempt) fail instead of killing another worker.
      await client.query(
        `UPDATE jobs SET state = 'failed', finished_at = now(),
           last_error = coalesce(last_error || E'\\n', '') || 'lease expired ' || attempts || ' time(s) (worker ' || coalesce(worker, '?') || ' stopped or too slow)'
         WHERE id IN (SELECT id FROM jobs WHERE state = 'running' AND due <= now() AND attempts >= $1 ORDER BY due LIMIT 100 FOR UPDATE SKIP LOCKED)`,
        [this.maxAttempts],
      );
      const { rows } = await client.query<{ id: number; article_id: string; attempts: number }>(
        `UPDATE jobs j SET state = 'running', worker = $1, attempts = j.attempts + 1, started_at = now(),
           due = now() + make_interval(secs => $3::float8 / 1000)
         FROM (SELECT id FROM jobs WHERE state IN ('queued', 'running') AND due <= now() ORDER BY due, id LIMIT $2 FOR UPDATE SKIP LOCKED) picked
         WHERE j.id = picked.id
         RETURNING j.id, j.article_id, j.attempts`,
        [pgText(workerId), limit, leaseMs],
      );
      await this.seen(client, workerId, 'claimed', rows.length);
      return rows.sort((a, b) => a.id - b.id).map((r) => ({ id: r.id, articleId: r.article_id, attempts: r.attempts - 1 }));
    });
  }

  async renew(jobs: readonly Job[], workerId: string, leaseMs: number): Promise<number> {
    await this.ready;
    return inTransaction(this.pool, async (client) => {
      // A renewal lost in a server crash only shortens the lease: no need to wait for its WAL flush.
      await client.query('SET LOCAL synchronous_commit = off');
      await this.seen(client, workerId, 'claimed', 0);
      if (jobs.length === 0) return 0;
      const res = await client.query(
        `UPDATE jobs j SET due = now() + make_interval(secs => $4::float8 / 1000)
         FROM unnest($1::bigint[], $2::int[]) AS l(id, attempts)
         WHERE j.id = l.id AND j.attempts = l.attempts AND j.state = 'running' AND j.worker = $3`,
        [jobs.map((j) => j.id), jobs.map((j) => j.attempts + 1), pgText(workerId), leaseMs],
      );
      return res.rowCount ?? 0;
    });
  }

  async complete(job: Job, workerId: string, results: readonly StageResult[]): Promise<boolean> {
    return (await this.completeMany([{ job, results }], workerId))[0]!;
  }

  async completeMany(items: readonly { readonly job: Job; readonly results: readonly StageResult[] }[], workerId: string): Promise<boolean[]> {
    if (items.length === 0) return [];
    await this.ready;
    return inTransaction(this.pool, async (client) => {
      // The row locks make this and a concurrent re-claim of the jobs mutually exclusive.
      const { rows } = await client.query<{ id: number; attempts: number }>(
        `SELECT id, attempts FROM jobs WHERE id = ANY($1::bigint[]) AND state = 'running' AND worker = $2 ORDER BY id FOR UPDATE`,
        [items.map((i) => i.job.id), pgText(workerId)],
      );
      const leases = new Map(rows.map((r) => [r.id, r.attempts]));
      const held = items.map((i) => leases.get(i.job.id) === i.job.attempts + 1);
      const done: number[] = [];
      for (const [k, item] of items.entries()) {
        if (!held[k]) continue;
        await writeAnalysis(client, item.job.articleId, item.results);
        done.push(item.job.id);
      }
      if (done.length > 0) {
        await client.query(`UPDATE jobs SET state = 'done', finished_at = now(), last_error = NULL WHERE id = ANY($1::bigint[])`, [done]);
        await this.seen(client, workerId, 'done', done.length);
      }
      return held;
    });
  }

  async fail(job: Job, workerId: string, error: string): Promise<void> {
    await this.ready;
    const attempt = job.attempts + 1;
    const last = attempt >= this.maxAttempts;
    await inTransaction(this.pool, async (client) => {
      const res = await client.query(
        `UPDATE jobs SET state = $4, last_error = $5,
           due = now() + make_interval(secs => $6::float8 / 1000), finished_at = CASE WHEN $4 = 'failed' THEN now() END
         WHERE id = $1 AND state = 'running' AND worker = $2 AND attempts = $3`,
        [job.id, pgText(workerId), attempt, last ? 'failed' : 'queued', pgText(error).slice(0, 10_000), last ? 0 : this.backoffMs(attempt)],
      );
      if (res.rowCount) await this.seen(client, workerId, 'failed', 1);
    });
  }

  /** A worker's heartbeat and counters (a claim of zero jobs still says it is alive). */
  private async seen(client: pg.PoolClient, workerId: string, counter: 'claimed' | 'done' | 'failed', n: number): Promise<void> {
    await client.query(
      `INSERT INTO queue_workers (id, ${counter}) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET last_seen = now(), ${counter} = queue_workers.${counter} + excluded.${counter}`,
      [pgText(workerId), n],
    );
  }

  /** Put failed jobs back in the queue with fresh attempts; returns how many. */
  async retryFailed(): Promise<number> {
    await this.ready;
    const res = await this.pool.query(`UPDATE jobs SET state = 'queued', attempts = 0, due = now(), finished_at = NULL WHERE state = 'failed'`);
    if (res.rowCount) await this.announce();
    return res.rowCount ?? 0;
  }

  async prune(olderThanMs = this.keepDoneMs): Promise<number> {
    await this.ready;
    let total = 0;
    // In batches (short transactions, locks skipped: two workers pruning at once share the work).
    for (;;) {
      const res = await this.pool.query(
        `DELETE FROM jobs WHERE id IN (
           SELECT id FROM jobs WHERE state = 'done' AND finished_at < now() - make_interval(secs => $1::float8 / 1000)
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [olderThanMs, PRUNE_BATCH],
      );
      total += res.rowCount ?? 0;
      if ((res.rowCount ?? 0) < PRUNE_BATCH) return total;
    }
  }

  async status(): Promise<QueueStatus> {
    await this.ready;
    const [countRows, recent, failed, workers] = await Promise.all([
      this.pool.query<{ state: JobState; n: number }>(
        // One pass over the table, kept small by prune() (counting each state on its partial index measured
        // slower: the planner scans the table for 'done' and again for 'failed').
        `SELECT CASE WHEN state = 'running' AND due <= now() THEN 'queued' ELSE state END AS state, count(*) AS n FROM jobs GROUP BY 1`,
      ),
      this.pool.query<{ minute: number; hour: number; oldest: string | null }>(
        `SELECT (SELECT count(*) FROM jobs WHERE state = 'done' AND finished_at > now() - interval '1 minute') AS minute,
                (SELECT count(*) FROM jobs WHERE state = 'done' AND finished_at > now() - interval '1 hour') AS hour,
                (SELECT min(queued_at) FROM jobs WHERE state = 'queued' OR (state = 'running' AND due <= now())) AS oldest`,
      ),
      this.pool.query<{ id: number; article_id: string; attempts: number; last_error: string | null; finished_at: string }>(
        `SELECT id, article_id, attempts, last_error, finished_at FROM jobs WHERE state = 'failed' ORDER BY finished_at DESC, id DESC LIMIT 20`,
      ),
      this.pool.query<{ id: string; last_seen: string; running: number; done: number }>(
        `SELECT w.id, w.last_seen, w.done,
                (SELECT count(*) FROM jobs j WHERE j.state = 'running' AND j.worker = w.id AND j.due > now()) AS running
         FROM queue_workers w WHERE w.last_seen > now() - interval '5 minutes' ORDER BY w.last_seen DESC, w.id`,
      ),
    ]);
    const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of countRows.rows) counts[r.state] += r.n;
    const r = recent.rows[0]!;
    return {
      counts,
      doneLastMinute: r.minute,
      doneLastHour: r.hour,
      oldestQueued: r.oldest,
      failed: failed.rows.map((f) => ({ id: f.id, articleId: f.article_id, attempts: f.attempts, error: f.last_error ?? '', at: f.finished_at })),
      workers: workers.rows.map((w) => ({ id: w.id, lastSeen: w.last_seen, running: w.running, done: w.done })),
    };
  }

  /** The pool belongs to the store that made this queue: closing the store closes it. */
  async close(): Promise<void> {}
}
