import type pg from 'pg';
import type { Article, ArticleSummary } from '../../domain/article.js';
import type { AliasDecision } from '../../domain/corpus.js';
import { AppError, describeError } from '../../domain/errors.js';
import type { StoredFinding } from '../../domain/finding.js';
import type { StageResult } from '../../domain/stage.js';
import type { JobQueue, JobQueueOptions } from '../queue.js';
import type { ArticleQuery, CorpusItem, CorpusItemKind, CorpusItemQuery, CorpusUpdate, OutletSummary, Page, SearchHit, Store, StoreStats } from '../store.js';
import { NEEDS_ANALYSIS, writeAnalysis } from './analysis.js';
import { PgCorpusTables } from './corpus.js';
import { createPool, inTransaction, migrate, pgText, redactUrl } from './pool.js';
import { PgJobQueue } from './queue.js';
import { toArticle, toStoredFinding, toSummary, type ArticleRow, type FindingRow, type SummaryRow } from '../rows.js';

const ARTICLE_COLUMNS = 'a.id, a.source, a.format, a.url, a.outlet, a.title, a.byline, a.published_json, a.dateline_json, a.language, a.text, a.meta_json, a.raw, a.encoding, a.notes_json';
// char_length counts code points, JavaScript's length UTF-16 units: stored so that both agree.
const SUMMARY_COLUMNS = 'a.id, a.source, a.format, a.url, a.outlet, a.title, a.published_json, a.language, a.chars';

/** Filters of listArticles as SQL, numbering parameters after `params`. */
function where(q: ArticleQuery, params: unknown[]): string {
  const clauses: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  if (q.outlet !== undefined) add('a.outlet = ?', q.outlet);
  if (q.format !== undefined) add('a.format = ?', q.format);
  if (q.from !== undefined) add('a.published >= ?', q.from);
  // '2022-09' as an upper bound includes every value that starts with it.
  if (q.to !== undefined) add('a.published <= ?', `${q.to}\uffff`);
  return clauses.join(' AND ');
}

const and = (...parts: string[]) => {
  const kept = parts.filter((p) => p !== '');
  return kept.length ? `WHERE ${kept.join(' AND ')}` : '';
};

/** Any words at all (websearch_to_tsquery takes quotes, OR and -word, and never fails on odd input). */
const hasWords = (q: string) => /[\p{L}\p{N}]/u.test(q);

