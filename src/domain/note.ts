import type { Span } from './span.js';

/**
 * A warning recorded while reading or analysing an article: never fatal, always shown.
 * `code` is stable and kebab-case (`encoding-guessed`, `no-publish-date`, `unbalanced-quote`...).
 */
export interface Note {
  readonly code: string;
  readonly message: string;
  /** Which stage or reader wrote it: `ingest/html`, `dates`, ... */
  readonly by: string;
  readonly span?: Span;
}
