import type { ArticleSummary } from '../domain/article.js';
import type { Actor, ClaimGroup, LabelRow, QuoteGroup, QuotedStatement, StorySummary, TimelineEntry } from '../domain/corpus.js';
import type { EntityType } from '../domain/findings.js';
import type { ReusePair } from '../analyze/corpus/reuse/types.js';
import type { StoryExplanation } from '../analyze/corpus/stories/explain.js';
import type { CorpusItemKind, Page, Store } from '../store/store.js';
import type { StoryItem } from './run.js';

/*
 * Read models over the stored corpus items: what the CLI, the API and the report show. Each reads a bounded
 * number of rows (one story's items, one actor's items, a page of a list): no view loads the whole corpus.
 */

/** Items of one story or one actor are bounded by this; the lists say when they were cut. */
const ITEM_CAP = 500;
/** An actor view reads at most this many statements, labels and stories (the most-mentioning articles come first). */
const ACTOR_ITEM_CAP = 200;

export interface StoryBoard {
  readonly story: StorySummary;
  readonly explanation: StoryExplanation | null;
  readonly articles: readonly ArticleSummary[];
  readonly statements: readonly QuotedStatement[];
  readonly claims: readonly ClaimGroup[];
  readonly quotes: readonly QuoteGroup[];
  readonly reuse: readonly ReusePair[];
  readonly timeline: readonly TimelineEntry[];
  readonly labels: readonly LabelRow[];
}

export interface ActorView {
  readonly actor: Actor;
  /** Mentions per outlet and publish month ('undated' for articles without a date). */
  readonly mentions: readonly { readonly outlet: string | null; readonly bucket: string; readonly mentions: number }[];
  readonly statementsBy: readonly QuotedStatement[];
  readonly statementsAbout: readonly QuotedStatement[];
  readonly labels: readonly LabelRow[];
  readonly stories: readonly StorySummary[];
}

export interface PageQuery {
  readonly limit?: number;
  readonly offset?: number;
}

async function dataOf<T>(store: Store, kind: CorpusItemKind, query: Parameters<Store['listCorpusItems']>[1]): Promise<Page<T>> {
  const page = await store.listCorpusItems(kind, query);
  return { ...page, items: page.items.map((i) => i.data as T) };
}

export async function listStories(store: Store, query: PageQuery = {}): Promise<Page<StorySummary>> {
  const page = await dataOf<StoryItem>(store, 'story', query);
  return { ...page, items: page.items.map((s) => s.summary) };
}

export async function storyBoard(store: Store, id: string): Promise<StoryBoard | null> {
  const item = await store.getCorpusItem('story', id);
  if (!item) return null;
  const { summary, explanation } = item.data as StoryItem;
  const one = { story: id, limit: ITEM_CAP };
  // Groups and passages that involve any article of the story, also those that reach into other stories.
  const involving = { refs: summary.articles.slice(0, ITEM_CAP), limit: ITEM_CAP };
  const [statements, claims, quotes, reuse, timeline, labels, articles] = await Promise.all([
    dataOf<QuotedStatement>(store, 'statement', one),
    dataOf<ClaimGroup>(store, 'claim', involving),
    dataOf<QuoteGroup>(store, 'quote', involving),
    dataOf<ReusePair>(store, 'reuse', involving),
    dataOf<TimelineEntry>(store, 'timeline', involving),
    dataOf<LabelRow>(store, 'label', one),
    summariesOf(store, summary.articles.slice(0, ITEM_CAP)),
  ]);
  const summaries = [...articles].sort((x, y) => (x.published?.value ?? '\uffff').localeCompare(y.published?.value ?? '\uffff') || (x.outlet ?? '').localeCompare(y.outlet ?? ''));
  return {
    story: summary,
    explanation,
    articles: summaries,
    statements: statements.items,
    claims: claims.items,
    quotes: quotes.items,
    reuse: reuse.items,
    timeline: timeline.items,
    labels: labels.items,
  };
}

