import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

/**
 * ../shared beside the repository: the seed corpus and the public benchmarks. Present in CI; absent in a
 * user's own clone, where tests that need it skip with a message saying so.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = process.env.TRIANGULATE_SHARED ?? join(repoRoot, '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED_DIR, 'bench-data'));
export const SEEDS_DIR = join(SHARED_DIR, 'corpus', 'seeds');
export const BENCH_DIR = join(SHARED_DIR, 'bench-data');
export const REPO_ROOT = repoRoot;

/** Reason printed by skipped suites: `describe.skipIf(!HAS_SHARED)(...)`. */
export const SHARED_MISSING = `../shared not found at ${SHARED_DIR}: tests on the seed corpus and benchmarks are skipped (set TRIANGULATE_SHARED to run them)`;

if (!HAS_SHARED && process.env.TRIANGULATE_REQUIRE_SHARED === '1') {
  // CI sets this: there the seed and benchmark tests must run, not skip.
  throw new Error(`TRIANGULATE_REQUIRE_SHARED=1 but ${SHARED_MISSING}`);
}
if (!HAS_SHARED && !process.env.TRIANGULATE_QUIET_SKIP) {
  // Printed once per test file that imports this module.
  console.warn(`[skip] ${SHARED_MISSING}`);
}
