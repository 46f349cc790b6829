import type { EntityType } from './findings.js';
import type { Span } from './span.js';

/*
 * What the cross-article stages report (aliases, reuse, stories, claims, timeline). Every item is built from
 * pointers into articles (`SourceRef`): nothing here is a finding of its own without the characters that
 * support it. Items are plain JSON: the store keeps them as rows of `corpus_items` with their article links.
 */

/** A pointer to characters of one article, with what a reader needs to place it without loading the article. */
export interface SourceRef {
  readonly articleId: string;
  readonly outlet: string | null;
  /** The article's publish value at its precision ('2022-09-07T21:25', '2022-09'), null when undated. */
  readonly published: string | null;
  readonly span: Span;
  /** `article.text.slice(span.start, span.end)`. */
  readonly text: string;
  /** The stored finding it comes from (`<articleId>:<stage>:<n>`), when it comes from one. */
  readonly findingId: string | null;
  /** The rule that produced the finding (or the cross-article rule, e.g. 'reuse/align'). */
  readonly rule: string;
}

/* ------------------------------------------------------------------ aliases -> actors */

/** A name and its entity type: what user decisions refer to (actor ids may change when evidence changes). */
export interface NameKey {
  readonly name: string;
  readonly type: EntityType;
}

export type MergeEvidenceKind =
  | 'same-name' // identical after normalisation (case, punctuation, diacritics, "the", possessive)
  | 'acronym' // an article defines it ("Foo Bar Organization (FBO)") or its letters spell the long form
  | 'known-as' // "X, known as Y" / "also called"
  | 'short-form' // an article links the short form to the full name (surname after full name)
  | 'spelling-variant' // small edit distance on normalised forms, transliteration patterns (u/o, e/i, -e- particles)
  | 'shared-context' // names co-occur with the same actors, labels and terms across articles
  | 'user'; // an analyst's decision

export interface MergeEvidence {
  readonly kind: MergeEvidenceKind;
  /** The two names this piece of evidence links. */
  readonly names: readonly [string, string];
  /** In words, for the UI and the report ("'QLM' is defined as the acronym of 'Foo Bar Organization' in 2 articles"). */
  readonly detail: string;
  /** Where the text supports it (the acronym definition, the "known as"), when it is in a text. */
  readonly sources: readonly SourceRef[];
  /** Strength of this piece of evidence in [0, 1]. */
  readonly score: number;
}

export interface ActorName {
  readonly name: string;
  readonly mentions: number;
  readonly articles: number;
}

export interface Actor {
  /** Stable while its canonical name and type do not change: 'actor:org:foo-bar-organization'. */
  readonly id: string;
  /** Display name: the most used full form. */
  readonly name: string;
  readonly type: EntityType;
  /** Every name it goes by, most mentioned first. */
  readonly names: readonly ActorName[];
  /** Why the names were merged; empty for an actor with one name. */
  readonly evidence: readonly MergeEvidence[];
  /** Confidence of the weakest merge in [0, 1]; 1 for one name or user-confirmed merges. */
  readonly confidence: number;
  readonly mentions: number;
  /**
   * Articles that mention it, with mention counts. As stored: the ones that mention it most (at most
   * ACTOR_ARTICLES_KEPT, most mentions first); `articleCount` says how many there are in all.
   */
  readonly articles: readonly { readonly articleId: string; readonly mentions: number }[];
  /** How many articles mention it (set when stored; may exceed `articles.length`). */
  readonly articleCount?: number;
  /** True when an analyst's decision shaped it (merge, split or confirm). */
  readonly decided: boolean;
}

/**
 * An analyst's decision about names, stored apart from the analysis so that it survives re-analysis:
 * 'merge' and 'confirm' keep two names in one actor, 'split' keeps them apart.
 */
export interface AliasDecision {
  readonly id: number;
  readonly action: 'merge' | 'split' | 'confirm';
  readonly a: NameKey;
  readonly b: NameKey;
  readonly at: string;
  readonly note: string | null;
}

/* ------------------------------------------------------------------ claims */

