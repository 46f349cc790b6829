import type { Article } from '../domain/article.js';
import type { ArticleStage, StageResult } from '../domain/stage.js';
import { isEnglish } from '../ingest/language.js';
import { datesStage } from './dates/index.js';
import { entitiesStage } from './entities/index.js';
import { labelsStage } from './labels/index.js';
import { quantitiesStage } from './quantities/index.js';
import { runStages } from './run-stages.js';
import { statementsStage } from './statements/index.js';
import { tokenize } from './tokens/index.js';

/**
 * THE place to read the algorithm: the ordered list of per-article stages. Each stage sees the findings
 * of the stages above it (`needs`), so the order is the dependency order:
 *
 *   (tokens)    sentences and tokens with offsets: computed once per article, given to every stage
 *   entities    names of people, organisations, places (trained model), linked within the article;
 *               first, because every later stage asks "who"
 *   dates       temporal expressions anchored on the publish date; before quantities, which must not
 *               count years and dates as numbers
 *   statements  who said what (source, cue, content, speaker, medium); needs entities to resolve speakers
 *   labels      descriptions attached to entities, own voice or quoted; needs the statements to tell the
 *               article's voice from a quoted one; its resolved descriptions ("the terror group" -> the
 *               organisation) also name the owners that quantities reports
 *   quantities  numbers, ranges, money, what is counted and whose; needs entities and labels (owners)
 *               and dates
 *
 * See ARCHITECTURE.md for the whole list, cross-article stages included.
 */
export const ARTICLE_STAGES: readonly ArticleStage[] = [entitiesStage, datesStage, statementsStage, labelsStage, quantitiesStage];

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
