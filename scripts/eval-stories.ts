import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeArticle, selectStages } from '../src/analyze/pipeline.js';
import { clusterStories, explainStory, STORY_DEFAULTS, storyFeatures, StoryIndex, type ReusePair, type StoryArticleInput, type StoryConfig, type StoryFeatures } from '../src/analyze/corpus/stories/index.js';
import { findReuse } from '../src/analyze/corpus/reuse/index.js';
import type { Article } from '../src/domain/article.js';
import type { DateFinding, EntityFinding, QuantityFinding } from '../src/domain/findings.js';
import { ingest } from '../src/ingest/ingest.js';
import { parseNewsText } from '../src/ingest/text/reader.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { makeArticle, publishedOn } from '../test/support/article.js';
import { BENCH_DIR, HAS_SHARED, SEEDS_DIR, SHARED_MISSING } from '../test/support/shared.js';
import { printReport, progress, progressDone, type ReportTable } from '../bench/report.js';
import { loadBasil } from './outlet-triple-stories.js';
import { loadEcb } from './ecb-stories.js';

/**
 * `npm run eval:stories`: story clustering scored with B-cubed and pairwise precision, recall, F1 on
 *   - ECB+: documents into their seminal-event clusters (topic + subtopic); tuned on topics 1-35, REPORTED on 36-45;
 *   - BASIL: 100 events x 3 outlets; tuned on 2010-2016, REPORTED on 2017-2019;
 *   - the seed corpus: which must_link / should_link / cannot_link constraints hold.
 * Entities, dates and quantities come from our own per-article stages (analyzeArticle), run once per document per run.
 * `--cache FILE` keeps the per-article features in FILE between runs (outside the repository: they derive from
 * benchmark text); `--tune` prints a grid of settings on the tuning splits only; `--json` ends with the figures.
 */

const argv = process.argv.slice(2);
const cacheArg = argv.find((a) => a.startsWith('--cache='))?.slice(8);
const tune = argv.includes('--tune');
const STAGES = selectStages(['entities', 'dates', 'quantities']).stages;

interface Labeled {
  readonly features: StoryFeatures;
  readonly gold: string;
}

/** A split: its labeled articles and the shared passages between them (the reuse stage, as the corpus run feeds it). */
interface Split {
  readonly items: readonly Labeled[];
  readonly reuse: readonly ReusePair[];
}

let reuseMs = 0;

/** Shared passages per article pair, summed (the shorter side of each passage), as src/corpus/run.ts passes them. */
function reuseOf(texts: readonly { id: string; text: string; published: string | null }[]): ReusePair[] {
  const t0 = performance.now();
  const words = new Map<string, { a: string; b: string; words: number }>();
  for (const p of findReuse(texts)) {
    const key = `${p.a.articleId}|${p.b.articleId}`;
    const w = Math.min(p.words.a, p.words.b);
    const prev = words.get(key);
    if (prev) prev.words += w;
    else words.set(key, { a: p.a.articleId, b: p.b.articleId, words: w });
  }
  reuseMs += performance.now() - t0;
  return [...words.values()];
}

interface Scores {
  b3P: number;
  b3R: number;
  b3F: number;
  pairP: number;
  pairR: number;
  pairF: number;
  clusters: number;
  gold: number;
}

const cache: Record<string, StoryFeatures> = cacheArg && existsSync(cacheArg) ? JSON.parse(readFileSync(cacheArg, 'utf8')) : {};
let analyzeMs = 0;
let analyzed = 0;

function inputOf(article: Article): StoryArticleInput {
  const t0 = performance.now();
  const results = analyzeArticle(article, STAGES);
  analyzeMs += performance.now() - t0;
  analyzed++;
  const of = (stage: string) => results.find((r) => r.stage === stage)?.findings ?? [];
  return {
    id: article.id,
    title: article.title,
    text: article.text,
    published: article.published?.value ?? null,
    language: article.language,
    entities: of('entities') as EntityFinding[],
    dates: of('dates') as DateFinding[],
    quantities: of('quantities') as QuantityFinding[],
  };
}