export interface QuantityClaim {
  readonly source: SourceRef;
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly approximator: string | null;
  readonly vague: boolean;
  readonly unit: string | null;
  /** Lemma of what is counted ('member'), and the actor it belongs to, when known. */
  readonly counted: string | null;
  readonly owner: string | null;
  readonly ownerActor: string | null;
  /** Who the article says made the claim, when it sits inside a statement; null in the article's own voice. */
  readonly speaker: string | null;
  /** The sentence around it, for reading the claim in context. */
  readonly sentence: string;
}

export interface ClaimGroup {
  readonly id: string;
  /** The story it belongs to when all its claims are from one story; null for corpus-wide groups. */
  readonly story: string | null;
  /** What is measured, in words ('members of Foo Bar Organization'). */
  readonly measure: string;
  readonly counted: string | null;
  readonly ownerActor: string | null;
  readonly unit: string | null;
  readonly claims: readonly QuantityClaim[];
  /** True when the ranges the claims allow (approximators applied) have no value in common. */
  readonly conflict: boolean;
  /** Smallest and largest stated values (or range bounds). */
  readonly spread: { readonly low: number | null; readonly high: number | null };
  /** Why these claims were grouped, and why (not) in conflict. */
  readonly why: string;
}

export interface QuotedStatement {
  readonly source: SourceRef;
  readonly mode: 'direct' | 'indirect' | 'mixed';
  readonly speaker: string | null;
  readonly speakerActor: string | null;
  /** The reporting verb phrase ('told reporters', 'according to'), when the statement has one. */
  readonly cue?: string | null;
  readonly content: string;
}

/** One statement reported by several articles: with different wording, or attributed to different speakers. */
export interface QuoteGroup {
  readonly id: string;
  readonly story: string | null;
  readonly statements: readonly QuotedStatement[];
  /** Word-level similarity of the least similar pair of contents, in [0, 1]. */
  readonly similarity: number;
  readonly wordingDiffers: boolean;
  readonly speakersDiffer: boolean;
}

/* ------------------------------------------------------------------ timeline */

export interface TimelineSource {
  readonly source: SourceRef;
  /** The date value this article gives (TimeML), and the sentence that carries it. */
  readonly value: string;
  readonly sentence: string;
}

export interface TimelineEntry {
  readonly id: string;
  readonly story: string | null;
  /** The value the sources agree on (the most specific common one), TimeML ('2022-09-07', '2018-07', '2016'). */
  readonly date: string;
  /** Sortable start and end days of the value ('2018-07' -> 2018-07-01 .. 2018-07-31). */
  readonly start: string;
  readonly end: string;
  /** A short description of what happened, from the sources' own words. */
  readonly event: string;
  readonly sources: readonly TimelineSource[];
  /** True when sources give different, incompatible dates for the same event. */
  readonly conflict: boolean;
  readonly dates: readonly string[];
}

/* ------------------------------------------------------------------ stories and labels (read models) */

/** A story as lists show it. The explanation (why its articles belong together) is fetched with the story. */
export interface StorySummary {
  readonly id: string;
  /** The title of its earliest article (or first in canonical order), for lists. */
  readonly title: string | null;
  readonly articles: readonly string[];
  readonly outlets: readonly (string | null)[];
  readonly language: string | null;
  /** First and last publish day of its dated articles. */
  readonly first: string | null;
  readonly last: string | null;
  /** Its most salient shared terms. */
  readonly terms: readonly string[];
  /** Counts that lists show: conflicting claim groups, copied passages, timeline entries. */
  readonly conflicts: number;
  readonly reuse: number;
  readonly timeline: number;
}

/** One label an outlet gives an actor: a row of the outlet x actor x label table. */
export interface LabelRow {
  readonly outlet: string | null;
  readonly actorId: string | null;
  readonly actor: string;
  readonly label: string;
  readonly form: import('./findings.js').LabelForm;
  readonly voice: 'own' | 'quoted';
  readonly quotedSpeaker: string | null;
  readonly source: SourceRef;
}
