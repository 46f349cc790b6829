import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { openSqliteStore } from '../src/store/sqlite.js';
import { Triangulate } from '../src/service.js';
import { createApp } from '../src/server/app.js';
import { startServer } from '../src/server/server.js';
import { buildBenchCorpus, type BenchCorpus } from './api-corpus.js';
import { rng } from './generate.js';
import { progress, type ReportTable } from './report.js';

/**
 * API latency at scale (issue #7): p50 / p95 / p99 / max per endpoint on a generated corpus of `articles`
 * articles stored through the real SQLite store (see api-corpus.ts for what is synthetic), measured twice:
 * in-process with `createApp(service).request()` (one request at a time: the handler's own time), and over
 * real HTTP on loopback with CLIENTS concurrent clients in a worker thread (what a browser sees while others
 * use the server; Node serves one request at a time, so this includes queueing). Target: p95 < 100 ms.
 * BENCH_API_DB=<path> keeps the built database there and reuses it on the next run.
 */

const TARGET_MS = 100;
const CLIENTS = 3;
/** An endpoint stops early after this long in-process (the slow ones before tuning took minutes per request). */
const BUDGET_MS = 60_000;

interface Endpoint {
  readonly name: string;
  readonly url: (r: () => number) => string;
}

function endpoints(c: BenchCorpus): Endpoint[] {
  const n = c.articles.length;
  const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const heavy = c.actors.slice(0, 5);
  const zipfActor = (r: () => number) => c.actors[Math.min(c.actors.length - 1, Math.floor(Math.exp(r() * Math.log(c.actors.length))) - 1)]!;
  const COMMON = ['said', 'strike', 'union', 'according', 'protesters', 'budget'];
  const FIRST = ['Aren', 'Belka', 'Corin', 'Dalia', 'Edrin', 'Fenna', 'Goran', 'Hesta'];
  const LAST = ['Varga', 'Morrow', 'Talis', 'Okonde', 'Rasku', 'Delmar', 'Ferant', 'Quill'];
  const page = (r: () => number, total: number, limit = 50) => Math.floor(r() * Math.max(1, total - limit));
  return [
    { name: 'GET /api/stats', url: () => '/api/stats' },
    { name: 'GET /api/outlets', url: () => '/api/outlets' },
    { name: 'GET /api/articles?limit=50 (first pages)', url: (r) => `/api/articles?limit=50&offset=${50 * Math.floor(r() * 20)}` },
    { name: 'GET /api/articles?limit=50 (deep offset)', url: (r) => `/api/articles?limit=50&offset=${Math.floor(n / 2) + page(r, n / 2)}` },
    { name: 'GET /api/articles/:id', url: (r) => `/api/articles/${pick(r, c.articles)}` },
    { name: 'GET /api/articles/:id/findings', url: (r) => `/api/articles/${pick(r, c.articles)}/findings` },
    { name: 'GET /api/timeline/articles', url: (r) => `/api/timeline/articles?bucket=${r() < 0.5 ? 'month' : 'day'}` },
    { name: 'GET /api/stories (random page)', url: (r) => `/api/stories?offset=${page(r, c.stories.length)}` },
    { name: 'GET /api/stories/:id', url: (r) => `/api/stories/${encodeURIComponent(r() < 0.2 ? pick(r, c.stories.slice(0, 50)) : pick(r, c.stories))}` },
    { name: 'GET /api/actors (random page)', url: (r) => `/api/actors?offset=${r() < 0.3 ? 0 : page(r, c.actors.length)}` },
    { name: 'GET /api/actors?q=', url: (r) => `/api/actors?q=${pick(r, ['ven', 'Kalo', 'dri', 'zanbor', 'quisel', 'nu'])}` },
    { name: 'GET /api/actors/:id (5 heaviest)', url: (r) => `/api/actors/${encodeURIComponent(pick(r, heavy))}` },
    { name: 'GET /api/actors/:id (Zipf-drawn)', url: (r) => `/api/actors/${encodeURIComponent(zipfActor(r))}` },
    { name: 'GET /api/claims?conflicts=1', url: (r) => `/api/claims?conflicts=1&offset=${r() < 0.5 ? 0 : Math.floor(r() * 1000)}` },
    { name: 'GET /api/timeline (random page)', url: (r) => `/api/timeline?offset=${page(r, n / 2, 100)}` },
    { name: 'GET /api/reuse?article=', url: (r) => `/api/reuse?article=${pick(r, c.articles)}` },
    { name: 'GET /api/search?q=<common word>', url: (r) => `/api/search?q=${pick(r, COMMON)}${r() < 0.2 ? '&offset=100' : ''}` },
    { name: 'GET /api/search?q=<name, ~1%>', url: (r) => `/api/search?q=${encodeURIComponent(`${pick(r, FIRST)} ${pick(r, LAST)}`)}` },
    { name: 'GET /api/search?q=<no match>', url: (r) => `/api/search?q=zq${Math.floor(r() * 1e6)}x` },
    { name: 'GET /api/search?q=&outlet&from&to', url: (r) => `/api/search?q=${pick(r, COMMON)}&outlet=${pick(r, ['daily', 'wire', 'herald'])}-${Math.floor(r() * 50)}.example&from=2017&to=2021` },
    { name: 'GET /api/search?q=&actor=<Zipf-drawn>', url: (r) => `/api/search?q=${pick(r, COMMON)}&actor=${encodeURIComponent(zipfActor(r))}` },
    { name: 'GET /api/articles?q=<common word>', url: (r) => `/api/articles?q=${pick(r, COMMON)}&limit=50` },
  ];
}

