/**
 * NER speed on one core: model load time, tagging tokens/second (CoNLL-2003 eng.testb words as documents,
 * or a built-in text when ../shared is absent), the whole entities stage in characters/second on the seed
 * articles, and memory. Called by `npm run bench`; also runs alone: npx tsx bench/ner.ts [--json].
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, HAS_SHARED, SEEDS_DIR } from '../test/support/shared.js';
import { findEntities } from '../src/analyze/entities/index.js';
import { nerModelPath } from '../src/analyze/entities/load.js';
import { decodeModel } from '../src/analyze/entities/model.js';
import { tokenize } from '../src/analyze/tokens/index.js';
import { readConll } from '../scripts/conll.js';
import { type ReportTable, printReport } from './report.js';

const SAMPLE =
  'Prime Minister Edi Rama said on Wednesday that Albania had cut diplomatic ties with Iran after a cyberattack . ' +
  'The European Commission in Brussels called the move proportionate , a spokesman for the U.S. State Department said . ' +
  'Shares of Toyota Motor Corp. fell 2.5 percent in Tokyo while the Nikkei index closed lower .';

function documents(): string[][][] {
  if (HAS_SHARED) return readConll(join(BENCH_DIR, 'conll2003', 'eng.testb')).map((d) => d.sentences.map((s) => s.words));
  const sentences = SAMPLE.split(' . ').map((s) => [...s.split(' '), '.']);
  return Array.from({ length: 200 }, () => sentences);
}

export async function benchNer(): Promise<{ tables: ReportTable[]; figures: Record<string, unknown> }> {
  const path = nerModelPath();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const model = decodeModel(readFileSync(path));
  const loadMs = performance.now() - t0;
  const after = process.memoryUsage();
  const docs = documents();
  let tokens = 0;
  for (const d of docs) for (const s of d) tokens += s.length;
  // Warm-up pass, then the best of three timed passes (one core, steady state).
  for (const d of docs) model.tagDocument(d);
  // Wall time and CPU time of this process: on a shared machine the CPU figure is the one-core speed.
  let best = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < 3; r++) {
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    for (const d of docs) model.tagDocument(d);
    const c = process.cpuUsage(c1);
    best = Math.min(best, performance.now() - t1);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  const tokensPerSecond = Math.round(tokens / (best / 1000));
  const tokensPerCpuSecond = Math.round(tokens / (bestCpu / 1000));

  // The whole stage (tokenizer + model + linking + titles) on the seed articles.
  let stage: { chars: number; charsPerSecond: number; mentions: number } | null = null;
  if (HAS_SHARED) {
    const texts = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));
    const chars = texts.reduce((a, t) => a + t.length, 0);
    for (const t of texts) findEntities(t, tokenize(t), model);
    let ms = Infinity;
    let mentions = 0;
    for (let r = 0; r < 5; r++) {
      const t1 = performance.now();
      mentions = 0;
      for (const t of texts) mentions += findEntities(t, tokenize(t), model).length;
      ms = Math.min(ms, performance.now() - t1);
    }
    stage = { chars, charsPerSecond: Math.round(chars / (ms / 1000)), mentions };
  }
  const mb = (n: number): number => Math.round((n / 1e6) * 10) / 10;
  const figures = {
    modelFileMB: mb(statSync(path).size),
    modelRows: model.rows,
    loadMs: Math.round(loadMs),
    tokens,
    tokensPerSecond,
    tokensPerCpuSecond,
    heapUsedMB: mb(after.heapUsed),
    heapDeltaMB: mb(after.heapUsed - before.heapUsed),
    rssMB: mb(process.memoryUsage().rss),
    stage,
    reference: { spacyEnCoreWebSmWordsPerSecond: 8000, targetTokensPerSecond: 100000 },
  };
  const tables: ReportTable[] = [
    {
      title: `NER tagging speed, one core (${HAS_SHARED ? 'CoNLL-2003 eng.testb' : 'built-in sample'}, ${tokens} tokens, best of 3)`,
      header: ['system', 'tokens/s (wall)', 'tokens/s (CPU)', 'model MB', 'load ms', 'heap MB', 'RSS MB'],
      rows: [
        ['triangulate ner-conll', tokensPerSecond, tokensPerCpuSecond, figures.modelFileMB, figures.loadMs, figures.heapUsedMB, figures.rssMB],
        ['spaCy en_core_web_sm (published, words/s)', 8000, null, null, null, null, null],
      ],
    },
  ];
  if (stage) {
    tables.push({
      title: 'entities stage on the seed articles (tokenize + model + linking + titles)',
      header: ['articles chars', 'chars/s', 'mentions'],
      rows: [[stage.chars, stage.charsPerSecond, stage.mentions]],
    });
  }
  return { tables, figures: { ner: figures } };
}

if (process.argv[1]?.endsWith('ner.ts') && process.argv[1].includes('bench')) {
  const { tables, figures } = await benchNer();
  printReport(tables, figures);
}
