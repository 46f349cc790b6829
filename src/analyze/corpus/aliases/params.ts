/**
 * The knobs of the aliases engine, in one place. Scores are the strength of one kind of evidence in [0, 1];
 * merges happen strongest first, and an actor's confidence is its weakest merge. Raising a score above
 * another changes which merge wins when two pieces of evidence conflict (a cannot-link, or a surname that
 * two full names share); lowering one below `minScore` turns that kind of evidence off.
 */
export interface AliasParams {
  /** Identical after normalisation (case, punctuation, diacritics, leading "the", possessive, hyphen/space). */
  readonly sameName: number;
  /** An organisation's name with and without a trailing legal form ("Foo Corp." / "Foo"). */
  readonly legalForm: number;
  /** An article defines the alias next to the full name: "Foo Bar Organization (FBO)", "known as FBO". */
  readonly defined: number;
  /** An article links a short form to its full name ("Vell" after "Ana Vell"). */
  readonly inArticleShortForm: number;
  /**
   * The acronym's letters spell exactly one long form of the same type in the corpus (particles may be
   * spelled or skipped, a trailing Organization/Party word too). Wrong when two organisations share
   * initials and only one of them is named in full in the corpus.
   */
  readonly acronymSpelled: number;
  /**
   * An acronym nobody defined joins the long form it spells only when the names mentioned around the two
   * overlap at least this much (Jaccard): "KC" in sports articles does not spell a creamery named in
   * another story. 0 turns the check off.
   */
  readonly acronymContextMin: number;
  /** A lone surname and the only person in the corpus whose full name ends with it. */
  readonly surname: number;
  /** Spelling variant identical after transliteration folding (u/o, e/i, doubled letters, kh/k, particles dropped). */
  readonly variantFolded: number;
  /** Score lost per remaining letter edit after folding. */
  readonly variantPerEdit: number;
  /**
   * Letters of folded name per allowed edit: 8 allows 1 edit from 8 letters, 2 from 16. Lower values merge
   * more transliterations and more distinct people ("Ana Vell"/"Ana Bel" is kept apart by the first-letter rule).
   */
  readonly lettersPerEdit: number;
  /** A single-token name takes part in spelling variants only from this many letters ("Iran"/"Iraq" never). */
  readonly minSingleTokenLetters: number;
  /** Single-token names: edits are allowed only from this many letters (below: folded forms must be equal). */
  readonly minSingleTokenEditLetters: number;
  /** Shared context (Jaccard of co-mentioned names) from which it supports a weaker merge. */
  readonly contextMin: number;
  /** Most that shared context adds to a merge's score (it never merges on its own). */
  readonly contextBoost: number;
  /**
   * A name used alone whose candidates are several actors (a surname two people share, an acronym two
   * organisations are given) joins the one that articles link it to in at least this share of the uses
   * (candidate weight = defining articles + 1). 1 turns this off: such names then stay apart.
   */
  readonly dominance: number;
  /** ...and only when that candidate's weight is at least this. */
  readonly minDominantWeight: number;
  /** Score of such a merge (it is the weakest kind). */
  readonly dominantScore: number;
  /** Evidence weaker than this merges nothing. */
  readonly minScore: number;
  /** Articles sampled per name when computing shared context (keeps it linear on very frequent names). */
  readonly contextSample: number;
  /** Most evidence items listed per actor (merges of its spanning tree first). */
  readonly maxEvidence: number;
}

export const ALIAS_DEFAULTS: AliasParams = {
  sameName: 0.98,
  legalForm: 0.92,
  defined: 0.95,
  inArticleShortForm: 0.9,
  acronymSpelled: 0.8,
  acronymContextMin: 0.05,
  surname: 0.75,
  variantFolded: 0.85,
  variantPerEdit: 0.1,
  lettersPerEdit: 8,
  minSingleTokenLetters: 6,
  minSingleTokenEditLetters: 10,
  contextMin: 0.2,
  contextBoost: 0.1,
  dominance: 0.9,
  minDominantWeight: 4,
  dominantScore: 0.6,
  minScore: 0.5,
  contextSample: 50,
  maxEvidence: 40,
};
