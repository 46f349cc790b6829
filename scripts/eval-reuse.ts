import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { printReport, progress, progressDone, type ReportTable } from '../bench/report.js';
import { findReuse, REUSE_DEFAULTS, type ReuseInput, type ReuseParams } from '../src/analyze/corpus/reuse/index.js';
import { BENCH_DIR, HAS_SHARED, SEEDS_DIR, SHARED_MISSING } from '../test/support/shared.js';
import { genuineReuse, plantReuse, PLANT_DEFAULTS } from './reuse-plant.js';
import { bestMatch, scorePairs, type RefPassage } from './reuse-score.js';

/**
 * `npm run eval:reuse [-- --json] [--rates 0,0.05] [--passages 300] [--param name=value ...]`
 *  1. the seed corpus: the gold pairs of expected.json `reuse.must` / `reuse.should`, found (any pair of the
 *     two articles) and aligned (one pair covering at least half of the gold passage on both sides);
 *  2. passages of 20-200 words planted with 0-20% word edits into PolNeAR train texts (scripts/reuse-plant.ts),
 *     passage-level recall and precision per edit rate (scripts/reuse-score.ts). Reuse already present in the
 *     base texts is measured first, on the base texts alone, and counts as correct when reported again.
 *     Columns: planted = reported pairs explained by a planted passage; base reuse = by reuse already in the
 *     base texts (found by the engine itself on the base texts alone, so not independent gold: read the
 *     precision as "wrong / reported"); wrong = neither. `--show-wrong` prints some wrong pairs on stderr.
 */
const argv = process.argv.slice(2);
const argOf = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const params: Partial<Record<keyof ReuseParams, number>> = {};
argv.forEach((a, i) => {
  if (a !== '--param') return;
  const [k, v] = (argv[i + 1] ?? '').split('=');
  if (k && k in REUSE_DEFAULTS && v) params[k as keyof ReuseParams] = Number(v);
});
const RATES = (argOf('--rates') ?? '0,0.05,0.1,0.15,0.2').split(',').map(Number);
const PASSAGES = Number(argOf('--passages') ?? PLANT_DEFAULTS.passages);

interface SeedGold {
  docs: [string, string];
  a: string;
  b: string;
}

function locate(text: string, passage: string): { start: number; end: number } | null {
  const at = text.indexOf(passage);
  if (at >= 0) return { start: at, end: at + passage.length };
  // Quote marks typed differently: match with any quote character.
  const pattern = passage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/["“”]/g, '["“”]').replace(/\s+/g, '\\s+');
  const m = new RegExp(pattern).exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

function seeds(): { table: ReportTable; figures: Record<string, unknown> } {
  const inputs: ReuseInput[] = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(SEEDS_DIR, f), 'utf8'), published: null }));
  const text = new Map(inputs.map((a) => [a.id, a.text]));
  const expected = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')) as { reuse: { must: SeedGold[]; should: SeedGold[] } };
  const pairs = findReuse(inputs, params);
  const rows: (string | number)[][] = [];
  const figures: Record<string, number> = { mustTotal: 0, mustAligned: 0, shouldTotal: 0, shouldAligned: 0, reportedPairs: pairs.length };
  for (const level of ['must', 'should'] as const) {
    for (const g of expected.reuse[level]) {
      const [da, db] = g.docs;
      const sa = locate(text.get(da) ?? '', g.a);
      const sb = locate(text.get(db) ?? '', g.b);
      figures[`${level}Total`] = (figures[`${level}Total`] ?? 0) + 1;
      if (!sa || !sb) {
        rows.push([level, `${da.slice(0, 3)}-${db.slice(0, 3)}`, g.a.slice(0, 50), 'gold text not in article', '-', '-']);
        continue;
      }
      const ref: RefPassage = { a: { articleId: da, span: sa }, b: { articleId: db, span: sb } };
      const { pair, coverage } = bestMatch(ref, pairs);
      const found = pairs.some((p) => (p.a.articleId === da && p.b.articleId === db) || (p.a.articleId === db && p.b.articleId === da));
      const aligned = coverage >= 0.5;
      if (aligned) figures[`${level}Aligned`] = (figures[`${level}Aligned`] ?? 0) + 1;
      rows.push([level, `${da.slice(0, 3)}-${db.slice(0, 3)}`, `${g.a.slice(0, 50)}...`, found ? (aligned ? 'aligned' : 'found, not aligned') : 'missed', coverage.toFixed(2), pair ? `${pair.similarity.toFixed(2)} ${pair.kind}` : '-']);
    }
  }
  return { table: { title: `Seeds: gold reuse pairs of expected.json (${pairs.length} pairs reported)`, header: ['level', 'docs', 'gold passage (a)', 'result', 'coverage', 'similarity'], rows }, figures };
}

