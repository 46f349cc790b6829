import { describe, expect, it } from 'vitest';
import { Triangulate } from '../service.js';
import { createApp } from './app.js';
import { OPENAPI } from './openapi.js';

/** Hono path '/api/articles/:id' -> OpenAPI path '/api/articles/{id}'. */
const toOpenApi = (path: string) => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

describe('the OpenAPI document', () => {
  const service = Triangulate.open(':memory:');
  const app = createApp(service);
  const routes = app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method} ${toOpenApi(r.path)}`);
  const documented = Object.entries(OPENAPI.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

  it('documents every API route the app serves', () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((r) => !documented.includes(r))).toEqual([]);
  });

  it('documents no route the app does not serve', () => {
    expect(documented.filter((d) => !routes.includes(d))).toEqual([]);
  });

  it('is served at /api/openapi.json and every $ref resolves', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as typeof OPENAPI;
    expect(doc.openapi).toMatch(/^3\./);
    const refs = JSON.stringify(doc).match(/"#\/components\/[^"]+"/g) ?? [];
    for (const ref of refs) {
      const target = ref.slice(3, -1).split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
    await service.close();
  });
});
