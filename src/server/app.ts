import { Hono } from 'hono';
import type { Article } from '../domain/article.js';
import type { Actor } from '../domain/corpus.js';
import { sha256Hex } from '../domain/ids.js';
import { AppError } from '../domain/errors.js';
import type { Triangulate } from '../service.js';
import { errorResponse } from './errors.js';
import { registerCorpusRoutes } from './corpus-routes.js';
import { OPENAPI } from './openapi.js';
import { MAX_LIMIT, articlesQuery, findingsQuery, pagingQuery, queryOf, searchQuery, timelineQuery } from './params.js';
import { serveUi, type UiOptions } from './static.js';

/** An article as the API returns it: everything but the raw bytes, which are summarised (size, hash). */
export function articleBody(a: Article) {
  const { raw, ...rest } = a;
  return { ...rest, raw: { bytes: raw.byteLength, sha256: sha256Hex(raw) } };
}

export interface AppOptions extends UiOptions {
  /** Host header names (without port) to answer; any host when absent. */
  readonly allowedHosts?: readonly string[];
}

/** The names a server bound to a loopback address answers to. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The HTTP app over one service: the JSON API under /api (documented in openapi.ts; a test keeps the two
 * in step) and the built UI at /. Tests drive it in-process with `app.request()`.
 */
export function createApp(service: Triangulate, options: AppOptions = {}): Hono {
  const app = new Hono();
  const store = service.store;

  app.onError((e, c) => errorResponse(c, e));
  app.notFound((c) => errorResponse(c, new AppError('not-found', `no route ${c.req.method} ${new URL(c.req.url).pathname}`)));

  if (options.allowedHosts) {
    // A server on loopback answers only to loopback names: a web page elsewhere cannot reach it by
    // pointing its own domain at 127.0.0.1 (DNS rebinding).
    const allowed = new Set(options.allowedHosts.map((h) => h.toLowerCase()));
    app.use('*', async (c, next) => {
      // The adapter builds the URL from the Host header.
      const host = new URL(c.req.url).hostname.toLowerCase();
      if (!allowed.has(host)) throw new AppError('usage', `requests for host "${host}" are not served; open the URL the server printed`);
      await next();
    });
  }

  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });

  app.get('/api/stats', async (c) => {
    const [stats, findingsByKind] = await Promise.all([service.stats(), store.countFindings()]);
    return c.json({ ...stats, findingsByKind });
  });

  app.get('/api/outlets', async (c) => {
    const q = pagingQuery.parse(queryOf(c.req.url));
    return c.json(await store.listOutlets(q));
  });

  app.get('/api/articles', async (c) => {
    const { q, actor, ...filter } = articlesQuery.parse(queryOf(c.req.url));
    if (actor !== undefined && !q) {
      // The actor's articles, most mentions first (other filters apply to the page read).
      const item = await store.getCorpusItem('actor', actor);
      if (!item) throw new AppError('not-found', `no actor with id ${actor}`);
      const ids = [...(item.data as Actor).articles].sort((x, y) => y.mentions - x.mentions).map((a) => a.articleId);
      const pageIds = ids.slice(filter.offset, filter.offset + filter.limit);
      const items = store.getArticleSummaries
        ? await store.getArticleSummaries(pageIds)
        : (await Promise.all(pageIds.map((id) => store.getArticle(id)))).filter((a) => a !== null).map((a) => ({ id: a.id, source: a.source, format: a.format, url: a.url, outlet: a.outlet, title: a.title, published: a.published, language: a.language, chars: a.text.length }));
      const order = new Map(pageIds.map((id, i) => [id, i]));
      items.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
      return c.json({ items, total: ids.length, limit: filter.limit, offset: filter.offset });
    }
    if (q) {
      if (actor !== undefined) return c.redirect(`/api/search?${new URL(c.req.url).searchParams.toString()}`, 307);
      const page = await store.searchArticles(q, filter);
      return c.json({ ...page, items: page.items.map((h) => ({ ...h.article, snippet: h.snippet })) });
    }
    return c.json(await service.articles(filter));
  });

  app.get('/api/articles/:id', async (c) => {
    const idOrPrefix = c.req.param('id');
    const id = await store.resolveId(idOrPrefix);
    const article = id ? await store.getArticle(id) : null;
    if (!article) throw new AppError('not-found', `no article with id ${idOrPrefix}`);
    const [sources, analysis, findingCounts] = await Promise.all([store.getSources(article.id), store.getAnalysisState(article.id), store.countFindings(article.id)]);
    return c.json({ article: articleBody(article), sources, analysis, findingCounts });
  });

  app.get('/api/articles/:id/findings', async (c) => {
    const { kind, stage, limit, offset } = findingsQuery.parse(queryOf(c.req.url));
    const view = await service.article(c.req.param('id'), { ...(kind ? { kind } : {}), ...(stage ? { stage } : {}) });
    const items = view.findings.slice(offset, offset + limit);
    return c.json({ items, total: view.findings.length, limit, offset });
  });

  app.get('/api/search', async (c) => {
    const { q, actor, ...filter } = searchQuery.parse(queryOf(c.req.url));
    if (actor === undefined) return c.json(await store.searchArticles(q, filter));
    // Restricted to an actor's articles: the best MAX_LIMIT matches, filtered, then paged.
    // The actor item alone (not its whole view): only its articles are needed here.
    const item = await store.getCorpusItem('actor', actor);
    if (!item) throw new AppError('not-found', `no actor with id ${actor}`);
    const mentioned = new Set((item.data as Actor).articles.map((a) => a.articleId));
    const best = await store.searchArticles(q, { ...filter, limit: MAX_LIMIT, offset: 0 });
    const hits = best.items.filter((h) => mentioned.has(h.article.id));
    return c.json({ items: hits.slice(filter.offset, filter.offset + filter.limit), total: hits.length, limit: filter.limit, offset: filter.offset });
  });

  app.get('/api/timeline/articles', async (c) => {
    const { bucket, ...filter } = timelineQuery.parse(queryOf(c.req.url));
    return c.json({ bucket, ...(await store.countArticlesOverTime(bucket, filter)) });
  });

  registerCorpusRoutes(app, service);

  app.get('/api/openapi.json', (c) => c.json(OPENAPI));

  serveUi(app, options);
  return app;
}
