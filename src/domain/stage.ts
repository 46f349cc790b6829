import type { Article } from './article.js';
import type { AnyFinding } from './finding.js';
import type { Note } from './note.js';
import type { Span } from './span.js';
import type { TokenizedText } from './text.js';

/**
 * What a per-article stage sees: the article, its tokens, the findings of the stages that ran before it,
 * and a way to record notes. No IO, no clock, no randomness.
 */
export interface StageContext {
  readonly article: Article;
  /** Tokens and sentences of `article.text`, computed once per article by the pipeline. */
  readonly tokens: TokenizedText;
  /** Findings of an earlier stage, by stage name; empty when that stage did not run. */
  prior(stage: string): readonly AnyFinding[];
  note(code: string, message: string, span?: Span): void;
}

/**
 * A per-article stage: `{ name, version, needs, run }`. Same name everywhere (folder, table, API path, CLI
 * flag, UI tab). Bump `version` when output changes, so re-analysis can be selective. `run` never throws on
 * odd text: it records a note instead (the pipeline also catches and notes anything that escapes).
 */
export interface ArticleStage<F extends AnyFinding = AnyFinding> {
  readonly name: string;
  readonly version: number;
  /** Stage names whose findings this stage reads through `ctx.prior`. */
  readonly needs: readonly string[];
  /** False for stages that only make sense on English text (skipped, with a note, on other languages). */
  readonly anyLanguage: boolean;
  run(ctx: StageContext): F[];
}

export interface StageResult {
  readonly stage: string;
  readonly version: number;
  readonly findings: readonly AnyFinding[];
  readonly notes: readonly Note[];
}