export function listActors(store: Store, query: PageQuery & { q?: string; type?: EntityType } = {}): Promise<Page<Actor>> {
  // Actor items refer to 'type:<TYPE>' besides their articles (see run.ts).
  return dataOf<Actor>(store, 'actor', { limit: query.limit, offset: query.offset, text: query.q || undefined, ref: query.type ? `type:${query.type}` : undefined });
}

export async function actorView(store: Store, id: string): Promise<ActorView | null> {
  const item = await store.getCorpusItem('actor', id);
  if (!item) return null;
  const actor = item.data as Actor;
  const about = { ref: id, limit: ACTOR_ITEM_CAP };
  const first = actor.articles.slice(0, ACTOR_ITEM_CAP);
  const [statements, labels, storyPage, articles] = await Promise.all([
    dataOf<QuotedStatement>(store, 'statement', about),
    dataOf<LabelRow>(store, 'label', about),
    first.length ? store.listCorpusItems('story', { refs: first.map((a) => a.articleId), limit: ACTOR_ITEM_CAP }) : null,
    summariesOf(store, first.map((a) => a.articleId)),
  ]);
  const summaryOf = new Map(articles.map((a) => [a.id, a]));
  const counts = new Map<string, { outlet: string | null; bucket: string; mentions: number }>();
  for (const a of first) {
    const article = summaryOf.get(a.articleId);
    if (!article) continue;
    const bucket = article.published?.value.slice(0, 7) ?? 'undated';
    const key = `${article.outlet ?? ''}\u0000${bucket}`;
    const c = counts.get(key) ?? { outlet: article.outlet, bucket, mentions: 0 };
    c.mentions += a.mentions;
    counts.set(key, c);
  }
  // The story of each article (the first by rank when several), in the order of the actor's articles.
  const storyOf = new Map<string, StorySummary>();
  for (const item of storyPage?.items ?? []) {
    const s = (item.data as StoryItem).summary;
    for (const a of s.articles) if (!storyOf.has(a)) storyOf.set(a, s);
  }
  const stories = new Map<string, StorySummary>();
  for (const a of first) {
    const s = storyOf.get(a.articleId);
    if (s && !stories.has(s.id)) stories.set(s.id, s);
  }
  return {
    actor,
    mentions: [...counts.values()].sort((x, y) => x.bucket.localeCompare(y.bucket) || (x.outlet ?? '').localeCompare(y.outlet ?? '')),
    statementsBy: statements.items.filter((s) => s.speakerActor === id),
    statementsAbout: statements.items.filter((s) => s.speakerActor !== id),
    labels: labels.items,
    stories: [...stories.values()],
  };
}

/** Summaries of these articles in the order given (one read when the store can, else one per article). */
async function summariesOf(store: Store, ids: readonly string[]): Promise<ArticleSummary[]> {
  if (store.getArticleSummaries) return store.getArticleSummaries(ids);
  const articles = await Promise.all(ids.map((id) => store.getArticle(id)));
  return articles
    .filter((a) => a !== null)
    .map((a) => ({ id: a.id, source: a.source, format: a.format, url: a.url, outlet: a.outlet, title: a.title, published: a.published, language: a.language, chars: a.text.length }));
}

export function listClaims(store: Store, query: PageQuery & { story?: string; conflicts?: boolean } = {}): Promise<Page<ClaimGroup>> {
  // Conflicting groups rank first (rank < 0), so "conflicts only" is a prefix of the list.
  return dataOf<ClaimGroup>(store, 'claim', { story: query.story, limit: query.limit, offset: query.offset, text: query.conflicts ? '"conflict":true' : undefined });
}

export function listTimeline(store: Store, query: PageQuery & { story?: string } = {}): Promise<Page<TimelineEntry>> {
  return dataOf<TimelineEntry>(store, 'timeline', query);
}

export function listReuse(store: Store, query: PageQuery & { story?: string; article?: string } = {}): Promise<Page<ReusePair>> {
  return dataOf<ReusePair>(store, 'reuse', { story: query.story, ref: query.article, limit: query.limit, offset: query.offset });
}

export function listQuotes(store: Store, query: PageQuery & { story?: string } = {}): Promise<Page<QuoteGroup>> {
  return dataOf<QuoteGroup>(store, 'quote', query);
}
