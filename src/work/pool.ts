import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../domain/article.js';
import { AppError } from '../domain/errors.js';
import type { ArticleStage, StageResult } from '../domain/stage.js';
import type { Store } from '../store/store.js';
import type { AnalyzeRequest, WorkerReply, WorkerSetup } from './protocol.js';

/**
 * A pool of worker threads that run the per-article stages. The caller keeps the store (reads and writes
 * stay on one thread, as SQLite wants); threads get articles by structured clone and answer with their
 * StageResult[]. A thread that dies (uncaught error, exit, out of memory) costs only the article it had:
 * that article gets a 'stage-crashed' note on every stage and a fresh thread takes its place. A thread that
 * dies before it is ready (a broken install, a missing model) fails the whole pool instead of looping.
 */
export interface PoolOptions {
  /** Threads (default: os.availableParallelism()). */
  readonly workers?: number;
  /**
   * The worker module (default: analyze-worker beside this file). A module that calls serveAnalysis; tests
   * pass one that misbehaves on purpose.
   */
  readonly workerFile?: string;
}

/** What one article came to: its results, or why the thread could not give them. */
export type Outcome = { readonly ok: true; readonly results: StageResult[] } | { readonly ok: false; readonly error: string };

interface Task {
  readonly seq: number;
  readonly article: Article;
  resolve(outcome: Outcome): void;
  reject(e: unknown): void;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  task: Task | null;
  lastError: string | null;
}

export function defaultPoolSize(): number {
  return availableParallelism();
}

export class AnalyzePool {
  private readonly slots = new Set<Slot>();
  private readonly waiting: Task[] = [];
  private seq = 0;
  private broken: AppError | null = null;
  private closing = false;
  /** Threads that died while analysing an article (and were replaced). */
  crashes = 0;
  readonly size: number;
  private readonly entry: { code: string | URL; eval: boolean };

  constructor(
    private readonly stages: readonly ArticleStage[],
    options: PoolOptions = {},
  ) {
    this.size = Math.max(1, options.workers ?? defaultPoolSize());
    this.entry = workerEntry(options.workerFile);
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  /**
   * Analyse one article on some thread: its results, with a 'stage-crashed' note on every stage when the
   * thread died or threw on it. Never rejects for the article's sake, only when the pool is broken.
   */
  async run(article: Article): Promise<StageResult[]> {
    const outcome = await this.attempt(article);
    return outcome.ok ? outcome.results : crashResults(this.stages, outcome.error);
  }

  /** Like run, but tells a failed article apart (the job queue retries those instead of storing a note). */
  attempt(article: Article): Promise<Outcome> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closing) return Promise.reject(new AppError('internal', 'the analysis pool is closed'));
    return new Promise((resolve, reject) => {
      // The raw bytes stay behind: stages read the text, and the bytes would double the copying.
      this.waiting.push({ seq: ++this.seq, article: { ...article, raw: new Uint8Array(0) }, resolve, reject });
      this.dispatch();
    });
  }

  /** Resolves once every thread has started (its modules loaded); rejects when the pool breaks. */
  whenReady(): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.broken) return reject(this.broken);
        if ([...this.slots].filter((s) => s.ready).length >= this.size) return resolve();
        setTimeout(check, 20);
      };
      check();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
    this.slots.clear();
  }

  private spawn(): void {
    const setup: WorkerSetup = { stages: this.stages.map((s) => s.name) };
    const worker = new Worker(this.entry.code, { eval: this.entry.eval, workerData: setup });
    const slot: Slot = { worker, ready: false, task: null, lastError: null };
    this.slots.add(slot);
    worker.on('message', (m: WorkerReply) => this.onReply(slot, m));
    worker.on('error', (e) => {
      slot.lastError = e instanceof Error ? e.message : String(e);
    });
    worker.on('exit', (code) => this.onExit(slot, code));
  }

  private onReply(slot: Slot, m: WorkerReply): void {
    if (m.type === 'ready') {
      slot.ready = true;
    } else {
      const task = slot.task;
      slot.task = null;
      if (task && task.seq === m.seq) {
        if (m.type === 'done') task.resolve({ ok: true, results: m.results });
        else task.resolve({ ok: false, error: `the analysis failed on this article: ${m.error}` });
      }
    }
    this.dispatch();
  }

  private onExit(slot: Slot, code: number): void {
    this.slots.delete(slot);
    if (this.closing) return;
    const why = slot.lastError ?? `the worker thread exited with code ${code}`;
    if (!slot.ready) {
      this.fail(new AppError('internal', `an analysis worker thread could not start: ${why}`));
      return;
    }
    const task = slot.task;
    if (task) {
      this.crashes++;
      task.resolve({ ok: false, error: `the analysis worker crashed on this article: ${why}` });
    }
    this.spawn();
    this.dispatch();
  }

  private fail(error: AppError): void {
    if (this.broken) return;
    this.broken = error;
    for (const t of this.waiting.splice(0)) t.reject(error);
    for (const s of this.slots) {
      s.task?.reject(error);
      s.task = null;
    }
    void this.close();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (!slot.ready || slot.task) continue;
      const task = this.waiting.shift()!;
      slot.task = task;
      const req: AnalyzeRequest = { seq: task.seq, article: task.article };
      slot.worker.postMessage(req);
    }
  }
}

