import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticle, selectStages } from '../src/analyze/pipeline.js';
import type { Article } from '../src/domain/article.js';
import { Triangulate } from '../src/service.js';
import { analyzeWithPool } from '../src/work/pool.js';
import { EXAMPLE_CORPUS } from '../src/cli/commands/run.js';
import { makeArticle } from './support/article.js';

const { stages } = selectStages(null);
let service: Triangulate;
const articles: Article[] = [];
/** The sequential pipeline's results, computed once. */
const expected = new Map<string, ReturnType<typeof analyzeArticle>>();

beforeAll(async () => {
  service = Triangulate.open(':memory:');
  await service.ingest([EXAMPLE_CORPUS], { cwd: EXAMPLE_CORPUS });
  for await (const a of service.store.iterateArticles()) articles.push(a);
  for (const a of articles) expected.set(a.id, analyzeArticle(a, stages));
}, 60_000);
afterAll(() => service.close());

describe('the analysis pool', () => {
  it('stores the same findings as the sequential pipeline, in any order', async () => {
    const ids = articles.map((a) => a.id);
    const sequential = Triangulate.open(':memory:');
    try {
      // The sequential loop itself (service.analyze also infers publish dates across the corpus afterwards).
      await sequential.store.putArticles(articles);
      for (const a of articles) await sequential.store.putAnalysis(a.id, expected.get(a.id)!);
      const progress: number[] = [];
      const summary = await analyzeWithPool(service.store, stages, [...ids].reverse(), { workers: 2, onProgress: (p) => progress.push(p.done) });
      expect(summary.analyzed).toBe(ids.length);
      expect(progress.at(-1)).toBe(ids.length);
      let findings = 0;
      for (const id of ids) {
        const got = await service.store.getFindings(id);
        expect(got, id).toEqual(await sequential.store.getFindings(id));
        expect(await service.store.getAnalysisState(id)).toEqual(await sequential.store.getAnalysisState(id));
        findings += got.length;
      }
      expect(summary.findings).toBe(findings);
    } finally {
      await sequential.close();
    }
  });

  it('records a thread that dies on one article and goes on with the others', async () => {
    const texts = ['The mayor said on Monday that 40 workers joined.', 'CRASH-THROW here.', 'CRASH-EXIT here.', 'FAIL-SOFT here.', 'The union said 12 ships were held on Friday.'];
    const batch = texts.map((t) => makeArticle(t));
    const store = Triangulate.open(':memory:');
    try {
      await store.store.putArticles(batch);
      const workerFile = fileURLToPath(new URL('../src/work/test-crash-worker.ts', import.meta.url));
      const summary = await analyzeWithPool(store.store, stages, batch.map((a) => a.id), { workers: 2, workerFile });
      expect(summary, JSON.stringify(summary)).toMatchObject({ analyzed: 5 });
      expect(summary.withProblems).toBe(3);
      for (const a of batch) {
        const state = await store.store.getAnalysisState(a.id);
        expect(state.map((s) => s.stage).sort()).toEqual(stages.map((s) => s.name).sort());
        const crashed = state.some((s) => s.notes.some((n) => n.code === 'stage-crashed'));
        expect(crashed, a.text).toBe(/CRASH|FAIL/.test(a.text));
      }
      expect((await store.store.getFindings(batch[0]!.id)).length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('fails the run, instead of looping, when a thread cannot start', async () => {
    const store = Triangulate.open(':memory:');
    try {
      const a = makeArticle('Some text.');
      await store.store.putArticles([a]);
      await expect(analyzeWithPool(store.store, stages, [a.id], { workers: 1, workerFile: '/nonexistent/worker.js' })).rejects.toThrow(/could not start/);
    } finally {
      await store.close();
    }
  });
});
