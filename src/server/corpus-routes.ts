import type { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { Triangulate } from '../service.js';
import { pagingQuery, queryOf } from './params.js';

/*
 * The cross-article API: stories, actors (with alias decisions), claims, reuse, timeline. Read routes are
 * paged; a story or an actor view reads a bounded number of items (src/corpus/read.ts).
 */

const storyFilter = pagingQuery.extend({ story: z.string().min(1).optional() });
const actorsQuery = pagingQuery.extend({ q: z.string().trim().optional(), type: z.enum(['PER', 'ORG', 'LOC', 'MISC']).optional() });
const claimsQuery = storyFilter.extend({ conflicts: z.enum(['0', '1', 'true', 'false']).optional() });
const reuseQuery = storyFilter.extend({ article: z.string().min(1).optional() });
const nameKey = z.object({ name: z.string().trim().min(1).max(500), type: z.enum(['PER', 'ORG', 'LOC', 'MISC']) });
export const decisionBody = z.object({ action: z.enum(['merge', 'split', 'confirm']), a: nameKey, b: nameKey, note: z.string().max(2000).nullish() });

export function registerCorpusRoutes(app: Hono, service: Triangulate): void {
  app.get('/api/stories', async (c) => c.json(await service.stories(pagingQuery.parse(queryOf(c.req.url)))));

  app.get('/api/stories/:id', async (c) => c.json(await service.story(c.req.param('id'))));

  app.get('/api/actors', async (c) => {
    const { q, type, ...paging } = actorsQuery.parse(queryOf(c.req.url));
    return c.json(await service.actors({ ...paging, ...(q ? { q } : {}), ...(type ? { type } : {}) }));
  });

  app.get('/api/actors/:id', async (c) => c.json(await service.actor(c.req.param('id'))));

  app.get('/api/aliases/decisions', async (c) => c.json(await service.aliasDecisions()));

  app.post('/api/aliases/decisions', async (c) => {
    // JSON only: a cross-site form cannot send it without a preflight, which this server never grants.
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      throw new AppError('usage', 'send the decision as JSON (Content-Type: application/json)');
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new AppError('usage', 'the request body is not valid JSON');
    }
    const d = decisionBody.parse(body);
    const decision = await service.decideAlias({ action: d.action, a: d.a, b: d.b, note: d.note ?? null });
    return c.json({ decision }, 201);
  });

  app.delete('/api/aliases/decisions/:id', async (c) => {
    const id = z.coerce.number().int().min(1).parse(c.req.param('id'));
    await service.undoAliasDecision(id);
    return c.body(null, 204);
  });

  app.get('/api/claims', async (c) => {
    const { conflicts, story, ...paging } = claimsQuery.parse(queryOf(c.req.url));
    return c.json(await service.claims({ ...paging, ...(story ? { story } : {}), conflicts: conflicts === '1' || conflicts === 'true' }));
  });

  app.get('/api/quotes', async (c) => {
    const { story, ...paging } = storyFilter.parse(queryOf(c.req.url));
    return c.json(await service.quotes({ ...paging, ...(story ? { story } : {}) }));
  });

  app.get('/api/reuse', async (c) => {
    const { story, article, ...paging } = reuseQuery.parse(queryOf(c.req.url));
    return c.json(await service.reuse({ ...paging, ...(story ? { story } : {}), ...(article ? { article } : {}) }));
  });

  app.get('/api/timeline', async (c) => {
    const { story, ...paging } = storyFilter.extend({ limit: pagingQuery.shape.limit.default(100) }).parse(queryOf(c.req.url));
    return c.json(await service.timeline({ ...paging, ...(story ? { story } : {}) }));
  });

}