/** What an article gets when the thread analysing it died: no findings, a 'stage-crashed' note per stage. */
export function crashResults(stages: readonly ArticleStage[], message: string): StageResult[] {
  return stages.map((s) => ({ stage: s.name, version: s.version, findings: [], notes: [{ code: 'stage-crashed', message, by: s.name }] }));
}

/**
 * How to start the worker module. Built (dist/work/*.js): the file itself. From TypeScript sources (vitest,
 * tsx): Node 20's ESM loader hooks do not reach worker threads, so the thread registers tsx's CommonJS
 * hook and requires the .ts module through it.
 */
function workerEntry(workerFile: string | undefined): { code: string | URL; eval: boolean } {
  const file = workerFile ?? fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './analyze-worker.ts' : './analyze-worker.js', import.meta.url));
  if (!file.endsWith('.ts')) return { code: pathToFileURL(file), eval: false };
  let tsx: string;
  try {
    tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  } catch (e) {
    throw new AppError('internal', 'running the analysis pool from TypeScript sources needs tsx (npm install --include=dev)', { cause: e });
  }
  return { code: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`, eval: true };
}

export interface PoolRunOptions extends PoolOptions {
  readonly onProgress?: (p: { done: number; total: number }) => void;
  /** Articles read ahead of the threads (default 2 per thread): memory stays flat on any corpus size. */
  readonly inFlight?: number;
  /** Stop reading articles (those in hand are finished and stored); `analyzed` then counts the ones done. */
  readonly signal?: AbortSignal;
  /** A pool to use (and leave open) instead of starting one: its threads must run these stages. */
  readonly pool?: AnalyzePool;
}

export interface PoolSummary {
  readonly analyzed: number;
  readonly findings: number;
  /** Articles where a stage recorded a crash or a dropped finding (a crashed thread included). */
  readonly withProblems: number;
}

/**
 * Analyse these articles on a pool of threads and store each one's results (one transaction per article,
 * as the sequential loop does). This thread reads the articles and does every write; results are stored
 * in the order they come back, so the run is order-independent. A store error stops the run (articles
 * already written stay written, and a re-run picks up the rest).
 */
export async function analyzeWithPool(store: Store, stages: readonly ArticleStage[], ids: readonly string[], options: PoolRunOptions = {}): Promise<PoolSummary> {
  const total = ids.length;
  let done = 0;
  let findings = 0;
  let withProblems = 0;
  if (total === 0) return { analyzed: 0, findings: 0, withProblems: 0 };
  const pool = options.pool ?? new AnalyzePool(stages, { ...options, workers: Math.min(options.workers ?? defaultPoolSize(), total) });
  const limit = Math.max(1, options.inFlight ?? pool.size * 2);
  const inFlight = new Set<Promise<void>>();
  let writes: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  options.onProgress?.({ done, total });
  try {
    for (const id of ids) {
      while (inFlight.size >= limit && failure === null) await Promise.race(inFlight);
      if (failure !== null || options.signal?.aborted) break;
      const article = await store.getArticle(id);
      if (!article) {
        done++;
        options.onProgress?.({ done, total });
        continue;
      }
      const job: Promise<void> = pool
        .run(article)
        .then((results) => {
          // One writer: each write waits for the one before it.
          writes = writes.then(async () => {
            await store.putAnalysis(article.id, results);
            findings += results.reduce((n, r) => n + r.findings.length, 0);
            if (hasProblems(results)) withProblems++;
            done++;
            options.onProgress?.({ done, total });
          });
          return writes;
        })
        .catch((e: unknown) => {
          failure ??= e;
        })
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
    }
    await Promise.all(inFlight);
    await writes.catch(() => undefined);
  } finally {
    if (!options.pool) await pool.close();
  }
  if (failure !== null) throw failure;
  return { analyzed: done, findings, withProblems };
}

export function hasProblems(results: readonly StageResult[]): boolean {
  return results.some((r) => r.notes.some((n) => n.code === 'stage-crashed' || n.code === 'bad-span'));
}
