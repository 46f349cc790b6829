import type { Article, ArticleSummary } from '../domain/article.js';
import type { AliasDecision } from '../domain/corpus.js';
import type { StoredFinding } from '../domain/finding.js';
import type { EntityType } from '../domain/findings.js';

/*
 * Article rows as both stores read them (same column names in SQLite and PostgreSQL), and their conversion
 * to domain objects: one copy, so that the two stores cannot drift apart.
 */

/** UTF-16 code-unit order: SQLite's BINARY and PostgreSQL's "C" order for the ASCII ids and refs the stores keep. */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface ArticleRow {
  id: string;
  source: string;
  format: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  byline: string | null;
  published_json: string | null;
  dateline_json: string | null;
  language: string | null;
  text: string;
  meta_json: string;
  raw: Buffer;
  encoding: string;
  notes_json: string;
}

export type SummaryRow = Pick<ArticleRow, 'id' | 'source' | 'format' | 'url' | 'outlet' | 'title' | 'published_json' | 'language'> & { chars: number };

/** The columns an article and its summary share, as the domain names them. */
function common(r: Omit<SummaryRow, 'chars'>): Omit<ArticleSummary, 'chars'> {
  return {
    id: r.id,
    source: r.source,
    format: r.format as ArticleSummary['format'],
    url: r.url,
    outlet: r.outlet,
    title: r.title,
    published: r.published_json ? JSON.parse(r.published_json) : null,
    language: r.language,
  };
}

export function toSummary(r: SummaryRow): ArticleSummary {
  return { ...common(r), chars: r.chars };
}

export function toArticle(r: ArticleRow): Article {
  return {
    ...common(r),
    byline: r.byline,
    dateline: r.dateline_json ? JSON.parse(r.dateline_json) : null,
    text: r.text,
    meta: JSON.parse(r.meta_json),
    raw: new Uint8Array(r.raw.buffer, r.raw.byteOffset, r.raw.byteLength),
    encoding: r.encoding,
    notes: JSON.parse(r.notes_json),
  };
}

/** A findings row joined with its stage version; `start`/`end` are the span (PostgreSQL names them span_start/span_end). */
export interface FindingRow {
  article_id: string;
  stage: string;
  n: number;
  kind: string;
  start: number;
  end: number;
  text: string;
  rule: string;
  data_json: string;
  version: number;
}

export function toStoredFinding(r: FindingRow): StoredFinding {
  return {
    id: `${r.article_id}:${r.stage}:${r.n}`,
    articleId: r.article_id,
    stage: r.stage,
    stageVersion: r.version,
    kind: r.kind,
    span: { start: r.start, end: r.end },
    text: r.text,
    rule: r.rule,
    data: JSON.parse(r.data_json),
  };
}

export interface DecisionRow {
  id: number;
  action: AliasDecision['action'];
  a_name: string;
  a_type: EntityType;
  b_name: string;
  b_type: EntityType;
  note: string | null;
  at: string;
}

export function toDecision(r: DecisionRow): AliasDecision {
  return { id: r.id, action: r.action, a: { name: r.a_name, type: r.a_type }, b: { name: r.b_name, type: r.b_type }, note: r.note, at: r.at };
}
