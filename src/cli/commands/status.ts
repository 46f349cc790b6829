import { parse } from '../args.js';
import { formatTable } from '../table.js';
import { workStatus, type WorkStatus } from '../../work/status.js';
import { EXIT, type Command } from './types.js';

export const statusCommand: Command = {
  name: 'status',
  summary: 'show analysis progress per stage and, on PostgreSQL, the job queue (depth, throughput, failures, workers)',
  usage: `triangulate status [--db FILE|postgres://URL] [--json]`,
  async run(argv, ctx) {
    const { values } = parse('status', argv, {});
    const service = ctx.open(values.db);
    try {
      const status = await workStatus(service.store);
      ctx.io.stdout.write(values.json ? `${JSON.stringify(status)}\n` : formatStatus(status));
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};

export function formatStatus(s: WorkStatus): string {
  const out: string[] = [`${s.location} (${s.store}): ${s.articles.toLocaleString('en-US')} article(s), ${s.ingestFailures} ingest failure(s)`, ''];
  out.push(formatTable(['stage', 'version', 'analysed', 'pending'], s.stages.map((r) => [r.stage, r.version, r.analyzed, r.pending])));
  const q = s.queue;
  if (q) {
    const c = q.counts;
    out.push('', `Job queue: ${c.queued} queued, ${c.running} running, ${c.done} done, ${c.failed} failed${q.oldestQueued ? `; oldest waiting since ${q.oldestQueued}` : ''}`);
    out.push(`Throughput: ${q.doneLastMinute} job(s) in the last minute, ${q.doneLastHour} in the last hour`);
    if (q.workers.length > 0) {
      out.push('', formatTable(['worker', 'last seen', 'running', 'done'], q.workers.map((w) => [w.id, w.lastSeen, w.running, w.done])));
    }
    if (q.failed.length > 0) {
      out.push('', 'Failed jobs (latest first):', formatTable(['job', 'article', 'attempts', 'at', 'error'], q.failed.map((f) => [f.id, f.articleId, f.attempts, f.at, f.error.slice(0, 80)])));
    }
  } else if (s.store === 'sqlite') {
    const pending = Math.max(0, ...s.stages.map((r) => r.pending));
    out.push('', pending > 0 ? `${pending} article(s) wait for analysis: triangulate analyze [--workers N]` : 'Every article is analysed by the current version of every stage.');
  }
  return `${out.join('\n')}\n`;
}
