/**
 * Tokens and sentences with character offsets into an article's text. Produced by src/analyze/tokens;
 * every English-only stage reads them instead of splitting text itself.
 */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** `text.slice(start, end)`. */
  readonly text: string;
  /** Whitespace (or nothing) between the previous token and this one contained a line break. */
  readonly newlineBefore: boolean;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** Index of the sentence's first token in the article's token array, and one past its last. */
  readonly firstToken: number;
  readonly endToken: number;
}

export interface TokenizedText {
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** Paragraph boundaries (blank-line or line-break separated blocks) as [start, end) character ranges. */
  readonly paragraphs: readonly { readonly start: number; readonly end: number }[];
}
