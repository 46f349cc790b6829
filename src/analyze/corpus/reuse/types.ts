import type { Span } from '../../../domain/span.js';

/** What the reuse index needs of an article. `published` is `article.published?.value` (ISO, truncated to its precision). */
export interface ReuseInput {
  readonly id: string;
  readonly text: string;
  readonly published: string | null;
}

/** One side of an aligned passage pair: `text === articleText.slice(span.start, span.end)`. */
export interface ReuseSide {
  readonly articleId: string;
  readonly span: Span;
  readonly text: string;
}

/**
 * One step of the word alignment, runs of the same kind merged. `a` / `b` are character spans covering the
 * words of that run in each article (null on the side that has no words: `b` for 'delete', `a` for 'insert').
 * Comparison is on normalised words: case, punctuation and diacritics do not count as differences.
 */
export interface AlignmentOp {
  readonly op: 'same' | 'substitute' | 'insert' | 'delete';
  readonly a: Span | null;
  readonly b: Span | null;
}

export interface ReuseDirection {
  /** The article published first; null when it cannot be told. */
  readonly earlier: string | null;
  /** 'unknown' when either publish date is missing or both are equal at the coarser of the two precisions. */
  readonly basis: 'publish-date' | 'unknown';
}

/**
 * A passage found in two articles. `a` is always the article with the smaller id, so a pair has one form
 * whichever article was added first; `swapPair` gives the view from `b`.
 */
export interface ReusePair {
  readonly a: ReuseSide;
  readonly b: ReuseSide;
  /** 2 x matched words / (words of a + words of b), in [0, 1]. */
  readonly similarity: number;
  /** 'verbatim' when every word matches (ignoring case, punctuation, diacritics); 'edited' otherwise. */
  readonly kind: 'verbatim' | 'edited';
  readonly words: { readonly a: number; readonly b: number; readonly same: number };
  readonly alignment: readonly AlignmentOp[];
  readonly direction: ReuseDirection;
  readonly rule: string;
}
