import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/domain/article.js';
import type { StageResult } from '../src/domain/stage.js';
import { AliasIndex } from '../src/analyze/corpus/aliases/index.js';
import { groupClaims } from '../src/analyze/corpus/claims/index.js';
import { buildTimeline } from '../src/analyze/corpus/timeline/index.js';
import { runCorpusStages } from '../src/corpus/run.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { benchArticle, type BenchArticle } from './corpus-generate.js';
import { progress, type ReportTable } from './report.js';

/**
 * The cross-article engines at scale (issue #6: incremental, near-linear). Corpora of 1,000 / 10,000 / 100,000
 * generated articles with synthetic but well-formed findings (bench/corpus-generate.ts; the real per-article
 * pipeline is far too slow for 100k articles in a benchmark). Each engine runs in a child process of its own
 * (so its peak RSS is its own, plus the generated corpus it reads), with a time limit:
 *   aliases   AliasIndex.add of every article (generated and added 1,000 at a time), then actors()
 *   claims    groupClaims (actors built first, untimed), quote groups included
 *   timeline  buildTimeline
 *   store     runCorpusStages on an SQLite store (all stages: reuse, stories, aliases, claims, timeline,
 *             labels, statements, saving), then again after adding 1% more articles (the incremental run)
 * With BENCH_STEPS=1 the store job prints how long each step of the incremental run took (stderr).
 * Generating the corpus (and writing the store) is not timed. Growth 100k / 10k CPU time: 10 = linear, the
 * target is at most 15.
 */

export type CorpusEngine = 'aliases' | 'claims' | 'timeline' | 'store';
type Engine = CorpusEngine;
const ENGINES: readonly Engine[] = ['aliases', 'claims', 'timeline', 'store'];

interface Job {
  readonly engine: Engine;
  readonly n: number;
}

export interface EngineRun {
  readonly engine: Engine;
  readonly n: number;
  readonly status: 'ok' | 'timeout' | 'failed';
  readonly message?: string;
  readonly cpuSeconds?: number;
  readonly wallSeconds?: number;
  /** CPU seconds of the second, incremental run (store only: 1% more articles). */
  readonly incrementalCpuSeconds?: number;
  /** RSS once the corpus is generated (before the engine), and the process's peak RSS at the end. */
  readonly rssBeforeMb?: number;
  readonly peakRssMb?: number;
  readonly output?: Record<string, number>;
}

const mb = (x: number) => x / 2 ** 20;
const cpuSince = (c: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1e6;
};