function featuresFor(key: string, build: () => Article): StoryFeatures {
  const hit = cache[key];
  if (hit) return hit;
  const f = storyFeatures(inputOf(build()), STORY_DEFAULTS);
  cache[key] = f;
  return f;
}

function score({ items, reuse }: Split, config: Partial<StoryConfig>): Scores {
  const index = StoryIndex.fromRows(items, config, reuse);
  const pred = new Map<string, string>();
  for (const s of index.stories()) for (const a of s.articles) pred.set(a, s.id);
  return clusterScores(items.map((it) => ({ id: it.features.id, gold: it.gold, pred: pred.get(it.features.id)! })));
}

/** B-cubed (per-item precision and recall, averaged) and pairwise scores of a clustering against gold clusters. */
export function clusterScores(items: readonly { id: string; gold: string; pred: string }[]): Scores {
  const byPred = new Map<string, string[]>();
  const byGold = new Map<string, string[]>();
  const goldOf = new Map(items.map((it) => [it.id, it.gold]));
  for (const it of items) {
    (byPred.get(it.pred) ?? byPred.set(it.pred, []).get(it.pred)!).push(it.id);
    (byGold.get(it.gold) ?? byGold.set(it.gold, []).get(it.gold)!).push(it.id);
  }
  let p = 0;
  let r = 0;
  let tp = 0;
  let predPairs = 0;
  let goldPairs = 0;
  for (const it of items) {
    const cluster = byPred.get(it.pred)!;
    const same = cluster.filter((x) => goldOf.get(x) === it.gold).length;
    p += same / cluster.length;
    r += same / byGold.get(it.gold)!.length;
    tp += same - 1;
  }
  for (const c of byPred.values()) predPairs += c.length * (c.length - 1);
  for (const c of byGold.values()) goldPairs += c.length * (c.length - 1);
  const n = items.length || 1;
  const f = (a: number, b: number) => (a + b > 0 ? (2 * a * b) / (a + b) : 0);
  const pairP = predPairs ? tp / predPairs : 1;
  const pairR = goldPairs ? tp / goldPairs : 1;
  return { b3P: p / n, b3R: r / n, b3F: f(p / n, r / n), pairP, pairR, pairF: f(pairP, pairR), clusters: byPred.size, gold: byGold.size };
}

function ecbItems(report: boolean): Split {
  const docs = loadEcb(BENCH_DIR, (t) => (report ? t >= 36 : t <= 35));
  const items = docs.map((d, i) => {
    progress(`ecb+ ${report ? 'report' : 'tune'}: ${i + 1}/${docs.length}`);
    // As our plain-text reader reads it: a title line and header lines ("Published on 18th September 2013") when present.
    return {
      gold: d.gold,
      features: featuresFor(`ecb:${d.name}`, () => {
        const p = parseNewsText(d.text);
        return makeArticle(p.text, { id: d.name, title: p.title, published: p.published, language: 'en' });
      }),
    };
  });
  return { items, reuse: reuseOf(docs.map((d) => ({ id: d.name, text: d.text, published: null }))) };
}

function basilItems(report: boolean): Split {
  const docs = loadBasil(BENCH_DIR, (y) => (report ? y >= 2017 : y <= 2016));
  const items = docs.map((d, i) => {
    progress(`basil ${report ? 'report' : 'tune'}: ${i + 1}/${docs.length}`);
    return {
      gold: d.gold,
      features: featuresFor(`basil:${d.name}`, () =>
        makeArticle(d.text, { id: d.name, title: d.title, outlet: d.outlet, published: publishedOn(d.date), language: 'en' }),
      ),
    };
  });
  return { items, reuse: reuseOf(docs.map((d) => ({ id: d.name, text: d.text, published: d.date.slice(0, 10) || null }))) };
}

const fmt = (x: number) => x.toFixed(3);
const row = (name: string, split: string, s: Scores, n: number) => [name, split, n, s.gold, s.clusters, fmt(s.b3P), fmt(s.b3R), fmt(s.b3F), fmt(s.pairP), fmt(s.pairR), fmt(s.pairF)];