function polnearTrain(): ReuseInput[] {
  const dir = join(BENCH_DIR, 'polnear', 'data', 'train', 'text');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(dir, f), 'utf8'), published: null }));
}

function planted(): { tables: ReportTable[]; figures: Record<string, unknown> } {
  const base = polnearTrain();
  const t0 = performance.now();
  const basePairs = findReuse(base, params);
  const baseMs = performance.now() - t0;
  const curve: Record<string, unknown>[] = [];
  const rows: (string | number)[][] = [];
  const byLength: (string | number)[][] = [];
  for (const rate of RATES) {
    progress(`eval:reuse planted, rate ${rate}`);
    const corpus = plantReuse(base, rate, { ...PLANT_DEFAULTS, passages: PASSAGES });
    const start = performance.now();
    const pairs = findReuse(corpus.inputs, params);
    const ms = performance.now() - start;
    const s = scorePairs(corpus.gold, genuineReuse(basePairs, corpus), pairs);
    const buckets = [
      [20, 50],
      [51, 100],
      [101, 200],
    ].map(([lo, hi]) => {
      let n = 0;
      let f = 0;
      corpus.gold.forEach((g, i) => {
        const words = corpus.inputs.find((x) => x.id === g.a.articleId)?.text.slice(g.a.span.start, g.a.span.end).split(/\s+/).length ?? 0;
        if (words < (lo as number) || words > (hi as number)) return;
        n++;
        if (s.foundGold[i]) f++;
      });
      return n ? f / n : NaN;
    });
    curve.push({ rate, gold: s.gold, found: s.found, reported: s.reported, correct: s.correct, correctPlanted: s.correctPlanted, wrong: s.reported - s.correct, recall: s.recall, precision: s.precision, boundaryJaccard: s.boundaryJaccard, articlesPerSecond: corpus.inputs.length / (ms / 1000) });
    rows.push([`${Math.round(rate * 100)}%`, s.gold, s.found, s.recall.toFixed(3), s.reported, s.correctPlanted, s.correct - s.correctPlanted, s.reported - s.correct, s.precision.toFixed(3), s.boundaryJaccard.toFixed(3), Math.round(corpus.inputs.length / (ms / 1000))]);
    byLength.push([`${Math.round(rate * 100)}%`, ...buckets.map((x) => (Number.isNaN(x) ? '-' : x.toFixed(3)))]);
    if (argv.includes('--show-wrong')) for (const w of s.wrong.slice(0, 5)) process.stderr.write(`WRONG ${w.a.articleId} ${w.b.articleId} ${w.similarity}\n  ${w.a.text.slice(0, 200)}\n  ${w.b.text.slice(0, 200)}\n`);
  }
  progressDone();
  const verbatim = basePairs.filter((p) => p.kind === 'verbatim').length;
  return {
    tables: [
      {
        title: `Planted reuse in PolNeAR train texts (${base.length} articles, ${PASSAGES} passages of 20-200 words; reuse already in the base texts: ${basePairs.length} pairs, ${verbatim} verbatim, found in ${Math.round(baseMs)} ms)`,
        header: ['edits', 'gold', 'found', 'recall', 'reported', 'planted', 'base reuse', 'wrong', 'precision', 'boundary J', 'articles/s'],
        rows,
      },
      { title: 'Recall by passage length (words)', header: ['edits', '20-50', '51-100', '101-200'], rows: byLength },
    ],
    figures: { baseArticles: base.length, basePairs: basePairs.length, baseVerbatim: verbatim, curve },
  };
}

function main(): void {
  if (!HAS_SHARED) {
    process.stderr.write(`${SHARED_MISSING}\n`);
    process.exitCode = 2;
    return;
  }
  const s = seeds();
  const p = planted();
  const usedParams = { ...REUSE_DEFAULTS, ...params };
  printReport(
    [
      s.table,
      ...p.tables,
      { title: 'Parameters (REUSE_DEFAULTS unless overridden with --param)', header: Object.keys(usedParams), rows: [Object.values(usedParams)] },
    ],
    { seeds: s.figures, planted: p.figures, params: usedParams },
    argv,
  );
}

main();
