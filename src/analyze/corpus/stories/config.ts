/**
 * Every weight and threshold of story clustering, in one place. A story is a cluster of articles about one
 * event. An article is scored against each candidate story:
 *
 *   score = (text * cos(terms) + actors * cos(actors)) / (text + actors)   (actors left out when neither side has any)
 *         + dates * dateOverlap + passages * reuse + figures * sharedFigures   (bonuses)
 *   score *= yearMismatch                        (when both state years outright and share none)
 *   score *= exp(-gapDays / timeDecayDays)      (only when both sides have publish dates)
 *
 * and joins the best story when the score reaches `threshold`; otherwise it starts a new story. When stories
 * are read, the merge pass (refine.ts) attaches small stories to a larger one and merges stories by average
 * linkage (the same formula, article against article).
 * Tuned on ECB+ topics 1-35 and BASIL 2010-2016 only (`npm run eval:stories -- --tune` prints the grid;
 * the defaults maximise the mean of the two B-cubed F1 scores there).
 */
export interface StoryConfig {
  /** Relative weight of the TF-IDF cosine between the article's salient terms and the story's term profile. */
  readonly textWeight: number;
  /** Relative weight of the IDF-weighted cosine between entity names (people, organisations, places). */
  readonly actorWeight: number;
  /** Bonus for shared specific days mentioned in the text (year-less days match any year), at `datesFull` shared days. */
  readonly dateWeight: number;
  /**
   * Bonus for shared passages (the optional reuse signal), at `reuseFullWords` shared words. Kept small: outlets
   * copy background paragraphs ("the group spent many years in Iraq...") into articles about other events.
   */
  readonly passageWeight: number;
  /**
   * Bonus for shared specific figures ('more than 2,000 members', '$20 million'; features.ts, figureKey), at
   * `figuresFull` shared figures, each counted by its specificity: (IDF / IDF of a figure one article states)^2.
   * Tuning splits, mean B3 F1 (ECB+, BASIL): 0.957 without figures; 0.959 at 0.15 / 1 full; 0.960 at 0.2 / 1
   * (within noise, ECB+ 0.916 -> 0.920-0.924, BASIL unchanged). 0.15 keeps the seeds' cannot_link pairs apart
   * (at 0.2 a background figure repeated by three of five articles attaches 002 to 003+004).
   */
  readonly figureWeight: number;
  readonly figuresFull: number;
  /** Factor on the score when article and story both state years outright and share none (different events of one kind). */
  readonly yearMismatch: number;
  /**
   * Share of the final score that comes from the most similar member (the same formula, article against
   * article) rather than the story profile: 0 = centroid only; higher keeps the details (names, numbers)
   * that a profile averages away. With the merge pass it no longer helps: 0 gave the best mean B3 F1 of the
   * tuning splits (0.940 vs 0.938 at 0.3 and 0.5, before the attach step), and 0 spares an article-level index.
   */
  readonly nearestWeight: number;
  /**
   * Merge pass (refine.ts): two stories merge when the mean pair score over their members reaches this
   * (Infinity: no merging). Tuning splits, mean B3 F1 of ECB+ and BASIL: 0.917 without the merge pass,
   * 0.940 with it (join threshold raised from 0.18), 0.957 with the attach step as well.
   */
  readonly mergeThreshold: number;
  /**
   * Attach step of the merge pass: a first-pass story of at most `attachMaxSize` articles joins the larger
   * candidate story whose final profile its members score best against (mean), when that reaches this
   * (Infinity: no attaching). Shared passages do not count here (see refine.ts, profileScore).
   */
  readonly attachThreshold: number;
  readonly attachMaxSize: number;
  /** A story an article did not join is a merge candidate when the article scored at least this against it. */
  readonly mergeFloor: number;
  /** Members of each story read for the mean pair score (evenly spread in canonical order). */
  readonly mergeSample: number;
  /** Minimum score to join a story. Lower: fewer, bigger stories (recall); higher: purer stories (precision). */
  readonly threshold: number;
  /** Shared-passage words that count as full passage evidence (reuse similarity 1). */
  readonly reuseFullWords: number;
  /** Number of shared mentioned days that count as full date evidence. */
  readonly datesFull: number;
  /** Articles published more than this many days from every member of a story are never compared with it. */
  readonly windowDays: number;
  /** Decay of the score with the publish-date gap (days): exp(-gap / timeDecayDays). */
  readonly timeDecayDays: number;
  /** Salient terms kept per article (highest TF-IDF when it is added): its vector and its index keys. */
  readonly termsPerArticle: number;
  /** Terms kept in a story's profile (summed member weights; the lightest are pruned). */
  readonly termsPerStory: number;
  /** Raw term counts kept per article in its features (highest counts, then earliest): bounds memory. */
  readonly maxRawTerms: number;
  /**
   * Also count adjacent content-word pairs (not across punctuation or stop words) as terms. Off: on the tuning
   * splits it lowered B3 F1 (ECB+ 0.871 -> 0.853 at the best threshold for each).
   */
  readonly bigrams: boolean;
  /** Title words count this many times (titles name the event). */
  readonly titleBoost: number;
  /** How many of the article's salient terms and actors are looked up in the inverted index. */
  readonly lookupKeys: number;
  /** Most recent stories read from one posting list (keeps very common keys from costing linear time). */
  readonly postingScan: number;
  /** Candidate stories fully scored per article (those sharing the most keys). */
  readonly maxCandidates: number;
  /**
   * Language guard: an article whose language differs from a story's (both known) is compared with it only when
   * they share this many passage words (reuse signal); it then scores at least its passage similarity.
   */
  readonly crossLanguageReuseWords: number;
}

export const STORY_DEFAULTS: StoryConfig = {
  textWeight: 0.6,
  actorWeight: 0.5,
  dateWeight: 0.2,
  passageWeight: 0.1,
  figureWeight: 0.15,
  figuresFull: 1,
  yearMismatch: 0.5,
  nearestWeight: 0,
  threshold: 0.24,
  mergeThreshold: 0.18,
  mergeFloor: 0.05,
  attachThreshold: 0.14,
  attachMaxSize: 2,
  mergeSample: 6,
  reuseFullWords: 40,
  datesFull: 2,
  windowDays: 30,
  timeDecayDays: 30,
  termsPerArticle: 25,
  termsPerStory: 300,
  maxRawTerms: 250,
  bigrams: false,
  titleBoost: 2,
  lookupKeys: 15,
  postingScan: 200,
  maxCandidates: 30,
  crossLanguageReuseWords: 60,
};
