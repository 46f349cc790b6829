import type { Article } from '../domain/article.js';
import type { ArticleStage, StageResult } from '../domain/stage.js';
import { isEnglish } from '../ingest/language.js';
import { runStages } from './run-stages.js';
import { tokenize } from './tokens/index.js';

/**
 * THE place to read the algorithm: the ordered list of per-article stages. Each stage sees the findings
 * of the stages above it (`needs`), so the order is the dependency order:
 *
 *   (tokens)    sentences and tokens with offsets: computed once per article, given to every stage
 *
 * Stages are added here as they land; see ARCHITECTURE.md for the whole list.
 */
export const ARTICLE_STAGES: readonly ArticleStage[] = [];

/** Tokenize once and run every per-article stage (or the given subset, in pipeline order). */
export function analyzeArticle(article: Article, stages: readonly ArticleStage[] = ARTICLE_STAGES): StageResult[] {
  const tokens = tokenize(article.text);
  return runStages(article, tokens, stages, isEnglish(article.language));
}

/** Stages by name, in pipeline order, with the stages they need pulled in; unknown names are an error for the caller. */
export function selectStages(names: readonly string[] | null): { stages: ArticleStage[]; unknown: string[] } {
  if (names === null) return { stages: [...ARTICLE_STAGES], unknown: [] };
  const byName = new Map(ARTICLE_STAGES.map((s) => [s.name, s]));
  const unknown = names.filter((n) => !byName.has(n));
  const wanted = new Set<string>();
  const add = (n: string) => {
    const s = byName.get(n);
    if (!s || wanted.has(n)) return;
    wanted.add(n);
    s.needs.forEach(add);
  };
  names.forEach(add);
  return { stages: ARTICLE_STAGES.filter((s) => wanted.has(s.name)), unknown };
}
