import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';

/** The built UI (vite build of web/), beside src/ and dist/ alike: both are two levels below the package root. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface UiOptions {
  /** Folder of the built UI; DEFAULT_WEB_DIR when absent. */
  readonly webDir?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Strict policy for the UI: scripts only from this origin, so that even a rendering bug could not run
 * markup found in an article's text.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

async function fileAt(root: string, path: string): Promise<string | null> {
  try {
    const full = normalize(join(root, decodeURIComponent(path)));
    if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
    return (await stat(full)).isFile() ? full : null;
  } catch {
    return null;
  }
}

/**
 * GET of any path outside /api: the file when the build has it, else index.html (the UI routes by path,
 * so /article/a1b2... opened directly or reloaded still shows the article).
 */
export function serveUi(app: Hono, options: UiOptions): void {
  const root = normalize(options.webDir ?? DEFAULT_WEB_DIR);
  app.get('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (path === '/api' || path.startsWith('/api/')) return next();
    const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    const file = (path !== '/' && (await fileAt(root, path))) || (await fileAt(root, 'index.html'));
    if (!file) {
      return c.text('The web UI is not built. Run `npm run build` (or `npm run build:web`), then reload.\nThe JSON API is at /api (see /api/openapi.json).\n', 503, headers);
    }
    const immutable = path.startsWith('/assets/');
    return c.body(await readFile(file), 200, {
      ...headers,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });
}
