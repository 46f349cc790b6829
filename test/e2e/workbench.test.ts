import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { articleId } from '../../src/domain/ids.js';
import type { Article } from '../../src/domain/article.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { exampleDb } from '../../src/server/test-support/example-db.js';
import type { Triangulate } from '../../src/service.js';
import { browserAvailable, CHROMIUM, ensureWebBuild, LAUNCH_ARGS, screenshot, seriousA11yViolations } from './browser.js';

const XSS_TEXT = [
  'Hostile markup test. The council met on Monday in the harbour town.',
  '<script>window.__pwned = "script"; alert("script")</script>',
  'A photo caption read <img src=x onerror="window.__pwned = \'img\'; alert(\'img\')"> and nothing more.',
  'Officials said <b onmouseover="alert(1)">bold</b> claims were false.',
].join('\n\n');

describe.skipIf(!browserAvailable())('the workbench in headless Chromium', () => {
  let service: Triangulate;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const xssId = articleId(XSS_TEXT, 'x');

  beforeAll(async () => {
    const webDir = ensureWebBuild();
    ({ service, cleanup } = await exampleDb());
    const xss: Article = {
      id: xssId, source: 'hostile.txt', format: 'text', url: null, outlet: 'Hostile <i>Outlet</i>', title: 'Hostile <script>alert("title")</script> markup',
      byline: null, published: null, dateline: null, language: 'en', text: XSS_TEXT, meta: {}, raw: new TextEncoder().encode(XSS_TEXT), encoding: 'utf-8', notes: [],
    };
    await service.store.putArticle(xss);
    await service.analyze();
    server = await startServer(service, { host: '127.0.0.1', port: 0, webDir });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await cleanup?.();
  });

  const api = async <T>(path: string): Promise<T> => (await (await fetch(new URL(path, server.url))).json()) as T;

  it('shows the corpus: totals, the plot, outlets and the article list, with no serious a11y violations', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Corpus', level: 1 }).waitFor();
    await page.locator('section[aria-labelledby="list-h"] table tbody tr').first().waitFor();
    await page.locator('.plot rect.bar').first().waitFor();
    expect(await page.locator('.stats dd').first().textContent()).toBe('10');
    expect(await page.locator('section[aria-labelledby="list-h"]').getByRole('link', { name: /^Hostile <script>/ }).count()).toBe(1);
    await screenshot(page, 'corpus');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('filters by outlet and by a plot bar, sorts a table and exports it as CSV', async () => {
    await page.goto(server.url);
    const outlets = await api<{ items: { name: string | null; articles: number }[] }>('/api/outlets');
    const top = outlets.items.find((o) => o.name !== null)!;
    await page.locator('table').last().getByRole('link', { name: top.name!, exact: true }).click();
    await page.waitForURL(/outlet=/);
    await expect.poll(() => page.locator('.pager span').textContent()).toBe(`1–${top.articles} of ${top.articles}`);
    expect(await page.locator('input[name=outlet]').inputValue()).toBe(top.name);
    await page.goBack();
    await expect.poll(() => page.locator('.pager span').textContent()).toMatch(/ of 10$/);
    // A bar of the plot lists the articles of its period.
    await page.locator('.plot rect.bar').first().click();
    await page.waitForURL(/from=.*to=/);
    expect(Number((await page.locator('.pager span').textContent())!.split(' of ')[1])).toBeGreaterThan(0);
    await page.goto(server.url);
    const articles = page.locator('section[aria-labelledby="list-h"]');
    const chars = articles.locator('table tbody tr td.num');
    await chars.first().waitFor();
    await articles.getByRole('button', { name: /^chars/ }).click();
    const ascending = (await chars.allTextContents()).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await articles.locator('th[aria-sort="ascending"]').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), articles.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('published,outlet,title,format,chars,id');
    expect(lines).toHaveLength(11);
  });

  it('searches with snippets, opens a hit, and the back button returns to the results', async () => {
    await page.goto(server.url);
    await page.getByLabel('Search text').fill('police');
    await page.getByLabel('Search text').press('Enter');
    await page.locator('.hits li').first().waitFor();
    expect(page.url()).toContain('q=police');
    expect((await page.locator('.hits .snippet mark').first().textContent())?.toLowerCase()).toBe('police');
    await screenshot(page, 'search');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const title = await page.locator('.hits .hit-title').first().textContent();
    await page.locator('.hits .hit-title').first().click();
    await page.locator('.article-text').waitFor();
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(page.url()).toMatch(/\/article\/a[0-9a-f]{16}$/);
    await page.goBack();
    await page.locator('.hits li').first().waitFor();
    expect(await page.getByLabel('Search text').inputValue()).toBe('police');
  });

  it('reads an article: findings highlighted by kind, a click shows kind, span, rule and data', async () => {
    const list = await api<{ items: { id: string; chars: number }[] }>('/api/articles?limit=50');
    const counts = await Promise.all(list.items.map(async (a) => ({ id: a.id, n: (await api<{ total: number }>(`/api/articles/${a.id}/findings?limit=1`)).total })));
    const rich = counts.sort((a, b) => b.n - a.n)[0]!;
    await page.goto(new URL(`/article/${rich.id}`, server.url).href);
    const first = page.locator('mark.hl').first();
    await first.waitFor();
    expect(await page.locator('.legend input[type=checkbox]').count()).toBeGreaterThan(1);
    const findings = await api<{ items: { span: { start: number }; kind: string; rule: string; text: string }[] }>(`/api/articles/${rich.id}/findings`);
    const start = Number(await first.getAttribute('data-start'));
    const over = findings.items.filter((f) => f.span.start <= start && start < f.span.start + f.text.length);
    await first.click();
    const details = page.locator('.details .finding').first();
    await details.waitFor();
    const shown = await details.textContent();
    expect(over.some((f) => shown?.includes(f.rule) && shown.includes(f.kind))).toBe(true);
    expect(shown).toMatch(/span\s*\d+–\d+/);
    await screenshot(page, 'article');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // A statement shows its parts (source, cue, content), each linked to its characters.
    const statement = page.locator('mark.hl.k-statement:not(.k-entity):not(.k-date):not(.k-quantity):not(.k-label)').first();
    if ((await statement.count()) > 0) {
      await statement.click();
      const card = page.locator('.details .finding.k-statement').first();
      await card.waitFor();
      expect(await card.textContent()).toMatch(/cue.*content/s);
      expect(await card.locator('a[href*="?span="]').count()).toBeGreaterThan(1);
      await screenshot(page, 'article-statement');
      // The selection is in the URL: reloading shows the same details.
      expect(page.url()).toContain('finding=');
      await page.reload();
      await page.locator('.details .finding.k-statement').first().waitFor();
    }
    // Keyboard: Tab reaches a highlight and Enter opens it.
    await page.locator('mark.hl').nth(1).focus();
    await page.keyboard.press('Enter');
    await page.locator('mark.hl.selected').first().waitFor();
    // A legend toggle hides a kind.
    const kind = (await page.locator('.legend label').first().textContent())!.trim().split(' ')[0]!;
    const before = await page.locator(`mark.hl.k-${kind}`).count();
    await page.locator('.legend input[type=checkbox]').first().uncheck();
    expect(await page.locator(`mark.hl.k-${kind}`).count()).toBeLessThan(before);
  });

  it('follows a ?span= link: the span is marked and scrolled into view', async () => {
    const list = await api<{ items: { id: string }[] }>('/api/articles?limit=50');
    let target: { articleId: string; span: { start: number; end: number }; text: string } | undefined;
    for (const a of list.items) {
      const fs = await api<{ items: { articleId: string; kind: string; span: { start: number; end: number }; text: string }[] }>(`/api/articles/${a.id}/findings?kind=statement`);
      target = fs.items.sort((x, y) => y.span.start - x.span.start)[0];
      if (target) break;
    }
    expect(target).toBeDefined();
    const { articleId: id, span, text } = target!;
    await page.goto(new URL(`/article/${id}?span=${span.start}-${span.end}`, server.url).href);
    await page.locator('.article-text .target').first().waitFor();
    const marked = (await page.locator('.article-text .target').allTextContents()).join('');
    expect(marked).toBe(text);
    expect(await page.locator('.target-note').textContent()).toContain(`${span.start}–${span.end}`);
    await expect.poll(() => page.locator('.article-text .target').first().isVisible()).toBe(true);
    const inView = await page.locator('.article-text .target').first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await screenshot(page, 'span');
  });

  it('renders hostile markup in an article as text and runs none of it', async () => {
    await page.goto(new URL(`/article/${xssId}`, server.url).href);
    await page.locator('.article-text').waitFor();
    await page.waitForTimeout(300);
    const text = await page.locator('.article-text').textContent();
    expect(text).toBe(XSS_TEXT);
    expect(await page.locator('.article-text script, .article-text img, .article-text b').count()).toBe(0);
    expect(await page.locator('h1').textContent()).toBe('Hostile <script>alert("title")</script> markup');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await page.locator('.article-text').hover();
    expect(dialogs).toEqual([]);
    await screenshot(page, 'hostile');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The search snippet of the hostile article is text too.
    await page.goto(new URL('/?q=caption', server.url).href);
    await page.locator('.hits li').first().waitFor();
    expect(await page.locator('.hits img, .hits script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('opens the story board of the Route 9 story: its articles, conflicting numbers, the copied passage with the earlier publisher marked', async () => {
    const articles = await api<{ items: { id: string; source: string }[] }>('/api/articles?limit=50');
    const idOf = (name: string) => articles.items.find((a) => a.source.endsWith(name))!.id;
    const first = idOf('meridian-rally-arrests.txt');
    const second = idOf('norvale-courier-detainees.html');
    const stories = await api<{ items: { id: string; articles: string[] }[] }>('/api/stories?limit=100');
    const story = stories.items.find((s) => s.articles.includes(first) && s.articles.includes(second));
    expect(story, 'a story holds both Route 9 articles').toBeDefined();
    await page.goto(new URL(`/story/${encodeURIComponent(story!.id)}`, server.url).href);
    const table = page.locator('#articles table');
    await table.waitFor();
    for (const id of story!.articles) expect(await table.locator(`a[href="/article/${id}"]`).count()).toBe(1);
    // The passage the later article took: both sides, the earlier publisher (by publish date) on the left and marked.
    const pair = page.locator(`.reuse-pair:has(.reuse-side[data-article="${first}"]):has(.reuse-side[data-article="${second}"])`).first();
    await pair.waitFor();
    expect(await pair.locator('.reuse-side').first().getAttribute('data-article')).toBe(first);
    expect(await pair.locator(`.reuse-side[data-article="${first}"] .earlier-badge`).count()).toBe(1);
    expect(await pair.locator('mark.diff').count()).toBeGreaterThan(0);
    await screenshot(page, 'example-story-board');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The arrest counts differ between outlets: a conflicting group, each claim linked to its characters.
    const conflict = page.locator('.claim-group.conflict').first();
    await conflict.waitFor({ timeout: 2000 });
    expect(await conflict.locator('tbody a[href*="?span="]').count()).toBeGreaterThan(1);
  });

  it('searches within the articles of an actor chosen by name', async () => {
    const actors = await api<{ items: { id: string; name: string; type: string; articles: { articleId: string }[] }[] }>('/api/actors?limit=50');
    const actor = actors.items.find((a) => a.articles.length >= 2 && a.articles.length < 10)!;
    expect(actor, 'an actor mentioned in a few articles').toBeDefined();
    const expected = await api<{ total: number }>(`/api/search?q=the&actor=${encodeURIComponent(actor.id)}`);
    await page.goto(server.url);
    await page.getByLabel('Search text').fill('the');
    await page.getByLabel('Actor').fill(`${actor.name} (${actor.type})`);
    await page.locator('#actor-names option').first().waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/actor=/);
    expect(new URL(page.url()).searchParams.get('actor')).toBe(actor.id);
    await page.locator('.hits li').first().waitFor();
    const hrefs = await page.locator('.hits .hit-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/').pop()!));
    const mentioned = new Set(actor.articles.map((a) => a.articleId));
    expect(hrefs.length).toBe(Math.min(25, expected.total));
    expect(hrefs.every((id) => mentioned.has(id))).toBe(true);
    // The filter shows the actor's name after a reload (the URL holds its id).
    await page.reload();
    await expect.poll(() => page.getByLabel('Actor').inputValue()).toBe(`${actor.name} (${actor.type})`);
  });

  it("lists an actor's articles when the actor filter has no search words", async () => {
    const actors = await api<{ items: { id: string; name: string; type: string; articles: { articleId: string; mentions: number }[] }[] }>('/api/actors?limit=50');
    const actor = actors.items.find((a) => a.articles.length >= 2)!;
    expect(actor, 'an actor mentioned in two or more articles').toBeDefined();
    await page.goto(server.url);
    await page.getByLabel('Actor').fill(`${actor.name} (${actor.type})`);
    await page.locator('#actor-names option').first().waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/actor=/);
    expect(new URL(page.url()).searchParams.get('actor')).toBe(actor.id);
    await page.getByRole('heading', { level: 2, name: 'Articles that mention the actor' }).waitFor();
    const rows = page.locator('section[aria-labelledby="list-h"] table tbody tr');
    await expect.poll(() => rows.count()).toBe(Math.min(25, actor.articles.length));
    const hrefs = await rows.locator('a[href^="/article/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/').pop()!));
    // Most mentions first: the page holds the articles in the API's order.
    const expected = [...actor.articles].sort((x, y) => y.mentions - x.mentions);
    expect(new Set(hrefs)).toEqual(new Set(expected.slice(0, 25).map((a) => a.articleId)));
    expect(await page.locator('section[aria-labelledby="list-h"] caption').textContent()).toContain(`of ${actor.articles.length}, most mentions first`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('answers unknown views and deep links with the app, and the API with JSON errors', async () => {
    await page.goto(new URL('/no/such/view', server.url).href);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await page.goto(new URL('/article/affffffffffffff0', server.url).href);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('no article');
  });
});
