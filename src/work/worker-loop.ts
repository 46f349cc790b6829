import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { describeError } from '../domain/errors.js';
import type { ArticleStage, StageResult } from '../domain/stage.js';
import type { Job, JobQueue } from '../store/queue.js';
import type { Store } from '../store/store.js';
import { AnalyzePool, defaultPoolSize } from './pool.js';

/**
 * A worker on a shared database: lease jobs from the queue, analyse their articles on a thread pool, and
 * complete the finished jobs in batches, each batch one transaction that stores their findings (the queue
 * checks each job's lease there, so a worker whose lease ran out cannot write a second copy; such a job is
 * dropped and counted as lost). A batch is written when it is full or a short timer after its first job.
 * While jobs are in hand (analysing or waiting for their batch), their leases are renewed every third of
 * the lease, so a slow article stays ours. A failed or crashed article is handed back to the queue with its
 * error (retried, then 'failed' and shown by `triangulate status`). A killed worker loses nothing but the
 * work in hand: it stops renewing, its leases expire and other workers take the jobs again.
 *
 * An idle worker waits for the queue to announce jobs (or its poll), and deletes done jobs past the queue's
 * retention (`prune`) at most every 10 minutes.
 *
 * Stopping (the signal) finishes the jobs in hand, writes them, claims no more, and returns.
 */
export interface WorkerLoopOptions {
  /** Shown in `triangulate status` (default host:pid:random). */
  readonly workerId?: string;
  /** Analysis threads (default: os.availableParallelism()). */
  readonly concurrency?: number;
  /** How long a claimed job stays ours without renewal (default 2 minutes); a killed worker's jobs wait this long. */
  readonly leaseMs?: number;
  /** How often the leases of the jobs in hand are renewed (default leaseMs / 3). */
  readonly renewMs?: number;
  /** Finished jobs completed in one transaction, at most (default 20; 1 = one transaction per job). */
  readonly completeBatch?: number;
  /** How long a finished job may wait for its batch to fill before the batch is written (default 200 ms). */
  readonly flushMs?: number;
  /**
   * Wait between claims when the queue has nothing for us (default 2 s). An idle worker also wakes when
   * jobs are queued (the queue's `watch`, LISTEN/NOTIFY on PostgreSQL); the poll still finds jobs whose
   * lease or backoff ran out, and covers a lost notification connection.
   */
  readonly pollMs?: number;
  /** Return once no job is queued or running anywhere, instead of waiting for more. */
  readonly drain?: boolean;
  /** Queue the articles that lack the stages' current versions before starting (idempotent; default true). */
  readonly enqueue?: boolean;
  readonly signal?: AbortSignal;
  readonly onEvent?: (e: WorkerEvent) => void;
  /** The thread module (tests). */
  readonly workerFile?: string;
}

export type WorkerEvent =
  | { readonly type: 'start'; readonly workerId: string; readonly concurrency: number; readonly enqueued: number }
  | { readonly type: 'done'; readonly job: Job }
  | { readonly type: 'failed'; readonly job: Job; readonly error: string }
  | { readonly type: 'lost'; readonly job: Job }
  | { readonly type: 'idle' }
  | { readonly type: 'stop'; readonly summary: WorkerSummary };

export interface WorkerSummary {
  readonly workerId: string;
  /** Jobs completed by this worker. */
  readonly done: number;
  /** Jobs handed back with an error (retried or failed by the queue). */
  readonly failed: number;
  /** Jobs whose lease ran out before they were completed (another worker does them; nothing was written). */
  readonly lost: number;
  readonly findings: number;
  readonly seconds: number;
}

const PRUNE_EVERY_MS = 10 * 60_000;

