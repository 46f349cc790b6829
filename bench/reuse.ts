import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ReuseIndex } from '../src/analyze/corpus/reuse/index.js';
import { generateReuseCorpus } from '../scripts/reuse-generate.js';
import { printReport, progress, progressDone, type ReportTable } from './report.js';

/**
 * Reuse at scale: index + align 1,000 / 10,000 / 100,000 generated articles (scripts/reuse-generate.ts:
 * Zipf-distributed invented words, 30% of articles copying passages from earlier ones with edits, 10% with
 * boilerplate credit lines). Each size runs in a child process, so that its peak memory is its own;
 * generating the texts is not timed. Wall time suffers when other work shares the cores, so CPU time
 * (user + system) is printed beside it and the growth ratio is given for both.
 * Peak RSS is the child's (texts included, ~1 byte per character); "index MB" is what the index itself adds.
 * Reference: passim aligns about 300 articles/second on 8 Spark workers.
 */
interface SizeResult {
  articles: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  /** Heap + array buffers after indexing minus before (texts generated before are not counted). */
  indexMb: number;
  textMb: number;
  shingles: number;
  candidatePairs: number;
  alignedPairs: number;
  passages: number;
  plantedPassages: number;
}

const PASSIM_ARTICLES_PER_SECOND = 300;

function runSize(n: number): SizeResult {
  const { articles, stats: planted } = generateReuseCorpus(n);
  if (global.gc) global.gc();
  const mem0 = process.memoryUsage();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const index = new ReuseIndex({}, Math.min(1 << 26, n * 512));
  for (const a of articles) index.add(a);
  index.flush();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(cpu);
  const s = index.stats();
  if (global.gc) global.gc();
  const mem1 = process.memoryUsage();
  return {
    articles: n,
    wallMs,
    cpuMs: (c.user + c.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    indexMb: (mem1.heapUsed + mem1.arrayBuffers - mem0.heapUsed - mem0.arrayBuffers) / 1e6,
    textMb: articles.reduce((t, a) => t + a.text.length, 0) / 1e6,
    shingles: s.shingles,
    candidatePairs: s.candidatePairs,
    alignedPairs: s.alignedPairs,
    passages: s.passages,
    plantedPassages: planted.planted,
  };
}

function runChild(n: number): SizeResult {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--max-old-space-size=12000', '--expose-gc', '--import', 'tsx', self, '--child', String(n)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as SizeResult;
}

export async function benchReuse(opts: { quick?: boolean } = {}): Promise<{ tables: ReportTable[]; figures: Record<string, unknown> }> {
  const sizes = opts.quick ? [1000, 10_000] : [1000, 10_000, 100_000];
  const results: SizeResult[] = [];
  for (const n of sizes) {
    progress(`bench reuse: ${n} articles...`);
    results.push(runChild(n));
  }
  progressDone();
  const by = new Map(results.map((r) => [r.articles, r]));
  const ratio = (hi: number, lo: number, key: 'wallMs' | 'cpuMs'): number | null => {
    const a = by.get(hi);
    const b = by.get(lo);
    return a && b ? a[key] / b[key] : null;
  };
  const top = opts.quick ? 10_000 : 100_000;
  const growthWall = ratio(top, top / 10, 'wallMs');
  const growthCpu = ratio(top, top / 10, 'cpuMs');
  const rows = results.map((r) => [
    r.articles.toLocaleString('en-US'),
    (r.wallMs / 1000).toFixed(1),
    (r.cpuMs / 1000).toFixed(1),
    Math.round(r.articles / (r.wallMs / 1000)),
    Math.round(r.articles / (r.cpuMs / 1000)),
    Math.round(r.peakRssMb),
    Math.round(r.indexMb),
    r.candidatePairs,
    r.passages,
    r.plantedPassages,
  ]);
  rows.push(['passim (reference, 8 workers)', '-', '-', PASSIM_ARTICLES_PER_SECOND, '-', '-', '-', '-', '-', '-']);
  const tables: ReportTable[] = [
    {
      title: `Reuse: index + align generated articles (one process, one core; growth ${top / 10}->${top}: wall ${growthWall?.toFixed(1)}x, CPU ${growthCpu?.toFixed(1)}x for 10x the articles)`,
      header: ['articles', 'wall s', 'CPU s', 'articles/s (wall)', 'articles/s (CPU)', 'peak RSS MB', 'index MB', 'candidate pairs', 'passages', 'planted'],
      rows,
    },
  ];
  return { tables, figures: { reuse: { sizes: results, growthWall, growthCpu, passimArticlesPerSecond: PASSIM_ARTICLES_PER_SECOND } } };
}

const argv = process.argv.slice(2);
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (argv[0] === '--child') {
    process.stdout.write(`${JSON.stringify(runSize(Number(argv[1])))}\n`);
  } else {
    benchReuse({ quick: argv.includes('--quick') })
      .then((r) => printReport(r.tables, r.figures, argv))
      .catch((e: unknown) => {
        process.stderr.write(`bench reuse failed: ${e instanceof Error ? e.stack : String(e)}\n`);
        process.exitCode = 1;
      });
  }
}