async function seeds(): Promise<{ table: ReportTable; figures: Record<string, unknown> }> {
  const expected = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')).stories as Record<'must_link' | 'should_link' | 'cannot_link', [string, string][]>;
  const store = openSqliteStore(':memory:');
  const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS_DIR, f));
  const summary = await ingest(files, store, { cwd: SEEDS_DIR });
  const inputs: StoryArticleInput[] = [];
  const docOf = new Map<string, string>();
  for (const s of summary.articles) {
    const a = (await store.getArticle(s.id))!;
    docOf.set(a.id, basename(a.source, '.txt'));
    inputs.push(inputOf(a));
  }
  const index = clusterStories(inputs, {}, reuseOf(inputs));
  const storyOfDoc = new Map<string, string>();
  for (const [id, doc] of docOf) storyOfDoc.set(doc, index.storyOf(id)!);
  const rows: (string | number)[][] = [];
  const held: Record<string, [number, number]> = {};
  for (const kind of ['must_link', 'should_link', 'cannot_link'] as const) {
    held[kind] = [0, 0];
    for (const [a, b] of expected[kind]) {
      const together = storyOfDoc.get(a) === storyOfDoc.get(b);
      const ok = kind === 'cannot_link' ? !together : together;
      held[kind][0] += ok ? 1 : 0;
      held[kind][1]++;
      rows.push([kind, `${a.slice(0, 3)} ${b.slice(0, 3)}`, together ? 'same story' : 'apart', ok ? 'holds' : 'FAILS']);
    }
  }
  const stories = index.stories().map((s) => {
    const e = explainStory(index, s.id)!;
    return `${s.articles.map((a) => docOf.get(a)!.slice(0, 3)).join('+')} [${e.actors.slice(0, 4).map((x) => x.name).join(', ')}]`;
  });
  rows.push(['stories', stories.join('  '), '', '']);
  await store.close();
  return { table: { title: 'Seeds: story constraints (expected.json)', header: ['constraint', 'pair', 'clustered', 'result'], rows }, figures: held };
}

async function main(): Promise<void> {
  if (!HAS_SHARED) {
    process.stderr.write(`${SHARED_MISSING}\n`);
    process.exitCode = 1;
    return;
  }
  const t0 = performance.now();
  const ecbTune = ecbItems(false);
  const ecbReport = ecbItems(true);
  const basilTune = basilItems(false);
  const basilReport = basilItems(true);
  progressDone();
  if (cacheArg) writeFileSync(cacheArg, JSON.stringify(cache));
  const loadMs = performance.now() - t0;

  if (tune) runGrid(ecbTune, basilTune);

  const t1 = performance.now();
  const results = {
    ecbTune: score(ecbTune, {}),
    ecbReport: score(ecbReport, {}),
    basilTune: score(basilTune, {}),
    basilReport: score(basilReport, {}),
  };
  const clusterMs = performance.now() - t1;
  const off = { figureWeight: 0 };
  const noFigures = { ecbTune: score(ecbTune, off), ecbReport: score(ecbReport, off), basilTune: score(basilTune, off), basilReport: score(basilReport, off) };
  const seed = await seeds();

  // A per-article stage that fails (and is noted, not thrown) would silently remove a signal: say so.
  const all = [ecbTune, ecbReport, basilTune, basilReport].flatMap((s) => s.items);
  const withActors = all.filter((it) => it.features.actors.length > 0).length;
  const total = all.length;
  if (withActors < total * 0.9) process.stderr.write(`warning: only ${withActors} of ${total} articles have entity findings\n`);
  const header = ['corpus', 'split', 'articles', 'gold', 'stories', 'B3 P', 'B3 R', 'B3 F1', 'pair P', 'pair R', 'pair F1'];
  const tables: ReportTable[] = [
    {
      title: 'Stories: B-cubed and pairwise scores (defaults from src/analyze/corpus/stories/config.ts)',
      header,
      rows: [
        row('ECB+', 'tune 1-35', results.ecbTune, ecbTune.items.length),
        row('ECB+', 'REPORT 36-45', results.ecbReport, ecbReport.items.length),
        row('BASIL', 'tune 2010-16', results.basilTune, basilTune.items.length),
        row('BASIL', 'REPORT 2017-19', results.basilReport, basilReport.items.length),
      ],
    },
    {
      title: 'Targets (reporting splits)',
      header: ['corpus', 'B3 F1', 'target', 'met'],
      rows: [
        ['ECB+ 36-45', fmt(results.ecbReport.b3F), '0.85', results.ecbReport.b3F >= 0.85 ? 'yes' : 'no'],
        ['BASIL 2017-19', fmt(results.basilReport.b3F), '0.95', results.basilReport.b3F >= 0.95 ? 'yes' : 'no'],
      ],
    },
    {
      title: 'Ablation: shared figures off (figureWeight 0), all splits (read only, not tuned on the reporting ones)',
      header,
      rows: [
        row('ECB+', 'tune 1-35', noFigures.ecbTune, ecbTune.items.length),
        row('ECB+', 'REPORT 36-45', noFigures.ecbReport, ecbReport.items.length),
        row('BASIL', 'tune 2010-16', noFigures.basilTune, basilTune.items.length),
        row('BASIL', 'REPORT 2017-19', noFigures.basilReport, basilReport.items.length),
      ],
    },
    seed.table,
    {
      title: 'Time',
      header: ['step', 'seconds'],
      rows: [
        [`per-article stages (entities, dates, quantities) on ${analyzed} articles${cacheArg ? ' (others from --cache)' : ''}`, (analyzeMs / 1000).toFixed(1)],
        ['loading and features, all splits', (loadMs / 1000).toFixed(1)],
        ['shared passages (reuse stage), all splits and seeds', (reuseMs / 1000).toFixed(1)],
        ['clustering, four splits', (clusterMs / 1000).toFixed(2)],
        [`articles with entity findings`, `${withActors} / ${total}`],
      ],
    },
  ];
  printReport(tables, { stories: { ...results, seeds: seed.figures, analyzeSeconds: analyzeMs / 1000, clusterSeconds: clusterMs / 1000 } }, argv);
}

