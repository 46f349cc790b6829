import { decodeState, encodeState } from '../state-codec.js';
import type pg from 'pg';
import type { AliasDecision } from '../../domain/corpus.js';
import type { CorpusItem, CorpusItemKind, CorpusItemQuery, CorpusUpdate, Page } from '../store.js';
import { inTransaction, pgText } from './pool.js';
import { byteOrder, toDecision, type DecisionRow } from '../rows.js';

const MAX_LIMIT = 1000;

interface ItemRow {
  kind: string;
  id: string;
  story: string | null;
  rank: number;
  refs: string[];
  data_json: string;
}

const toItem = (r: ItemRow): CorpusItem => ({ kind: r.kind as CorpusItemKind, id: r.id, story: r.story, rank: r.rank, refs: r.refs, data: JSON.parse(r.data_json) });


/** The cross-article tables of the PostgreSQL store: corpus_items (refs as a GIN-indexed array), corpus_state, alias_decisions. */
export class PgCorpusTables {
  constructor(private readonly pool: pg.Pool) {}

  /** As the SQLite store: each kind becomes exactly the given items, and only rows that differ are written. */
  async replace(update: CorpusUpdate): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const [kind, items] of Object.entries(update.items) as [CorpusItemKind, readonly CorpusItem[]][]) {
        const wanted = new Map(
          items.map((x) => [x.id, { item: x, json: JSON.stringify(x.data ?? null), refs: [...new Set(x.refs.map((r) => pgText(r)))].sort(byteOrder) }]),
        );
        // Read the kind's rows in pages (keyset on id) and keep those that are unchanged.
        const stale: string[] = [];
        let after: string | null = null;
        for (;;) {
          const { rows }: { rows: { id: string; story: string | null; rank: number; refs: string[]; data_json: string }[] } = await client.query(
            `SELECT id, story, rank, refs, data_json FROM corpus_items WHERE kind = $1 ${after === null ? '' : 'AND id > $2'} ORDER BY id LIMIT 5000`,
            after === null ? [kind] : [kind, after],
          );
          for (const row of rows) {
            const w = wanted.get(row.id);
            const refs = [...row.refs].sort(byteOrder);
            if (w && w.item.story === row.story && w.item.rank === row.rank && w.json === row.data_json && w.refs.join('\x1f') === refs.join('\x1f')) wanted.delete(row.id);
            else stale.push(row.id);
          }
          if (rows.length < 5000) break;
          after = rows[rows.length - 1]!.id;
        }
        for (let i = 0; i < stale.length; i += 5000) {
          await client.query('DELETE FROM corpus_items WHERE kind = $1 AND id = ANY($2::text[])', [kind, stale.slice(i, i + 5000)]);
        }
        const fresh = [...wanted.values()];
        // Batches keep each statement's parameters to a few megabytes.
        for (let i = 0; i < fresh.length; i += 2000) {
          const batch = fresh.slice(i, i + 2000);
          await client.query(
            `INSERT INTO corpus_items (kind, id, story, rank, refs, data_json)
             SELECT $1, id, story, rank, ARRAY(SELECT json_array_elements_text(refs::json)), data
             FROM unnest($2::text[], $3::text[], $4::float8[], $5::text[], $6::text[]) AS t (id, story, rank, refs, data)`,
            [
              kind,
              batch.map((x) => x.item.id),
              batch.map((x) => x.item.story),
              batch.map((x) => x.item.rank),
              batch.map((x) => JSON.stringify(x.refs)),
              batch.map((x) => x.json),
            ],
          );
        }
      }
      for (const s of update.states ?? []) {
        await client.query(
          `INSERT INTO corpus_state (name, version, data, updated_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (name) DO UPDATE SET version = excluded.version, data = excluded.data, updated_at = excluded.updated_at`,
          [s.name, s.version, encodeState(s.data)],
        );
      }
    });
  }

  async list(kind: CorpusItemKind, query: CorpusItemQuery = {}): Promise<Page<CorpusItem>> {
    const limit = Math.min(Math.max(query.limit ?? 100, 0), MAX_LIMIT);
    const offset = Math.max(query.offset ?? 0, 0);
    const clauses = ['kind = $1'];
    const params: unknown[] = [kind];
    if (query.ref !== undefined) {
      params.push([query.ref]);
      clauses.push(`refs @> $${params.length}::text[]`);
    }
    if (query.refs !== undefined) {
      params.push(query.refs.map((r) => pgText(r)));
      clauses.push(`refs && $${params.length}::text[]`);
    }
    if (query.text) {
      params.push(`%${pgText(query.text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      clauses.push(`data_json ILIKE $${params.length}`);
    }
    if (query.story !== undefined) {
      params.push(query.story);
      clauses.push(`story = $${params.length}`);
    }
    const where = clauses.join(' AND ');
    const total = (await this.pool.query<{ n: number }>(`SELECT count(*) AS n FROM corpus_items WHERE ${where}`, params)).rows[0]!.n;
    const { rows } = await this.pool.query<ItemRow>(
      `SELECT kind, id, story, rank, refs, data_json FROM corpus_items WHERE ${where} ORDER BY rank, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { items: rows.map(toItem), total, limit, offset };
  }

  async get(kind: CorpusItemKind, id: string): Promise<CorpusItem | null> {
    const { rows } = await this.pool.query<ItemRow>('SELECT kind, id, story, rank, refs, data_json FROM corpus_items WHERE kind = $1 AND id = $2', [kind, id]);
    return rows[0] ? toItem(rows[0]) : null;
  }

  async state(name: string): Promise<{ version: number; data: unknown } | null> {
    const { rows } = await this.pool.query<{ version: number; data: Buffer }>('SELECT version, data FROM corpus_state WHERE name = $1', [name]);
    const row = rows[0];
    return row ? { version: row.version, data: decodeState(row.data) } : null;
  }

  async addDecision(d: Omit<AliasDecision, 'id' | 'at'>): Promise<AliasDecision> {
    const { rows } = await this.pool.query<DecisionRow>(
      'INSERT INTO alias_decisions (action, a_name, a_type, b_name, b_type, note) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [d.action, pgText(d.a.name), d.a.type, pgText(d.b.name), d.b.type, pgText(d.note ?? null)],
    );
    return toDecision(rows[0]!);
  }

  async decisions(): Promise<AliasDecision[]> {
    const { rows } = await this.pool.query<DecisionRow>('SELECT * FROM alias_decisions ORDER BY id');
    return rows.map(toDecision);
  }

  async deleteDecision(id: number): Promise<boolean> {
    if (!Number.isSafeInteger(id)) return false;
    return ((await this.pool.query('DELETE FROM alias_decisions WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }
}

