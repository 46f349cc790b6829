-- Triangulate's SQLite schema: the whole current schema in one readable file.
-- A new database is created from this file; migrations.ts upgrades older ones to it.
-- PRAGMA user_version holds the schema version (see LATEST_VERSION in migrations.ts).

-- One row per distinct article (id = hash of its normalised text).
CREATE TABLE articles (
  seq                 INTEGER PRIMARY KEY,          -- stable rowid for the full-text index
  id                  TEXT NOT NULL UNIQUE,         -- 'a' + 16 hex chars
  source              TEXT NOT NULL,                -- where it was first read (path or URL, '#item-3' for parts)
  format              TEXT NOT NULL,                -- text | html | rss | atom | rdf | warc | json | jsonl
  url                 TEXT,
  outlet              TEXT,
  title               TEXT,
  byline              TEXT,
  published           TEXT,                         -- ISO value truncated to its precision ('2022-09-07T21:25', '2022-09')
  published_precision TEXT,                         -- minute | day | month | year
  published_source    TEXT,                         -- json-ld | meta | feed | warc | header-line | html-text | url | input | inferred
  published_json      TEXT,                         -- the whole Published object (offset, raw, why)
  dateline_json       TEXT,
  language            TEXT,
  text                TEXT NOT NULL,                -- the clean text every finding's span points into
  meta_json           TEXT NOT NULL DEFAULT '{}',
  raw                 BLOB NOT NULL,                -- the original bytes, for provenance
  encoding            TEXT NOT NULL,
  notes_json          TEXT NOT NULL DEFAULT '[]',   -- reading notes (warnings)
  ingested_at         TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet, published);

-- Every place an article was seen: the same article in two files is one article with two sources.
CREATE TABLE article_sources (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  source     TEXT NOT NULL,
  seen_at    TEXT NOT NULL,
  PRIMARY KEY (article_id, source)
);
CREATE INDEX article_sources_source ON article_sources (source);

-- Full-text search over titles and text (external content: the text is stored once, in articles).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, text,
  content = 'articles', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- Which version of which stage has analysed which article, with the stage's notes for it.
CREATE TABLE analyses (
  article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  stage       TEXT NOT NULL,
  version     INTEGER NOT NULL,
  notes_json  TEXT NOT NULL DEFAULT '[]',
  analyzed_at TEXT NOT NULL,
  PRIMARY KEY (article_id, stage)
);

-- Per-article findings: one row each, replaced as a whole per (article, stage) on re-analysis.
CREATE TABLE findings (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  stage      TEXT NOT NULL,
  n          INTEGER NOT NULL,                      -- position in span order within (article, stage)
  kind       TEXT NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  rule       TEXT NOT NULL,
  data_json  TEXT NOT NULL,
  PRIMARY KEY (article_id, stage, n)
);
CREATE INDEX findings_kind ON findings (kind, article_id);

-- The last failure to read each input (file, feed item, WARC record); cleared when it is read successfully.
CREATE TABLE ingest_failures (
  source  TEXT PRIMARY KEY,
  code    TEXT NOT NULL,
  message TEXT NOT NULL,
  at      TEXT NOT NULL
);

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
CREATE INDEX corpus_refs_item ON corpus_refs (kind, id);

-- The incremental state of each cross-article engine (V8 serialization, gzipped: store/state-codec.ts), so a run adds only new articles.
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
