/**
 * The knobs of the claims engine, in one place. Defaults are chosen on the seed corpus and on reading: each
 * comment says what moving the value trades.
 */
export interface ClaimParams {
  /**
   * Relative tolerance of "about" approximators ("around 3,000", "some 3,000", "an estimated 3,000"):
   * the claim allows [v(1 - t), v(1 + t)]. "almost"/"nearly" allow [v(1 - t), v]. 0.1 matches the
   * quantities stage and common reading (3,000 is "about" 2,700..3,300); larger values hide real
   * disagreements between rounded figures, smaller ones make "around 3,000" conflict with "3,400".
   */
  readonly aboutTolerance: number;
  /**
   * Read a plural scale word up to the next scale word: "thousands" allows 2,000..999,999 rather than the
   * quantities stage's 2,000..9,999 ("hundreds" stays 200..999, below "thousand"). Writers say "thousands" of
   * 12,000; with false, "killed thousands" and "killed over 12,000" conflict.
   */
  readonly scaleReachesNext: boolean;
  /**
   * Relative softness of word ranges with no stated value ("several" 3..9, "dozens" 24..99, "a few hundred"
   * 200..500): the claim allows [low(1 - t), high(1 + t)]. Such words are not meant as exact bounds: with 0,
   * "several officers" conflicts with "eleven officers". 0.3 keeps "dozens" against "more than 200" and
   * "hundreds" against "3,000" as conflicts; larger values hide them.
   */
  readonly vagueTolerance: number;
  /**
   * Articles whose claims may form one group across stories must be published within this many days of each
   * other, unless the claims' sentences name a common year. Counts of the same thing drift over time (an
   * organisation's membership in 2014 and in 2024 are two measures, not a conflict).
   */
  readonly crossStoryDays: number;
  /** A group needs claims from at least this many distinct articles (one article alone is no cross-outlet group). */
  readonly minArticles: number;
  /**
   * Money and percentages without a counted noun link inside a story when their sentences share at least
   * this many content words (besides agreeing amounts or the same owner). Lower values join unrelated amounts
   * of one story (a price and an aid package) and make false conflicts.
   */
  readonly minContextWords: number;
  /** Quote groups: words per shingle (word n-grams of the normalised content). */
  readonly shingle: number;
  /** Quote groups: contents shorter than this many words are not compared (too short to be one statement). */
  readonly minQuoteWords: number;
  /**
   * Quote groups: two contents are the same statement when the shingles they share cover at least this
   * fraction of the shorter one's shingles (containment). Containment rather than Jaccard, because an
   * article often quotes part of what another quotes in full. 0.5 keeps a reworded half; lower values
   * join different statements that share a stock phrase.
   */
  readonly minContainment: number;
  /**
   * Quote groups: a shingle found in more statements than this is a stock phrase ("the United States and
   * its allies") or a quote reprinted everywhere; its holders are then compared only with its first
   * `stockSample` holders. Keeps candidate generation near-linear on large corpora (work per shingle is at
   * most maxPostings^2 or n x stockSample).
   */
  readonly maxPostings: number;
  readonly stockSample: number;
  /**
   * Quote groups: two statements must share at least this many shingles (fewer when a content is shorter),
   * so that a short content made mostly of a stock phrase does not join every statement using that phrase.
   */
  readonly minSharedShingles: number;
}

export const CLAIM_DEFAULTS: ClaimParams = {
  aboutTolerance: 0.1,
  scaleReachesNext: true,
  vagueTolerance: 0.3,
  crossStoryDays: 120,
  minArticles: 2,
  minContextWords: 3,
  shingle: 3,
  minQuoteWords: 5,
  minContainment: 0.5,
  maxPostings: 200,
  stockSample: 50,
  minSharedShingles: 3,
};