async function measureHttp(service: Triangulate, list: readonly Endpoint[], requests: number, into: Map<string, Stats>): Promise<void> {
  const server = await startServer(service, { host: '127.0.0.1', port: 0 });
  try {
    const base = server.url.replace(/\/$/, '');
    for (const [k, e] of list.entries()) {
      progress(`bench api: HTTP ${k + 1}/${list.length} ${e.name}`);
      const r = rng(2000 + k);
      await runClient(Array.from({ length: 3 }, () => base + e.url(r)));
      const per = Math.ceil(requests / CLIENTS);
      const results = await Promise.all(Array.from({ length: CLIENTS }, () => runClient(Array.from({ length: per }, () => base + e.url(r)))));
      into.set(e.name, summarise(results.flatMap((x) => x.times), results.reduce((s, x) => s + x.errors, 0)));
    }
  } finally {
    await server.close();
  }
}

interface Stats {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
}

function summarise(times: number[], errors: number): Stats {
  const s = [...times].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? 0;
  return { n: s.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1] ?? 0, errors };
}

const CLIENT_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
(async () => {
  const times = [];
  let errors = 0;
  for (const url of workerData.urls) {
    const t = performance.now();
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (!res.ok) errors++;
    } catch { errors++; }
    times.push(performance.now() - t);
  }
  parentPort.postMessage({ times, errors });
})();
`;

function runClient(urls: string[]): Promise<{ times: number[]; errors: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT_SOURCE, { eval: true, workerData: { urls } });
    w.once('message', (m: { times: number[]; errors: number }) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

export async function benchApi(options: { articles: number; requests: number }): Promise<{ tables: ReportTable[]; figures: Record<string, unknown> }> {
  const keep = process.env['BENCH_API_DB'];
  const dir = keep ? null : mkdtempSync(join(tmpdir(), 'triangulate-bench-api-'));
  const path = keep ?? join(dir!, 'bench.db');
  const reused = keep !== undefined && existsSync(path);
  const store = openSqliteStore(path);
  const t0 = performance.now();
  const corpus = reused ? await describeStored(store) : await buildBenchCorpus(store, options.articles);
  const buildSeconds = (performance.now() - t0) / 1000;
  const service = Triangulate.withStore(store);
  const app = createApp(service);
  const list = endpoints(corpus);
  const inProcess = new Map<string, Stats>();
  const overHttp = new Map<string, Stats>();
  const cpuTimes = new Map<string, Stats>();
  /** The first request of each endpoint (cold caches: SQLite pages, the memoised corpus-wide counts), not in the figures. */
  const firsts = new Map<string, number>();
  const requests = Number(process.env['BENCH_API_REQUESTS'] ?? options.requests);
  const http = process.env['BENCH_API_HTTP'] !== '0';
  try {
    for (const [k, e] of list.entries()) {
      progress(`bench api: in-process ${k + 1}/${list.length} ${e.name}`);
      const r = rng(1000 + k);
      const t0 = performance.now();
      for (let w = 0; w < 5; w++) {
        await (await app.request(`http://localhost${e.url(r)}`)).arrayBuffer();
        if (w === 0) firsts.set(e.name, performance.now() - t0);
      }
      const times: number[] = [];
      const cpu: number[] = [];
      let errors = 0;
      const start = performance.now();
      for (let i = 0; i < requests && performance.now() - start < BUDGET_MS; i++) {
        const url = `http://localhost${e.url(r)}`;
        const c0 = process.cpuUsage();
        const t = performance.now();
        const res = await app.request(url);
        await res.arrayBuffer();
        times.push(performance.now() - t);
        const c1 = process.cpuUsage(c0);
        cpu.push((c1.user + c1.system) / 1000);
        if (!res.ok) errors++;
      }
      inProcess.set(e.name, summarise(times, errors));
      cpuTimes.set(e.name, summarise(cpu, 0));
    }
    if (http) await measureHttp(service, list, requests, overHttp);
  } finally {
    await store.close();
  }
  const dbBytes = ['', '-wal'].reduce((s, ext) => s + (existsSync(path + ext) ? statSync(path + ext).size : 0), 0);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  if (dir) rmSync(dir, { recursive: true, force: true });

  const ms = (x: number) => x.toFixed(1);
  const mark = (s: Stats) => (s.p95 < TARGET_MS && s.errors === 0 ? 'ok' : s.errors ? `${s.errors} errors` : 'SLOW');
  const rows = list.map((e) => {
    const a = inProcess.get(e.name)!;
    const h = overHttp.get(e.name);
    const httpCells = h ? [ms(h.p50), ms(h.p95), ms(h.p99), ms(h.max), `${(h.p95 / TARGET_MS).toFixed(2)} ${mark(h)}`] : ['-', '-', '-', '-', 'not run'];
    return [e.name, a.n, ms(a.p50), ms(a.p95), ms(a.p99), ms(a.max), `${(a.p95 / TARGET_MS).toFixed(2)} ${mark(a)}`, ms(cpuTimes.get(e.name)!.p95), ms(firsts.get(e.name) ?? 0), ...httpCells];
  });
  const c = corpus.counts;
  const title =
    `API latency, ms (${corpus.articles.length.toLocaleString('en-US')} generated articles, ${requests} requests per endpoint; ` +
    `in-process: one at a time, CPU = CPU time of the process per request; first = the first request, not counted (cold caches); HTTP: ${CLIENTS} concurrent clients on loopback; target p95 < ${TARGET_MS} ms, ratio = p95 / target)`;
  const corpusRows = [
    ['articles', c['articles'] ?? 0],
    ['stories', c['stories'] ?? c['story'] ?? 0],
    ['actors (top actor in N articles)', `${c['actors'] ?? 0} (${corpus.actorArticles[0] ?? 0})`],
    ['statements / labels', `${c['statement'] ?? '?'} / ${c['label'] ?? '?'}`],
    ['reuse pairs / claim groups / quote groups / timeline entries', `${c['reuse'] ?? '?'} / ${c['claim'] ?? '?'} / ${c['quote'] ?? '?'} / ${c['timeline'] ?? '?'}`],
    ['database size (MB, with WAL)', (dbBytes / 1e6).toFixed(0)],
    [reused ? 'build time (s): database reused' : 'build time (s)', buildSeconds.toFixed(0)],
    ['peak RSS of the bench process (MB)', peakRssMb.toFixed(0)],
    ['machine load average at the end (1 / 5 / 15 min; 2 cores, shared)', loadavg().map((x) => x.toFixed(1)).join(' / ')],
  ] as const;
  const slow = list.filter((e) => inProcess.get(e.name)!.p95 >= TARGET_MS || (overHttp.get(e.name)?.p95 ?? 0) >= TARGET_MS).map((e) => e.name);
  return {
    tables: [
      {
        title: 'API bench corpus (synthetic per-article findings and cross-article items written through the real SQLite store; the real pipeline is too slow for 100,000 articles in a bench)',
        header: ['what', 'value'],
        rows: corpusRows.map(([k, v]) => [k, String(v)]),
      },
      { title, header: ['endpoint', 'n', 'p50', 'p95', 'p99', 'max', 'p95/target', 'CPU p95', 'first', 'HTTP p50', 'HTTP p95', 'HTTP p99', 'HTTP max', 'HTTP p95/target'], rows },
    ],
    figures: {
      api: {
        articles: corpus.articles.length,
        requests,
        loadAverage: loadavg(),
        clients: CLIENTS,
        targetMs: TARGET_MS,
        dbMb: Math.round(dbBytes / 1e6),
        peakRssMb: Math.round(peakRssMb),
        buildSeconds: Math.round(buildSeconds),
        counts: corpus.counts,
        inProcess: Object.fromEntries(inProcess),
        cpu: Object.fromEntries(cpuTimes),
        first: Object.fromEntries(firsts),
        http: Object.fromEntries(overHttp),
        slow,
      },
    },
  };
}

