import { StoryIndex, type StoryArticleInput } from '../src/analyze/corpus/stories/index.js';
import type { EntityType } from '../src/domain/findings.js';
import { generateArticle } from './generate.js';
import { progress, type ReportTable } from './report.js';

/**
 * Story clustering at scale: time and memory to cluster 1,000 / 10,000 / 100,000 generated articles
 * (bench/generate.ts), and the growth ratio 100k / 10k (target: within 15x, near-linear).
 * This measures the clustering, not the NER: entity findings are synthetic (capitalised word runs of the
 * generated text, which are exactly its invented names), date findings are the "Month Day" mentions resolved
 * against the publish year. Generating the articles is not timed.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NAME = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b/g;
const DAY = new RegExp(`\\b(${MONTHS.join('|')}) (\\d{1,2})\\b`, 'g');

function benchInput(i: number): StoryArticleInput {
  const g = generateArticle(i);
  const text = g.paragraphs.join('\n\n');
  const year = g.published.slice(0, 4);
  const entities = [...text.matchAll(NAME)]
    .map((m) => m[0])
    .filter((n) => !MONTHS.includes(n) && !/^(The|More|We|Officials)$/.test(n))
    .map((name) => ({ data: { name, type: 'MISC' as EntityType, antecedent: null, via: 'model' as const, titles: [], confidence: 1 } }));
  const dates = [...text.matchAll(DAY)].map((m) => ({
    data: {
      type: 'DATE' as const,
      value: `${year}-${String(MONTHS.indexOf(m[1]!) + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`,
      anchor: 'publish' as const,
      mod: null,
      evidence: null,
      yearUnknown: false,
    },
  }));
  return { id: `g${String(i).padStart(7, '0')}`, title: g.title, text, published: g.published, language: 'en', entities, dates };
}

interface Run {
  readonly n: number;
  readonly seconds: number;
  /** CPU time of this process: the machine is shared, so wall time carries other people's load. */
  readonly cpuSeconds: number;
  readonly perSecond: number;
  readonly stories: number;
  readonly heapMb: number;
  readonly peakRssMb: number;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

function runOnce(n: number): Run {
  // Articles are generated in chunks of 1,000 (not held all at once); generation time is subtracted.
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let genWall = 0;
  let genCpu = 0;
  const index = new StoryIndex();
  for (let start = 0; start < n; start += 1000) {
    const g0 = performance.now();
    const c0 = process.cpuUsage();
    const chunk: StoryArticleInput[] = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) chunk.push(benchInput(i));
    genWall += performance.now() - g0;
    genCpu += cpuSeconds(c0);
    for (const a of chunk) index.add(a);
    progress(`stories: ${n} articles, ${start + chunk.length} added`);
  }
  const stories = index.stories().length;
  const seconds = (performance.now() - t0 - genWall) / 1000;
  const cpu = cpuSeconds(cpu0) - genCpu;
  return {
    n,
    seconds,
    cpuSeconds: cpu,
    perSecond: n / cpu,
    stories,
    heapMb: process.memoryUsage().heapUsed / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

export async function benchStories(sizes: readonly number[] = [1_000, 10_000, 100_000]): Promise<{ tables: ReportTable[]; figures: Record<string, unknown> }> {
  const runs = sizes.map(runOnce);
  const by = new Map(runs.map((r) => [r.n, r]));
  const r10 = by.get(10_000);
  const r100 = by.get(100_000);
  const growth = r10 && r100 ? r100.cpuSeconds / r10.cpuSeconds : null;
  const tables: ReportTable[] = [
    {
      title: 'Stories: clustering generated articles (synthetic entity and date findings; one core; generation untimed)',
      header: ['articles', 'wall s', 'CPU s', 'articles/CPU s', 'stories', 'heap MB after', 'peak RSS MB (process)'],
      rows: runs.map((r) => [r.n, r.seconds.toFixed(2), r.cpuSeconds.toFixed(2), Math.round(r.perSecond), r.stories, Math.round(r.heapMb), Math.round(r.peakRssMb)]),
    },
    {
      title: 'Stories: growth',
      header: ['ratio', 'value', 'target'],
      rows: [['CPU time 100k / 10k', growth === null ? '-' : growth.toFixed(1), '<= 15 (10 = linear)']],
    },
  ];
  return { tables, figures: { stories: { runs, growth100kOver10k: growth } } };
}
