import type Database from 'better-sqlite3';
import type { AliasDecision } from '../domain/corpus.js';
import type { CorpusItem, CorpusItemKind, CorpusItemQuery, CorpusUpdate, Page } from './store.js';
import { byteOrder, toDecision, type DecisionRow } from './rows.js';
import { decodeState, encodeState } from './state-codec.js';

const MAX_LIMIT = 1000;


interface ItemRow {
  kind: string;
  id: string;
  story: string | null;
  rank: number;
  data_json: string;
}

/**
 * The cross-article tables of the SQLite store (corpus_items, corpus_refs, corpus_state, alias_decisions):
 * kept apart from sqlite.ts so that each file reads as one concern. Same connection, same transactions.
 */
export class SqliteCorpusTables {
  private readonly counts = new Map<CorpusItemKind, number>();
  private countsVersion = -1;

  constructor(private readonly db: Database.Database) {}

  /**
   * Each kind's items become exactly `update.items[kind]`, but only the rows that differ are written: an item
   * whose story, rank, refs and JSON are unchanged stays. An incremental run over a large corpus changes a few
   * items of each kind; rewriting every row (and its refs index entries) cost most of that run.
   */
  replace(update: CorpusUpdate): void {
    this.counts.clear();
    const now = new Date().toISOString();
    const insertItem = this.db.prepare('INSERT INTO corpus_items (kind, id, story, rank, data_json) VALUES (?, ?, ?, ?, ?)');
    const insertRef = this.db.prepare('INSERT OR IGNORE INTO corpus_refs (kind, ref, id) VALUES (?, ?, ?)');
    const deleteItem = this.db.prepare('DELETE FROM corpus_items WHERE kind = ? AND id = ?');
    const deleteRefs = this.db.prepare('DELETE FROM corpus_refs WHERE kind = ? AND id = ?');
    const existing = this.db.prepare(
      `SELECT i.id, i.story, i.rank, i.data_json,
              (SELECT group_concat(ref, char(31)) FROM (SELECT ref FROM corpus_refs r WHERE r.kind = i.kind AND r.id = i.id ORDER BY ref)) AS refs
       FROM corpus_items i WHERE i.kind = ?`,
    );
    this.db.transaction(() => {
      for (const [kind, items] of Object.entries(update.items) as [CorpusItemKind, readonly CorpusItem[]][]) {
        const wanted = new Map(items.map((item) => [item.id, { item, json: JSON.stringify(item.data), refs: [...new Set(item.refs)].sort(byteOrder) }]));
        const stale: string[] = [];
        for (const row of existing.iterate(kind) as Iterable<ItemRow & { refs: string | null }>) {
          const w = wanted.get(row.id);
          if (w && w.item.story === row.story && w.item.rank === row.rank && w.json === row.data_json && w.refs.join('\x1f') === (row.refs ?? '')) wanted.delete(row.id);
          else stale.push(row.id);
        }
        for (const id of stale) {
          deleteItem.run(kind, id);
          deleteRefs.run(kind, id);
        }
        for (const { item, json, refs } of wanted.values()) {
          insertItem.run(kind, item.id, item.story, item.rank, json);
          for (const ref of refs) insertRef.run(kind, ref, item.id);
        }
      }
      for (const s of update.states ?? []) {
        this.db
          .prepare('INSERT OR REPLACE INTO corpus_state (name, version, data, updated_at) VALUES (?, ?, ?, ?)')
          .run(s.name, s.version, encodeState(s.data), now);
      }
    })();
  }

