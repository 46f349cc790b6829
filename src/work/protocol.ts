import type { Article } from '../domain/article.js';
import type { StageResult } from '../domain/stage.js';

/**
 * Messages between the analysis pool (main thread) and its worker threads. Articles and results cross by
 * structured clone: plain data only (stages are functions, so workers get stage names and pick them from
 * the pipeline themselves).
 */
export interface WorkerSetup {
  /** Stage names, in pipeline order, with the stages they need. */
  readonly stages: readonly string[];
}

export interface AnalyzeRequest {
  readonly seq: number;
  readonly article: Article;
}

export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly seq: number; readonly results: StageResult[] }
  | { readonly type: 'failed'; readonly seq: number; readonly error: string };
