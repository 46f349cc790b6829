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
  // Version 1 is schema.sql as first released; there is nothing to upgrade from yet.
];

export const LATEST_VERSION = 1;