/** Articles from..to-1 of a corpus of n (the vocabularies depend on n). */
function generate(n: number, from = 0, to = n): BenchArticle[] {
  const out: BenchArticle[] = [];
  for (let i = from; i < to; i++) {
    out.push(benchArticle(i, n));
    if (i % 5000 === 0) process.send?.({ progress: `generating ${i}/${to}` });
  }
  return out;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function timed<T>(f: () => Promise<T> | T): Promise<{ value: T; cpu: number; wall: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  return { value, cpu: cpuSince(c), wall: (performance.now() - t) / 1000 };
}

function aliasesOf(articles: readonly BenchArticle[]): AliasIndex {
  const index = new AliasIndex();
  for (const a of articles) index.add({ id: a.id, outlet: a.outlet, published: a.published, text: a.text, entities: a.findings.filter((f) => f.kind === 'entity') });
  return index;
}

function toArticle(a: BenchArticle): Article {
  return {
    id: a.id,
    source: `/bench/corpus/${a.id}.txt`,
    format: 'text',
    url: null,
    outlet: a.outlet,
    title: a.title,
    byline: null,
    published: { value: a.published, precision: 'minute', source: 'meta', utcOffset: null, raw: a.published },
    dateline: null,
    language: 'en',
    text: a.text,
    meta: {},
    raw: Buffer.from(a.text),
    encoding: 'utf-8',
    notes: [],
  };
}

async function putAll(store: ReturnType<typeof openSqliteStore>, articles: readonly BenchArticle[]): Promise<void> {
  for (let s = 0; s < articles.length; s += 500) {
    const batch = articles.slice(s, s + 500);
    await store.putArticles(batch.map(toArticle));
    for (const a of batch) {
      const stages = ['entities', 'dates', 'statements', 'quantities', 'labels'];
      const results: StageResult[] = stages.map((stage) => ({
        stage,
        version: 1,
        findings: a.findings.filter((f) => f.stage === stage).map(({ kind, span, text, rule, data }) => ({ kind, span, text, rule, data })),
        notes: [],
      }));
      await store.putAnalysis(a.id, results);
    }
    process.send?.({ progress: `store: wrote ${s + batch.length}/${articles.length}` });
  }
}

async function runJob(job: Job): Promise<EngineRun> {
  const { n, engine } = job;
  // The aliases index keeps only per-name statistics: it is fed in chunks of 1,000 generated articles (generation
  // untimed), as runCorpusStages could, so that the timing is not the garbage collector walking the whole corpus.
  const articles = engine === 'aliases' ? [] : generate(n);
  const storyIndex = new Map(articles.map((a) => [a.id, a.story]));
  const storyOf = (id: string) => storyIndex.get(id) ?? null;
  let prepared: AliasIndex | null = null;
  let dir: string | null = null;
  let store: ReturnType<typeof openSqliteStore> | null = null;
  if (engine === 'claims') prepared = aliasesOf(articles);
  if (engine === 'claims') prepared!.actors();
  if (engine === 'store') {
    dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    store = openSqliteStore(join(dir, 'corpus.db'));
    await putAll(store, articles);
  }
  gc();
  const rssBeforeMb = mb(process.memoryUsage().rss);
  process.send?.({ progress: `${engine}: running on ${n} articles` });
  let output: Record<string, number> = {};
  let incremental: number | undefined;
  let generationCpu = 0;
  const t = await timed(async () => {
    if (engine === 'aliases') {
      const index = new AliasIndex();
      let untimed = 0;
      for (let start = 0; start < n; start += 1000) {
        const c = process.cpuUsage();
        const chunk = generate(n, start, Math.min(n, start + 1000));
        untimed += cpuSince(c);
        for (const a of chunk) index.add({ id: a.id, outlet: a.outlet, published: a.published, text: a.text, entities: a.findings.filter((f) => f.kind === 'entity') });
      }
      generationCpu = untimed;
      const actors = index.actors();
      output = { actors: actors.length, merged: actors.filter((a) => a.names.length > 1).length };
    } else if (engine === 'claims') {
      const index = prepared!;
      const r = groupClaims(articles, { actorOf: (name, type) => index.actorOf(name, type ?? 'MISC'), storyOf, actorName: () => null });
      output = { claimGroups: r.claims.length, conflicts: r.claims.filter((g) => g.conflict).length, quoteGroups: r.quotes.length };
    } else if (engine === 'timeline') {
      const entries = buildTimeline(articles, { storyOf });
      output = { entries: entries.length, multiSource: entries.filter((e) => e.sources.length > 1).length, conflicts: entries.filter((e) => e.conflict).length };
    } else {
      const s = await runCorpusStages(store!, { onProgress: (p) => process.send?.({ progress: `store: ${p.step} ${p.done}/${p.total}` }) });
      output = { ...s.counts, failed: s.failed.length };
    }
  });
  if (engine === 'store') {
    const more = generate(n, n, n + Math.max(1, Math.round(n / 100)));
    await putAll(store!, more);
    let last = '';
    let t0 = performance.now();
    const again = await timed(() =>
      runCorpusStages(store!, {
        onProgress: (p) => {
          if (!process.env.BENCH_STEPS || p.step === last) return;
          console.error(`incremental: ${last} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
          last = p.step;
          t0 = performance.now();
        },
      }),
    );
    if (process.env.BENCH_STEPS) console.error(`incremental: ${last} ${((performance.now() - t0) / 1000).toFixed(1)} s (to the end)`);
    incremental = again.cpu;
    output = { ...output, incrementalAdded: again.value.added, incrementalRebuilt: again.value.rebuilt ? 1 : 0 };
    await store!.close();
    rmSync(dir!, { recursive: true, force: true });
  }
  return {
    engine,
    n,
    status: 'ok',
    cpuSeconds: t.cpu - generationCpu,
    wallSeconds: t.wall,
    ...(incremental !== undefined && { incrementalCpuSeconds: incremental }),
    rssBeforeMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    output,
  };
}

/** One engine at one size in a child process, killed after `timeoutSeconds`. */
function inChild(job: Job, timeoutSeconds: number): Promise<EngineRun> {
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(import.meta.url), ['--corpus-child', JSON.stringify(job)], {
      execArgv: [...process.execArgv, '--expose-gc', '--max-old-space-size=16000'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let done = false;
    const finish = (r: EngineRun) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ engine: job.engine, n: job.n, status: 'timeout', message: `killed after ${timeoutSeconds} s` });
    }, timeoutSeconds * 1000);
    child.on('message', (m: { progress?: string; result?: EngineRun }) => {
      if (m.progress) progress(`corpus: ${job.engine} ${job.n}: ${m.progress}`);
      if (m.result) finish(m.result);
    });
    child.on('exit', (code, signal) => finish({ engine: job.engine, n: job.n, status: 'failed', message: `exited with ${signal ?? code}` }));
  });
}

const f1 = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(1));
const f2 = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(2));

export async function benchCorpus(options: { sizes?: readonly number[]; engines?: readonly Engine[]; timeoutSeconds?: number } = {}): Promise<{ tables: ReportTable[]; figures: Record<string, unknown> }> {
  const sizes = options.sizes ?? [1_000, 10_000, 100_000];
  const engines = options.engines ?? ENGINES;
  const runs: EngineRun[] = [];
  for (const n of sizes) {
    for (const engine of engines) {
      const r = await inChild({ engine, n }, options.timeoutSeconds ?? 1200);
      runs.push(r);
      // One line per finished run on stderr, so that a long run that is stopped still says what it measured.
      process.stderr.write(`corpus: ${JSON.stringify(r)}\n`);
    }
  }
  const get = (engine: Engine, n: number) => runs.find((r) => r.engine === engine && r.n === n);
  const growth: Record<string, number | null> = {};
  for (const engine of engines) {
    const a = get(engine, 10_000);
    const b = get(engine, 100_000);
    growth[engine] = a?.cpuSeconds && b?.cpuSeconds ? b.cpuSeconds / a.cpuSeconds : null;
  }
  const tables: ReportTable[] = [
    {
      title: 'Corpus engines on generated articles with synthetic findings (one process per engine and size; generation untimed)',
      header: ['engine', 'articles', 'status', 'CPU s', 'wall s', 'articles/CPU s', 'RSS before MB', 'peak RSS MB', 'incremental +1% CPU s', 'output'],
      rows: runs.map((r) => [
        r.engine,
        r.n,
        r.status === 'ok' ? 'ok' : `${r.status}: ${r.message ?? ''}`,
        f2(r.cpuSeconds),
        f2(r.wallSeconds),
        r.cpuSeconds ? Math.round(r.n / r.cpuSeconds) : '-',
        r.rssBeforeMb === undefined ? '-' : Math.round(r.rssBeforeMb),
        r.peakRssMb === undefined ? '-' : Math.round(r.peakRssMb),
        f2(r.incrementalCpuSeconds),
        r.output ? Object.entries(r.output).map(([k, v]) => `${k} ${v}`).join(', ') : '-',
      ]),
    },
    {
      title: 'Corpus engines: growth of CPU time 100k / 10k (10 = linear; limit 15)',
      header: ['engine', 'ratio', 'within 15x'],
      rows: engines.map((e) => [e, f1(growth[e] ?? undefined), growth[e] == null ? '-' : growth[e]! <= 15 ? 'yes' : 'NO']),
    },
  ];
  return { tables, figures: { corpus: { runs, growth100kOver10k: growth } } };
}

if (process.argv[2] === '--corpus-child') {
  const job = JSON.parse(process.argv[3]!) as Job;
  runJob(job)
    .then((result) => process.send?.({ result }, () => process.exit(0)))
    .catch((e: unknown) => {
      console.error(e);
      process.send?.({ result: { engine: job.engine, n: job.n, status: 'failed', message: e instanceof Error ? e.message : String(e) } }, () => process.exit(1));
    });
}
