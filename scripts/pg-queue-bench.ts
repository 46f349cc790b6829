/**
 * Throughput of the PostgreSQL job queue: K concurrent workers claim batches of B jobs and complete each
 * with a few findings, until every job is done. The queue's FOR UPDATE SKIP LOCKED claim against the same
 * claim without SKIP LOCKED (claimers queue up behind each other's row locks, then re-check and often
 * come back empty-handed), and completing each claimed batch in one transaction (completeMany). Checks every
 * article ends analysed exactly once.
 *
 *   npx tsx scripts/pg-queue-bench.ts --db postgres://user@127.0.0.1:5432/empty_db [--jobs 2000] [--json]
 */
import pg from 'pg';
import { printReport } from '../bench/report.js';
import type { StageResult } from '../src/domain/stage.js';
import { type Job, openJobQueue } from '../src/store/queue.js';
import { openPostgresStore, type PostgresStore } from '../src/store/postgres/store.js';
import { makeArticle } from '../test/support/article.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
const db = arg('--db', process.env.TRIANGULATE_DB ?? '');
if (!db.startsWith('postgres')) {
  console.error('usage: scripts/pg-queue-bench.ts --db postgres://... [--jobs 2000] [--json]');
  process.exit(2);
}
const N = Number(arg('--jobs', '2000'));
const STAGES = [{ name: 'bench', version: 1 }];
const results = (text: string): StageResult[] => [
  {
    stage: 'bench',
    version: 1,
    findings: Array.from({ length: 5 }, (_, i) => ({ kind: 'entity', span: { start: i, end: i + 3 }, text: text.slice(i, i + 3), rule: 'bench/x', data: { i } })),
    notes: [],
  },
];

const NO_SKIP_CLAIM = `UPDATE jobs j SET state = 'running', worker = $1, attempts = j.attempts + 1, started_at = now(), due = now() + interval '60 seconds'
  FROM (SELECT id FROM jobs WHERE state IN ('queued', 'running') AND due <= now() ORDER BY due, id LIMIT $2 FOR UPDATE) picked
  WHERE j.id = picked.id RETURNING j.id, j.article_id, j.attempts`;

async function run(variant: 'skip-locked' | 'no-skip' | 'skip-locked, completeMany', workers: number, batch: number, admin: pg.Client): Promise<{ jobsPerSec: number; emptyClaims: number; done: number; analysedTwice: number }> {
  await admin.query('TRUNCATE jobs, analyses, findings, queue_workers RESTART IDENTITY');
  const stores: PostgresStore[] = await Promise.all(Array.from({ length: workers }, () => openPostgresStore(db, { poolSize: 2 })));
  const first = await openJobQueue(stores[0]!);
  await first.enqueue(STAGES);
  let emptyClaims = 0;
  const texts = new Map<string, string>();
  const t0 = performance.now();
  await Promise.all(
    stores.map(async (store, w) => {
      const queue = await openJobQueue(store);
      const raw = new pg.Client({ connectionString: db });
      await raw.connect();
      const id = `w${w}`;
      for (;;) {
        let jobs: Job[];
        if (variant !== 'no-skip') jobs = await queue.claim(id, batch, 60_000);
        else jobs = (await raw.query(NO_SKIP_CLAIM, [id, batch])).rows.map((r) => ({ id: Number(r.id), articleId: r.article_id, attempts: r.attempts - 1 }));
        if (jobs.length === 0) {
          // Without SKIP LOCKED an empty claim does not mean the queue is empty.
          const left = Number((await raw.query(`SELECT count(*) AS n FROM jobs WHERE state = 'queued'`)).rows[0].n);
          if (left === 0) break;
          emptyClaims++;
          continue;
        }
        const text = (job: Job) => texts.get(job.articleId) ?? `Article ${job.articleId} text`;
        if (variant === 'skip-locked, completeMany') await queue.completeMany(jobs.map((job) => ({ job, results: results(text(job)) })), id);
        else for (const job of jobs) await queue.complete(job, id, results(text(job)));
      }
      await raw.end();
    }),
  );
  const ms = performance.now() - t0;
  const done = Number((await admin.query(`SELECT count(*) AS n FROM jobs WHERE state = 'done'`)).rows[0].n);
  const twice = Number((await admin.query(`SELECT count(*) AS n FROM (SELECT article_id FROM findings GROUP BY article_id HAVING count(*) <> 5) x`)).rows[0].n);
  await Promise.all(stores.map((s) => s.close()));
  return { jobsPerSec: Math.round((done / ms) * 1000), emptyClaims, done, analysedTwice: twice };
}

const admin = new pg.Client({ connectionString: db });
await admin.connect();
const setup = await openPostgresStore(db);
if ((await setup.stats()).articles < N) {
  await setup.putArticles(Array.from({ length: N }, (_, i) => makeArticle(`Queue bench article ${i}: some words to analyse.`, { source: `bench-${i}.txt` })));
}
await setup.close();

const rows: string[][] = [];
const figures: Record<string, unknown> = { jobs: N };
const RUNS = {
  'skip-locked': [[1, 1], [4, 1], [8, 1], [4, 10], [8, 10]],
  'no-skip': [[1, 1], [4, 1], [8, 1], [4, 10], [8, 10]],
  'skip-locked, completeMany': [[1, 10], [4, 10], [8, 10]],
} as const;
for (const variant of Object.keys(RUNS) as (keyof typeof RUNS)[]) {
  for (const [workers, batch] of RUNS[variant]) {
    const r = await run(variant, workers, batch, admin);
    rows.push([variant, String(workers), String(batch), String(r.jobsPerSec), String(r.emptyClaims), String(r.done), String(r.analysedTwice)]);
    figures[`${variant}/${workers}x${batch}`] = r;
  }
}
await admin.end();
printReport([{ title: `queue throughput, ${N} jobs, claim + complete with 5 findings each`, header: ['claim', 'workers', 'batch', 'jobs/s', 'empty claims', 'done', 'wrong findings'], rows }], figures);
