import type { Article, ArticleSummary } from './domain/article.js';
import { AppError } from './domain/errors.js';
import type { StoredFinding } from './domain/finding.js';
import type { ArticleStage } from './domain/stage.js';
import type { PublishedInput } from './analyze/corpus/published/index.js';
import type { DateFinding } from './domain/findings.js';
import type { IngestOptions, IngestSummary } from './ingest/ingest.js';
import { PostgresStore } from './store/postgres/store.js';
import { openSqliteStore } from './store/sqlite.js';
import type { ArticleQuery, Page, SearchHit, Store, StoreStats } from './store/store.js';
import type { Actor, AliasDecision, ClaimGroup, QuoteGroup, StorySummary, TimelineEntry } from './domain/corpus.js';
import type { EntityType } from './domain/findings.js';
import type { ReusePair } from './analyze/corpus/reuse/types.js';
import type { CorpusProgress, CorpusSummary } from './corpus/run.js';
import * as read from './corpus/read.js';
import type { ActorView, PageQuery, StoryBoard } from './corpus/read.js';

export interface AnalyzeProgress {
  readonly done: number;
  readonly total: number;
}

export interface AnalyzeSummary {
  readonly analyzed: number;
  readonly findings: number;
  readonly stages: readonly string[];
  /** Articles where a stage recorded a crash or a dropped finding (see their notes). */
  readonly withProblems: number;
  /** Articles without a stated publish date that got one inferred from the corpus (flagged 'inferred', with why). */
  readonly publishInferred: number;
  /** What the cross-article stages produced; null when they did not run (nothing changed, or `corpus: false`). */
  readonly corpus: CorpusSummary | null;
}

export interface ArticleView {
  readonly article: Article;
  readonly sources: readonly string[];
  readonly findings: readonly StoredFinding[];
  readonly analysis: readonly { stage: string; version: number; notes: readonly { code: string; message: string }[] }[];
}

/*
 * Ingest and analysis (readers, extractors, models) load on first use: `articles`, `show`, `search` and the
 * server start without them.
 */
const loadIngest = () => import('./ingest/ingest.js');
const loadPipeline = () => import('./analyze/pipeline.js');
const loadPublished = () => import('./analyze/corpus/published/index.js');
const loadCorpus = () => import('./corpus/run.js');
const loadReport = () => Promise.all([import('./corpus/report-data.js'), import('./report/html.js')]);

/**
 * The composition root: the one core object that the CLI, the server and the tests drive. It owns the
 * store and runs ingest and analysis; everything user-facing goes through it.
 */
export class Triangulate {
  private constructor(readonly store: Store) {}

  /**
   * Open (creating if needed) the database at `db`: a postgres:// URL for PostgreSQL (connected and migrated
   * on first use), otherwise a file path for SQLite, ':memory:' for tests.
   */
  static open(db: string): Triangulate {
    if (/^postgres(ql)?:\/\//.test(db)) return new Triangulate(new PostgresStore(db));
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(db)) throw new AppError('unsupported', `unknown database URL ${db.replace(/:[^:@/]*@/, ':***@')}: give an SQLite file path or a postgres:// URL`);
    return new Triangulate(openSqliteStore(db));
  }

  static withStore(store: Store): Triangulate {
    return new Triangulate(store);
  }

