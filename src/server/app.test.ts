import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Triangulate } from '../service.js';
import { createApp } from './app.js';
import { STATUS_BY_CODE } from './errors.js';
import { exampleDb } from './test-support/example-db.js';

let app: Hono;
let service: Triangulate;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ service, cleanup } = await exampleDb());
  app = createApp(service, { webDir: '/nonexistent-web-dir' });
}, 120_000);
afterAll(() => cleanup());

async function get(path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await app.request(path);
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? await res.json() : await res.text(), headers: res.headers };
}

function expectError(r: { status: number; body: any }, status: number, code: string): void {
  expect(r.status).toBe(status);
  expect(Object.keys(r.body)).toEqual(['error']);
  expect(Object.keys(r.body.error).sort()).toEqual(['code', 'message']);
  expect(r.body.error.code).toBe(code);
  expect(typeof r.body.error.message).toBe('string');
}

describe('GET /api/stats and /api/outlets', () => {
  it('gives corpus totals with findings by stage and kind', async () => {
    const r = await get('/api/stats');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ articles: 9, outlets: expect.any(Number), findings: expect.any(Number), failures: 0 });
    const kinds = (r.body.findingsByKind as { kind: string; findings: number }[]).map((k) => k.kind);
    expect(kinds).toContain('date');
    expect(r.body.findingsByKind.reduce((n: number, k: { findings: number }) => n + k.findings, 0)).toBe(r.body.findings);
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('pages outlets with counts and first/last dates', async () => {
    const all = await get('/api/outlets?limit=500');
    expect(all.status).toBe(200);
    expect(all.body.items.reduce((n: number, o: { articles: number }) => n + o.articles, 0)).toBe(9);
    const one = await get('/api/outlets?limit=1&offset=1');
    expect(one.body).toMatchObject({ total: all.body.total, limit: 1, offset: 1 });
    expect(one.body.items).toEqual([all.body.items[1]]);
  });
});

describe('GET /api/articles', () => {
  it('pages the list with totals', async () => {
    const first = await get('/api/articles?limit=4');
    expect(first.body).toMatchObject({ total: 9, limit: 4, offset: 0 });
    expect(first.body.items).toHaveLength(4);
    const rest = await get('/api/articles?limit=4&offset=8');
    expect(rest.body.items).toHaveLength(1);
    const ids = new Set([...first.body.items, ...(await get('/api/articles?limit=4&offset=4')).body.items, ...rest.body.items].map((a: { id: string }) => a.id));
    expect(ids.size).toBe(9);
    expect(first.body.items[0]).not.toHaveProperty('text');
    expect(first.body.items[0]).not.toHaveProperty('raw');
  });

  it('filters by outlet and date, and by full text with snippets', async () => {
    const outlets = (await get('/api/outlets')).body.items as { name: string | null; articles: number }[];
    const named = outlets.find((o) => o.name !== null)!;
    const byOutlet = await get(`/api/articles?outlet=${encodeURIComponent(named.name!)}`);
    expect(byOutlet.body.total).toBe(named.articles);
    const dated = await get('/api/articles?from=1900&to=2999');
    const undated = (await get('/api/timeline/articles?bucket=day')).body.undated as number;
    expect(dated.body.total).toBeGreaterThanOrEqual(9 - undated);
    expect((await get('/api/articles?from=2999')).body.total).toBe(0);
    const text = (await get('/api/search?q=police')).body;
    const viaList = await get('/api/articles?q=police&limit=2');
    expect(viaList.body.total).toBe(text.total);
    expect(viaList.body.items[0].snippet).toMatch(/«police»/i);
  });

  it('rejects bad parameters with the error shape', async () => {
    expectError(await get('/api/articles?limit=0'), 400, 'usage');
    expectError(await get('/api/articles?limit=100000'), 400, 'usage');
    expectError(await get('/api/articles?offset=-1'), 400, 'usage');
    expectError(await get('/api/articles?from=yesterday'), 400, 'usage');
    expectError(await get('/api/articles?format=pdf'), 400, 'usage');
  });
});

