import pg from 'pg';
import { AppError, describeError } from '../../domain/errors.js';
import { PG_LATEST_VERSION, PG_MIGRATIONS } from './migrations.js';

/** int8 (counts, identities) as numbers, timestamptz as ISO strings: what the Store interface speaks. */
const INT8 = 20;
const TIMESTAMPTZ = 1184;
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === TIMESTAMPTZ) {
      const parse = pg.types.getTypeParser(TIMESTAMPTZ, 'text');
      return (v: string) => (parse(v) as Date).toISOString();
    }
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};

/** A key for pg_advisory_xact_lock that no other application is likely to use ('trimig' in hex). */
const MIGRATION_LOCK = 0x7472696d6967;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

export function createPool(url: string, max = 8): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: TYPES as pg.CustomTypesConfig, application_name: 'triangulate' });
  // An idle client losing its connection (server restart) must not crash the process: the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/**
 * Bring the database to PG_LATEST_VERSION: each missing migration in its own transaction, under a
 * transaction-scoped advisory lock, re-reading the version after taking it (another process may have
 * migrated meanwhile). Refuses a database from a newer Triangulate.
 */
export async function migrate(pool: pg.Pool, location: string): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    throw new AppError('io', `cannot connect to ${location}: ${describeError(e)}`, { cause: e });
  }
  try {
    for (;;) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
        const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
        const current = rows[0]?.v ?? 0;
        if (current > PG_LATEST_VERSION) {
          throw new AppError('conflict', `${location} has schema version ${current}, newer than this Triangulate (${PG_LATEST_VERSION}); upgrade Triangulate`);
        }
        const next = PG_MIGRATIONS.find((m) => m.version > current);
        if (!next) {
          await client.query('COMMIT');
          return;
        }
        await client.query(next.sql);
        await client.query('INSERT INTO schema_version (version, description) VALUES ($1, $2)', [next.version, next.description]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e instanceof AppError ? e : new AppError('io', `cannot prepare the schema of ${location}: ${describeError(e)}`, { cause: e });
      }
    }
  } finally {
    client.release();
  }
}

/** Run `fn` in a transaction on one pooled connection; rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** PostgreSQL text cannot hold NUL: replaced by U+FFFD, one UTF-16 unit for one, so spans stay valid. */
export function pgText(s: string): string;
export function pgText(s: string | null): string | null;
export function pgText(s: string | null): string | null {
  return s !== null && s.includes('\u0000') ? s.replace(/\u0000/g, '\ufffd') : s;
}