/** `--tune`: a small grid on the TUNING splits only (never the reporting ones). */
function runGrid(ecb: Split, basil: Split): void {
  const rows: (string | number)[][] = [];
  const off = Number.POSITIVE_INFINITY;
  const show = (x: number) => (Number.isFinite(x) ? x : 'off');
  for (const threshold of [0.2, 0.24, 0.28]) {
    for (const mergeThreshold of [0.14, 0.16, 0.18, off]) {
      for (const attachThreshold of [0.12, 0.14, 0.16, off]) {
        const c = { threshold, mergeThreshold, attachThreshold };
        const e = score(ecb, c);
        const b = score(basil, c);
        rows.push([threshold, show(mergeThreshold), show(attachThreshold), fmt(e.b3F), fmt(b.b3F), fmt((e.b3F + b.b3F) / 2)]);
      }
    }
  }
  rows.sort((a, b) => Number(b[5]) - Number(a[5]));
  printReport([{ title: 'Tuning grid (tuning splits only), best first', header: ['threshold', 'merge at', 'attach at', 'ECB+ B3 F1', 'BASIL B3 F1', 'mean'], rows: rows.slice(0, 25) }], {}, []);
  // Shared figures: their weight and how many make full evidence, at the default thresholds.
  const figureRows: (string | number)[][] = [];
  for (const figureWeight of [0, 0.05, 0.1, 0.15, 0.2, 0.3]) {
    for (const figuresFull of [1, 2, 3]) {
      const c = { figureWeight, figuresFull };
      const e = score(ecb, c);
      const b = score(basil, c);
      figureRows.push([figureWeight, figuresFull, fmt(e.b3F), fmt(b.b3F), fmt((e.b3F + b.b3F) / 2)]);
    }
  }
  printReport([{ title: 'Shared figures (tuning splits only)', header: ['figure weight', 'figures full', 'ECB+ B3 F1', 'BASIL B3 F1', 'mean'], rows: figureRows }], {}, []);
}

main().catch((e: unknown) => {
  process.stderr.write(`eval:stories failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
