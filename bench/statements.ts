import { join } from 'node:path';
import { statementsStage } from '../src/analyze/statements/index.js';
import { tokenize } from '../src/analyze/tokens/index.js';
import type { AnyFinding } from '../src/domain/finding.js';
import type { StageContext } from '../src/domain/stage.js';
import type { TokenizedText } from '../src/domain/text.js';
import { loadPolnear } from '../scripts/attribution-gold.js';
import { makeArticle } from '../test/support/article.js';
import { BENCH_DIR, HAS_SHARED } from '../test/support/shared.js';
import type { ReportTable } from './report.js';

/**
 * Throughput of the `statements` stage alone, on one core (this process): words/second over PolNeAR train
 * texts (news with many quotations) when ../shared is present, else generated paragraphs. Tokens are
 * computed before timing (the pipeline computes them once for all stages); entity findings are left empty,
 * so speaker resolution by name is not in the figure (resolution is a lookup per statement). Heap printed.
 */

function generatedTexts(n: number): string[] {
  const parts = [
    '“We will not accept this,” the minister said in a statement on Tuesday.',
    'Smith told reporters that the talks would resume next week, adding that nothing was agreed.',
    'According to the ministry, some 3,000 people left the camp.',
    'The group has been based in the country since 2016, officials said.',
    'He hoped that the government would "make up for its mistake."',
    'Prices rose by 12% in the third quarter as demand recovered.',
  ];
  return Array.from({ length: n }, (_, i) => Array.from({ length: 14 }, (_, k) => parts[(i + k) % parts.length]).join(i % 3 === 0 ? '\n\n' : ' '));
}

function cpuSeconds(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
}

export async function benchStatements(rounds = 5): Promise<{ tables: ReportTable[]; figures: Record<string, unknown> }> {
  const texts = HAS_SHARED ? loadPolnear(join(BENCH_DIR, 'polnear'), 'train').map((a) => a.text) : generatedTexts(400);
  const source = HAS_SHARED ? 'PolNeAR train texts' : 'generated paragraphs';
  const contexts: StageContext[] = texts.map((text) => {
    const tokens: TokenizedText = tokenize(text);
    return { article: makeArticle(text), tokens, prior: (): readonly AnyFinding[] => [], note: () => undefined };
  });
  const words = contexts.reduce((s, c) => s + c.tokens.tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text)).length, 0);
  let sink = 0;
  const runStage = (): void => {
    for (const ctx of contexts) sink += statementsStage.run(ctx).length;
  };
  runStage(); // warm-up
  let best = Infinity;
  for (let r = 0; r < rounds; r++) best = Math.min(best, cpuSeconds(runStage));
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  const perSecond = words / best;
  const figures = {
    'statements.articles': texts.length,
    'statements.words': words,
    'statements.wordsPerSec': Math.round(perSecond),
    'statements.statementsPerRun': sink / (rounds + 1),
    'statements.heapMb': Number(heapMb.toFixed(1)),
  };
  const tables: ReportTable[] = [
    {
      title: `statements: words/second on one core, ${texts.length} articles (${source}), best of ${rounds} rounds, CPU time, tokens precomputed`,
      header: ['stage', 'words', 'words/s', 'time (s)', 'statements', 'heap (MB)'],
      rows: [['triangulate statements', words, Math.round(perSecond), best, Math.round(sink / (rounds + 1)), heapMb]],
    },
  ];
  return { tables, figures };
}
