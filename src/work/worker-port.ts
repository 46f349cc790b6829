import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../domain/article.js';
import { describeError } from '../domain/errors.js';
import type { ArticleStage, StageResult } from '../domain/stage.js';
import { selectStages } from '../analyze/pipeline.js';
import type { AnalyzeRequest, WorkerReply, WorkerSetup } from './protocol.js';

/**
 * The worker-thread side of the pool: pick the stages named in workerData, say 'ready', then answer each
 * article with its stage results. An error thrown by `analyze` is answered as 'failed' (the worker lives
 * on); anything that kills the thread is seen by the pool as a crash of the article in hand.
 */
export function serveAnalysis(analyze: (article: Article, stages: readonly ArticleStage[]) => StageResult[]): void {
  const port = parentPort;
  if (!port) throw new Error('serveAnalysis runs inside a worker thread');
  const setup = workerData as WorkerSetup;
  const { stages, unknown } = selectStages(setup.stages);
  if (unknown.length > 0) throw new Error(`unknown stage(s): ${unknown.join(', ')}`);
  const reply = (m: WorkerReply) => port.postMessage(m);
  port.on('message', (req: AnalyzeRequest) => {
    let results: StageResult[];
    try {
      results = analyze(req.article, stages);
    } catch (e) {
      reply({ type: 'failed', seq: req.seq, error: describeError(e) });
      return;
    }
    reply({ type: 'done', seq: req.seq, results });
  });
  reply({ type: 'ready' });
}
