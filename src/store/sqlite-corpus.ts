import { gunzipSync, gzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { AliasDecision } from '../domain/corpus.js';
import type { EntityType } from '../domain/findings.js';
import type { CorpusItem, CorpusItemKind, CorpusItemQuery, CorpusUpdate, Page } from './store.js';

const MAX_LIMIT = 1000;

interface ItemRow {
  kind: string;
  id: string;
  story: string | null;
  rank: number;
  data_json: string;
}

interface DecisionRow {
  id: number;
  action: AliasDecision['action'];
  a_name: string;
  a_type: EntityType;
  b_name: string;
  b_type: EntityType;
  note: string | null;
  at: string;
}

/**
 * The cross-article tables of the SQLite store (corpus_items, corpus_refs, corpus_state, alias_decisions):
 * kept apart from sqlite.ts so that each file reads as one concern. Same connection, same transactions.
 */
export class SqliteCorpusTables {
  constructor(private readonly db: Database.Database) {}

  replace(update: CorpusUpdate): void {
    const now = new Date().toISOString();
    const insertItem = this.db.prepare('INSERT INTO corpus_items (kind, id, story, rank, data_json) VALUES (?, ?, ?, ?, ?)');
    const insertRef = this.db.prepare('INSERT OR IGNORE INTO corpus_refs (kind, ref, id) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const [kind, items] of Object.entries(update.items) as [CorpusItemKind, readonly CorpusItem[]][]) {
        this.db.prepare('DELETE FROM corpus_items WHERE kind = ?').run(kind);
        this.db.prepare('DELETE FROM corpus_refs WHERE kind = ?').run(kind);
        for (const item of items) {
          insertItem.run(kind, item.id, item.story, item.rank, JSON.stringify(item.data));
          for (const ref of item.refs) insertRef.run(kind, ref, item.id);
        }
      }
      for (const s of update.states ?? []) {
        this.db
          .prepare('INSERT OR REPLACE INTO corpus_state (name, version, data, updated_at) VALUES (?, ?, ?, ?)')
          .run(s.name, s.version, gzipSync(JSON.stringify(s.data)), now);
      }
    })();
  }

  list(kind: CorpusItemKind, query: CorpusItemQuery = {}): Page<CorpusItem> {
    const limit = Math.min(Math.max(query.limit ?? 100, 0), MAX_LIMIT);
    const offset = Math.max(query.offset ?? 0, 0);
    const clauses = ['i.kind = ?'];
    const params: unknown[] = [kind];
    let from = 'corpus_items i';
    if (query.ref !== undefined) {
      from = 'corpus_refs r JOIN corpus_items i ON i.kind = r.kind AND i.id = r.id';
      clauses.push('r.kind = ? AND r.ref = ?');
      params.push(kind, query.ref);
    }
    if (query.text) {
      clauses.push("i.data_json LIKE ? ESCAPE '\\'");
      params.push(`%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (query.story !== undefined) {
      clauses.push('i.story = ?');
      params.push(query.story);
    }
    const where = clauses.join(' AND ');
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT i.kind, i.id, i.story, i.rank, i.data_json FROM ${from} WHERE ${where} ORDER BY i.rank, i.id LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as ItemRow[];
    return { items: rows.map((r) => this.item(r)), total, limit, offset };
  }

  get(kind: CorpusItemKind, id: string): CorpusItem | null {
    const row = this.db.prepare('SELECT kind, id, story, rank, data_json FROM corpus_items WHERE kind = ? AND id = ?').get(kind, id) as ItemRow | undefined;
    return row ? this.item(row) : null;
  }

  private item(r: ItemRow): CorpusItem {
    const refs = (this.db.prepare('SELECT ref FROM corpus_refs WHERE kind = ? AND id = ? ORDER BY ref').all(r.kind, r.id) as { ref: string }[]).map((x) => x.ref);
    return { kind: r.kind as CorpusItemKind, id: r.id, story: r.story, rank: r.rank, refs, data: JSON.parse(r.data_json) };
  }

  state(name: string): { version: number; data: unknown } | null {
    const row = this.db.prepare('SELECT version, data FROM corpus_state WHERE name = ?').get(name) as { version: number; data: Buffer } | undefined;
    return row ? { version: row.version, data: JSON.parse(gunzipSync(row.data).toString('utf8')) } : null;
  }

  addDecision(d: Omit<AliasDecision, 'id' | 'at'>): AliasDecision {
    const at = new Date().toISOString();
    const info = this.db
      .prepare('INSERT INTO alias_decisions (action, a_name, a_type, b_name, b_type, note, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(d.action, d.a.name, d.a.type, d.b.name, d.b.type, d.note ?? null, at);
    return { ...d, note: d.note ?? null, id: Number(info.lastInsertRowid), at };
  }

  decisions(): AliasDecision[] {
    const rows = this.db.prepare('SELECT * FROM alias_decisions ORDER BY id').all() as DecisionRow[];
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      a: { name: r.a_name, type: r.a_type },
      b: { name: r.b_name, type: r.b_type },
      note: r.note,
      at: r.at,
    }));
  }

  deleteDecision(id: number): boolean {
    return this.db.prepare('DELETE FROM alias_decisions WHERE id = ?').run(id).changes > 0;
  }
}
