import type { Span } from './span.js';

/**
 * Every finding points at characters of one article: `text === article.text.slice(span.start, span.end)`,
 * and names the rule that made it (`stage/rule-name`, or `stage/model:<model-id>` for a trained model).
 * `kind` is the discriminant; the known kinds and their `data` are in findings.ts. Findings are plain
 * JSON: the store keeps `data` as a JSON column.
 */
export interface FindingBase<K extends string, D> {
  readonly kind: K;
  readonly span: Span;
  readonly text: string;
  readonly rule: string;
  readonly data: D;
}

/** Any finding, of a kind known or not (what the store and the pipeline handle). */
export type AnyFinding = FindingBase<string, unknown>;

/** A finding as stored: with its article, stage and a stable id within the article. */
export interface StoredFinding extends AnyFinding {
  /** `<articleId>:<stage>:<n>`, n in span order; stable while the stage version is unchanged. */
  readonly id: string;
  readonly articleId: string;
  readonly stage: string;
  readonly stageVersion: number;
}

/** A sub-span of a finding (speaker, cue, counted noun...) with its text. */
export interface Part {
  readonly span: Span;
  readonly text: string;
}

export function isKind<K extends string, F extends AnyFinding>(f: AnyFinding, kind: K): f is Extract<F, { kind: K }> {
  return f.kind === kind;
}
