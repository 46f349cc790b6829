import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** The Debian chromium that .ci/run installs; never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS = join(REPO, 'test-results');

export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Skip without chromium on a developer machine, with a message; in CI (CI or TRIANGULATE_REQUIRE_BROWSER set) a missing browser is a failure. */
export function browserAvailable(): boolean {
  if (HAS_CHROMIUM) return true;
  if (process.env.CI || process.env.TRIANGULATE_REQUIRE_BROWSER) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian chromium (apt-get install chromium) before the tests`);
  console.warn(`[e2e] skipped: ${CHROMIUM} not found (apt-get install -y --no-install-recommends chromium to run the browser tests)`);
  return false;
}

/** Newest modification time of the UI's sources. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The UI build the server serves; (re)built here when missing or older than web/src, so the tests never run a stale UI. */
export function ensureWebBuild(): string {
  const dist = join(REPO, 'web', 'dist');
  const index = join(dist, 'index.html');
  const sources = Math.max(newestSource(join(REPO, 'web', 'src')), statSync(join(REPO, 'web', 'index.html')).mtimeMs);
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    execFileSync(process.execPath, [join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
  }
  return dist;
}

/** Where the test run saves a screenshot of each view (test-results/ is git-ignored). */
export const SCREENSHOTS = join(RESULTS, 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe-core in the page (evaluated over the protocol, so the page's CSP does not apply) and return serious/critical violations. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const source = readFileSync(join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(`${source}\n;void 0`);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
