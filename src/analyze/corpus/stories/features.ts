import type { DateFinding, EntityFinding, QuantityData, QuantityFinding } from '../../../domain/findings.js';
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
  /** The quantities stage's findings (optional: without them no figure is compared). */
  readonly quantities?: readonly Pick<QuantityFinding, 'data'>[];
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
  /**
   * Specific figures the text states ('member:2000', 'USD:20000000', see `figureKey`): two reports of one event
   * repeat its figures. Optional: rows stored before figures were kept have none.
   */
  readonly figures?: readonly string[];
}

/** Counts below this are too common to tell events apart ('two diplomats', 'one person'). */
const MIN_COUNT = 20;

/**
 * The key of a stated figure, or null when it is too vague or too common to be evidence: what is measured (the
 * unit, else the counted thing's lemma) and the value. A bare number (neither unit nor counted thing), a vague
 * quantity ('thousands of') and a count below MIN_COUNT are left out (a year is never a counted quantity). The
 * approximator is not part of the key: outlets round one figure differently ('more than 2,000', 'over 2,000').
 */
export function figureKey(d: QuantityData): string | null {
  if (d.vague || d.value === null || !Number.isFinite(d.value) || d.value <= 0) return null;
  const what = d.unit ?? d.counted?.lemma.toLowerCase() ?? null;
  if (!what) return null;
  if (d.unit === null && d.value < MIN_COUNT) return null;
  return `${what}:${d.value}`;
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
    figures: [...new Set((a.quantities ?? []).map((q) => figureKey(q.data)).filter((k): k is string => k !== null))].sort(),
  };
}

/** The canonical processing order: publish day (undated last), then id. Clustering follows it, whatever the input order. */
export function compareFeatures(a: Pick<StoryFeatures, 'day' | 'id'>, b: Pick<StoryFeatures, 'day' | 'id'>): number {
  const da = a.day ?? Number.MAX_SAFE_INTEGER;
  const db = b.day ?? Number.MAX_SAFE_INTEGER;
  return da - db || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
