import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { describeError } from '../domain/errors.js';
import type { ArticleStage } from '../domain/stage.js';
import type { Job, JobQueue } from '../store/queue.js';
import type { Store } from '../store/store.js';
import { AnalyzePool, defaultPoolSize } from './pool.js';

/**
 * A worker on a shared database: lease jobs from the queue, analyse their articles on a thread pool, and
 * complete each job in the transaction that stores its findings (the queue checks the lease there, so a
 * worker whose lease ran out cannot write a second copy). A failed or crashed article is handed back to the
 * queue with its error (retried, then 'failed' and shown by `triangulate status`). A killed worker loses
 * nothing: its leases expire and other workers take the jobs again.
 *
 * Stopping (the signal) finishes the jobs in hand, claims no more, and returns.
 */
export interface WorkerLoopOptions {
  /** Shown in `triangulate status` (default host:pid:random). */
  readonly workerId?: string;
  /** Analysis threads (default: os.availableParallelism()). */
  readonly concurrency?: number;
  /** How long a claimed job stays ours (default 2 minutes); a killed worker's jobs wait this long. */
  readonly leaseMs?: number;
  /** Wait between claims when the queue has nothing for us (default 2 s). */
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
  const emit = options.onEvent ?? (() => undefined);
  const signal = options.signal;
  let done = 0;
  let failed = 0;
  let lost = 0;
  let findings = 0;

  const enqueued = options.enqueue === false ? 0 : await queue.enqueue(stages.map((s) => ({ name: s.name, version: s.version })));
  emit({ type: 'start', workerId, concurrency, enqueued });
  const pool = new AnalyzePool(stages, { workers: concurrency, workerFile: options.workerFile });
  const inFlight = new Set<Promise<void>>();
  let fatal: unknown = null;

  const handBack = async (job: Job, error: string) => {
    await queue.fail(job, workerId, error);
    failed++;
    emit({ type: 'failed', job, error });
  };
  const work = async (job: Job) => {
    const article = await store.getArticle(job.articleId);
    if (!article) return handBack(job, `no article ${job.articleId} in the store`);
    const outcome = await pool.attempt(article);
    if (!outcome.ok) return handBack(job, outcome.error);
    if (await queue.complete(job, workerId, outcome.results)) {
      done++;
      findings += outcome.results.reduce((n, r) => n + r.findings.length, 0);
      emit({ type: 'done', job });
    } else {
      lost++;
      emit({ type: 'lost', job });
    }
  };
  const start = (job: Job) => {
    const p: Promise<void> = work(job)
      .catch(async (e: unknown) => {
        // A store or queue error: hand the job back if we can, and stop (the database is likely gone).
        fatal ??= e;
        await queue.fail(job, workerId, describeError(e)).catch(() => undefined);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  try {
    while (!signal?.aborted && fatal === null) {
      const room = maxInFlight - inFlight.size;
      const jobs = room > 0 ? await queue.claim(workerId, room, leaseMs) : [];
      jobs.forEach(start);
      if (inFlight.size === 0) {
        if (options.drain && (await queueIdle(queue))) break;
        emit({ type: 'idle' });
        await sleep(pollMs, signal);
      } else if (jobs.length === 0 || inFlight.size >= maxInFlight) {
        // Wait for a slot; when the queue looked empty, also look again after a poll interval.
        await Promise.race([...inFlight, ...(jobs.length === 0 ? [sleep(pollMs, signal)] : [])]);
      }
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  if (fatal !== null) throw fatal;
  const summary: WorkerSummary = { workerId, done, failed, lost, findings, seconds: (Date.now() - started) / 1000 };
  emit({ type: 'stop', summary });
  return summary;
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
