import type { TimelineParams } from './types.js';

/*
 * Similarity is the cosine of TF-IDF vectors of event terms, IDF over all mentions of the corpus, so that a
 * story's ever-present names weigh little and the words of one event ("severed", "ties", "raided") weigh much.
 * Thresholds chosen on ECB+ tuning topics 1-35 (cross-document event chains as gold; grid over
 * mergeSimilarity 0.1-0.4, minShared 1-2, yearlessSimilarity 0.2-0.5): 0.2 keeps pairwise precision near 0.88
 * where 0.15 gains 2 points of recall for 1 of precision; a year-less day asks for 0.35 (fewer entries spanning
 * two stories). The conflict thresholds are set high by hand: a false conflict misleads more than a missed one.
 */
export const TIMELINE_DEFAULTS: TimelineParams = {
  mergeSimilarity: 0.2,
  yearlessSimilarity: 0.35,
  minSharedSameValue: 1,
  minShared: 2,
  conflictSimilarity: 0.55,
  conflictMinShared: 3,
  yearWindow: 5,
  maxTermMentions: 200,
  probeTerms: 6,
  maxProbeReads: 60,
  eventWords: 12,
};
