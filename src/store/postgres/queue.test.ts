import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { HAS_PG, PG_MISSING, usePostgresDatabase } from '../../../test/support/postgres.js';
import { makeArticle } from '../../../test/support/article.js';
import type { StageResult } from '../../domain/stage.js';
import { openJobQueue } from '../queue.js';
import type { PgJobQueue } from './queue.js';
import { JOBS_CHANNEL, stagesKey } from './queue.js';
import { openPostgresStore, type PostgresStore } from './store.js';

const STAGES = [{ name: 'entities', version: 1 }];
const result = (text: string): StageResult[] => [
  { stage: 'entities', version: 1, findings: [{ kind: 'entity', span: { start: 0, end: 4 }, text: text.slice(0, 4), rule: 'entities/test', data: {} }], notes: [] },
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!HAS_PG)('PgJobQueue', () => {
  const db = usePostgresDatabase();
  let store: PostgresStore;
  let queue: PgJobQueue;
  let admin: pg.Client;
  const texts = Array.from({ length: 30 }, (_, i) => `Text of article ${i} for the queue.`);

  beforeAll(async () => {
    store = await openPostgresStore(db.url, { poolSize: 10 });
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await store.close();
  });
  beforeEach(async () => {
    await admin.query('TRUNCATE articles, article_sources, analyses, findings, jobs, queue_workers RESTART IDENTITY CASCADE');
    await store.putArticles(texts.map((t, i) => makeArticle(t, { source: `q${i}.txt` })));
    queue = (await openJobQueue(store, { maxAttempts: 2, backoffMs: () => 0 })) as PgJobQueue;
  });

  it('enqueues each article needing analysis once, and never again while queued or done', async () => {
    expect(await queue.enqueue(STAGES)).toBe(30);
    expect(await queue.enqueue(STAGES)).toBe(0);
    const [job] = await queue.claim('w1', 1, 60_000);
    expect(job).toMatchObject({ attempts: 0 });
    expect(await queue.complete(job!, 'w1', result('Text'))).toBe(true);
    expect(await queue.enqueue(STAGES)).toBe(0);
    // A new stage version is a new job for every article.
    expect(await queue.enqueue([{ name: 'entities', version: 2 }])).toBe(30);
    expect(stagesKey([{ name: 'b', version: 1 }, { name: 'a', version: 2 }])).toBe('a@2,b@1');
  });

  it('never gives the same job to two concurrent claimers', async () => {
    await queue.enqueue(STAGES);
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => queue.claim(`w${i}`, 5, 60_000)));
    const ids = claims.flat().map((j) => j.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect((await queue.status()).counts).toEqual({ queued: 0, running: 30, done: 0, failed: 0 });
  });

  it('gives a job back when its lease expires, and refuses the old holder afterwards', async () => {
    const q = await openJobQueue(store, { maxAttempts: 5 });
    await q.enqueue(STAGES);
    const [job] = await q.claim('slow', 1, 50);
    await sleep(120);
    const again = (await q.claim('fast', 30, 60_000)).find((j) => j.id === job!.id);
    expect(again).toMatchObject({ id: job!.id, articleId: job!.articleId, attempts: 1 });
    expect(await q.complete(job!, 'slow', result('Late'))).toBe(false);
    expect(await q.complete(again!, 'fast', result('Text'))).toBe(true);
    const findings = await store.getFindings(job!.articleId);
    expect(findings.map((f) => f.text)).toEqual(['Text']);
    // Even the same worker id cannot complete a lease it lost and got again: the attempt number differs.
    await admin.query(`UPDATE jobs SET state = 'queued', worker = NULL, due = now() WHERE state = 'running'`);
    const [j2] = await q.claim('same', 1, 50);
    await sleep(120);
    const j2again = (await q.claim('same', 30, 60_000)).find((j) => j.id === j2!.id);
    expect(j2again).toMatchObject({ id: j2!.id, attempts: j2!.attempts + 1 });
    expect(await q.complete(j2!, 'same', result('Text'))).toBe(false);
    expect(await q.complete(j2again!, 'same', result('Text'))).toBe(true);
  });

  it('keeps a renewed job past its first lease, and gives it up once renewals stop', async () => {
    const q = await openJobQueue(store, { maxAttempts: 5 });
    await q.enqueue(STAGES);
    const [job] = await q.claim('slow', 1, 300);
    for (let i = 0; i < 3; i++) {
      await sleep(150);
      expect(await q.renew([job!], 'slow', 300)).toBe(1);
    }
    // 450 ms after the claim, past the first 300 ms lease: nobody else gets it.
    expect((await q.claim('other', 30, 60_000)).map((j) => j.id)).not.toContain(job!.id);
    // Only the holder renews: another worker id, or a stale attempt number, extends nothing.
    expect(await q.renew([job!], 'other', 60_000)).toBe(0);
    expect(await q.renew([{ ...job!, attempts: job!.attempts + 1 }], 'slow', 60_000)).toBe(0);
    expect(await q.renew([], 'slow', 60_000)).toBe(0);
    await sleep(400);
    const again = (await q.claim('other', 30, 60_000)).find((j) => j.id === job!.id);
    expect(again).toMatchObject({ id: job!.id, attempts: 1 });
    expect(await q.renew([job!], 'slow', 300)).toBe(0);
    expect(await q.complete(job!, 'slow', result('Late'))).toBe(false);
    expect(await q.complete(again!, 'other', result('Text'))).toBe(true);
    expect((await store.getFindings(job!.articleId)).map((f) => f.text)).toEqual(['Text']);
  });

  it('announces queued jobs to watchers in other connections, until they stop watching', async () => {
    const other = await openPostgresStore(db.url, { poolSize: 1 });
    try {
      let calls = 0;
      const unwatch = await (await openJobQueue(other)).watch(() => calls++);
      expect(await queue.enqueue(STAGES)).toBe(30);
      for (let i = 0; i < 100 && calls === 0; i++) await sleep(20);
      expect(calls).toBe(1);
      // Nothing queued, nothing said.
      expect(await queue.enqueue(STAGES)).toBe(0);
      await sleep(100);
      expect(calls).toBe(1);
      await unwatch();
      await queue.enqueue([{ name: 'entities', version: 2 }]);
      await sleep(100);
      expect(calls).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('prunes done jobs past the retention, keeps failed and recent ones, and does not queue their articles again', async () => {
    await queue.enqueue(STAGES);
    const jobs = await queue.claim('w1', 5, 60_000);
    expect(await queue.completeMany(jobs.slice(0, 4).map((job) => ({ job, results: result('Text') })), 'w1')).toEqual([true, true, true, true]);
    await queue.fail(jobs[4]!, 'w1', 'boom');
    await queue.fail((await queue.claim('w1', 30, 60_000)).find((j) => j.id === jobs[4]!.id)!, 'w1', 'boom');
    await admin.query(`UPDATE jobs SET finished_at = now() - interval '2 days' WHERE id = ANY($1::bigint[])`, [jobs.slice(0, 3).map((j) => j.id).concat(jobs[4]!.id)]);
    expect(await queue.prune(86_400_000)).toBe(3);
    expect(await queue.prune(86_400_000)).toBe(0);
    expect((await queue.status()).counts).toMatchObject({ done: 1, failed: 1, running: 25 });
    expect(await queue.enqueue(STAGES)).toBe(0);
    // The default retention (7 days) keeps them.
    await admin.query(`UPDATE jobs SET finished_at = now() - interval '2 days' WHERE state = 'done'`);
    expect(await queue.prune()).toBe(0);
  });

  it('listens again after its connection is lost, and says so once', async () => {
    let calls = 0;
    const unwatch = await queue.watch(() => calls++, 50);
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN ${JOBS_CHANNEL}' AND pid <> pg_backend_pid()`);
      for (let i = 0; i < 100 && calls === 0; i++) await sleep(20);
      expect(calls).toBe(1);
      expect(await queue.enqueue(STAGES)).toBe(30);
      for (let i = 0; i < 100 && calls === 1; i++) await sleep(20);
      expect(calls).toBe(2);
    } finally {
      await unwatch();
    }
  });

  it('retries a failed job with backoff, then marks it failed with its error, visible in status', async () => {
    await queue.enqueue(STAGES);
    const [job] = await queue.claim('w1', 1, 60_000);
    await queue.fail(job!, 'w1', 'boom 1');
    const retry = (await queue.claim('w2', 30, 60_000)).find((j) => j.id === job!.id);
    expect(retry).toMatchObject({ id: job!.id, attempts: 1 });
    await queue.fail(retry!, 'w2', 'boom 2');
    const status = await queue.status();
    expect(status.counts).toEqual({ queued: 0, running: 29, done: 0, failed: 1 });
    expect(status.failed[0]).toMatchObject({ id: job!.id, articleId: job!.articleId, attempts: 2, error: 'boom 2' });
    expect(status.workers.map((w) => w.id).sort()).toEqual(['w1', 'w2']);
    // A failure from a worker that no longer holds the lease changes nothing.
    await queue.fail(job!, 'w1', 'stale');
    expect((await queue.status()).failed[0]!.error).toBe('boom 2');
    expect(await queue.retryFailed()).toBe(1);
    expect((await queue.status()).counts.failed).toBe(0);
  });

  it('waits out the backoff before a retry', async () => {
    const slow = (await openJobQueue(store, { maxAttempts: 3, backoffMs: () => 60_000 })) as PgJobQueue;
    await slow.enqueue(STAGES);
    const [job] = await slow.claim('w1', 1, 60_000);
    await slow.fail(job!, 'w1', 'transient');
    const next = await slow.claim('w1', 100, 60_000);
    expect(next.map((j) => j.id)).not.toContain(job!.id);
    expect(next).toHaveLength(29);
  });

  it('fails a job whose workers keep dying instead of handing it out forever', async () => {
    await queue.enqueue(STAGES);
    const first = await queue.claim('w1', 30, 30);
    await sleep(80);
    const second = await queue.claim('w2', 30, 30);
    expect(second.map((j) => j.id).sort()).toEqual(first.map((j) => j.id).sort());
    await sleep(80);
    expect(await queue.claim('w3', 30, 60_000)).toEqual([]);
    const status = await queue.status();
    expect(status.counts.failed).toBe(30);
    expect(status.failed[0]!.error).toMatch(/lease expired 2 time/);
  });

  it('reports throughput, the oldest queued job and the workers', async () => {
    await queue.enqueue(STAGES);
    const jobs = await queue.claim('w1', 3, 60_000);
    for (const j of jobs) await queue.complete(j, 'w1', result(texts[0]!));
    const status = await queue.status();
    expect(status.counts).toEqual({ queued: 27, running: 0, done: 3, failed: 0 });
    expect(status.doneLastMinute).toBe(3);
    expect(status.doneLastHour).toBe(3);
    expect(typeof status.oldestQueued).toBe('string');
    expect(status.workers).toEqual([expect.objectContaining({ id: 'w1', running: 0, done: 3 })]);
  });

  it('completes a batch in one transaction, only the jobs whose lease it holds', async () => {
    await queue.enqueue(STAGES);
    const mine = await queue.claim('w1', 3, 60_000);
    const [other] = await queue.claim('w2', 1, 60_000);
    const items = [...mine, other!].map((job) => ({ job, results: result('Text') }));
    expect(await queue.completeMany(items, 'w1')).toEqual([true, true, true, false]);
    expect((await queue.status()).counts).toMatchObject({ done: 3, running: 1 });
    for (const j of mine) expect(await store.getFindings(j.articleId)).toHaveLength(1);
    expect(await store.getFindings(other!.articleId)).toEqual([]);
    expect(await queue.completeMany([], 'w1')).toEqual([]);
  });

  it('completes a job and stores its findings in one transaction: a failing write leaves the job running', async () => {
    await queue.enqueue(STAGES);
    const [job] = await queue.claim('w1', 1, 60_000);
    const bad = [{ stage: 'entities', version: 1, findings: [{ kind: 'entity', span: { start: 0, end: 1 }, text: 'x', rule: 'r', data: {} }], notes: [] }, { stage: 'entities', version: 1, findings: [], notes: [] }];
    await expect(queue.complete(job!, 'w1', bad)).rejects.toThrow();
    expect(await store.getFindings(job!.articleId)).toEqual([]);
    expect((await queue.status()).counts.running).toBe(1);
    expect(await queue.complete(job!, 'w1', result('Text'))).toBe(true);
  });
});

if (!HAS_PG) describe('PgJobQueue', () => it.skip(PG_MISSING, () => {}));
