import { selectStages } from '../analyze/pipeline.js';
import { isAppError } from '../domain/errors.js';
import { openJobQueue, type QueueStatus } from '../store/queue.js';
import type { Store } from '../store/store.js';

/** What `triangulate status` shows: analysis progress per stage, ingest failures, and the job queue on PostgreSQL. */
export interface WorkStatus {
  readonly store: Store['kind'];
  /** The database, with any password masked. */
  readonly location: string;
  readonly articles: number;
  /** Per stage at its current version: articles analysed by it and articles still waiting for it. */
  readonly stages: readonly { readonly stage: string; readonly version: number; readonly analyzed: number; readonly pending: number }[];
  /** Files that could not be read (triangulate ingest lists them). */
  readonly ingestFailures: number;
  /** The shared job queue (PostgreSQL only; null on SQLite). */
  readonly queue: QueueStatus | null;
}

export async function workStatus(store: Store): Promise<WorkStatus> {
  const { stages } = selectStages(null);
  const stats = await store.stats();
  const rows = [];
  for (const s of stages) {
    const pending = (await store.articlesNeedingAnalysis([{ name: s.name, version: s.version }], Number.MAX_SAFE_INTEGER)).length;
    rows.push({ stage: s.name, version: s.version, analyzed: stats.articles - pending, pending });
  }
  let queue: QueueStatus | null = null;
  if (store.kind === 'postgres') {
    try {
      queue = await (await openJobQueue(store)).status();
    } catch (e) {
      if (!isAppError(e) || e.code !== 'unsupported') throw e;
    }
  }
  return { store: store.kind, location: maskPassword(store.location), articles: stats.articles, stages: rows, ingestFailures: stats.failures, queue };
}

export function maskPassword(location: string): string {
  return location.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
