import type { EntityType } from '../../../domain/findings.js';
import type { StoryArticleInput } from './features.js';

/**
 * A story input with synthetic findings (tests only): entities as [name, type], dates as TimeML values, figures
 * as [value, unit or counted lemma] (a unit is 'USD', 'EUR' or '%'; anything else is the counted thing).
 */
export function storyInput(
  id: string,
  fields: { title?: string; text: string; published?: string | null; language?: string | null; entities?: [string, EntityType][]; dates?: string[]; figures?: [number, string][] },
): StoryArticleInput {
  return {
    id,
    title: fields.title ?? null,
    text: fields.text,
    published: fields.published ?? null,
    language: fields.language === undefined ? 'en' : fields.language,
    entities: (fields.entities ?? []).map(([name, type]) => ({
      data: { name, type, antecedent: null, via: 'model' as const, titles: [], confidence: 1 },
    })),
    dates: (fields.dates ?? []).map((value) => ({
      data: { type: 'DATE' as const, value, anchor: 'absolute' as const, mod: null, evidence: null, yearUnknown: value.startsWith('XXXX') },
    })),
    quantities: (fields.figures ?? []).map(([value, what]) => {
      const unit = ['USD', 'EUR', '%'].includes(what) ? what : null;
      return {
        data: {
          value,
          low: value,
          high: value,
          approximator: null,
          vague: false,
          unit,
          counted: unit ? null : { span: { start: 0, end: 0 }, text: what, lemma: what },
          owner: null,
        },
      };
    }),
  };
}

/** Unrelated background articles, so that document frequencies mean something in small tests. */
export function background(n: number, day = '2024-03-01'): StoryArticleInput[] {
  const topics = [
    ['orchestra', 'concert', 'violin', 'symphony', 'conductor', 'audience'],
    ['harvest', 'wheat', 'farmers', 'drought', 'irrigation', 'grain'],
    ['museum', 'painting', 'exhibition', 'curator', 'gallery', 'sculpture'],
    ['marathon', 'runners', 'finish', 'record', 'athletes', 'race'],
    ['software', 'update', 'users', 'security', 'patch', 'developers'],
    ['railway', 'trains', 'delays', 'commuters', 'timetable', 'station'],
    ['hospital', 'nurses', 'patients', 'wards', 'doctors', 'shifts'],
    ['election', 'ballots', 'turnout', 'candidates', 'voters', 'polls'],
  ];
  return Array.from({ length: n }, (_, i) => {
    const words = topics[i % topics.length]!;
    const text = `The ${words[0]} drew attention as ${words[1]} and ${words[2]} were discussed. Local ${words[3]} said the ${words[4]} mattered to the ${words[5]} and the city council. Officials said the plan for the region would be reviewed next month.`;
    return storyInput(`bg${String(i).padStart(2, '0')}`, { title: `${words[0]} ${words[1]} news`, text, published: day });
  });
}
