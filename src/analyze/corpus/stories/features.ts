import type { DateFinding, EntityFinding } from '../../../domain/findings.js';
import type { StoryConfig } from './config.js';
import { contentTerms } from './terms.js';

/** What story clustering needs of one article: what `analyzeArticle` produces, plus the article's own fields. */
export interface StoryArticleInput {
  readonly id: string;
  readonly title: string | null;
  readonly text: string;
  /** ISO publish value ('2022-09-07T21:25', '2022-09-07', '2022-09') or null. */
  readonly published: string | null;
  readonly language: string | null;
  readonly entities: readonly Pick<EntityFinding, 'data'>[];
  readonly dates: readonly Pick<DateFinding, 'data'>[];
}

/**
 * The corpus-independent features of one article: computed once from its text and findings, JSON-able, and
 * enough to replay the clustering without the text (what the store keeps for stories).
 */
export interface StoryFeatures {
  readonly id: string;
  readonly language: string | null;
  /** Days since 1970-01-01 of the publish date (day precision or finer; month precision: the 15th), or null. */
  readonly day: number | null;
  /** Content-word counts, title boosted, capped at `maxRawTerms` (highest counts, then earliest). */
  readonly terms: readonly (readonly [string, number])[];
  /** Entity names, normalised key -> [display name, mentions]. PER surnames are added as keys of their own. */
  readonly actors: readonly (readonly [string, string, number])[];
  /** Specific days mentioned: 'YYYY-MM-DD', or 'XXXX-MM-DD' when the year is unknown. */
  readonly dates: readonly string[];
  /** Years the text states outright ('in 2008', 'March 3, 2013'): events of different years are different events. */
  readonly years: readonly string[];
}

export function dayNumber(iso: string | null): number | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 15);
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : null;
}

export function actorKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’]s$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function storyFeatures(a: StoryArticleInput, config: StoryConfig): StoryFeatures {
  const english = a.language === null || a.language === 'en';
  const counts = new Map<string, number>();
  if (a.title) contentTerms(a.title, english, counts, config.titleBoost, config.bigrams);
  contentTerms(a.text, english, counts, 1, config.bigrams);
  const order = new Map([...counts.keys()].map((k, i) => [k, i]));
  const terms = [...counts]
    .sort((x, y) => y[1] - x[1] || order.get(x[0])! - order.get(y[0])!)
    .slice(0, config.maxRawTerms);

  const actors = new Map<string, [string, number]>();
  const addActor = (key: string, display: string) => {
    if (key.length < 2) return;
    const cur = actors.get(key);
    if (cur) cur[1]++;
    else actors.set(key, [display, 1]);
  };
  for (const e of a.entities) {
    const key = actorKey(e.data.name);
    addActor(key, e.data.name);
    const parts = key.split(' ');
    if (e.data.type === 'PER' && parts.length > 1) addActor(parts[parts.length - 1]!, parts[parts.length - 1]!);
  }

  const dates = new Set<string>();
  const years = new Set<string>();
  for (const d of a.dates) {
    const m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})/.exec(d.data.value);
    if (m && d.data.type === 'DATE') dates.add(`${m[1]}-${m[2]}-${m[3]}`);
    const y = /^(\d{4})/.exec(d.data.value);
    if (y && d.data.type === 'DATE' && d.data.anchor === 'absolute') years.add(y[1]!);
  }
  return {
    id: a.id,
    language: a.language,
    day: dayNumber(a.published),
    terms,
    actors: [...actors].map(([k, [display, n]]) => [k, display, n] as const).sort((x, y) => (x[0] < y[0] ? -1 : 1)),
    dates: [...dates].sort(),
    years: [...years].sort(),
  };
}

/** The canonical processing order: publish day (undated last), then id. Clustering follows it, whatever the input order. */
export function compareFeatures(a: Pick<StoryFeatures, 'day' | 'id'>, b: Pick<StoryFeatures, 'day' | 'id'>): number {
  const da = a.day ?? Number.MAX_SAFE_INTEGER;
  const db = b.day ?? Number.MAX_SAFE_INTEGER;
  return da - db || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
