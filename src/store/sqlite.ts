import { readFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Article, ArticleSummary } from '../domain/article.js';
import { AppError, describeError } from '../domain/errors.js';
import type { StoredFinding } from '../domain/finding.js';
import type { StageResult } from '../domain/stage.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';
import type { AliasDecision } from '../domain/corpus.js';
import { SqliteCorpusTables } from './sqlite-corpus.js';
import type { ArticleQuery, CorpusItem, CorpusItemKind, CorpusItemQuery, CorpusUpdate, OutletSummary, Page, SearchHit, Store, StoreStats } from './store.js';
import { toArticle, toStoredFinding, toSummary, type ArticleRow, type FindingRow, type SummaryRow } from './rows.js';

const SCHEMA_URL = new URL('../../src/store/schema.sql', import.meta.url);

const SUMMARY_COLUMNS = 'a.id, a.source, a.format, a.url, a.outlet, a.title, a.published_json, a.language, length(a.text) AS chars';

/** Words of a user query quoted for FTS5, unless the user wrote FTS syntax (quotes, AND/OR/NOT, *, NEAR). */
export function toFtsQuery(query: string, literal = false): string {
  const q = query.trim();
  if (!literal && /["*()]|\b(AND|OR|NOT|NEAR)\b/.test(q)) return q;
  const words = q.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu) ?? [];
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
}

/** See SqliteStore.matches: above this many matches, a search ranks only the newest this many. */
const RANKED_CANDIDATES = 10_000;
/** See SqliteStore.matches: a filter that leaves at most this many articles restricts a search by rowid. */
const FILTER_CANDIDATES = 2_000;

function where(q: ArticleQuery): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.outlet !== undefined) {
    clauses.push('a.outlet = ?');
    params.push(q.outlet);
  }
  if (q.format !== undefined) {
    clauses.push('a.format = ?');
    params.push(q.format);
  }
  if (q.from !== undefined) {
    clauses.push('a.published >= ?');
    params.push(q.from);
  }
  if (q.to !== undefined) {
    // '2022-09' as an upper bound includes every value that starts with it.
    clauses.push('a.published <= ?');
    params.push(`${q.to}\uffff`);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * The SQLite store: one file, WAL, one connection that does every write (better-sqlite3 is synchronous,
 * so a process never interleaves two writes). Open with `openSqliteStore(path)`; ':memory:' for tests.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly corpus: SqliteCorpusTables;
  private readonly memo = new Map<string, { stamp: string; value: unknown }>();

  /** Prepared statements are compiled once per connection and reused (hot paths run them per article). */
  private sql(source: string): Database.Statement {
    let st = this.statements.get(source);
    if (!st) {
      st = this.db.prepare(source);
      this.statements.set(source, st);
    }
    return st;
  }

  /**
   * Corpus-wide aggregates (counts over every finding, every article) are kept until the database changes:
   * `total_changes()` moves with every write on this connection, `data_version` with every commit made by
   * another connection (another process or a worker thread writing the same file).
   */
  private memoised<T>(key: string, compute: () => T): T {
    const stamp = `${this.db.pragma('data_version', { simple: true })}:${this.sql('SELECT total_changes()').pluck().get()}`;
    const hit = this.memo.get(key);
    if (hit && hit.stamp === stamp) return hit.value as T;
    const value = compute();
    if (this.memo.size >= 64) this.memo.clear();
    this.memo.set(key, { stamp, value });
    return value;
  }

  constructor(path: string) {
    this.location = path;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
    } catch (e) {
      throw new AppError('io', `cannot open database ${path}: ${describeError(e)}`, { cause: e });
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.corpus = new SqliteCorpusTables(this.db);
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version === 0) {
      const tables = this.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new AppError('invalid-input', `${this.location} is an SQLite file but not a Triangulate database`);
      this.db.transaction(() => {
        this.db.exec(readFileSync(SCHEMA_URL, 'utf8'));
        this.db.pragma(`user_version = ${LATEST_VERSION}`);
      })();
      return;
    }
    if (version > LATEST_VERSION) {
      throw new AppError('conflict', `${this.location} has schema version ${version}, newer than this Triangulate (${LATEST_VERSION}); upgrade Triangulate`);
    }
    for (const m of MIGRATIONS.filter((m) => m.version > version)) {
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.pragma(`user_version = ${m.version}`);
      })();
    }
  }

  async putArticle(a: Article): Promise<'new' | 'duplicate'> {
    return (await this.putArticles([a]))[0]!;
  }

  async putArticles(articles: readonly Article[]): Promise<('new' | 'duplicate')[]> {
    const now = new Date().toISOString();
    return this.db.transaction(() => articles.map((a) => this.insertArticle(a, now)))();
  }

  /** One article's rows; call inside a transaction. */
  private insertArticle(a: Article, now: string): 'new' | 'duplicate' {
    const exists = this.sql('SELECT 1 FROM articles WHERE id = ?').get(a.id);
    if (!exists) {
      this.sql(
        `INSERT INTO articles (id, source, format, url, outlet, title, byline, published, published_precision, published_source,
           published_json, dateline_json, language, text, meta_json, raw, encoding, notes_json, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        a.id, a.source, a.format, a.url, a.outlet, a.title, a.byline,
        a.published?.value ?? null, a.published?.precision ?? null, a.published?.source ?? null,
        a.published ? JSON.stringify(a.published) : null,
        a.dateline ? JSON.stringify(a.dateline) : null,
        a.language, a.text, JSON.stringify(a.meta), Buffer.from(a.raw), a.encoding, JSON.stringify(a.notes), now,
      );
    }
    this.sql('INSERT OR IGNORE INTO article_sources (article_id, source, seen_at) VALUES (?, ?, ?)').run(a.id, a.source, now);
    this.sql('DELETE FROM ingest_failures WHERE source = ?').run(a.source);
    return exists ? 'duplicate' : 'new';
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = this.sql('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    return row ? toArticle(row) : null;
  }

  async getArticleSummaries(ids: readonly string[]): Promise<ArticleSummary[]> {
    const byId = new Map<string, SummaryRow>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as SummaryRow[];
      for (const r of rows) byId.set(r.id, r);
    }
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toSummary(r)] : [];
    });
  }

  async resolveId(prefix: string): Promise<string | null> {
    const p = prefix.trim();
    if (p.length < 4) throw new AppError('usage', `article id "${prefix}" is too short: give at least 4 characters`);
    const rows = this.db.prepare("SELECT id FROM articles WHERE id >= ? AND id < ? || '\uffff' LIMIT 2").all(p, p) as { id: string }[];
    if (rows.length > 1) throw new AppError('conflict', `article id prefix "${p}" is ambiguous: give more characters`);
    return rows[0]?.id ?? null;
  }

  async getSources(id: string): Promise<string[]> {
    const rows = this.db.prepare('SELECT source FROM article_sources WHERE article_id = ? ORDER BY seen_at, source').all(id) as { source: string }[];
    return rows.map((r) => r.source);
  }

  async listArticles(q: ArticleQuery = {}): Promise<Page<ArticleSummary>> {
    const { sql, params } = where(q);
    const limit = Math.max(1, Math.min(q.limit ?? 50, 10_000));
    const offset = Math.max(0, q.offset ?? 0);
    const and = sql ? `${sql} AND` : 'WHERE';
    // Dated articles in publish order, then undated ones in ingest order. Two queries, so that each walks an
    // index (published, with seq as its rowid tail) instead of sorting the table: deep pages stay fast.
    const dated = (this.db.prepare(`SELECT count(*) AS n FROM articles a ${and} a.published IS NOT NULL`).get(...params) as { n: number }).n;
    const undated = (this.db.prepare(`SELECT count(*) AS n FROM articles a ${and} a.published IS NULL`).get(...params) as { n: number }).n;
    const rows: SummaryRow[] = [];
    if (offset < dated) {
      const seqs = this.db
        .prepare(`SELECT a.seq FROM articles a ${and} a.published IS NOT NULL ORDER BY a.published, a.seq LIMIT ? OFFSET ?`)
        .all(...params, limit, offset) as { seq: number }[];
      rows.push(...this.summariesBySeq(seqs.map((r) => r.seq)));
    }
    if (rows.length < limit && offset + rows.length < dated + undated) {
      const skip = Math.max(0, offset - dated);
      const seqs = this.db
        .prepare(`SELECT a.seq FROM articles a ${and} a.published IS NULL ORDER BY a.seq LIMIT ? OFFSET ?`)
        .all(...params, limit - rows.length, skip) as { seq: number }[];
      rows.push(...this.summariesBySeq(seqs.map((r) => r.seq)));
    }
    return { items: rows.map(toSummary), total: dated + undated, limit, offset };
  }

  /** Summaries of these rows, in the order given (the skipped rows of a deep page never load their text). */
  private summariesBySeq(seqs: readonly number[], keepSeq = false): SummaryRow[] {
    if (seqs.length === 0) return [];
    const rows = this.db.prepare(`SELECT a.seq, ${SUMMARY_COLUMNS} FROM articles a WHERE a.seq IN (${seqs.map(() => '?').join(',')})`).all(...seqs) as (SummaryRow & { seq: number })[];
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    return seqs.flatMap((seq) => {
      const r = bySeq.get(seq);
      if (!r) return [];
      if (keepSeq) return [r];
      const { seq: _seq, ...summary } = r;
      return [summary];
    });
  }

  async *iterateArticles(q: Omit<ArticleQuery, 'limit' | 'offset'> = {}): AsyncIterable<Article> {
    const { sql, params } = where(q);
    // Keyset pagination: never holds more than one page, and stays correct while other writes happen.
    let after = 0;
    for (;;) {
      const rows = this.db
        .prepare(`SELECT a.seq, a.* FROM articles a ${sql ? `${sql} AND` : 'WHERE'} a.seq > ? ORDER BY a.seq LIMIT 200`)
        .all(...params, after) as (ArticleRow & { seq: number })[];
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
    try {
      return this.searchFts(toFtsQuery(query), filter, limit, offset);
    } catch {
      // Not valid FTS syntax (an unbalanced quote, a stray operator): search the words literally.
      return this.searchFts(toFtsQuery(query, true), filter, limit, offset);
    }
  }

  private searchFts(fts: string, filter: ArticleQuery, limit: number, offset: number): Page<SearchHit> {
    if (fts === '') return { items: [], total: 0, limit, offset };
    const { sql, params } = where(filter);
    try {
      const { total, hits } = this.matches(fts, sql, params, limit, offset);
      // Snippets and summaries for the page only (a snippet reads the article's text and positions).
      const seqs = hits.map((h) => h.seq);
      const snippets = new Map(
        (seqs.length === 0
          ? []
          : (this.db
              .prepare(`SELECT rowid AS seq, snippet(articles_fts, 1, '«', '»', '…', 16) AS snippet FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (${seqs.map(() => '?').join(',')})`)
              .all(fts, ...seqs) as { seq: number; snippet: string }[])
        ).map((r) => [r.seq, r.snippet]),
      );
      const rankOf = new Map(hits.map((h) => [h.seq, h.rank]));
      const rows = this.summariesBySeq(seqs, true) as (SummaryRow & { seq: number })[];
      return { items: rows.map((r) => ({ article: toSummary(r), snippet: snippets.get(r.seq) ?? '', rank: rankOf.get(r.seq)! })), total, limit, offset };
    } catch (e) {
      throw new AppError('usage', `cannot search for ${JSON.stringify(fts)}: ${describeError(e)}`, { cause: e });
    }
  }

  /**
   * Matches of a search, best first (bm25, titles weighted 5), restricted by the article filters. A selective
   * filter (at most FILTER_CANDIDATES articles) gives the full-text index the rowids to look at; a broad one
   * is joined. A query with more than RANKED_CANDIDATES matches (a very common word) is ranked within its
   * newest RANKED_CANDIDATES matches, the older ones following newest first: ranking every match reads the
   * size of every matching article, and a word that common ranks almost flat anyway. LIMIT and OFFSET are
   * written into the SQL: with them as parameters SQLite cannot hand the bound to the full-text ranking.
   */
  private matches(fts: string, sql: string, params: unknown[], limit: number, offset: number): { total: number; hits: { seq: number; rank: number }[] } {
    let from = 'articles_fts';
    let scope = '';
    let scopeParams: unknown[] = [];
    if (sql) {
      const filtered = this.sql(`SELECT count(*) FROM articles a ${sql}`).pluck().get(...params) as number;
      if (filtered <= FILTER_CANDIDATES) {
        const seqs = this.sql(`SELECT a.seq FROM articles a ${sql}`).pluck().all(...params) as number[];
        if (seqs.length === 0) return { total: 0, hits: [] };
        // '+' keeps the list from being handed to the full-text index, which would run the query once per rowid.
        scope = ` AND +articles_fts.rowid IN (${seqs.map((n) => Math.trunc(n)).join(',')})`;
      } else {
        // The full-text index outside: as the inner loop it would run the query once per article.
        from = 'articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid';
        scope = ` AND ${sql.slice('WHERE '.length)}`;
        scopeParams = params;
      }
    }
    const total = this.db.prepare(`SELECT count(*) FROM ${from} WHERE articles_fts MATCH ?${scope}`).pluck().get(fts, ...scopeParams) as number;
    // Unfiltered, the index ranks and bounds by itself (the rank column); filtered, bm25() is computed only for
    // the rows that pass the filter (the rank column would rank every match first).
    const [rank, rankClause] = scope ? ['bm25(articles_fts, 5.0, 1.0)', ''] : ['articles_fts.rank', " AND articles_fts.rank MATCH 'bm25(5.0, 1.0)'"];
    const page = (bound: string, byRank: boolean, n: number, skip: number) =>
      n <= 0
        ? []
        : (this.db
            .prepare(
              `SELECT articles_fts.rowid AS seq, ${rank} AS rank FROM ${from} WHERE articles_fts MATCH ?${rankClause}${scope}${bound}
               ORDER BY ${byRank ? 'rank' : 'articles_fts.rowid DESC'} LIMIT ${Math.trunc(n)} OFFSET ${Math.trunc(skip)}`,
            )
            .all(fts, ...scopeParams) as { seq: number; rank: number }[]);
    if (total <= RANKED_CANDIDATES) return { total, hits: page('', true, limit, offset) };
    const floor = Math.trunc(
      this.db.prepare(`SELECT articles_fts.rowid FROM ${from} WHERE articles_fts MATCH ?${scope} ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ${RANKED_CANDIDATES - 1}`).pluck().get(fts, ...scopeParams) as number,
    );
    const hits = offset < RANKED_CANDIDATES ? page(` AND articles_fts.rowid >= ${floor}`, true, Math.min(limit, RANKED_CANDIDATES - offset), offset) : [];
    hits.push(...page(` AND articles_fts.rowid < ${floor}`, false, limit - hits.length, Math.max(0, offset - RANKED_CANDIDATES)));
    return { total, hits };
  }

  async setPublished(id: string, published: Article['published']): Promise<void> {
    this.db
      .prepare('UPDATE articles SET published = ?, published_precision = ?, published_source = ?, published_json = ? WHERE id = ?')
      .run(published?.value ?? null, published?.precision ?? null, published?.source ?? null, published ? JSON.stringify(published) : null, id);
  }

  async putAnalysis(articleId: string, results: readonly StageResult[]): Promise<void> {
    const now = new Date().toISOString();
    const insert = this.sql('INSERT INTO findings (article_id, stage, n, kind, start, end, text, rule, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      if (!this.sql('SELECT 1 FROM articles WHERE id = ?').get(articleId)) {
        throw new AppError('not-found', `no article ${articleId}`);
      }
      for (const r of results) {
        this.sql('DELETE FROM findings WHERE article_id = ? AND stage = ?').run(articleId, r.stage);
        r.findings.forEach((f, n) => insert.run(articleId, r.stage, n, f.kind, f.span.start, f.span.end, f.text, f.rule, JSON.stringify(f.data)));
        this.sql('INSERT OR REPLACE INTO analyses (article_id, stage, version, notes_json, analyzed_at) VALUES (?, ?, ?, ?, ?)')
          .run(articleId, r.stage, r.version, JSON.stringify(r.notes), now);
      }
    })();
  }

  async getFindings(articleId: string, filter: { stage?: string; kind?: string } = {}): Promise<StoredFinding[]> {
    const clauses = ['f.article_id = ?'];
    const params: unknown[] = [articleId];
    if (filter.stage) {
      clauses.push('f.stage = ?');
      params.push(filter.stage);
    }
    if (filter.kind) {
      clauses.push('f.kind = ?');
      params.push(filter.kind);
    }
    const rows = this.db
      .prepare(
        `SELECT f.*, an.version FROM findings f JOIN analyses an ON an.article_id = f.article_id AND an.stage = f.stage
         WHERE ${clauses.join(' AND ')} ORDER BY f.start, f.end, f.stage, f.n`,
      )
      .all(...params) as FindingRow[];
    return rows.map(toStoredFinding);
  }

  async getAnalysisState(articleId: string): Promise<{ stage: string; version: number; notes: StageResult['notes'] }[]> {
    const rows = this.db.prepare('SELECT stage, version, notes_json FROM analyses WHERE article_id = ? ORDER BY analyzed_at, stage').all(articleId) as {
      stage: string;
      version: number;
      notes_json: string;
    }[];
    return rows.map((r) => ({ stage: r.stage, version: r.version, notes: JSON.parse(r.notes_json) }));
  }

  async articlesNeedingAnalysis(stages: readonly { name: string; version: number }[], limit: number): Promise<string[]> {
    if (stages.length === 0) return [];
    const checks = stages.map(() => 'NOT EXISTS (SELECT 1 FROM analyses an WHERE an.article_id = a.id AND an.stage = ? AND an.version = ?)').join(' OR ');
    const params = stages.flatMap((s) => [s.name, s.version]);
    const rows = this.db.prepare(`SELECT a.id FROM articles a WHERE ${checks} ORDER BY a.seq LIMIT ?`).all(...params, limit) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async recordFailure(source: string, code: string, message: string): Promise<void> {
    this.db.prepare('INSERT OR REPLACE INTO ingest_failures (source, code, message, at) VALUES (?, ?, ?, ?)').run(source, code, message, new Date().toISOString());
  }

  async clearFailure(source: string): Promise<void> {
    this.db.prepare('DELETE FROM ingest_failures WHERE source = ?').run(source);
  }

  async listFailures(): Promise<{ source: string; code: string; message: string; at: string }[]> {
    return this.db.prepare('SELECT source, code, message, at FROM ingest_failures ORDER BY at, source').all() as {
      source: string;
      code: string;
      message: string;
      at: string;
    }[];
  }

  async stats(): Promise<StoreStats> {
    return structuredClone(this.memoised('stats', () => this.computeStats()));
  }

  private computeStats(): StoreStats {
    const one = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const byFormat: Record<string, number> = {};
    for (const r of this.db.prepare('SELECT format, count(*) AS n FROM articles GROUP BY format ORDER BY format').all() as { format: string; n: number }[]) {
      byFormat[r.format] = r.n;
    }
    return {
      articles: one('SELECT count(*) AS n FROM articles'),
      outlets: one('SELECT count(DISTINCT outlet) AS n FROM articles WHERE outlet IS NOT NULL'),
      findings: one('SELECT count(*) AS n FROM findings'),
      failures: one('SELECT count(*) AS n FROM ingest_failures'),
      byFormat,
    };
  }

  async listOutlets(options: { limit?: number; offset?: number } = {}): Promise<Page<OutletSummary>> {
    const limit = Math.max(1, Math.min(options.limit ?? 50, 10_000));
    const offset = Math.max(0, options.offset ?? 0);
    return structuredClone(this.memoised(`outlets:${limit}:${offset}`, () => this.computeOutlets(limit, offset)));
  }

  private computeOutlets(limit: number, offset: number): Page<OutletSummary> {
    const total = (this.db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM articles GROUP BY outlet)').get() as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT outlet AS name, count(*) AS articles, min(published) AS first, max(published) AS last
         FROM articles GROUP BY outlet ORDER BY articles DESC, outlet IS NULL, outlet LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as OutletSummary[];
    return { items: rows, total, limit, offset };
  }

  async countArticlesOverTime(
    bucket: 'day' | 'month',
    query: Omit<ArticleQuery, 'limit' | 'offset'> = {},
  ): Promise<{ buckets: { bucket: string; articles: number }[]; undated: number }> {
    const compute = () => this.computeOverTime(bucket, query);
    const filtered = Object.values(query).some((v) => v !== undefined);
    return filtered ? compute() : structuredClone(this.memoised(`over-time:${bucket}`, compute));
  }

  private computeOverTime(bucket: 'day' | 'month', query: Omit<ArticleQuery, 'limit' | 'offset'>): { buckets: { bucket: string; articles: number }[]; undated: number } {
    const { sql, params } = where(query);
    const width = bucket === 'day' ? 10 : 7;
    const dated = `${sql ? `${sql} AND` : 'WHERE'} length(a.published) >= ${width}`;
    const buckets = this.db
      .prepare(`SELECT substr(a.published, 1, ${width}) AS bucket, count(*) AS articles FROM articles a ${dated} GROUP BY bucket ORDER BY bucket`)
      .all(...params) as { bucket: string; articles: number }[];
    const undated = (
      this.db.prepare(`SELECT count(*) AS n FROM articles a ${sql ? `${sql} AND` : 'WHERE'} (a.published IS NULL OR length(a.published) < ${width})`).get(...params) as { n: number }
    ).n;
    return { buckets, undated };
  }

  async countFindings(articleId?: string): Promise<{ stage: string; kind: string; findings: number }[]> {
    if (articleId === undefined) return structuredClone(this.memoised('findings', () => this.computeCountFindings()));
    return this.computeCountFindings(articleId);
  }

  private computeCountFindings(articleId?: string): { stage: string; kind: string; findings: number }[] {
    const filter = articleId === undefined ? '' : 'WHERE article_id = ?';
    return this.db
      .prepare(`SELECT stage, kind, count(*) AS findings FROM findings ${filter} GROUP BY stage, kind ORDER BY stage, kind`)
      .all(...(articleId === undefined ? [] : [articleId])) as { stage: string; kind: string; findings: number }[];
  }

  async replaceCorpus(update: CorpusUpdate): Promise<void> {
    this.corpus.replace(update);
  }

  async listCorpusItems(kind: CorpusItemKind, query?: CorpusItemQuery): Promise<Page<CorpusItem>> {
    return this.corpus.list(kind, query);
  }

  async getCorpusItem(kind: CorpusItemKind, id: string): Promise<CorpusItem | null> {
    return this.corpus.get(kind, id);
  }

  async getCorpusState(name: string): Promise<{ version: number; data: unknown } | null> {
    return this.corpus.state(name);
  }

  async addAliasDecision(decision: Omit<AliasDecision, 'id' | 'at'>): Promise<AliasDecision> {
    return this.corpus.addDecision(decision);
  }

  async listAliasDecisions(): Promise<AliasDecision[]> {
    return this.corpus.decisions();
  }

  async deleteAliasDecision(id: number): Promise<boolean> {
    return this.corpus.deleteDecision(id);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function openSqliteStore(path: string): SqliteStore {
  return new SqliteStore(path);
}
