import type { StoryFeatures } from './features.js';

/** Shared passages between two articles, as the reuse stage reports them (word count of the aligned passages). */
export interface ReusePair {
  readonly a: string;
  readonly b: string;
  readonly words: number;
}

/** The parts of the score with which an article joined its story. */
export interface ScoreParts {
  readonly text: number;
  readonly actors: number | null;
  readonly dates: number;
  readonly passages: number;
  /** Shared specific figures (features.ts, figureKey), each by its specificity (IDF relative to a unique figure), at `figuresFull`: 0-1. */
  readonly figures: number;
  /** Both state years outright and none is shared (then the score is multiplied by `yearMismatch`). */
  readonly yearsDisjoint: boolean;
  /** Publish-date gap to the story in days, null when either side is undated. */
  readonly gapDays: number | null;
}

/** How an article joined: its score against the story profile, and against the most similar member. */
export interface JoinParts extends ScoreParts {
  /** The member most similar to the article, and the pair score (same formula, article against article). */
  readonly nearest: string | null;
  readonly nearestScore: number;
}

/** One article's place: a plain row (JSON-able) for the store. */
export interface StoryMemberRow {
  readonly article: string;
  /** The story id: the id of the story's first article in canonical order. */
  readonly story: string;
  /** Score with which it joined; null for the article that founded the story. */
  readonly score: number | null;
  readonly parts: JoinParts | null;
  readonly features: StoryFeatures;
}

export interface StoryRow {
  readonly id: string;
  readonly articles: readonly string[];
  readonly language: string | null;
  /** First and last publish day of its dated members ('YYYY-MM-DD'), null when none is dated. */
  readonly first: string | null;
  readonly last: string | null;
}

/** An article with its features turned into vocabulary ids (compact: 100,000 articles fit in memory). */
export interface Compact {
  readonly id: string;
  readonly language: string | null;
  readonly day: number | null;
  readonly termIds: Int32Array;
  readonly termCounts: Float32Array;
  readonly actorIds: Int32Array;
  readonly actorCounts: Float32Array;
  readonly dates: readonly string[];
  readonly years: readonly string[];
  readonly figureIds: Int32Array;
}

export interface Placed {
  readonly c: Compact;
  story: number;
  score: number | null;
  parts: JoinParts | null;
  /** Salient terms at join time: vocabulary ids and their log term frequency. */
  top: Int32Array;
  topTf: Float32Array;
  /** The best story it did not join (first-pass number, -1 for none) and its score: a merge candidate (refine.ts). */
  alt: number;
  altScore: number;
}

export interface Story {
  readonly n: number;
  readonly founder: string;
  readonly language: string | null;
  readonly members: number[];
  first: number | null;
  last: number | null;
  readonly terms: Map<number, number>;
  readonly actors: Map<number, number>;
  readonly dates: Map<string, number>;
  readonly monthDays: Map<string, number>;
  readonly years: Map<string, number>;
  readonly figures: Map<number, number>;
  readonly indexed: Set<number>;
  /** Cached profile norms under the IDF of a corpus of `normN` articles; dropped when the story changes. */
  termNorm: number;
  actorNorm: number;
  normN: number;
}
