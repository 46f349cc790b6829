import type pg from 'pg';
import { AppError } from '../../domain/errors.js';
import type { StageResult } from '../../domain/stage.js';
import { pgText } from './pool.js';

/**
 * Replace the findings and notes of these stages for one article, on a client inside a transaction
 * (the store's putAnalysis and the queue's complete both call it). One multi-row insert for all findings.
 */
export async function writeAnalysis(client: pg.PoolClient, articleId: string, results: readonly StageResult[]): Promise<void> {
  // Serialises two writers of the same article (else both delete, then both insert rows n = 0.. and one fails
  // on the key); NO KEY UPDATE does not block inserts that reference the article.
  const { rowCount } = await client.query('SELECT 1 FROM articles WHERE id = $1 FOR NO KEY UPDATE', [articleId]);
  if (!rowCount) throw new AppError('not-found', `no article ${articleId}`);
  if (results.length === 0) return;
  const stages = results.map((r) => r.stage);
  await client.query('DELETE FROM findings WHERE article_id = $1 AND stage = ANY($2::text[])', [articleId, stages]);
  const cols: { stage: string[]; n: number[]; kind: string[]; start: number[]; end: number[]; text: string[]; rule: string[]; data: string[] } = {
    stage: [], n: [], kind: [], start: [], end: [], text: [], rule: [], data: [],
  };
  for (const r of results) {
    r.findings.forEach((f, n) => {
      cols.stage.push(r.stage);
      cols.n.push(n);
      cols.kind.push(f.kind);
      cols.start.push(f.span.start);
      cols.end.push(f.span.end);
      cols.text.push(pgText(f.text));
      cols.rule.push(f.rule);
      cols.data.push(JSON.stringify(f.data ?? null));
    });
  }
  if (cols.n.length > 0) {
    await client.query(
      `INSERT INTO findings (article_id, stage, n, kind, span_start, span_end, text, rule, data_json)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[])`,
      [articleId, cols.stage, cols.n, cols.kind, cols.start, cols.end, cols.text, cols.rule, cols.data],
    );
  }
  await client.query(
    `INSERT INTO analyses (article_id, stage, version, notes_json, analyzed_at)
     SELECT $1, s, v, nj, clock_timestamp() FROM unnest($2::text[], $3::int[], $4::text[]) AS t (s, v, nj)
     ON CONFLICT (article_id, stage) DO UPDATE SET version = excluded.version, notes_json = excluded.notes_json, analyzed_at = excluded.analyzed_at`,
    [articleId, stages, results.map((r) => r.version), results.map((r) => JSON.stringify(r.notes))],
  );
}

/** `a` lacks one of the stage versions named by $1 (names) and $2 (versions). */
export const NEEDS_ANALYSIS = `EXISTS (
  SELECT 1 FROM unnest($1::text[], $2::int[]) AS s (name, version)
  WHERE NOT EXISTS (SELECT 1 FROM analyses an WHERE an.article_id = a.id AND an.stage = s.name AND an.version = s.version))`;
