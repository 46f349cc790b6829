import { intOption, parse } from '../args.js';
import { startWorker, type WorkerEvent } from '../../work/worker-loop.js';
import { EXIT, type Command } from './types.js';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'analyse articles from the shared job queue of a PostgreSQL database (run one per machine, or several)',
  usage: `triangulate worker --db postgres://URL [--concurrency N] [--drain|--once] [--lease SECONDS] [--batch N] [--json]

  --concurrency  analysis threads (default: the number of cores)
  --drain        exit once no job is queued or running, instead of waiting for more (--once: the same)
  --lease        seconds before a stopped worker's jobs go to other workers (default 120; renewed every third
                 of it while this worker runs)
  --batch        jobs stored per transaction (default 20; each still only under its lease)
  Queues the articles that lack the current stage versions first. Ctrl-C finishes the jobs in hand and exits;
  a second Ctrl-C stops at once (the jobs return to the queue when their lease runs out).`,
  async run(argv, ctx) {
    const { values } = parse('worker', argv, {
      concurrency: { type: 'string' },
      drain: { type: 'boolean', default: false },
      once: { type: 'boolean', default: false },
      lease: { type: 'string' },
      poll: { type: 'string' },
      batch: { type: 'string' },
    });
    const service = ctx.open(values.db);
    const stop = new AbortController();
    const onSignal = () => {
      ctx.io.stderr.write('worker: stopping after the jobs in hand (Ctrl-C again to stop now)\n');
      stop.abort();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const summary = await startWorker(service.store, {
        ...(values.concurrency !== undefined && { concurrency: intOption('concurrency', values.concurrency, 1, 1) }),
        leaseMs: intOption('lease', values.lease, 120, 1) * 1000,
        pollMs: intOption('poll', values.poll, 2000, 10),
        ...(values.batch !== undefined && { completeBatch: intOption('batch', values.batch, 20, 1) }),
        drain: Boolean(values.drain || values.once),
        signal: stop.signal,
        onEvent: (e) => log(ctx.io.stderr, e),
      });
      if (values.json) ctx.io.stdout.write(`${JSON.stringify(summary)}\n`);
      else ctx.io.stdout.write(`Worker ${summary.workerId}: ${summary.done} job(s) done (${summary.findings} finding(s)), ${summary.failed} handed back with an error, ${summary.lost} lost to an expired lease, in ${summary.seconds.toFixed(1)} s.\n`);
      return EXIT.ok;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await service.close();
    }
  },
};

function log(out: { write(s: string): unknown }, e: WorkerEvent): void {
  if (e.type === 'start') out.write(`worker ${e.workerId}: ${e.concurrency} thread(s); queued ${e.enqueued} new job(s)\n`);
  else if (e.type === 'failed') out.write(`worker: job ${e.job.id} (article ${e.job.articleId}, attempt ${e.job.attempts + 1}) failed: ${e.error}\n`);
  else if (e.type === 'lost') out.write(`worker: job ${e.job.id} (article ${e.job.articleId}): lease expired before it was done; left to another worker\n`);
}