describe('GET /api/articles/:id and its findings', () => {
  let id = '';
  beforeAll(async () => {
    id = (await get('/api/articles?limit=1')).body.items[0].id;
  });

  it('gives the article without raw bytes, with sources, analysis notes and finding counts', async () => {
    const r = await get(`/api/articles/${id}`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['analysis', 'article', 'findingCounts', 'sources']);
    expect(r.body.article.id).toBe(id);
    expect(typeof r.body.article.text).toBe('string');
    expect(r.body.article.raw).toEqual({ bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(r.body.sources.length).toBeGreaterThan(0);
    expect(r.body.analysis.map((a: { stage: string }) => a.stage)).toEqual(expect.arrayContaining(['dates', 'statements']));
    expect((await get(`/api/articles/${id.slice(0, 8)}`)).body.article.id).toBe(id);
  });

  it('gives findings whose text slices the article text at their span, filtered and paged', async () => {
    const text = (await get(`/api/articles/${id}`)).body.article.text as string;
    const all = await get(`/api/articles/${id}/findings`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(0);
    for (const f of all.body.items) expect(text.slice(f.span.start, f.span.end)).toBe(f.text);
    const dates = await get(`/api/articles/${id}/findings?kind=date`);
    expect(dates.body.items.every((f: { kind: string }) => f.kind === 'date')).toBe(true);
    const entities = await get(`/api/articles/${id}/findings?stage=dates&limit=2&offset=1`);
    expect(entities.body).toMatchObject({ limit: 2, offset: 1 });
    expect(entities.body.items).toEqual(all.body.items.filter((f: { stage: string }) => f.stage === 'dates').slice(1, 3));
  });

  it('says not-found, usage and conflict in the error shape', async () => {
    expectError(await get('/api/articles/affffffffffffff0'), 404, 'not-found');
    expectError(await get('/api/articles/affffffffffffff0/findings'), 404, 'not-found');
    expectError(await get('/api/articles/ab'), 400, 'usage');
    expectError(await get('/api/articles/a'), 400, 'usage');
    expectError(await get('/api/nothing-here'), 404, 'not-found');
    expect(STATUS_BY_CODE.conflict).toBe(409);
  });
});

describe('GET /api/search and /api/timeline/articles', () => {
  it('searches with snippets and paging; odd queries do not crash', async () => {
    const r = await get('/api/search?q=police&limit=1');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ limit: 1, offset: 0 });
    expect(r.body.total).toBeGreaterThan(0);
    expect(r.body.items[0]).toMatchObject({ article: { id: expect.any(String) }, snippet: expect.stringContaining('«'), rank: expect.any(Number) });
    expect((await get('/api/search?q=%22unterminated')).status).toBe(200);
    expect((await get('/api/search?q=zzzqqqxxx')).body.total).toBe(0);
    expectError(await get('/api/search'), 400, 'usage');
    expectError(await get('/api/search?q=%20'), 400, 'usage');
  });

  it('counts articles over time per month and day', async () => {
    const months = await get('/api/timeline/articles');
    expect(months.body.bucket).toBe('month');
    const total = months.body.buckets.reduce((n: number, b: { articles: number }) => n + b.articles, 0) + months.body.undated;
    expect(total).toBe(9);
    for (const b of months.body.buckets) expect(b.bucket).toMatch(/^\d{4}-\d{2}$/);
    const days = await get('/api/timeline/articles?bucket=day');
    for (const b of days.body.buckets) expect(b.bucket).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expectError(await get('/api/timeline/articles?bucket=week'), 400, 'usage');
  });
});

describe('the UI routes', () => {
  it('says the UI is not built when web/dist is missing, and never answers /api paths with HTML', async () => {
    const r = await get('/article/abc');
    expect(r.status).toBe(503);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expectError(await get('/api/'), 404, 'not-found');
  });
});

describe('host check', () => {
  it('answers only loopback host names when asked to', async () => {
    const guarded = createApp(service, { webDir: '/nonexistent-web-dir', allowedHosts: ['127.0.0.1', 'localhost'] });
    expect((await guarded.request('http://127.0.0.1:8787/api/stats')).status).toBe(200);
    const r = await guarded.request('http://evil.example:8787/api/stats');
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: { code: 'usage' } });
  });
});

describe('odd input', () => {
  it('answers any query string and id with 2xx or a JSON error, never a crash', async () => {
    const paths = ['/api/articles', '/api/search', '/api/outlets', '/api/timeline/articles', '/api/articles/a655/findings'];
    const keys = ['q', 'limit', 'offset', 'outlet', 'from', 'to', 'format', 'bucket', 'kind', 'stage'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.dictionary(fc.constantFrom(...keys), fc.string({ maxLength: 12 }), { maxKeys: 4 }), fc.string({ maxLength: 20 }), async (path, query, id) => {
        const qs = new URLSearchParams(query).toString();
        for (const p of [`${path}?${qs}`, `/api/articles/${encodeURIComponent(id)}`]) {
          const res = await app.request(p);
          expect(res.status, p).toBeLessThan(500);
          const body = (await res.json()) as { error?: { code: string; message: string } };
          if (res.status >= 400) expect(Object.keys(body.error ?? {}).sort(), p).toEqual(['code', 'message']);
        }
      }),
      { numRuns: 150 },
    );
  });
});
