import type { StageResult } from '../domain/stage.js';
import { AppError } from '../domain/errors.js';
import type { Store } from './store.js';

/**
 * A durable queue of per-article analysis jobs, shared by worker processes on several machines
 * (PostgreSQL: src/store/postgres/queue.ts). One job per article and stage-version set; a worker leases
 * jobs, analyses the articles, and completes each job in the same transaction that stores its findings.
 */
export interface Job {
  readonly id: number;
  readonly articleId: string;
  /** Attempts made before this one (0 on the first claim). */
  readonly attempts: number;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface QueueStatus {
  /**
   * Jobs by state ('running' = leased and the lease not yet expired; an expired lease counts as queued).
   * 'done' counts the done jobs still kept (see `prune`).
   */
  readonly counts: Readonly<Record<JobState, number>>;
  readonly doneLastMinute: number;
  readonly doneLastHour: number;
  /** When the oldest job that is waiting to run was queued (ISO), null when none waits. */
  readonly oldestQueued: string | null;
  /** Failed jobs (retries exhausted) with their last error, latest first (at most 20). */
  readonly failed: readonly { readonly id: number; readonly articleId: string; readonly attempts: number; readonly error: string; readonly at: string }[];
  /** Workers that claimed or finished a job in the last 5 minutes, most recent first. */
  readonly workers: readonly { readonly id: string; readonly lastSeen: string; readonly running: number; readonly done: number }[];
}

export interface JobQueue {
  /**
   * Queue the articles that lack any of these stage versions; idempotent (an article already queued or
   * done at these versions is not queued twice). Returns how many were added.
   */
  enqueue(stages: readonly { name: string; version: number }[]): Promise<number>;
  /** Lease up to `limit` jobs for `leaseMs`; jobs whose lease expired (a killed worker) are claimable again. */
  claim(workerId: string, limit: number, leaseMs: number): Promise<Job[]>;
  /**
   * Extend to `leaseMs` from now the leases this worker still holds on these jobs (same worker and attempt,
   * still running; a lease that ran out but that no one re-claimed is still held). A worker calls it on a
   * timer for the jobs in hand, so a slow article is not taken by another worker. Returns how many were
   * extended; the others were lost (their completion will be refused).
   */
  renew(jobs: readonly Job[], workerId: string, leaseMs: number): Promise<number>;
  /**
   * Store the results and mark the job done in ONE transaction, only if this worker still holds the lease
   * (so a slow worker whose lease expired cannot write duplicate findings). Returns false when the lease was lost.
   */
  complete(job: Job, workerId: string, results: readonly StageResult[]): Promise<boolean>;
  /**
   * Complete several jobs in one transaction (one commit, one WAL flush, for a worker that finishes jobs in
   * bursts), each only if this worker still holds its lease. Per job, whether it was completed. An error
   * storing any of them stores none: complete them one by one to find the culprit.
   */
  completeMany(items: readonly { readonly job: Job; readonly results: readonly StageResult[] }[], workerId: string): Promise<boolean[]>;
  /**
   * Call `onJobs` whenever jobs are queued from now on (by `enqueue` or `retryFailed`, from any process),
   * until the returned function is called; idle workers wait on this instead of polling fast. Best effort:
   * a lost connection is quiet until it is opened again (then `onJobs` is called once), and a job whose
   * lease or backoff runs out is not announced, so a worker still polls, slowly, as a fallback.
   */
  watch(onJobs: () => void): Promise<() => Promise<void>>;
  /** Record the error; retried with backoff until maxAttempts, then 'failed' (visible in status). */
  fail(job: Job, workerId: string, error: string): Promise<void>;
  /**
   * Delete the done jobs finished more than `olderThanMs` ago (default: the `keepDoneMs` option), so the
   * table and `status` stay small; their findings stay, and an article analysed at these versions is not
   * queued again. Failed jobs are kept (they await `retryFailed` or a look). Returns how many went.
   */
  prune(olderThanMs?: number): Promise<number>;
  /** Counts by state, throughput, oldest queued, failed jobs with their errors (latest 20), workers seen recently. */
  status(): Promise<QueueStatus>;
  /** Release the queue's resources (the pool, when the queue opened its own). */
  close(): Promise<void>;
}

export interface JobQueueOptions {
  /** Attempts before a job is 'failed' (default 3). */
  readonly maxAttempts?: number;
  /** Delay before retry n (1-based) in ms (default 1000 * 2^(n-1), capped at 5 minutes). */
  readonly backoffMs?: (attempt: number) => number;
  /** How long done jobs are kept before `prune` deletes them (default 7 days); `triangulate worker` prunes when idle, at most every 10 minutes. */
  readonly keepDoneMs?: number;
}

/**
 * The job queue that lives in this store's database. Only the PostgreSQL store has one (workers on several
 * machines need a shared database); an SQLite store gets AppError 'unsupported'. The queue shares the
 * store's connection pool: close the store, not the queue.
 */
export async function openJobQueue(store: Store, options: JobQueueOptions = {}): Promise<JobQueue> {
  if (store.kind !== 'postgres') throw new AppError('unsupported', `the job queue needs a PostgreSQL database (--db postgres://...); ${store.location} is ${store.kind}`);
  const { PostgresStore } = await import('./postgres/store.js');
  if (!(store instanceof PostgresStore)) throw new AppError('unsupported', 'the job queue needs the PostgreSQL store');
  return store.jobQueue(options);
}
