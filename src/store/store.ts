import type { Article, ArticleFormat, ArticleSummary } from '../domain/article.js';
import type { StoredFinding } from '../domain/finding.js';
import type { AliasDecision } from '../domain/corpus.js';
import type { StageResult } from '../domain/stage.js';

/**
 * Where articles and findings live. One interface, one contract suite (store.contract.ts) that every
 * implementation passes: SQLite (sqlite.ts) today, PostgreSQL next. Async so that a networked store fits.
 * All writes are atomic per call: a crash never leaves half an article or half a stage's findings.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where it lives, for messages ('./triangulate.db'). */
  readonly location: string;

  /** Insert an article; 'duplicate' when its id is already stored (the source is then recorded as another place it was seen). */
  putArticle(article: Article): Promise<'new' | 'duplicate'>;
  /**
   * Several articles in one transaction (ingest batches them: one commit per article would dominate its time).
   * All or none are stored; each article is whole. Statuses in input order; a repeat within the batch is a duplicate.
   */
  putArticles(articles: readonly Article[]): Promise<('new' | 'duplicate')[]>;
  getArticle(id: string): Promise<Article | null>;
  /**
   * Summaries of these articles in the order given, unknown ids left out: one read for views that show many
   * articles (a story, an actor). Optional: views fall back to getArticle per id.
   */
  getArticleSummaries?(ids: readonly string[]): Promise<ArticleSummary[]>;
  /** Full id from a unique prefix (at least 4 chars); null when none; AppError 'conflict' when ambiguous. */
  resolveId(prefix: string): Promise<string | null>;
  /** Sources the article was seen at, first one first. */
  getSources(id: string): Promise<string[]>;
  listArticles(query?: ArticleQuery): Promise<Page<ArticleSummary>>;
  /** Every article, in ingest order, one at a time (for export and analysis of large corpora). */
  iterateArticles(query?: Omit<ArticleQuery, 'limit' | 'offset'>): AsyncIterable<Article>;
  search(query: string, options?: { limit?: number; offset?: number }): Promise<Page<SearchHit>>;
  /** Update the publish date of an article (e.g. inferred by analysis); no-op for unknown ids. */
  setPublished(id: string, published: Article['published']): Promise<void>;

  /** Replace the findings and notes of these stages for one article, atomically. */
  putAnalysis(articleId: string, results: readonly StageResult[]): Promise<void>;
  getFindings(articleId: string, filter?: { stage?: string; kind?: string }): Promise<StoredFinding[]>;
  /** Stage versions that have analysed an article. */
  getAnalysisState(articleId: string): Promise<{ stage: string; version: number; notes: StageResult['notes'] }[]>;
  /** Ids of articles that lack any of these stage versions (in ingest order), up to `limit`. */
  articlesNeedingAnalysis(stages: readonly { name: string; version: number }[], limit: number): Promise<string[]>;

  recordFailure(source: string, code: string, message: string): Promise<void>;
  clearFailure(source: string): Promise<void>;
  listFailures(): Promise<{ source: string; code: string; message: string; at: string }[]>;

  stats(): Promise<StoreStats>;

  /** Outlets with their article counts and first/last publish values, most articles first (read-only, paged). */
  listOutlets(options?: { limit?: number; offset?: number }): Promise<Page<OutletSummary>>;
  /** Article counts per publish day or month (undated articles counted apart), filtered like listArticles. */
  countArticlesOverTime(bucket: 'day' | 'month', query?: Omit<ArticleQuery, 'limit' | 'offset'>): Promise<{ buckets: { bucket: string; articles: number }[]; undated: number }>;
  /** Full-text search restricted by the listArticles filters (outlet, format, date range). */
  searchArticles(query: string, filter?: ArticleQuery): Promise<Page<SearchHit>>;
  /** Finding counts by stage and kind, over the corpus or one article. */
  countFindings(articleId?: string): Promise<{ stage: string; kind: string; findings: number }[]>;

  /*
   * Cross-article results (stories, reuse pairs, actors, claim and quote groups, timeline entries, label rows),
   * kept as JSON items with the articles and actors they refer to, and the engines' incremental state.
   */
  /**
   * Replace every item of the given kinds and write the given engine states, in one transaction: a crash
   * leaves the previous results whole. Kinds not named are left as they are.
   */
  replaceCorpus(update: CorpusUpdate): Promise<void>;
  /** Items of one kind by rank then id, optionally only those of a story or referring to an article / actor id. */
  listCorpusItems(kind: CorpusItemKind, query?: CorpusItemQuery): Promise<Page<CorpusItem>>;
  getCorpusItem(kind: CorpusItemKind, id: string): Promise<CorpusItem | null>;
  getCorpusState(name: string): Promise<{ version: number; data: unknown } | null>;

  /** Analysts' alias decisions: they survive re-analysis (the corpus stages read them on every run). */
  addAliasDecision(decision: Omit<AliasDecision, 'id' | 'at'>): Promise<AliasDecision>;
  listAliasDecisions(): Promise<AliasDecision[]>;
  /** False when there is no decision with that id. */
  deleteAliasDecision(id: number): Promise<boolean>;

  close(): Promise<void>;
}

export type CorpusItemKind = 'story' | 'reuse' | 'actor' | 'claim' | 'quote' | 'timeline' | 'label' | 'statement';

export interface CorpusItem {
  readonly kind: CorpusItemKind;
  readonly id: string;
  /** The story it belongs to (null for corpus-wide items; for a story item, its own id). */
  readonly story: string | null;
  /** Article ids and actor ids it refers to, for lookups ('a0123...', 'actor:org:...'). */
  readonly refs: readonly string[];
  /** Sort key within its kind (ascending); ties by id. */
  readonly rank: number;
  /** The item itself (a story with its explanation, ReusePair, Actor, ClaimGroup, QuoteGroup, TimelineEntry, LabelRow, QuotedStatement). */
  readonly data: unknown;
}

export interface CorpusItemQuery {
  readonly story?: string;
  /** Only items that refer to this article or actor id. */
  readonly ref?: string;
  /** Only items that refer to any of these ids (each item once; at most 1000 ids). */
  readonly refs?: readonly string[];
  /** Only items whose JSON contains this text, case-insensitively (a name filter for lists). */
  readonly text?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface CorpusUpdate {
  readonly items: Partial<Record<CorpusItemKind, readonly CorpusItem[]>>;
  readonly states?: readonly { readonly name: string; readonly version: number; readonly data: unknown }[];
}

export interface OutletSummary {
  /** The outlet name; null groups the articles whose source names none. */
  readonly name: string | null;
  readonly articles: number;
  /** Smallest and largest publish values ('2022-09-07'); null when no article of the outlet is dated. */
  readonly first: string | null;
  readonly last: string | null;
}

export interface ArticleQuery {
  readonly outlet?: string;
  readonly format?: ArticleFormat;
  /** Inclusive bounds on the published value, compared as ISO strings ('2022', '2022-09-07'). */
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface SearchHit {
  readonly article: ArticleSummary;
  /** A short passage with matches between « and ». */
  readonly snippet: string;
  readonly rank: number;
}

export interface StoreStats {
  readonly articles: number;
  readonly outlets: number;
  readonly findings: number;
  readonly failures: number;
  readonly byFormat: Record<string, number>;
}
