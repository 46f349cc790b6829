/*
 * npm run eval:extract [-- --json] [--only body|dates] [--show N [--by-fn]]
 * Body extraction on BENCH_DIR/article-extraction (Zyte benchmark, shingle F1) beside the reference outputs
 * shipped with it, scored by the same code in this run; publish dates on BENCH_DIR/publish-dates (htmldate's
 * Mediacloud 2020 pages). Both are small "tune and report on all" sets.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { printReport, progress, progressDone, type ReportTable } from '../bench/report.js';
import type { PublishedSource } from '../src/domain/article.js';
import { parseDocument, readHtmlDocument, readHtmlMetadata } from '../src/ingest/html/index.js';
import { decodeBytes } from '../src/ingest/encoding.js';
import { declaredCharset } from '../src/ingest/html/charset.js';
import { BENCH_DIR } from '../test/support/shared.js';
import { pageCounts, scoreDates, scoreExtraction, type ExtractionScore } from './extract-metrics.js';

const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
const show = argv.includes('--show') ? Number(argv[argv.indexOf('--show') + 1]) : 0;
const f3 = (x: number): string => x.toFixed(3);

interface BodyResult {
  readonly ours: ExtractionScore;
  readonly references: Record<string, ExtractionScore>;
  readonly pagesPerSecond: number;
  /** Pages per second of CPU time of this process: steadier than wall time on a shared machine. */
  readonly pagesPerCpuSecond: number;
  readonly failures: number;
}

