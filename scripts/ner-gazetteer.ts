/**
 * A name gazetteer for the NER model, taken from compromise's English lexicon (MIT, a dev dependency):
 * first names, surnames, cities, countries, regions, places, organisations, sports teams, demonyms,
 * honorifics, months and weekdays. General English knowledge, nothing about any story. The training
 * script stores the result inside the model file, so the runtime does not depend on compromise.
 */
import nlp from 'compromise';
import { GAZETTEER_CLASSES } from '../src/analyze/entities/features.js';

const TAGS: Record<string, string> = {
  MaleName: 'first', FemaleName: 'first', FirstName: 'first', LastName: 'last', Person: 'person', City: 'city',
  Country: 'country', Region: 'region', Place: 'place', Organization: 'org', SportsTeam: 'team', Company: 'org',
  Demonym: 'demonym', Honorific: 'honorific', Month: 'time', WeekDay: 'time',
};

export function buildGazetteer(): Record<string, number> {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const out: Record<string, number> = {};
  for (const [phrase, tags] of Object.entries(lexicon)) {
    for (const tag of ([] as string[]).concat(tags)) {
      const cls = TAGS[tag];
      if (!cls) continue;
      const bit = (GAZETTEER_CLASSES as readonly string[]).indexOf(cls);
      if (bit >= 0) out[phrase.toLowerCase()] = (out[phrase.toLowerCase()] ?? 0) | (1 << bit);
    }
  }
  return out;
}
