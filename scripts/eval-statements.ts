import { join } from 'node:path';
import { printReport, progress, progressDone, type ReportTable } from '../bench/report.js';
import { runStages } from '../src/analyze/run-stages.js';
import { statementsStage } from '../src/analyze/statements/index.js';
import { tokenize } from '../src/analyze/tokens/index.js';
import type { StatementFinding } from '../src/domain/findings.js';
import type { ArticleStage } from '../src/domain/stage.js';
import { BENCH_DIR, HAS_SHARED, SHARED_MISSING } from '../test/support/shared.js';
import { makeArticle } from '../test/support/article.js';
import { loadPolnear, type PolnearSplit } from './attribution-gold.js';
import { emptyScore, prf, ROLES, scoreArticle } from './attribution-score.js';

/**
 * npm run eval:statements [-- --split test|dev|train] [--json]
 * Scores the statements stage on PolNeAR (BENCH_DIR/polnear, first listed annotator per article). Tune on
 * train/dev; the reported figure is test. Span matching is defined in attribution-score.ts.
 */

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The real entities stage when it exists; otherwise null (the eval then runs without it and says so). */
async function loadEntities(): Promise<ArticleStage | null> {
  try {
    const mod = (await import('../src/analyze/entities/index.js' as string)) as { entitiesStage?: ArticleStage };
    return mod.entitiesStage ?? null;
  } catch {
    return null;
  }
}

export async function evalStatements(split: PolnearSplit): Promise<{ tables: ReportTable[]; figures: Record<string, unknown> }> {
  const articles = loadPolnear(join(BENCH_DIR, 'polnear'), split);
  const entities = await loadEntities();
  const stages: ArticleStage[] = entities ? [entities, statementsStage] : [statementsStage];
  const score = emptyScore();
  let words = 0;
  let statements = 0;
  let entityModelMissing = 0;
  const t0 = performance.now();
  articles.forEach((a, i) => {
    progress(`statements ${split} ${i + 1}/${articles.length}`);
    const article = makeArticle(a.text, { source: a.filename });
    const results = runStages(article, tokenize(a.text), stages, true);
    const found = (results.find((r) => r.stage === 'statements')?.findings ?? []) as StatementFinding[];
    if (results.find((r) => r.stage === 'entities')?.notes.some((n) => n.code === 'model-missing')) entityModelMissing++;
    statements += found.length;
    words += a.text.split(/\s+/).filter(Boolean).length;
    scoreArticle(score, a, found);
  });
  progressDone();
  const seconds = (performance.now() - t0) / 1000;
  const rows = ROLES.map((role) => {
    const ov = prf(score.overlap[role]);
    const ex = prf(score.exact[role]);
    return [role, ov.p, ov.r, ov.f1, ex.p, ex.r, ex.f1, score.overlap[role].gold, score.overlap[role].pred];
  });
  const ns = score.noSource;
  const noInvented = ns.found === 0 ? 0 : ns.reportedNone / ns.found;
  const noInventedSame = ns.foundSame === 0 ? 0 : ns.reportedNoneSame / ns.foundSame;
  const figures: Record<string, unknown> = {
    split,
    articles: articles.length,
    entitiesStage: !entities ? 'absent' : entityModelMissing > 0 ? 'model-missing' : 'real',
    statements,
    words,
    seconds: Number(seconds.toFixed(2)),
  };
  for (const role of ROLES) {
    figures[`${role}OverlapF1`] = Number(prf(score.overlap[role]).f1.toFixed(4));
    figures[`${role}ExactF1`] = Number(prf(score.exact[role]).f1.toFixed(4));
    figures[`${role}OverlapP`] = Number(prf(score.overlap[role]).p.toFixed(4));
    figures[`${role}OverlapR`] = Number(prf(score.overlap[role]).r.toFixed(4));
  }
  figures.noSourceGold = ns.gold;
  figures.noSourceFound = ns.found;
  figures.noInventedSpeaker = Number(noInvented.toFixed(4));
  figures.noSourceFoundSameAttribution = ns.foundSame;
  figures.noInventedSpeakerSameAttribution = Number(noInventedSame.toFixed(4));
  const tables: ReportTable[] = [
    {
      title: `PolNeAR ${split}: ${articles.length} articles, first listed annotator; entities stage ${!entities ? 'ABSENT (run without it)' : entityModelMissing > 0 ? `present but its model is missing on ${entityModelMissing} articles (run without entity findings)` : 'used'}; overlap = any shared character, one-to-one greedy`,
      header: ['role', 'overlap P', 'overlap R', 'overlap F1', 'exact P', 'exact R', 'exact F1', 'gold', 'ours'],
      rows,
    },
    {
      title: `No invented speaker: of ${ns.gold} gold attributions without a source, those we found, and the share where we report no source either`,
      header: ['found by', 'found', 'we report no source', 'share'],
      rows: [
        ['content overlap (may pair an attribution nested in the gold content)', ns.found, ns.reportedNone, noInvented],
        ['same attribution (cue and content overlap)', ns.foundSame, ns.reportedNoneSame, noInventedSame],
      ],
    },
    {
      title: 'Targets on test (issue #5)',
      header: ['figure', 'target', 'measured', 'exact beside'],
      rows: [
        ['content overlap F1', 0.75, prf(score.overlap.content).f1, prf(score.exact.content).f1],
        ['source overlap F1', 0.7, prf(score.overlap.source).f1, prf(score.exact.source).f1],
        ['no invented speaker (same attribution)', 0.9, noInventedSame, ''],
        ['no invented speaker (content overlap)', 0.9, noInvented, ''],
      ],
    },
  ];
  return { tables, figures };
}

async function main(): Promise<void> {
  if (!HAS_SHARED) {
    console.error(SHARED_MISSING);
    process.exitCode = 2;
    return;
  }
  const split = (argValue('--split') ?? 'test') as PolnearSplit;
  if (!['train', 'dev', 'test'].includes(split)) throw new Error(`--split must be train, dev or test, not ${split}`);
  const { tables, figures } = await evalStatements(split);
  printReport(tables, figures);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) await main();
