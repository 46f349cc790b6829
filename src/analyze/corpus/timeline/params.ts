import type { TimelineParams } from './types.js';

/*
 * Defaults set on hand-made cases and the seed corpus (no labelled timeline split exists yet). Similarity is
 * the cosine of TF-IDF vectors of event terms, IDF over all mentions of the corpus, so that the story's
 * ever-present names weigh little and the words of one event ("severed", "ties", "raided") weigh much.
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
  eventWords: 12,
};
