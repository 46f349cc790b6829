import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Article } from '../../../domain/article.js';
import type { StoredFinding } from '../../../domain/finding.js';
import type { DateFinding } from '../../../domain/findings.js';
import type { StageResult } from '../../../domain/stage.js';
import { ingest } from '../../../ingest/ingest.js';
import { openSqliteStore } from '../../../store/sqlite.js';
import { analyzeArticle, selectStages } from '../../pipeline.js';
import { inferPublished } from '../published/index.js';
import type { TimelineArticleInput } from './types.js';

/**
 * The seed corpus as the timeline reads it, the way the service prepares it: ingest, entities and dates,
 * publish dates inferred for undated articles (src/service.ts inferPublishDates) and their dates re-anchored.
 * Returns the inputs and a map from document name ('002_7bcc9a3caa5a6677') to article id.
 */
export async function seedInputs(seedsDir: string): Promise<{ inputs: TimelineArticleInput[]; idOf: Map<string, string> }> {
  const store = openSqliteStore(':memory:');
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => join(seedsDir, f));
  const summary = await ingest(files, store, { cwd: seedsDir });
  const stages = selectStages(['entities', 'dates']).stages;
  const analysed: { article: Article; results: StageResult[] }[] = [];
  for (const s of summary.articles) {
    const article = (await store.getArticle(s.id))!;
    analysed.push({ article, results: analyzeArticle(article, stages) });
  }
  await store.close();
  const datesOf = (r: StageResult[]) => (r.find((x) => x.stage === 'dates')?.findings ?? []) as DateFinding[];
  const inferred = inferPublished(analysed.map((a) => ({ article: a.article, dates: datesOf(a.results) })));
  const idOf = new Map<string, string>();
  const inputs = analysed.map(({ article, results }): TimelineArticleInput => {
    const p = inferred.get(article.id);
    const a = p ? { ...article, published: p } : article;
    const rs = p ? analyzeArticle(a, stages) : results;
    idOf.set(basename(a.source, '.txt'), a.id);
    const findings: StoredFinding[] = rs.flatMap((r) =>
      r.findings.map((f, n) => ({ ...f, id: `${a.id}:${r.stage}:${n}`, articleId: a.id, stage: r.stage, stageVersion: 1 })),
    );
    return { id: a.id, outlet: a.outlet, published: a.published?.value ?? null, text: a.text, findings };
  });
  return { inputs, idOf };
}