/**
 * The PostgreSQL store: a connection pool, the schema migrated on open (migrations.ts), full-text search
 * with a generated tsvector column and a GIN index. Every write that must be whole runs in one transaction.
 * Construction is synchronous (Triangulate.open is); the first call waits for the connection and migration.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly location: string;
  private readonly pool: pg.Pool;
  private readonly ready: Promise<void>;
  private readonly corpus: PgCorpusTables;
  private closed = false;

  constructor(url: string, options: { poolSize?: number } = {}) {
    this.location = redactUrl(url);
    this.pool = createPool(url, options.poolSize);
    this.ready = migrate(this.pool, this.location);
    this.ready.catch(() => {}); // reported by the first call that awaits it
    this.corpus = new PgCorpusTables(this.pool);
  }

  /** Resolves once connected and migrated (open errors surface here). */
  async opened(): Promise<this> {
    await this.ready;
    return this;
  }

  private async q<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    await this.ready;
    return (await this.pool.query<R>(sql, params)).rows;
  }

  private async tx<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.ready;
    return inTransaction(this.pool, fn);
  }

  /** The analysis job queue in this database, sharing this store's pool. */
  jobQueue(options: JobQueueOptions = {}): JobQueue {
    return new PgJobQueue(this.pool, this.ready, options);
  }

  async putArticle(a: Article): Promise<'new' | 'duplicate'> {
    return (await this.putArticles([a]))[0]!;
  }

  async putArticles(articles: readonly Article[]): Promise<('new' | 'duplicate')[]> {
    if (articles.length === 0) return [];
    const first = new Map<string, number>();
    articles.forEach((a, i) => {
      if (!first.has(a.id)) first.set(a.id, i);
    });
    const fresh = [...first.values()].map((i) => articles[i]!);
    const inserted = await this.tx(async (client) => {
      const col = <T>(f: (a: Article) => T) => fresh.map(f);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO articles (id, source, format, url, outlet, title, byline, published, published_precision, published_source,
           published_json, dateline_json, language, text, chars, meta_json, raw, encoding, notes_json)
         SELECT id, source, format, url, outlet, title, byline, pv, pp, ps, pj, dj, language, text, chars, meta, raw, encoding, notes
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
           $11::text[], $12::text[], $13::text[], $14::text[], $15::int[], $16::text[], $17::bytea[], $18::text[], $19::text[])
           WITH ORDINALITY AS t (id, source, format, url, outlet, title, byline, pv, pp, ps, pj, dj, language, text, chars, meta, raw, encoding, notes, n)
         ORDER BY n ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          col((a) => a.id),
          col((a) => pgText(a.source)),
          col((a) => a.format),
          col((a) => pgText(a.url)),
          col((a) => pgText(a.outlet)),
          col((a) => pgText(a.title)),
          col((a) => pgText(a.byline)),
          col((a) => a.published?.value ?? null),
          col((a) => a.published?.precision ?? null),
          col((a) => a.published?.source ?? null),
          col((a) => (a.published ? JSON.stringify(a.published) : null)),
          col((a) => (a.dateline ? JSON.stringify(a.dateline) : null)),
          col((a) => a.language),
          col((a) => pgText(a.text)),
          col((a) => a.text.length),
          col((a) => JSON.stringify(a.meta)),
          col((a) => Buffer.from(a.raw.buffer, a.raw.byteOffset, a.raw.byteLength)),
          col((a) => a.encoding),
          col((a) => JSON.stringify(a.notes)),
        ],
      );
      await client.query(
        `INSERT INTO article_sources (article_id, source) SELECT id, source FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t (id, source, n)
         ORDER BY n ON CONFLICT DO NOTHING`,
        [articles.map((a) => a.id), articles.map((a) => pgText(a.source))],
      );
      await client.query('DELETE FROM ingest_failures WHERE source = ANY($1::text[])', [articles.map((a) => pgText(a.source))]);
      return new Set(rows.map((r) => r.id));
    });
    return articles.map((a, i) => (inserted.has(a.id) && first.get(a.id) === i ? 'new' : 'duplicate'));
  }

  async getArticle(id: string): Promise<Article | null> {
    const rows = await this.q<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1`, [id]);
    return rows[0] ? toArticle(rows[0]) : null;
  }

  async resolveId(prefix: string): Promise<string | null> {
    const p = prefix.trim();
    if (p.length < 4) throw new AppError('usage', `article id "${prefix}" is too short: give at least 4 characters`);
    const rows = await this.q<{ id: string }>(`SELECT id FROM articles WHERE id >= $1 AND id < $1 || '\uffff' ORDER BY id LIMIT 2`, [p]);
    if (rows.length > 1) throw new AppError('conflict', `article id prefix "${p}" is ambiguous: give more characters`);
    return rows[0]?.id ?? null;
  }

  async getSources(id: string): Promise<string[]> {
    return (await this.q<{ source: string }>('SELECT source FROM article_sources WHERE article_id = $1 ORDER BY seq', [id])).map((r) => r.source);
  }

  async listArticles(q: ArticleQuery = {}): Promise<Page<ArticleSummary>> {
    const params: unknown[] = [];
    const filter = and(where(q, params));
    const limit = Math.max(1, Math.min(q.limit ?? 50, 10_000));
    const offset = Math.max(0, q.offset ?? 0);
    const total = (await this.q<{ n: number }>(`SELECT count(*) AS n FROM articles a ${filter}`, params))[0]!.n;
    // Ascending order puts NULLs last: dated articles in publish order, then undated ones in ingest order.
    // The page's keys first, from an index-only scan of (published, seq) or (outlet, published, seq), then
    // only its rows: the skipped rows of a deep page are never read (measured: 9 ms instead of 140 ms for
    // a page at offset 18,000 of 20,000).
    const rows = await this.q<SummaryRow>(
      `WITH page AS (SELECT a.seq, a.published FROM articles a ${filter} ORDER BY a.published, a.seq LIMIT $${params.length + 1} OFFSET $${params.length + 2})
       SELECT ${SUMMARY_COLUMNS} FROM page p JOIN articles a ON a.seq = p.seq ORDER BY p.published, p.seq`,
      [...params, limit, offset],
    );
    return { items: rows.map(toSummary), total, limit, offset };
  }

  async *iterateArticles(q: Omit<ArticleQuery, 'limit' | 'offset'> = {}): AsyncIterable<Article> {
    let after = 0;
    for (;;) {
      const params: unknown[] = [];
      const filter = where(q, params);
      params.push(after);
      const rows = await this.q<ArticleRow & { seq: number }>(
        `SELECT a.seq, ${ARTICLE_COLUMNS} FROM articles a ${and(filter, `a.seq > $${params.length}`)} ORDER BY a.seq LIMIT 200`,
        params,
      );
      if (rows.length === 0) return;
      for (const r of rows) yield toArticle(r);
      after = rows[rows.length - 1]!.seq;
    }
  }

  async search(query: string, options: { limit?: number; offset?: number } = {}): Promise<Page<SearchHit>> {
    return this.searchArticles(query, options);
  }

  async searchArticles(query: string, filter: ArticleQuery = {}): Promise<Page<SearchHit>> {
    const limit = Math.max(1, Math.min(filter.limit ?? 20, 1000));
    const offset = Math.max(0, filter.offset ?? 0);
    if (!hasWords(query)) return { items: [], total: 0, limit, offset };
    const params: unknown[] = [query];
    const match = and(`a.fts @@ websearch_to_tsquery('simple', $1)`, where(filter, params));
    try {
      const total = (await this.q<{ n: number }>(`SELECT count(*) AS n FROM articles a ${match}`, params))[0]!.n;
      // Rank first, headline only the page: ts_headline re-parses the text it marks.
      const rows = await this.q<SummaryRow & { snippet: string; rank: number }>(
        `WITH hits AS (
           SELECT a.seq, -ts_rank(a.fts, websearch_to_tsquery('simple', $1)) AS rank FROM articles a ${match}
           ORDER BY rank, a.seq LIMIT $${params.length + 1} OFFSET $${params.length + 2}
         )
         SELECT ${SUMMARY_COLUMNS}, h.rank,
           ts_headline('simple', a.text, websearch_to_tsquery('simple', $1),
             'StartSel=«, StopSel=», MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…') AS snippet
         FROM hits h JOIN articles a ON a.seq = h.seq ORDER BY h.rank, a.seq`,
        [...params, limit, offset],
      );
      return { items: rows.map((r) => ({ article: toSummary(r), snippet: r.snippet, rank: r.rank })), total, limit, offset };
    } catch (e) {
      throw new AppError('usage', `cannot search for ${JSON.stringify(query)}: ${describeError(e)}`, { cause: e });
    }
  }

  async setPublished(id: string, published: Article['published']): Promise<void> {
    await this.q('UPDATE articles SET published = $1, published_precision = $2, published_source = $3, published_json = $4 WHERE id = $5', [
      published?.value ?? null,
      published?.precision ?? null,
      published?.source ?? null,
      published ? JSON.stringify(published) : null,
      id,
    ]);
  }

  async putAnalysis(articleId: string, results: readonly StageResult[]): Promise<void> {
    await this.tx((client) => writeAnalysis(client, articleId, results));
  }

  async getFindings(articleId: string, filter: { stage?: string; kind?: string } = {}): Promise<StoredFinding[]> {
    const params: unknown[] = [articleId];
    const clauses = ['f.article_id = $1'];
    if (filter.stage) {
      params.push(filter.stage);
      clauses.push(`f.stage = $${params.length}`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      clauses.push(`f.kind = $${params.length}`);
    }
    const rows = await this.q<FindingRow>(
      `SELECT f.article_id, f.stage, f.n, f.kind, f.span_start AS start, f.span_end AS end, f.text, f.rule, f.data_json, an.version
       FROM findings f JOIN analyses an ON an.article_id = f.article_id AND an.stage = f.stage
       WHERE ${clauses.join(' AND ')} ORDER BY f.span_start, f.span_end, f.stage, f.n`,
      params,
    );
    return rows.map(toStoredFinding);
  }

  async getAnalysisState(articleId: string): Promise<{ stage: string; version: number; notes: StageResult['notes'] }[]> {
    const rows = await this.q<{ stage: string; version: number; notes_json: string }>(
      'SELECT stage, version, notes_json FROM analyses WHERE article_id = $1 ORDER BY analyzed_at, stage',
      [articleId],
    );
    return rows.map((r) => ({ stage: r.stage, version: r.version, notes: JSON.parse(r.notes_json) }));
  }

  async articlesNeedingAnalysis(stages: readonly { name: string; version: number }[], limit: number): Promise<string[]> {
    if (stages.length === 0) return [];
    const rows = await this.q<{ id: string }>(
      `SELECT a.id FROM articles a WHERE ${NEEDS_ANALYSIS} ORDER BY a.seq LIMIT $3`,
      [stages.map((s) => s.name), stages.map((s) => s.version), Math.min(limit, Number.MAX_SAFE_INTEGER)],
    );
    return rows.map((r) => r.id);
  }

  async recordFailure(source: string, code: string, message: string): Promise<void> {
    await this.q(
      `INSERT INTO ingest_failures (source, code, message, at) VALUES ($1, $2, $3, clock_timestamp())
       ON CONFLICT (source) DO UPDATE SET code = excluded.code, message = excluded.message, at = excluded.at`,
      [pgText(source), code, pgText(message)],
    );
  }

  async clearFailure(source: string): Promise<void> {
    await this.q('DELETE FROM ingest_failures WHERE source = $1', [pgText(source)]);
  }

  async listFailures(): Promise<{ source: string; code: string; message: string; at: string }[]> {
    return this.q('SELECT source, code, message, at FROM ingest_failures ORDER BY at, source');
  }

  async stats(): Promise<StoreStats> {
    const [counts] = await this.q<{ articles: number; outlets: number; findings: number; failures: number }>(
      `SELECT (SELECT count(*) FROM articles) AS articles,
              (SELECT count(DISTINCT outlet) FROM articles) AS outlets,
              (SELECT count(*) FROM findings) AS findings,
              (SELECT count(*) FROM ingest_failures) AS failures`,
    );
    const byFormat: Record<string, number> = {};
    for (const r of await this.q<{ format: string; n: number }>('SELECT format, count(*) AS n FROM articles GROUP BY format ORDER BY format')) byFormat[r.format] = r.n;
    return { ...counts!, byFormat };
  }

  async listOutlets(options: { limit?: number; offset?: number } = {}): Promise<Page<OutletSummary>> {
    const limit = Math.max(1, Math.min(options.limit ?? 50, 10_000));
    const offset = Math.max(0, options.offset ?? 0);
    const total = (await this.q<{ n: number }>('SELECT count(DISTINCT outlet) + max(CASE WHEN outlet IS NULL THEN 1 ELSE 0 END) AS n FROM articles'))[0]!.n ?? 0;
    const items = await this.q<OutletSummary>(
      `SELECT outlet AS name, count(*)::int AS articles, min(published) AS first, max(published) AS last
       FROM articles GROUP BY outlet ORDER BY articles DESC, outlet IS NULL, outlet LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return { items, total, limit, offset };
  }

  async countArticlesOverTime(
    bucket: 'day' | 'month',
    query: Omit<ArticleQuery, 'limit' | 'offset'> = {},
  ): Promise<{ buckets: { bucket: string; articles: number }[]; undated: number }> {
    const params: unknown[] = [];
    const filter = where(query, params);
    const width = bucket === 'day' ? 10 : 7;
    const buckets = await this.q<{ bucket: string; articles: number }>(
      `SELECT substr(a.published, 1, ${width}) AS bucket, count(*) AS articles FROM articles a ${and(filter, `length(a.published) >= ${width}`)}
       GROUP BY bucket ORDER BY bucket`,
      params,
    );
    const undated = (await this.q<{ n: number }>(`SELECT count(*) AS n FROM articles a ${and(filter, `(a.published IS NULL OR length(a.published) < ${width})`)}`, params))[0]!.n;
    return { buckets, undated };
  }

  async countFindings(articleId?: string): Promise<{ stage: string; kind: string; findings: number }[]> {
    return articleId === undefined
      ? this.q('SELECT stage, kind, count(*) AS findings FROM findings GROUP BY stage, kind ORDER BY stage, kind')
      : this.q('SELECT stage, kind, count(*) AS findings FROM findings WHERE article_id = $1 GROUP BY stage, kind ORDER BY stage, kind', [articleId]);
  }

  async replaceCorpus(update: CorpusUpdate): Promise<void> {
    await this.ready;
    await this.corpus.replace(update);
  }

  async listCorpusItems(kind: CorpusItemKind, query?: CorpusItemQuery): Promise<Page<CorpusItem>> {
    await this.ready;
    return this.corpus.list(kind, query);
  }

  async getCorpusItem(kind: CorpusItemKind, id: string): Promise<CorpusItem | null> {
    await this.ready;
    return this.corpus.get(kind, id);
  }

  async getCorpusState(name: string): Promise<{ version: number; data: unknown } | null> {
    await this.ready;
    return this.corpus.state(name);
  }

  async addAliasDecision(decision: Omit<AliasDecision, 'id' | 'at'>): Promise<AliasDecision> {
    await this.ready;
    return this.corpus.addDecision(decision);
  }

  async listAliasDecisions(): Promise<AliasDecision[]> {
    await this.ready;
    return this.corpus.decisions();
  }

  async deleteAliasDecision(id: number): Promise<boolean> {
    await this.ready;
    return this.corpus.deleteDecision(id);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** Open the store at a postgres:// URL, connected and migrated. */
export async function openPostgresStore(url: string, options: { poolSize?: number } = {}): Promise<PostgresStore> {
  const store = new PostgresStore(url, options);
  try {
    return await store.opened();
  } catch (e) {
    await store.close();
    throw e;
  }
}
