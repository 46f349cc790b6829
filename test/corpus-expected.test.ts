import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Triangulate } from '../src/service.js';
import { EXAMPLE_CORPUS } from '../src/server/test-support/example-db.js';
import { scoreCorpus, scoreTable, type CorpusScores } from './support/corpus-score.js';
import { HAS_SHARED, REPO_ROOT, SEEDS_DIR } from './support/shared.js';

/*
 * The whole analysis, through the service as `triangulate run` does it, scored against what an analyst
 * found (expected.json) in the seed corpus and in the example corpus. Each score may only go up: the
 * baseline (test/baselines/corpus-expected.json) records the best so far; `UPDATE_BASELINE=1` raises it.
 */

const BASELINE = join(REPO_ROOT, 'test', 'baselines', 'corpus-expected.json');
const baseline: Record<string, Record<string, number>> = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : {};
const measured: Record<string, Record<string, number>> = {};

afterAll(() => {
  if (process.env.UPDATE_BASELINE !== '1') return;
  const next = { ...baseline };
  for (const [corpus, scores] of Object.entries(measured)) {
    next[corpus] = { ...(next[corpus] ?? {}) };
    for (const [k, v] of Object.entries(scores)) next[corpus]![k] = Math.max(next[corpus]![k] ?? 0, v);
  }
  writeFileSync(BASELINE, `${JSON.stringify(next, null, 2)}\n`);
});

function check(corpus: string, scores: CorpusScores): void {
  console.log(scoreTable(`${corpus} (expected.json)`, scores));
  measured[corpus] = Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, s.found]));
  for (const [k, s] of Object.entries(scores)) {
    const floor = baseline[corpus]?.[k] ?? 0;
    expect(s.found, `${corpus} ${k} fell below its baseline ${floor}: ${s.misses.join('; ')}`).toBeGreaterThanOrEqual(floor);
  }
}

async function analysed(inputs: string[], cwd: string): Promise<Triangulate> {
  const service = Triangulate.open(':memory:');
  await service.ingest(inputs, { cwd });
  await service.analyze();
  return service;
}

describe('the example corpus against examples/expected.json', () => {
  let service: Triangulate;
  beforeAll(async () => {
    service = await analysed([EXAMPLE_CORPUS], EXAMPLE_CORPUS);
  }, 180_000);
  afterAll(() => service.close());

  it('scores stories, aliases, reuse, claims and timeline at or above the baseline', async () => {
    const expected = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'expected.json'), 'utf8'));
    const sources = new Map<string, string>();
    for (const a of (await service.articles({ limit: 500 })).items) sources.set(a.id, basename(a.source));
    check('examples', await scoreCorpus(service, expected, (id) => sources.get(id) ?? null));
  });
});

describe.skipIf(!HAS_SHARED)('the seed corpus against expected.json', () => {
  let service: Triangulate;
  beforeAll(async () => {
    const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS_DIR, f));
    service = await analysed(files, SEEDS_DIR);
  }, 180_000);
  afterAll(() => service.close());

  it('scores stories, aliases, reuse, claims and timeline at or above the baseline', async () => {
    const expected = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8'));
    const sources = new Map<string, string>();
    for (const a of (await service.articles({ limit: 500 })).items) sources.set(a.id, basename(a.source, '.txt'));
    check('seeds', await scoreCorpus(service, expected, (id) => sources.get(id) ?? null));
  });
});
