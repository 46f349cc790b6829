/**
 * The PostgreSQL schema, as numbered migrations (its own numbering, independent of the SQLite one).
 * `schema_version` records each applied version. Every migration runs in its own transaction under an
 * advisory lock (see migrate.ts), so two processes that open a new database at once do not race.
 * Add a migration by appending `{ version: n + 1, ... }`; never edit one that has shipped.
 *
 * JSON is kept in text columns, not jsonb: jsonb refuses the \u0000 escape, which article metadata and
 * engine state may contain, and nothing queries inside the JSON.
 */
export interface PgMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

const V1 = `
-- Keys and sort columns use the "C" collation: byte order, as in SQLite, whatever the database's locale.

-- One row per distinct article (id = hash of its normalised text).
CREATE TABLE articles (
  seq                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- ingest order
  id                  text COLLATE "C" NOT NULL UNIQUE,     -- 'a' + 16 hex chars
  source              text NOT NULL,                        -- where it was first read
  format              text NOT NULL,
  url                 text,
  outlet              text COLLATE "C",
  title               text,
  byline              text,
  published           text COLLATE "C",                     -- ISO value truncated to its precision (byte order)
  published_precision text,
  published_source    text,
  published_json      text,                                 -- the whole Published object
  dateline_json       text,
  language            text,
  text                text NOT NULL,                        -- the clean text every finding's span points into
  chars               integer NOT NULL,                     -- its length in UTF-16 units (JavaScript's)
  meta_json           text NOT NULL DEFAULT '{}',
  raw                 bytea NOT NULL,                       -- the original bytes, for provenance
  encoding            text NOT NULL,
  notes_json          text NOT NULL DEFAULT '[]',
  ingested_at         timestamptz NOT NULL DEFAULT now(),
  -- Full-text search: title weighted above body; 'simple' (no stemming, no stop words) like SQLite's
  -- unicode61, so both stores find the same articles in any language. Capped well below tsvector's 1 MB.
  fts tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', left(text, 500000)), 'B')
  ) STORED
);
CREATE INDEX articles_published ON articles (published, seq);
CREATE INDEX articles_outlet ON articles (outlet, published);
CREATE INDEX articles_fts ON articles USING gin (fts);

CREATE TABLE article_sources (
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  source     text NOT NULL,
  seq        bigint GENERATED ALWAYS AS IDENTITY,             -- the order it was seen in
  seen_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, source)
);
CREATE INDEX article_sources_source ON article_sources (source);

CREATE TABLE analyses (
  article_id  text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  stage       text COLLATE "C" NOT NULL,
  version     integer NOT NULL,
  notes_json  text NOT NULL DEFAULT '[]',
  analyzed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (article_id, stage)
);

CREATE TABLE findings (
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  stage      text COLLATE "C" NOT NULL,
  n          integer NOT NULL,                              -- position in span order within (article, stage)
  kind       text COLLATE "C" NOT NULL,
  span_start integer NOT NULL,
  span_end   integer NOT NULL,
  text       text NOT NULL,
  rule       text NOT NULL,
  data_json  text NOT NULL,
  PRIMARY KEY (article_id, stage, n)
);
CREATE INDEX findings_kind ON findings (kind, article_id);

CREATE TABLE ingest_failures (
  source  text COLLATE "C" PRIMARY KEY,
  code    text NOT NULL,
  message text NOT NULL,
  at      timestamptz NOT NULL DEFAULT now()
);

-- Cross-article results, each a JSON document replaced as a whole per kind; refs are the article and
-- actor ids it mentions (sorted, unique), GIN-indexed for "everything about this article".
CREATE TABLE corpus_items (
  kind      text COLLATE "C" NOT NULL,
  id        text COLLATE "C" NOT NULL,
  story     text COLLATE "C",
  rank      double precision NOT NULL,
  refs      text[] NOT NULL DEFAULT '{}',
  data_json text NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX corpus_items_rank ON corpus_items (kind, rank, id);
CREATE INDEX corpus_items_story ON corpus_items (kind, story, rank, id);
CREATE INDEX corpus_items_refs ON corpus_items USING gin (refs);
-- The text filter of lists (ILIKE '%name%': actor names, conflicting claims) uses a trigram index when
-- pg_trgm is installed (it is in Debian's postgresql package, and trusted: a database owner may create it);
-- without it, a scan of the kind. Partial: over every kind it was the largest index (measured: 1.5x the
-- items' heap), and the other kinds are not filtered by text.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX corpus_items_text ON corpus_items USING gin (data_json gin_trgm_ops) WHERE kind IN ('actor', 'claim');
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm not created (%): corpus text filters scan', SQLERRM;
END $$;

CREATE TABLE corpus_state (
  name       text COLLATE "C" PRIMARY KEY,
  version    integer NOT NULL,
  data       bytea NOT NULL,                                -- gzipped JSON
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alias_decisions (
  id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action text NOT NULL,
  a_name text NOT NULL,
  a_type text NOT NULL,
  b_name text NOT NULL,
  b_type text NOT NULL,
  note   text,
  at     timestamptz NOT NULL DEFAULT now()
);

-- The analysis job queue (queue.ts): one job per article and set of stage versions. A job is claimable
-- when its state is queued or running and 'due' has passed: for a queued job, due is when it may (re)try;
-- for a running one, when its lease ends (a killed worker's job comes back by itself).
CREATE TABLE jobs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id  text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  stages_key  text NOT NULL,                                -- 'dates@3,entities@2': the stage versions asked for
  state       text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts    integer NOT NULL DEFAULT 0,                   -- claims so far
  due         timestamptz NOT NULL DEFAULT now(),
  worker      text,                                         -- the lease holder (last one, once finished)
  last_error  text,
  queued_at   timestamptz NOT NULL DEFAULT now(),
  started_at  timestamptz,
  finished_at timestamptz,
  UNIQUE (article_id, stages_key)
);
CREATE INDEX jobs_claimable ON jobs (due, id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state IN ('done', 'failed');
CREATE INDEX jobs_running ON jobs (worker) WHERE state = 'running';

-- Every worker that has claimed a job, with its counters (for status: who is working, who stopped).
CREATE TABLE queue_workers (
  id         text COLLATE "C" PRIMARY KEY,
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen  timestamptz NOT NULL DEFAULT now(),
  claimed    bigint NOT NULL DEFAULT 0,
  done       bigint NOT NULL DEFAULT 0,
  failed     bigint NOT NULL DEFAULT 0                       -- attempts that ended in fail()
);
`;

export const PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, description: 'articles, findings, search, corpus results, job queue', sql: V1 },
  {
    version: 2,
    description: 'outlet index carries seq, so a page of one outlet is read from the index alone',
    sql: `DROP INDEX IF EXISTS articles_outlet;
CREATE INDEX articles_outlet ON articles (outlet, published, seq);`,
  },
];

export const PG_LATEST_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;