export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export async function runWorker(store: Store, queue: JobQueue, stages: readonly ArticleStage[], options: WorkerLoopOptions = {}): Promise<WorkerSummary> {
  const started = Date.now();
  const workerId = options.workerId ?? defaultWorkerId();
  const concurrency = Math.max(1, options.concurrency ?? defaultPoolSize());
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 2_000;
  const maxInFlight = concurrency * 2;
  const renewMs = Math.max(10, options.renewMs ?? Math.floor(leaseMs / 3));
  const batchSize = Math.max(1, options.completeBatch ?? 20);
  const flushMs = Math.max(0, options.flushMs ?? 200);
  const emit = options.onEvent ?? (() => undefined);
  const signal = options.signal;
  let done = 0;
  let failed = 0;
  let lost = 0;
  let findings = 0;

  const enqueued = options.enqueue === false ? 0 : await queue.enqueue(stages.map((s) => ({ name: s.name, version: s.version })));
  emit({ type: 'start', workerId, concurrency, enqueued });
  const pool = new AnalyzePool(stages, { workers: concurrency, workerFile: options.workerFile });
  /** Jobs being analysed (they take the claim slots). */
  const inFlight = new Set<Promise<void>>();
  /** Jobs claimed and not yet completed or handed back: their leases are renewed. */
  const held = new Set<Job>();
  /** Jobs analysed and waiting for their completion (in a batch not yet written, or being written). */
  const completing = new Set<Promise<void>>();
  let fatal: unknown = null;

  let lastPrune = 0;
  const wake = new Wake();
  const unwatch = await queue.watch(() => wake.ring()).catch(() => null);
  const renewal = new LeaseRenewal(() => queue.renew([...held], workerId, leaseMs), () => held.size > 0, renewMs);
  const batch = new CompletionBatch(queue, workerId, batchSize, flushMs);

  const handBack = async (job: Job, error: string) => {
    await queue.fail(job, workerId, error);
    failed++;
    emit({ type: 'failed', job, error });
  };
  const onError = (job: Job) => async (e: unknown) => {
    // A store or queue error: hand the job back if we can, and stop (the database is likely gone).
    fatal ??= e;
    await queue.fail(job, workerId, describeError(e)).catch(() => undefined);
  };
  const finish = async (job: Job, results: readonly StageResult[]) => {
    if (await batch.add(job, results)) {
      done++;
      findings += results.reduce((n, r) => n + r.findings.length, 0);
      emit({ type: 'done', job });
    } else {
      lost++;
      emit({ type: 'lost', job });
    }
  };
  /** Analyse; true when the job went on to its completion batch (which then lets go of it). */
  const work = async (job: Job): Promise<boolean> => {
    const article = await store.getArticle(job.articleId);
    if (!article) return handBack(job, `no article ${job.articleId} in the store`).then(() => false);
    const outcome = await pool.attempt(article);
    if (!outcome.ok) return handBack(job, outcome.error).then(() => false);
    // The analysis slot is free from here; the job stays held (and renewed) until its batch is written.
    const c: Promise<void> = finish(job, outcome.results)
      .catch(onError(job))
      .finally(() => {
        completing.delete(c);
        held.delete(job);
      });
    completing.add(c);
    return true;
  };
  const start = (job: Job) => {
    held.add(job);
    const p: Promise<void> = work(job)
      .catch(async (e: unknown) => {
        await onError(job)(e);
        return false;
      })
      .then((queued) => {
        if (!queued) held.delete(job);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  try {
    renewal.start();
    while (!signal?.aborted && fatal === null) {
      // Batches written more slowly than jobs are analysed: wait for one before taking more work.
      if (completing.size >= 2 * batchSize) await Promise.race(completing);
      const room = maxInFlight - inFlight.size;
      wake.reset();
      const jobs = room > 0 ? await queue.claim(workerId, room, leaseMs) : [];
      jobs.forEach(start);
      if (inFlight.size === 0) {
        // Nothing more will join the batch before the next claim: write it now.
        await batch.flush();
        await Promise.all(completing);
        if (fatal !== null) break;
        if (options.drain && (await queueIdle(queue))) break;
        if (Date.now() - lastPrune >= PRUNE_EVERY_MS) {
          // Done jobs past the queue's retention: one idle worker in ten minutes deletes them (errors wait for the next time).
          lastPrune = Date.now();
          await queue.prune().catch(() => 0);
        }
        emit({ type: 'idle' });
        await wake.wait(pollMs, signal);
      } else if (jobs.length === 0 || inFlight.size >= maxInFlight) {
        // Wait for a slot; when the queue looked empty, also look again when jobs are queued or after a poll interval.
        await Promise.race([...inFlight, ...(jobs.length === 0 ? [wake.wait(pollMs, signal)] : [])]);
      }
    }
    await Promise.all(inFlight);
    await batch.flush();
    await Promise.all(completing);
  } finally {
    wake.ring();
    await unwatch?.();
    await renewal.stop();
    batch.cancel();
    await pool.close();
  }
  if (fatal !== null) throw fatal;
  const summary: WorkerSummary = { workerId, done, failed, lost, findings, seconds: (Date.now() - started) / 1000 };
  emit({ type: 'stop', summary });
  return summary;
}

/** Jobs were queued: wakes the idle loop, or makes its next wait return at once if it came in before. */
class Wake {
  private rung = false;
  private waiters: (() => void)[] = [];

  ring(): void {
    this.rung = true;
    for (const w of this.waiters.splice(0)) w();
  }

  /** Before a claim: what was announced so far, that claim sees. */
  reset(): void {
    this.rung = false;
  }

  wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    if (this.rung) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      void sleep(ms, signal).then(() => {
        this.waiters = this.waiters.filter((w) => w !== resolve);
        resolve();
      });
    });
  }
}

