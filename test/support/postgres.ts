import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/**
 * A PostgreSQL for tests. TRIANGULATE_TEST_PG (a postgres:// URL to a server where we may CREATE DATABASE)
 * when set; otherwise a throwaway cluster started from the PostgreSQL binaries found on this machine
 * (/usr/lib/postgresql/<n>/bin or PATH), in a temp dir, on a free loopback port, stopped when the test file
 * ends. Without either, suites skip with PG_MISSING, unless TRIANGULATE_REQUIRE_PG=1 (CI), where they fail.
 *
 *   describe.skipIf(!HAS_PG)('...', () => {
 *     const db = usePostgresDatabase();   // a fresh database for the file, dropped after
 *     it('...', async () => { const store = await openPostgresStore(db.url); ... });
 *   });
 */
const EXTERNAL = process.env.TRIANGULATE_TEST_PG;

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  return null;
}

/** As root, the server runs as the 'postgres' user (initdb refuses root): without that user there is none. */
function canRunServer(): boolean {
  if (process.getuid?.() !== 0) return true;
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const BIN_DIR = EXTERNAL ? null : canRunServer() ? findBinDir() : null;
export const HAS_PG = Boolean(EXTERNAL) || BIN_DIR !== null;
export const PG_MISSING = 'PostgreSQL not available: set TRIANGULATE_TEST_PG=postgres://... or install PostgreSQL (initdb, pg_ctl); PostgreSQL tests are skipped';

if (!HAS_PG && process.env.TRIANGULATE_REQUIRE_PG === '1') throw new Error(`TRIANGULATE_REQUIRE_PG=1 but ${PG_MISSING}`);
if (!HAS_PG) console.warn(`[skip] ${PG_MISSING}`);

interface Cluster {
  readonly url: string;
  stop(): void;
}

let cluster: Promise<Cluster> | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** initdb refuses to run as root: as root, run the binaries as the 'postgres' user (Debian creates it). */
function run(bin: string, args: string[]): void {
  const path = join(BIN_DIR!, bin);
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

async function startCluster(): Promise<Cluster> {
  if (EXTERNAL) return { url: EXTERNAL, stop: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'tri-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', opts, '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

/** The server (started once per test process), and a fresh database on it with a random name. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  cluster ??= startCluster();
  const { url } = await cluster;
  const name = `tri_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Stop the throwaway cluster (no-op with TRIANGULATE_TEST_PG). Called by usePostgresDatabase's afterAll. */
export async function stopTestCluster(): Promise<void> {
  if (!cluster) return;
  const c = await cluster.catch(() => null);
  cluster = null;
  c?.stop();
}

/** Vitest hooks: a fresh database for this file (`db.url` inside tests), dropped and the cluster stopped after. */
export function usePostgresDatabase(): { readonly url: string } {
  let db: { url: string; drop(): Promise<void> } | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await db?.drop().catch(() => {});
    await stopTestCluster();
  }, 60_000);
  return {
    get url() {
      if (!db) throw new Error('the test database is not ready: use db.url inside tests or hooks');
      return db.url;
    },
  };
}
