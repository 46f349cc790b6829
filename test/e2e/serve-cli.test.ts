import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { REPO } from './browser.js';

describe('triangulate serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-serve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses bad flags with a usage error', async () => {
    expect((await cli(['serve', '--port', 'http'], dir)).code).toBe(2);
    expect((await cli(['serve', '--port', '70000'], dir)).code).toBe(2);
    expect((await cli(['serve', '--bogus'], dir)).code).toBe(2);
    const help = await cli(['serve', '--help'], dir);
    expect(help.out).toContain('--port');
  });

  it('prints the URL to open, serves the API on loopback, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(REPO, 'scripts', 'dev-cli.ts'), 'serve', '--port', '0', '--db', join(dir, 'empty.db')], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${err}`)), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Open the workbench: (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
    });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const stats = await (await fetch(new URL('/api/stats', url))).json();
      expect(stats).toMatchObject({ articles: 0, findings: 0 });
      const missing = await fetch(new URL('/api/articles/abcdef', url));
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'not-found' } });
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
