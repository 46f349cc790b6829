import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Triangulate } from '../service.js';
import { createApp } from './app.js';
import { exampleDb } from './test-support/example-db.js';

let app: Hono;
let service: Triangulate;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ service, cleanup } = await exampleDb());
  app = createApp(service, { webDir: '/nonexistent-web-dir' });
}, 120_000);
afterAll(() => cleanup());

async function call(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await app.request(path, init);
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
}

describe('stories', () => {
  it('lists stories largest first, every article in exactly one', async () => {
    const r = await call('/api/stories?limit=500');
    expect(r.status).toBe(200);
    const ids = r.body.items.flatMap((s: { articles: string[] }) => s.articles);
    expect(ids.length).toBe(9);
    expect(new Set(ids).size).toBe(9);
    const sizes = r.body.items.map((s: { articles: string[] }) => s.articles.length);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('gives a story board whose parts all belong to the story, and 404 for an unknown story', async () => {
    const list = await call('/api/stories?limit=1');
    const id = list.body.items[0].id as string;
    const r = await call(`/api/stories/${id}`);
    expect(r.status).toBe(200);
    const members = new Set(r.body.story.articles);
    expect(r.body.articles.map((a: { id: string }) => a.id).every((a: string) => members.has(a))).toBe(true);
    for (const s of r.body.statements) expect(members.has(s.source.articleId)).toBe(true);
    for (const p of r.body.reuse) expect(members.has(p.a.articleId) && members.has(p.b.articleId)).toBe(true);
    expect(r.body.explanation).not.toBeNull();
    const missing = await call('/api/stories/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not-found');
  });
});

describe('reuse, claims, quotes, timeline', () => {
  it('pages copied passages and filters them by article', async () => {
    const all = await call('/api/reuse');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(0);
    const pair = all.body.items[0];
    expect(pair.a.text.length).toBeGreaterThan(0);
    const one = await call(`/api/reuse?article=${pair.a.articleId}`);
    expect(one.body.items.every((p: any) => p.a.articleId === pair.a.articleId || p.b.articleId === pair.a.articleId)).toBe(true);
    expect((await call('/api/reuse?limit=0')).status).toBe(400);
  });

  it('answers the list routes with pages', async () => {
    for (const path of ['/api/claims', '/api/claims?conflicts=1', '/api/quotes', '/api/timeline', '/api/actors', '/api/actors?type=PER&q=a']) {
      const r = await call(path);
      expect(r.status, path).toBe(200);
      expect(Object.keys(r.body).sort(), path).toEqual(['items', 'limit', 'offset', 'total']);
    }
    expect((await call('/api/actors?type=PERSON')).status).toBe(400);
  });
});

describe('alias decisions', () => {
  it('takes JSON decisions, lists and removes them, and rejects bad ones with the error shape', async () => {
    const body = JSON.stringify({ action: 'split', a: { name: 'Ana Example', type: 'PER' }, b: { name: 'Example', type: 'PER' }, note: 'two people' });
    const form = await call('/api/aliases/decisions', { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
    expect(form.status).toBe(400);
    const made = await call('/api/aliases/decisions', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(made.status).toBe(201);
    expect(made.body.decision).toMatchObject({ action: 'split', a: { name: 'Ana Example' }, note: 'two people' });
    const list = await call('/api/aliases/decisions');
    expect(list.body.map((d: { id: number }) => d.id)).toContain(made.body.decision.id);
    const bad = await call('/api/aliases/decisions', { method: 'POST', body: '{"action":"delete"}', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(['error']);
    expect((await call(`/api/aliases/decisions/${made.body.decision.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/api/aliases/decisions/${made.body.decision.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('articles and search by actor', () => {
  it("lists an actor's articles, most mentions first, and searches within them", async () => {
    const actors = await call('/api/actors?limit=1');
    const actor = actors.body.items[0];
    const r = await call(`/api/articles?actor=${encodeURIComponent(actor.id)}&limit=3`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(actor.articles.length);
    const mentioned = new Set(actor.articles.map((a: { articleId: string }) => a.articleId));
    expect(r.body.items.every((a: { id: string }) => mentioned.has(a.id))).toBe(true);
    const word = (await call(`/api/articles/${r.body.items[0].id}`)).body.article.title.split(' ')[0];
    const hits = await call(`/api/search?q=${encodeURIComponent(word)}&actor=${encodeURIComponent(actor.id)}`);
    expect(hits.status).toBe(200);
    expect(hits.body.items.every((h: { article: { id: string } }) => mentioned.has(h.article.id))).toBe(true);
    expect((await call('/api/articles?actor=actor:per:nobody')).status).toBe(404);
  });

  it('404s for an unknown actor', async () => {
    const r = await call('/api/search?q=police&actor=actor:per:nobody');
    expect(r.status).toBe(404);
  });
});
