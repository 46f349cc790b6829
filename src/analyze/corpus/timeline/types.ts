import type { StoredFinding } from '../../../domain/finding.js';
import type { SourceRef } from '../../../domain/corpus.js';
import type { DateValue } from './values.js';

/** One article as the timeline reads it: its text and its stored findings (date findings, and entity findings for names). */
export interface TimelineArticleInput {
  readonly id: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly text: string;
  readonly findings: readonly StoredFinding[];
}

/** Which story an article belongs to (null when it is in none). */
export interface TimelineContext {
  storyOf(articleId: string): string | null;
}

export interface TimelineParams {
  /** Cosine (TF-IDF over event terms) from which two mentions with compatible dates are one event. */
  readonly mergeSimilarity: number;
  /** Cosine needed to merge a year-less value ('XXXX-06-20') with another mention. */
  readonly yearlessSimilarity: number;
  /** Shared terms needed to merge: when the two values are equal at month precision or finer... */
  readonly minSharedSameValue: number;
  /** ...and otherwise (a year containing a day, a year-less day, equal years). */
  readonly minShared: number;
  /** Cosine from which two mentions with incompatible dates are the same event given two dates (a conflict). */
  readonly conflictSimilarity: number;
  readonly conflictMinShared: number;
  /** Candidate pairs are looked for among mentions starting within this many years of each other. */
  readonly yearWindow: number;
  /** Terms in more mentions than this are not used to find candidates (they still count in the similarity). */
  readonly maxTermMentions: number;
  /** Each mention looks up candidates through this many of its rarest terms. */
  readonly probeTerms: number;
  /**
   * Postings one probe reads at most (nearest in year first): bounds the candidates per mention, so the cost
   * grows linearly with the corpus. Binds only on large corpora (a rare term in more than this many mentions
   * within the year window).
   */
  readonly maxProbeReads: number;
  /** Words in an event description. */
  readonly eventWords: number;
}

/** One dated mention of one article: where it is, its value, and the words of the event it dates. */
export interface Mention {
  /** `<articleId>@<start>`: unique and canonical. */
  readonly key: string;
  readonly articleId: string;
  /** Index of its sentence in the article: two mentions of one sentence are never one entry. */
  readonly sentence: number;
  readonly date: DateValue;
  /** Its TimeML mod ('APPROX', 'BEFORE'...): a qualified value never makes a conflict. */
  readonly mod: string | null;
  /** Content terms of the event (stemmed words, 'e:'-prefixed entity names) with counts. */
  readonly terms: ReadonlyMap<string, number>;
  readonly event: string;
  readonly source: SourceRef;
  readonly sentenceText: string;
}
