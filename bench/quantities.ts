import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyFinding } from '../src/domain/finding.js';
import type { StageContext } from '../src/domain/stage.js';
import type { TokenizedText } from '../src/domain/text.js';
import { datesStage } from '../src/analyze/dates/index.js';
import { entitiesStage } from '../src/analyze/entities/index.js';
import { labelsStage } from '../src/analyze/labels/index.js';
import { quantitiesStage } from '../src/analyze/quantities/index.js';
import { runStages } from '../src/analyze/run-stages.js';
import { statementsStage } from '../src/analyze/statements/index.js';
import { tokenize } from '../src/analyze/tokens/index.js';
import { makeArticle } from '../test/support/article.js';
import { BENCH_DIR, HAS_SHARED } from '../test/support/shared.js';
import type { ReportTable } from './report.js';

/**
 * Throughput of the `quantities` and `labels` stages on one core (this process), on real news text:
 * BASIL's 300 articles when ../shared is present, else generated paragraphs. The stages they read
 * (tokens, entities, dates, statements) run first and are not timed; the tokenizer is timed beside
 * them as a reference for what a linear pass over the same text costs.
 */

interface Prepared {
  readonly ctx: (stage: string) => StageContext;
  readonly words: number;
  readonly mentions: number;
}

function loadTexts(): { texts: string[]; source: string } {
  if (HAS_SHARED) {
    const root = join(BENCH_DIR, 'basil', 'articles');
    const texts: string[] = [];
    for (const year of readdirSync(root).sort()) {
      for (const f of readdirSync(join(root, year)).sort()) {
        const a = JSON.parse(readFileSync(join(root, year, f), 'utf8')) as { title?: string; 'body-paragraphs'?: string[][] };
        const body = (a['body-paragraphs'] ?? []).map((p) => p.join(' ')).join('\n\n');
        texts.push(`${a.title ?? ''}\n\n${body}`);
      }
    }
    if (texts.length) return { texts, source: `BASIL (${texts.length} articles)` };
  }
  const para =
    'The group, a militant organization based abroad, said more than 2,000 members had left. Officials seized 150 devices and paid $20 million. ' +
    '"The group is a threat," the minister said. Hundreds of its members, some 3,000 people in all, were moved in 2016, the so-called council said.';
  return { texts: Array.from({ length: 300 }, () => Array.from({ length: 8 }, () => para).join('\n\n')), source: 'generated paragraphs (300 articles)' };
}

function prepare(text: string): Prepared {
  const article = makeArticle(text);
  const tokens: TokenizedText = tokenize(text);
  const prior = new Map<string, readonly AnyFinding[]>();
  // Every stage before quantities in pipeline order (labels included: quantities reads its descriptions).
  for (const r of runStages(article, tokens, [entitiesStage, datesStage, statementsStage, labelsStage], true)) prior.set(r.stage, r.findings);
  const ctx = (): StageContext => ({ article, tokens, prior: (s) => prior.get(s) ?? [], note: () => undefined });
  return { ctx, words: text.split(/\s+/).filter(Boolean).length, mentions: prior.get('entities')?.length ?? 0 };
}

function time(fn: () => void, rounds: number): number {
  fn(); // warm-up
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) fn();
  return Number(process.hrtime.bigint() - t0) / 1e9 / rounds;
}

export async function benchQuantities(rounds = 3): Promise<{ tables: ReportTable[]; figures: Record<string, number | string> }> {
  const { texts, source } = loadTexts();
  const prepared = texts.map(prepare);
  const words = prepared.reduce((s, p) => s + p.words, 0);
  // Labels attach to entity mentions: without them (NER model missing) the labels figure means nothing.
  const mentions = prepared.reduce((s, p) => s + p.mentions, 0);
  const heapBefore = process.memoryUsage().heapUsed;
  let findings = 0;
  const tQuantities = time(() => {
    for (const p of prepared) findings += quantitiesStage.run(p.ctx('quantities')).length;
  }, rounds);
  const tLabels = time(() => {
    for (const p of prepared) findings += labelsStage.run(p.ctx('labels')).length;
  }, rounds);
  const tTokens = time(() => {
    for (const t of texts) tokenize(t);
  }, rounds);
  const heapMiB = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  const perRound = findings / (rounds + 1);
  const wps = (s: number): number => Math.round(words / s);
  const both = tQuantities + tLabels;
  const rows = [
    ['quantities', wps(tQuantities), tQuantities, tQuantities / tTokens],
    ['labels', wps(tLabels), tLabels, tLabels / tTokens],
    ['quantities + labels', wps(both), both, both / tTokens],
    ['tokenize (reference)', wps(tTokens), tTokens, 1],
  ];
  return {
    tables: [
      {
        title: `quantities + labels on one core: ${source}, ${words} words, ${mentions} entity mentions, ${rounds} rounds (priors computed beforehand, not timed)`,
        header: ['stage', 'words/s', 'seconds/round', 'x tokenize'],
        rows,
      },
      { title: 'quantities + labels memory', header: ['heap growth MiB', 'peak RSS MiB', 'findings/round'], rows: [[Math.round(heapMiB), Math.round(rssMiB), Math.round(perRound)]] },
    ],
    figures: {
      quantities_labels_source: source,
      quantities_words: words,
      quantities_entity_mentions: mentions,
      quantities_words_per_s: wps(tQuantities),
      labels_words_per_s: wps(tLabels),
      quantities_labels_words_per_s: wps(both),
      quantities_labels_heap_mib: Math.round(heapMiB),
      quantities_labels_peak_rss_mib: Math.round(rssMiB),
    },
  };
}
