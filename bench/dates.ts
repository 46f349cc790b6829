import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { extractDates } from '../src/analyze/dates/extract.js';
import { refFromPublished } from '../src/analyze/dates/candidate.js';
import { readTimemlDir } from '../scripts/timeml.js';
import { BENCH_DIR, HAS_SHARED } from '../test/support/shared.js';
import type { ReportTable } from './report.js';

/**
 * Throughput of the `dates` stage against chrono-node's own parse on the same article texts, on one core
 * (this process), in the same run. Texts: TempEval-3 train (256 news articles) when ../shared is present,
 * else generated news-like paragraphs. Target: the stage costs no more than 2x chrono-node.
 */

interface Doc {
  readonly text: string;
  readonly published: string;
}

function generatedDocs(n: number): Doc[] {
  const parts = [
    'The minister said on Wednesday that talks would resume next week.',
    'In 2016, about 3,000 members arrived, and some 1,000 police were deployed.',
    'Profit in the third quarter rose 12% from a year earlier, the company said Friday.',
    'The group spent many years in Iraq and sided with it during the 1980-88 war.',
    'A court ruled on June 20 that the camp be inspected; clashes erupted on Tuesday.',
    'Almost ten years ago, a deal was struck; five days after the vote, the letter was issued.',
  ];
  return Array.from({ length: n }, (_, i) => ({
    text: Array.from({ length: 12 }, (_, k) => parts[(i + k) % parts.length]).join(' '),
    published: `20${10 + (i % 12)}-0${1 + (i % 9)}-1${i % 9}`,
  }));
}

function loadDocs(): { docs: Doc[]; source: string } {
  if (HAS_SHARED) {
    const docs = readTimemlDir(join(BENCH_DIR, 'tempeval3', 'train')).map((d) => ({ text: d.text, published: d.dct.slice(0, 10) }));
    if (docs.length) return { docs, source: 'TempEval-3 train texts' };
  }
  return { docs: generatedDocs(300), source: 'generated paragraphs' };
}

/** CPU seconds (user + system) of this process: less sensitive than wall time to other work on a shared machine. */
function time(fn: () => void, rounds: number): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1e6);
  }
  return best;
}

export async function benchDates(rounds = 15): Promise<{ tables: ReportTable[]; figures: Record<string, unknown> }> {
  const { docs, source } = loadDocs();
  const refs = docs.map((d) => refFromPublished({ value: d.published, precision: 'day', source: 'input', utcOffset: null, raw: null }));
  const instants = docs.map((d) => new Date(`${d.published}T12:00:00Z`));
  const chars = docs.reduce((s, d) => s + d.text.length, 0);
  let sink = 0;
  const runChrono = (): void => {
    docs.forEach((d, i) => {
      sink += chrono.casual.parse(d.text, { instant: instants[i] ?? new Date(0), timezone: 0 }).length;
    });
  };
  const runStage = (): void => {
    docs.forEach((d, i) => {
      sink += extractDates(d.text, refs[i] ?? null).length;
    });
  };
  runChrono();
  runStage(); // warm-up
  // Interleaved rounds, best of each: the machine is shared, so both see the same background load.
  let chronoSec = Infinity;
  let stageSec = Infinity;
  for (let r = 0; r < rounds; r++) {
    chronoSec = Math.min(chronoSec, time(runChrono, 1));
    stageSec = Math.min(stageSec, time(runStage, 1));
  }
  const ratio = stageSec / chronoSec;
  const figures = {
    'dates.articles': docs.length,
    'dates.chars': chars,
    'dates.stageArticlesPerSec': docs.length / stageSec,
    'dates.chronoArticlesPerSec': docs.length / chronoSec,
    'dates.costRatioVsChrono': ratio,
    'dates.target': 'ratio <= 2',
  };
  const tables: ReportTable[] = [
    {
      title: `dates: articles/second on one core, ${docs.length} articles (${source}, ${(chars / 1e6).toFixed(2)} M chars), best of ${rounds} interleaved rounds, CPU time; target: stage <= 2x chrono-node`,
      header: ['system', 'articles/s', 'MB/s', 'time (s)', 'cost vs chrono'],
      rows: [
        ['chrono-node casual.parse (reference)', Math.round(docs.length / chronoSec), chars / 1e6 / chronoSec, chronoSec, 1],
        ['triangulate dates stage (chrono calendar parsers + our rules + resolution)', Math.round(docs.length / stageSec), chars / 1e6 / stageSec, stageSec, ratio],
      ],
    },
  ];
  if (sink < 0) tables.length = 0;
  return { tables, figures };
}