/** The ids the endpoints draw from, read back from a database built by an earlier run (BENCH_API_DB). */
async function describeStored(store: ReturnType<typeof openSqliteStore>): Promise<BenchCorpus> {
  const articles: string[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await store.listArticles({ limit: 10_000, offset });
    articles.push(...page.items.map((a) => a.id));
    if (page.items.length === 0 || articles.length >= page.total) break;
  }
  const ids = async (kind: 'story' | 'actor') => {
    const out: string[] = [];
    const sizes: number[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await store.listCorpusItems(kind, { limit: 1000, offset });
      out.push(...page.items.map((i) => i.id));
      if (kind === 'actor') sizes.push(...page.items.map((i) => (i.data as { articles: unknown[] }).articles.length));
      if (page.items.length === 0 || out.length >= page.total) break;
    }
    return { out, sizes };
  };
  const stories = await ids('story');
  const actors = await ids('actor');
  const counts: Record<string, number> = { articles: articles.length, stories: stories.out.length, actors: actors.out.length };
  for (const kind of ['statement', 'label', 'reuse', 'claim', 'quote', 'timeline'] as const) counts[kind] = (await store.listCorpusItems(kind, { limit: 1 })).total;
  return { articles, stories: stories.out, actors: actors.out, actorArticles: actors.sizes, counts };
}