function evalBody(): BodyResult {
  const dir = join(BENCH_DIR, 'article-extraction');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const ids = Object.keys(truth).sort();
  const pages = ids.map((id) => ({ id, bytes: new Uint8Array(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)))) }));
  const predicted = new Map<string, string>();
  let failures = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  pages.forEach((page, i) => {
    progress(`body ${i + 1}/${pages.length}`);
    try {
      const draft = readHtmlDocument({ bytes: page.bytes, source: page.id, url: truth[page.id]!.url, declaredEncoding: null });
      predicted.set(page.id, draft.text);
    } catch {
      failures++;
      predicted.set(page.id, '');
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  progressDone();
  const ours = scoreExtraction(ids.map((id) => ({ truth: truth[id]!.articleBody, predicted: predicted.get(id) ?? '' })));
  if (show > 0) {
    const worst = ids
      .map((id) => ({ id, c: pageCounts(truth[id]!.articleBody, predicted.get(id) ?? '') }))
      .sort((a, b) => (argv.includes('--by-fn') ? b.c.fn - a.c.fn : a.c.tp - b.c.tp))
      .slice(0, show);
    for (const w of worst) process.stderr.write(`${w.id.slice(0, 12)} tp=${f3(w.c.tp)} fp=${f3(w.c.fp)} fn=${f3(w.c.fn)} ${truth[w.id]!.url}\n`);
  }
  const references: Record<string, ExtractionScore> = {};
  const refDir = join(dir, 'reference-outputs');
  for (const file of readdirSync(refDir).filter((f) => f.endsWith('.json')).sort()) {
    const json = JSON.parse(readFileSync(join(refDir, file), 'utf8')) as Record<string, unknown>;
    const output = (json['output'] ?? json) as Record<string, { articleBody?: string }>;
    references[file.replace(/\.json$/, '')] = scoreExtraction(ids.map((id) => ({ truth: truth[id]!.articleBody, predicted: output[id]?.articleBody ?? '' })));
  }
  return { ours, references, pagesPerSecond: pages.length / seconds, pagesPerCpuSecond: pages.length / cpuSeconds, failures };
}

interface DateResult {
  readonly score: ReturnType<typeof scoreDates>;
  readonly bySource: Record<string, { count: number; correct: number }>;
  readonly pages: number;
  readonly pagesPerSecond: number;
  /** Share of pages whose answer is within one day of the gold (time-zone disagreements on the calendar day). */
  readonly withinOneDay: number;
}

function evalDates(): DateResult {
  const dir = join(BENCH_DIR, 'publish-dates');
  const gold = JSON.parse(readFileSync(join(dir, 'eval_mediacloud_2020.strict.json'), 'utf8')) as Record<string, { file: string; date: string | null }>;
  const entries = Object.entries(gold).sort((a, b) => a[1].file.localeCompare(b[1].file));
  const pairs: { gold: string | null; predicted: string | null }[] = [];
  let withinOneDay = 0;
  const bySource: Record<string, { count: number; correct: number }> = {};
  const t0 = performance.now();
  entries.forEach(([url, g], i) => {
    progress(`dates ${i + 1}/${entries.length}`);
    const bytes = new Uint8Array(gunzipSync(readFileSync(join(dir, 'test_set', `${g.file}.gz`))));
    const html = decodeBytes(bytes, declaredCharset(bytes)).text;
    const meta = readHtmlMetadata(parseDocument(html), url);
    const p = meta.published;
    const predicted = p && (p.precision === 'day' || p.precision === 'minute') ? p.value.slice(0, 10) : null;
    pairs.push({ gold: g.date, predicted });
    if (predicted && g.date && Math.abs(Date.parse(predicted) - Date.parse(g.date)) <= 86_400_000) withinOneDay++;
    const source: PublishedSource | 'none' = p ? p.source : 'none';
    const s = (bySource[source] ??= { count: 0, correct: 0 });
    s.count++;
    if (predicted !== null && predicted === g.date) s.correct++;
    if (show > 0 && predicted !== g.date) process.stderr.write(`${g.file} gold=${g.date} got=${predicted} (${p?.source ?? '-'} ${p?.raw ?? ''}) ${url}\n`);
  });
  const seconds = (performance.now() - t0) / 1000;
  progressDone();
  return { score: scoreDates(pairs), bySource, pages: entries.length, pagesPerSecond: entries.length / seconds, withinOneDay: withinOneDay / entries.length };
}

const tables: ReportTable[] = [];
const figures: Record<string, unknown> = {};

if (only !== 'dates') {
  const body = evalBody();
  const row = (name: string, s: ExtractionScore): (string | number)[] => [name, f3(s.f1), f3(s.precision), f3(s.recall), f3(s.accuracy)];
  tables.push({
    title: `Article body extraction: ${body.ours.pages} pages of BENCH_DIR/article-extraction (shingle F1, same scorer for all)`,
    header: ['extractor', 'F1', 'precision', 'recall', 'accuracy'],
    rows: [row('triangulate (ours)', body.ours), ...Object.entries(body.references).map(([n, s]) => row(n, s))],
  });
  tables.push({
    title: 'Body extraction speed and failures (ours)',
    header: ['pages/s (wall)', 'pages/s (CPU time)', 'pages with no text (error)', 'target F1'],
    rows: [[body.pagesPerSecond.toFixed(1), body.pagesPerCpuSecond.toFixed(1), body.failures, '>= 0.93']],
  });
  figures['body'] = { ...body.ours, pagesPerSecond: body.pagesPerSecond, pagesPerCpuSecond: body.pagesPerCpuSecond, failures: body.failures, references: body.references };
}

if (only !== 'body') {
  const d = evalDates();
  tables.push({
    title: `Publish dates: ${d.pages} pages of BENCH_DIR/publish-dates (htmldate metric, same day as gold)`,
    header: ['accuracy', 'precision', 'recall', 'F-score', 'TP', 'FP', 'FN', 'within 1 day', 'pages/s', 'target accuracy'],
    rows: [[f3(d.score.accuracy), f3(d.score.precision), f3(d.score.recall), f3(d.score.fScore), d.score.tp, d.score.fp, d.score.fn, f3(d.withinOneDay), d.pagesPerSecond.toFixed(1), '>= 0.90']],
  });
  tables.push({
    title: 'Publish dates by source',
    header: ['source', 'pages', 'correct'],
    rows: Object.entries(d.bySource)
      .sort((a, b) => b[1].count - a[1].count)
      .map(([s, v]) => [s, v.count, v.correct]),
  });
  figures['dates'] = { ...d.score, bySource: d.bySource, pages: d.pages, pagesPerSecond: d.pagesPerSecond, withinOneDay: d.withinOneDay };
}

printReport(tables, figures);
