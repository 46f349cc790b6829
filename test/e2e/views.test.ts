import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { Triangulate } from '../../src/service.js';
import { browserAvailable, CHROMIUM, ensureWebBuild, LAUNCH_ARGS, screenshot, seriousA11yViolations } from './browser.js';
import { ACTOR, ACTOR_ID, ACTOR_VIEW, ARTICLES, B_ID, BOARD, C_ID, OTHER_ACTOR, OUTSIDE_ARTICLE, PASSAGE_C, STORY, STORY_ID } from './fixtures.js';

/*
 * The story board and actor views on invented fixtures served with page.route: what the views show does not
 * depend here on what the analysis finds (story-board.test.ts checks the real corpus).
 */
describe.skipIf(!browserAvailable())('story board and actor views on fixtures', () => {
  let dir: string;
  let service: Triangulate;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const posted: unknown[] = [];
  const articleQueries: string[] = [];
  const claimQueries: string[] = [];
  const pageErrors: string[] = [];

  const json = (route: Route, body: unknown, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

  beforeAll(async () => {
    const webDir = ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), 'tri-views-'));
    service = Triangulate.open(join(dir, 'empty.db'));
    server = await startServer(service, { host: '127.0.0.1', port: 0, webDir });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    await context.route(/\/api\/(stories|actors|aliases|articles)/, async (route) => {
      const url = new URL(route.request().url());
      const path = decodeURIComponent(url.pathname);
      const method = route.request().method();
      if (path === `/api/articles/${C_ID}`) return json(route, { article: { ...OUTSIDE_ARTICLE, byline: null, text: '', notes: [], meta: {}, encoding: 'utf-8', dateline: null, raw: { bytes: 0, sha256: '' } }, sources: [], analysis: [], findingCounts: [] });
      if (path === '/api/articles') {
        // The actor's articles (most mentions first), as the API lists them for ?actor= without search words.
        if (url.searchParams.get('actor') !== ACTOR_ID || url.searchParams.get('q')) return route.continue();
        articleQueries.push(url.search);
        return json(route, { items: [...ARTICLES].reverse(), total: ACTOR.articles.length, limit: 25, offset: 0 });
      }
      if (path === '/api/stories') return json(route, { items: [STORY], total: 1, limit: 25, offset: 0 });
      if (path === `/api/stories/${STORY_ID}`) return json(route, BOARD);
      if (path === '/api/actors') {
        const q = (url.searchParams.get('q') ?? '').toLowerCase();
        const items = [ACTOR, OTHER_ACTOR].filter((a) => a.names.some((n) => n.name.toLowerCase().includes(q)));
        return json(route, { items, total: items.length, limit: 30, offset: 0 });
      }
      if (path === `/api/actors/${ACTOR_ID}`) return json(route, ACTOR_VIEW);
      if (path === '/api/aliases/decisions' && method === 'GET') return json(route, []);
      if (path === '/api/aliases/decisions' && method === 'POST') {
        const body = route.request().postDataJSON() as { action: 'merge' | 'split' | 'confirm'; a: unknown; b: unknown };
        posted.push(body);
        return json(route, { decision: { id: posted.length, at: '2026-01-01T00:00:00Z', note: null, ...body } });
      }
      return json(route, { error: { code: 'not-found', message: `no fixture for ${method} ${path}` } }, 404);
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/claims') claimQueries.push(r.url());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await service?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists stories and opens a story board: articles, conflicts marked, the copied passage aligned with the earlier publisher', async () => {
    await page.goto(new URL('/stories', server.url).href);
    await page.getByRole('link', { name: STORY.title! }).click();
    await page.waitForURL(/\/story\//);
    await page.getByRole('heading', { level: 1, name: STORY.title! }).waitFor();
    const articles = page.locator('#articles');
    for (const a of BOARD.articles) expect(await articles.getByRole('link', { name: a.title!, exact: true }).count()).toBe(1);
    expect(await page.locator('.plot.lanes a').count()).toBe(2);
    // Numbers: the group is marked as a conflict, with both stated values.
    const group = page.locator('.claim-group.conflict');
    expect(await group.locator('.conflict-badge').textContent()).toBe('conflict');
    expect(await group.textContent()).toContain('more than 2,000');
    expect(await group.textContent()).toContain('some 3,000');
    // A corpus-wide group (from the board's own data): marked as reaching other stories, this story's claims first.
    const wide = page.locator('.claim-group[data-measure="boats in the harbour"]');
    expect(await wide.locator('.reach-badge', { hasText: 'reaches other stories' }).count()).toBe(1);
    expect(await wide.locator('tbody tr').first().textContent()).toContain('North Post');
    expect(await page.locator('.claim-group[data-measure="members of Harbour League"] .reach-badge').count()).toBe(0);
    // The same statement in this story and another: marked, the other story's report marked too.
    const quote = page.locator('.quote-group[data-group="quote-attacked"]');
    expect(await quote.locator('.reach-badge').textContent()).toBe('reaches other stories');
    expect(await quote.locator('li').nth(1).textContent()).toContain('(other story)');
    expect(await quote.locator('.cue').allTextContents()).toEqual(['told reporters', 'said']);
    // Timeline: the entry that reaches another story is marked, the story's own are not.
    expect(await page.locator('.timeline > li .reach-badge').count()).toBe(1);
    expect(await page.locator('.timeline > li').filter({ hasText: 'the League holds a rally' }).locator('.reach-badge').count()).toBe(1);
    // A passage copied into an article of another story: that side is marked.
    const outside = page.locator('.reuse-pair').filter({ hasText: PASSAGE_C });
    expect(await outside.locator(`.reuse-side[data-article="${C_ID}"] .reach-badge`).textContent()).toBe('other story');
    expect(await outside.locator('.reuse-side .reach-badge').count()).toBe(1);
    // Its outlet and title are looked up (the board lists only the story's own articles).
    await expect.poll(() => outside.locator(`.reuse-side[data-article="${C_ID}"] .reuse-head`).textContent()).toContain(OUTSIDE_ARTICLE.outlet!);
    expect(await outside.locator(`.reuse-side[data-article="${C_ID}"] .reuse-head`).textContent()).toContain(OUTSIDE_ARTICLE.title!);
    // Statements: the cue column shows the reporting verbs.
    const heads = await page.locator('#statements thead th').allTextContents();
    expect(heads.some((h) => h.startsWith('cue'))).toBe(true);
    expect(await page.locator('#statements tbody').textContent()).toContain('told reporters');
    // No request for corpus-wide conflicts: the board's own data holds them.
    expect(claimQueries).toEqual([]);
    // The copied passage: earlier publisher on the left, marked; the differing words highlighted on both sides.
    const pair = page.locator('.reuse-pair').first();
    const sides = pair.locator('.reuse-side');
    expect(await sides.nth(0).getAttribute('data-article')).toBe(BOARD.reuse[0]!.direction.earlier);
    expect(await sides.nth(0).locator('.earlier-badge').count()).toBe(1);
    expect(await sides.nth(1).locator('.earlier-badge').count()).toBe(0);
    expect(await sides.nth(0).locator('mark.diff').allTextContents()).toEqual(['league']);
    expect(await sides.nth(1).locator('mark.diff').allTextContents()).toEqual(['cult']);
    expect(await sides.nth(0).locator('.reuse-text').textContent()).toBe(BOARD.reuse[0]!.a.text);
    // Labels: own voice and quoted apart, each linked to its characters.
    const quoted = page.locator('.label-matrix li.quoted-label');
    expect(await quoted.textContent()).toContain('a League spokesman');
    expect(await page.locator('.label-matrix a[href*="?span="]').count()).toBe(3);
    // Every statement links to its characters.
    const links = await page.locator('#statements a.statement-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(BOARD.statements.map((s) => `/article/${s.source.articleId}?span=${s.source.span.start}-${s.source.span.end}`));
    await screenshot(page, 'fixture-story-board');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('is usable from the keyboard: Tab reaches a statement, Enter follows it to its characters', async () => {
    await page.goto(new URL(`/story/${STORY_ID}`, server.url).href);
    await page.locator('#statements a.statement-link').first().waitFor();
    let reached = false;
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.classList.contains('statement-link') ?? false);
    }
    expect(reached).toBe(true);
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
    expect(href).toMatch(/^\/article\/[^?]+\?span=\d+-\d+$/);
  });

  it('opens an actor from the board; the back button returns to the board', async () => {
    await page.goto(new URL(`/story/${STORY_ID}`, server.url).href);
    await page.locator('.label-matrix').getByRole('link', { name: ACTOR.name }).click();
    await page.waitForURL(/\/actor\/actor%3Aorg%3Aharbour-league$/);
    await page.getByRole('heading', { level: 1, name: ACTOR.name }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: STORY.title! }).waitFor();
    expect(page.url()).toContain(`/story/${STORY_ID}`);
  });

  it('shows an actor: names, merge evidence with its sources, mentions per outlet and month, statements, labels; split and merge post decisions', async () => {
    await page.goto(new URL(`/actor/${encodeURIComponent(ACTOR_ID)}`, server.url).href);
    await page.getByRole('heading', { level: 1, name: ACTOR.name }).waitFor();
    expect(await page.locator('.evidence').textContent()).toContain(ACTOR.evidence[0]!.detail);
    expect(await page.locator('.evidence a[href*="?span="]').count()).toBe(1);
    // The heat map fills the months between the first and the last, and keeps undated mentions apart.
    const heads = await page.locator('.heatmap thead th').allTextContents();
    expect(heads).toEqual(['outlet', '2023-04', '2023-05', '2023-06', 'undated', 'total']);
    expect(await page.locator('#by-h').textContent()).toContain(ACTOR.name);
    // Statements by the actor show their cue.
    expect(await page.locator('section[aria-labelledby="by-h"] tbody').textContent()).toContain('told reporters');
    await screenshot(page, 'fixture-actor');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Split a name off: the decision names both.
    await page.getByRole('button', { name: `Split “HL” from ${ACTOR.name}` }).click();
    await expect.poll(() => posted.length).toBe(1);
    expect(posted[0]).toMatchObject({ action: 'split', a: { name: 'Harbour League', type: 'ORG' }, b: { name: 'HL', type: 'ORG' } });
    await page.getByRole('status').waitFor();
    // Merge: find another actor by name, merge it in.
    await page.getByLabel(`Find an actor to merge into ${ACTOR.name}`).fill('council');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: `Merge into ${ACTOR.name}` }).click();
    await expect.poll(() => posted.length).toBe(2);
    expect(posted[1]).toMatchObject({ action: 'merge', b: { name: OTHER_ACTOR.name } });
  });

  it("filters the corpus's article list by an actor without search words: the actor's articles, most mentions first", async () => {
    await page.goto(new URL(`/?actor=${encodeURIComponent(ACTOR_ID)}`, server.url).href);
    await page.getByRole('heading', { level: 2, name: 'Articles that mention the actor' }).waitFor();
    const rows = page.locator('section[aria-labelledby="list-h"] table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain(ARTICLES[1]!.title!);
    expect(await page.locator('section[aria-labelledby="list-h"] caption').textContent()).toContain(`of ${ACTOR.articles.length}, most mentions first`);
    expect(new URLSearchParams(articleQueries.at(-1)).get('actor')).toBe(ACTOR_ID);
    await expect.poll(() => page.getByLabel('Actor', { exact: true }).inputValue()).toBe(`${ACTOR.name} (${ACTOR.type})`);
    await screenshot(page, 'fixture-corpus-actor');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('lists actors with a name filter in the URL and pages', async () => {
    await page.goto(new URL('/actors', server.url).href);
    await page.getByLabel('Name').fill('council');
    await page.getByRole('button', { name: 'Find actors' }).click();
    await page.waitForURL(/\/actors\?q=council/);
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1);
    expect(await page.locator('table tbody tr').textContent()).toContain(OTHER_ACTOR.name);
    await screenshot(page, 'fixture-actors');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goBack();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(2);
    expect(pageErrors).toEqual([]);
    expect(B_ID).not.toBe(STORY_ID);
  });
});