  list(kind: CorpusItemKind, query: CorpusItemQuery = {}): Page<CorpusItem> {
    const limit = Math.min(Math.max(query.limit ?? 100, 0), MAX_LIMIT);
    const offset = Math.max(query.offset ?? 0, 0);
    const clauses = ['i.kind = ?'];
    const params: unknown[] = [kind];
    let from = 'corpus_items i';
    const refs = query.ref !== undefined ? [query.ref] : query.refs ? [...new Set(query.refs)] : undefined;
    if (refs !== undefined && refs.length === 0) return { items: [], total: 0, limit, offset };
    if (refs !== undefined) {
      // CROSS JOIN keeps the refs as the outer loop: otherwise the planner walks every item of the kind in
      // rank order to find the few that refer to these ids.
      from = 'corpus_refs r CROSS JOIN corpus_items i ON i.kind = r.kind AND i.id = r.id';
      clauses.push(`r.kind = ? AND r.ref IN (${refs.map(() => '?').join(',')})`);
      params.push(kind, ...refs);
    }
    if (query.ref !== undefined && query.refs !== undefined) {
      clauses.push(`i.id IN (SELECT x.id FROM corpus_refs x WHERE x.kind = ? AND x.ref IN (${query.refs.map(() => '?').join(',')}))`);
      params.push(kind, ...query.refs);
    }
    // An item that refers to several of the ids is listed once.
    const group = refs !== undefined && refs.length > 1 ? ' GROUP BY i.id' : '';
    if (query.text) {
      clauses.push("i.data_json LIKE ? ESCAPE '\\'");
      params.push(`%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (query.story !== undefined) {
      clauses.push('i.story = ?');
      params.push(query.story);
    }
    const where = clauses.join(' AND ');
    let total: number;
    let ids: string[];
    if (query.text) {
      // A text filter reads every item's JSON: read it once, for the count and the page together.
      const all = this.db.prepare(`SELECT i.id FROM ${from} WHERE ${where}${group} ORDER BY i.rank, i.id`).pluck().all(...params) as string[];
      total = all.length;
      ids = all.slice(offset, offset + limit);
    } else if (query.ref !== undefined && query.refs === undefined && query.story === undefined) {
      // One ref: count it from the refs alone. A page of a ref that many items share (a frequent actor's
      // statements) is found sooner by walking the kind in rank order than by sorting every referring item.
      total = this.db.prepare('SELECT count(*) FROM corpus_refs WHERE kind = ? AND ref = ?').pluck().get(kind, query.ref) as number;
      const dense = total > 0 && (offset + limit) * this.kindCount(kind) < 4 * total * total;
      ids = dense
        ? (this.db
            .prepare('SELECT i.id FROM corpus_items i CROSS JOIN corpus_refs r ON r.kind = i.kind AND r.id = i.id WHERE i.kind = ? AND r.ref = ? ORDER BY i.rank, i.id LIMIT ? OFFSET ?')
            .pluck()
            .all(kind, query.ref, limit, offset) as string[])
        : (this.db.prepare(`SELECT i.id FROM ${from} WHERE ${where} ORDER BY i.rank, i.id LIMIT ? OFFSET ?`).pluck().all(...params, limit, offset) as string[]);
    } else {
      total = this.db.prepare(`SELECT count(${group ? 'DISTINCT i.id' : '*'}) FROM ${from} WHERE ${where}`).pluck().get(...params) as number;
      // Sort and skip on (rank, id) alone; only the page's items load their JSON.
      ids = this.db.prepare(`SELECT i.id FROM ${from} WHERE ${where}${group} ORDER BY i.rank, i.id LIMIT ? OFFSET ?`).pluck().all(...params, limit, offset) as string[];
    }
    return { items: this.byIds(kind, ids), total, limit, offset };
  }

  /** Items of one kind in the order of `ids`. */
  private byIds(kind: CorpusItemKind, ids: readonly string[]): CorpusItem[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT kind, id, story, rank, data_json FROM corpus_items WHERE kind = ? AND id IN (${ids.map(() => '?').join(',')})`)
      .all(kind, ...ids) as ItemRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [this.item(r)] : [];
    });
  }

  /** Items per kind, kept until a write (here, or a commit by another connection: `data_version`). */
  private kindCount(kind: CorpusItemKind): number {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.countsVersion) {
      this.counts.clear();
      this.countsVersion = version;
    }
    let n = this.counts.get(kind);
    if (n === undefined) {
      n = this.db.prepare('SELECT count(*) FROM corpus_items WHERE kind = ?').pluck().get(kind) as number;
      this.counts.set(kind, n);
    }
    return n;
  }

  get(kind: CorpusItemKind, id: string): CorpusItem | null {
    const row = this.db.prepare('SELECT kind, id, story, rank, data_json FROM corpus_items WHERE kind = ? AND id = ?').get(kind, id) as ItemRow | undefined;
    return row ? this.item(row) : null;
  }

  /**
   * An item with its refs read on first use: no read model needs them, and corpus_refs is keyed for
   * "items that refer to X" (kind, ref, id), so listing one item's refs walks every ref of its kind.
   */
  private item(r: ItemRow): CorpusItem {
    const refsOf = this.db.prepare('SELECT ref FROM corpus_refs WHERE kind = ? AND id = ? ORDER BY ref').pluck();
    let refs: string[] | undefined;
    const item = { kind: r.kind as CorpusItemKind, id: r.id, story: r.story, rank: r.rank, data: JSON.parse(r.data_json) as unknown };
    Object.defineProperty(item, 'refs', {
      enumerable: true,
      get: () => (refs ??= refsOf.all(r.kind, r.id) as string[]),
    });
    return item as CorpusItem;
  }

  state(name: string): { version: number; data: unknown } | null {
    const row = this.db.prepare('SELECT version, data FROM corpus_state WHERE name = ?').get(name) as { version: number; data: Buffer } | undefined;
    return row ? { version: row.version, data: decodeState(row.data) } : null;
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
    return rows.map(toDecision);
  }

  deleteDecision(id: number): boolean {
    return this.db.prepare('DELETE FROM alias_decisions WHERE id = ?').run(id).changes > 0;
  }
}