/** Calls `renew` every `everyMs` while `wanted()`, one call at a time; errors wait for the next tick. */
class LeaseRenewal {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly renew: () => Promise<unknown>,
    private readonly wanted: () => boolean,
    private readonly everyMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.running || !this.wanted()) return;
      // A failed renewal (the database briefly away) is retried on the next tick; the lease has two more.
      this.running = this.renew()
        .catch(() => undefined)
        .finally(() => (this.running = null));
    }, this.everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

interface Pending {
  readonly job: Job;
  readonly results: readonly StageResult[];
  resolve(completed: boolean): void;
  reject(e: unknown): void;
}

/**
 * Finished jobs, completed `size` at a time in one transaction each (`completeMany`), or `flushMs` after
 * the first of a batch. Batches are written one after the other. When a batch's transaction fails, its
 * jobs are completed one by one, so only the job whose findings cannot be stored gets the error.
 */
class CompletionBatch {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly queue: JobQueue,
    private readonly workerId: string,
    private readonly size: number,
    private readonly flushMs: number,
  ) {}

  /** Whether this worker completed the job (false: its lease was lost, nothing was written). */
  add(job: Job, results: readonly StageResult[]): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.pending.push({ job, results, resolve, reject });
      if (this.pending.length >= this.size) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
    });
  }

  /** Write what is pending; resolves once every batch so far is written. */
  flush(): Promise<void> {
    this.cancel();
    if (this.pending.length > 0) {
      const items = this.pending;
      this.pending = [];
      this.writing = this.writing.then(() => this.write(items));
    }
    return this.writing;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async write(items: Pending[]): Promise<void> {
    let completed: boolean[];
    try {
      completed = await this.queue.completeMany(items, this.workerId);
    } catch {
      for (const item of items) {
        try {
          item.resolve(await this.queue.complete(item.job, this.workerId, item.results));
        } catch (e) {
          item.reject(e);
        }
      }
      return;
    }
    items.forEach((item, k) => item.resolve(completed[k] ?? false));
  }
}

/** Nothing waiting and nothing leased anywhere: a draining worker may go. */
async function queueIdle(queue: JobQueue): Promise<boolean> {
  const { counts } = await queue.status();
  return counts.queued === 0 && counts.running === 0;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The worker as the CLI runs it: every per-article stage, on this store's job queue. */
export async function startWorker(store: Store, options: WorkerLoopOptions = {}): Promise<WorkerSummary> {
  const [{ selectStages }, { openJobQueue }] = await Promise.all([import('../analyze/pipeline.js'), import('../store/queue.js')]);
  const queue = await openJobQueue(store);
  return runWorker(store, queue, selectStages(null).stages, options);
}