  async ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
    if (inputs.length === 0) throw new AppError('usage', 'nothing to ingest: give files, folders or glob patterns');
    const { ingest } = await loadIngest();
    return ingest(inputs, this.store, options);
  }

  /**
   * Run the per-article stages over every article that lacks their current version (all articles with
   * `all`). Each article's results are stored in one transaction, so an interrupted run resumes cleanly.
   */
  async analyze(
    options: {
      stages?: readonly string[] | null;
      all?: boolean;
      /** Run the cross-article stages afterwards (default: when anything changed or they never ran). */
      corpus?: boolean;
      /** Analyse on this many threads (src/work/pool.ts); 1 (the default) analyses in this thread. */
      workers?: number;
      onProgress?: (p: AnalyzeProgress) => void;
      onCorpusProgress?: (p: CorpusProgress) => void;
    } = {},
  ): Promise<AnalyzeSummary> {
    const { selectStages, analyzeArticle } = await loadPipeline();
    const { stages, unknown } = selectStages(options.stages ?? null);
    if (unknown.length > 0) throw new AppError('usage', `unknown stage(s): ${unknown.join(', ')}`);
    const ids = options.all ? await this.allIds() : await this.store.articlesNeedingAnalysis(stages.map((s) => ({ name: s.name, version: s.version })), Number.MAX_SAFE_INTEGER);
    let findings = 0;
    let withProblems = 0;
    if ((options.workers ?? 1) > 1) {
      const { analyzeWithPool } = await import('./work/pool.js');
      ({ findings, withProblems } = await analyzeWithPool(this.store, stages, ids, { workers: options.workers, onProgress: options.onProgress }));
    } else {
      for (let i = 0; i < ids.length; i++) {
        options.onProgress?.({ done: i, total: ids.length });
        const article = await this.store.getArticle(ids[i]!);
        if (!article) continue;
        const results = analyzeArticle(article, stages);
        findings += results.reduce((n, r) => n + r.findings.length, 0);
        if (results.some((r) => r.notes.some((n) => n.code === 'stage-crashed' || n.code === 'bad-span'))) withProblems++;
        await this.store.putAnalysis(article.id, results);
      }
    }
    options.onProgress?.({ done: ids.length, total: ids.length });
    const publishInferred = ids.length > 0 && stages.some((s) => s.name === 'dates') ? await this.inferPublishDates(stages) : 0;
    const due = options.corpus ?? (ids.length > 0 || publishInferred > 0 || (await this.corpusBehind()));
    const corpus = due ? await this.runCorpus({ onProgress: options.onCorpusProgress }) : null;
    return { analyzed: ids.length, findings, stages: stages.map((s) => s.name), withProblems, publishInferred, corpus };
  }

  /**
   * True when the cross-article stages have not seen every stored article (never ran, a failed engine, or
   * articles analysed elsewhere, e.g. by `triangulate worker` processes on PostgreSQL).
   */
  private async corpusBehind(): Promise<boolean> {
    const meta = (await this.store.getCorpusState('corpus'))?.data as { seen?: Record<string, string> } | undefined;
    if (!meta?.seen) return true;
    return Object.keys(meta.seen).length !== (await this.store.stats()).articles;
  }

  /** The cross-article stages (reuse, stories, actors, claims, timeline...) over the stored corpus. */
  async runCorpus(options: { rebuild?: boolean; onProgress?: (p: CorpusProgress) => void } = {}): Promise<CorpusSummary> {
    const { runCorpusStages } = await loadCorpus();
    return runCorpusStages(this.store, options);
  }

  stories(query: PageQuery = {}): Promise<Page<StorySummary>> {
    return read.listStories(this.store, query);
  }

  async story(id: string): Promise<StoryBoard> {
    const board = await read.storyBoard(this.store, id);
    if (!board) throw new AppError('not-found', `no story with id ${id}`);
    return board;
  }

  actors(query: PageQuery & { q?: string; type?: EntityType } = {}): Promise<Page<Actor>> {
    return read.listActors(this.store, query);
  }

  async actor(id: string): Promise<ActorView> {
    const view = await read.actorView(this.store, id);
    if (!view) throw new AppError('not-found', `no actor with id ${id}`);
    return view;
  }

  reuse(query: PageQuery & { story?: string; article?: string } = {}): Promise<Page<ReusePair>> {
    return read.listReuse(this.store, query);
  }

  claims(query: PageQuery & { story?: string; conflicts?: boolean } = {}): Promise<Page<ClaimGroup>> {
    return read.listClaims(this.store, query);
  }

  quotes(query: PageQuery & { story?: string } = {}): Promise<Page<QuoteGroup>> {
    return read.listQuotes(this.store, query);
  }

  timeline(query: PageQuery & { story?: string } = {}): Promise<Page<TimelineEntry>> {
    return read.listTimeline(this.store, query);
  }

  /** The self-contained HTML report of the corpus (src/report), with at most `stories` story sections. */
  async report(options: { stories?: number } = {}): Promise<string> {
    const [{ gatherReport, REPORT_LIMITS }, { renderReport }] = await loadReport();
    return renderReport(await gatherReport(this.store, { ...REPORT_LIMITS, ...(options.stories ? { stories: options.stories } : {}) }));
  }

  aliasDecisions(): Promise<AliasDecision[]> {
    return this.store.listAliasDecisions();
  }

  /** Record an analyst's decision about two names and recompute the actors (and what refers to them). */
  async decideAlias(decision: Omit<AliasDecision, 'id' | 'at'>): Promise<AliasDecision> {
    if (decision.a.name.trim() === '' || decision.b.name.trim() === '') throw new AppError('usage', 'both names are needed');
    if (decision.a.name === decision.b.name && decision.a.type === decision.b.type) throw new AppError('usage', 'a decision needs two different names');
    const saved = await this.store.addAliasDecision(decision);
    await this.runCorpus();
    return saved;
  }

  async undoAliasDecision(id: number): Promise<void> {
    if (!(await this.store.deleteAliasDecision(id))) throw new AppError('not-found', `no alias decision ${id}`);
    await this.runCorpus();
  }

  /**
   * Publish dates for undated articles, from their own relative expressions and the dates other articles
   * give to the same events (src/analyze/corpus/published). An article that gets one is re-analysed, so
   * its relative dates are anchored on it. Stated dates are never replaced.
   */
  private async inferPublishDates(stages: readonly ArticleStage[]): Promise<number> {
    const inputs: PublishedInput[] = [];
    let undated = 0;
    for await (const article of this.store.iterateArticles()) {
      if (!article.published || article.published.source === 'inferred') undated++;
      const dates = (await this.store.getFindings(article.id, { stage: 'dates' })) as unknown as DateFinding[];
      inputs.push({ article, dates });
    }
    if (undated === 0) return 0;
    let changed = 0;
    const { inferPublished } = await loadPublished();
    const { analyzeArticle } = await loadPipeline();
    const byId = new Map(inputs.map((i) => [i.article.id, i.article]));
    for (const [id, published] of inferPublished(inputs)) {
      const article = byId.get(id);
      if (!article || (article.published && article.published.source !== 'inferred')) continue;
      if (article.published?.value === published.value) continue;
      await this.store.setPublished(id, published);
      const updated = { ...article, published };
      await this.store.putAnalysis(id, analyzeArticle(updated, stages));
      changed++;
    }
    return changed;
  }

  private async allIds(): Promise<string[]> {
    const ids: string[] = [];
    for await (const a of this.store.iterateArticles()) ids.push(a.id);
    return ids;
  }

  articles(query: ArticleQuery = {}): Promise<Page<ArticleSummary>> {
    return this.store.listArticles(query);
  }

  search(query: string, options: { limit?: number; offset?: number } = {}): Promise<Page<SearchHit>> {
    return this.store.search(query, options);
  }

  /** An article by id or unique id prefix, with its sources, findings and analysis notes. */
  async article(idOrPrefix: string, filter: { stage?: string; kind?: string } = {}): Promise<ArticleView> {
    const id = await this.store.resolveId(idOrPrefix);
    const article = id ? await this.store.getArticle(id) : null;
    if (!article) throw new AppError('not-found', `no article with id ${idOrPrefix}`);
    const [sources, findings, analysis] = await Promise.all([
      this.store.getSources(article.id),
      this.store.getFindings(article.id, filter),
      this.store.getAnalysisState(article.id),
    ]);
    return { article, sources, findings, analysis };
  }

  stats(): Promise<StoreStats> {
    return this.store.stats();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
