/**
 * Schema versions. A new database is created from schema.sql at LATEST_VERSION; an older one is upgraded by
 * running, in order, every migration above its PRAGMA user_version, each in its own transaction.
 * Add a migration by appending `{ version: LATEST_VERSION + 1, sql }` and updating schema.sql to match
 * (a test checks that migrating from the oldest version gives the same schema as schema.sql).
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  // Version 1 is schema.sql as first released.
  {
    version: 2,
    description: 'cross-article results: corpus items and their refs, engine state, alias decisions',
    sql: `
-- Cross-article results (stories, reuse pairs, actors, claim and quote groups, timeline entries, label rows):
-- each item is a JSON document, replaced as a whole per kind when the corpus stages run.
CREATE TABLE corpus_items (
  kind      TEXT NOT NULL,                          -- story | reuse | actor | claim | quote | timeline | label
  id        TEXT NOT NULL,
  story     TEXT,                                   -- the story it belongs to, when one
  rank      REAL NOT NULL,                          -- sort key within its kind (ascending)
  data_json TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX corpus_items_rank ON corpus_items (kind, rank, id);
CREATE INDEX corpus_items_story ON corpus_items (kind, story, rank, id);

-- The articles and actors each item refers to, for "everything about this article / actor".
CREATE TABLE corpus_refs (
  kind TEXT NOT NULL,
  ref  TEXT NOT NULL,                               -- an article id or an actor id
  id   TEXT NOT NULL,
  PRIMARY KEY (kind, ref, id)
) WITHOUT ROWID;

-- The incremental state of each cross-article engine (gzipped JSON), so a run adds only new articles.
CREATE TABLE corpus_state (
  name       TEXT PRIMARY KEY,
  version    INTEGER NOT NULL,
  data       BLOB NOT NULL,
  updated_at TEXT NOT NULL
);

-- Analysts' decisions about names (merge / split / confirm); never touched by analysis.
CREATE TABLE alias_decisions (
  id     INTEGER PRIMARY KEY,
  action TEXT NOT NULL,                             -- merge | split | confirm
  a_name TEXT NOT NULL,
  a_type TEXT NOT NULL,
  b_name TEXT NOT NULL,
  b_type TEXT NOT NULL,
  note   TEXT,
  at     TEXT NOT NULL
);
`,
  },
  {
    version: 3,
    description: 'corpus_refs indexed by item, so reading an item\'s refs does not scan its kind',
    sql: `CREATE INDEX corpus_refs_item ON corpus_refs (kind, id);`,
  },
];

export const LATEST_VERSION = 3;
