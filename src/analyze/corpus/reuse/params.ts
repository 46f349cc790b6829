/**
 * The knobs of the reuse engine, in one place. Each trade-off is measured by `npm run eval:reuse`
 * (recall/precision per edit rate on passages planted in real article text) and `npm run bench -- --only reuse`.
 */
export interface ReuseParams {
  /**
   * Words per shingle (word n-gram, lowercased, punctuation and diacritics ignored). Smaller n finds more
   * heavily edited passages (a shingle survives only if none of its n words was edited: 0.9^n at 10% edits)
   * but makes chance matches of common phrases ("one of the most important") and candidate pairs more
   * frequent. 5 is passim's default and keeps 59% of shingles at 10% edits, 33% at 20%.
   */
  readonly n: number;
  /**
   * A candidate pair must share at least this many distinct non-boilerplate shingles. 1 aligns every pair
   * that shares any 5-word phrase (slow on large corpora, and mostly chance matches); 3 misses short
   * passages with heavy edits. A 20-word copy keeps about 9 shingles at 10% edits.
   */
  readonly minShared: number;
  /**
   * Words of unmatched text allowed between two shared shingles of one passage (in either article). Larger
   * gaps bridge inserted sentences and heavy edits into one passage, at the price of joining two distinct
   * copied passages separated by original text. A single substituted word makes a gap of 1.
   */
  readonly maxGap: number;
  /**
   * Two passages in the same order in both articles, at most this many words apart on each side, are joined
   * into one when at least half of the words between them still align: at 20% edits a stretch of 20 words
   * can keep no intact shingle while most of its words survive. Unrelated text between two copied
   * paragraphs aligns far less than half and keeps them apart.
   */
  readonly maxJoinGap: number;
  /**
   * How far an alignment may run past the last shared shingle on word-by-word matches: extension stops when
   * mismatches exceed matches by more than this (X-drop). Recovers edited words at passage edges
   * ("... of the terror organization since 2016" vs "... of the terror cult since 2016").
   */
  readonly xDrop: number;
  /**
   * Shortest passage reported, in words on the shorter side. Lower values report shared clichés, datelines
   * and bylines; higher values miss one-sentence copies (a typical news sentence has 20-25 words).
   */
  readonly minWords: number;
  /**
   * Lowest similarity reported: 2 x matched words / (words in a + words in b). 0.6 keeps passages with
   * about one word in three edited and drops loose paraphrases that share a few phrases (at 0.5, many pairs
   * of PolNeAR articles that merely quote the same politician); raising it keeps only near-verbatim copies.
   */
  readonly minSimilarity: number;
  /**
   * Document-frequency cap: a shingle found in more than this many articles is boilerplate (site footers,
   * legal notices, standard agency descriptions) and seeds no pair. Without a cap a footer shared by k
   * articles makes k(k-1)/2 pairs. The price: a passage reprinted by more than this many outlets (wire copy)
   * is found only through its shingles that fewer articles share. It is a count, not a fraction, so that
   * adding articles only ever turns shingles into boilerplate (never back), which keeps the index
   * incremental and the result independent of insertion order.
   */
  readonly dfCap: number;
  /**
   * A shingle repeated more than this many times inside one article of a pair is not used as a seed for
   * that pair (lists and refrains would otherwise make a quadratic number of seeds).
   */
  readonly maxRepeats: number;
}

export const REUSE_DEFAULTS: ReuseParams = {
  n: 5,
  minShared: 2,
  maxGap: 16,
  maxJoinGap: 48,
  xDrop: 3,
  minWords: 12,
  minSimilarity: 0.6,
  dfCap: 100,
  maxRepeats: 8,
};
