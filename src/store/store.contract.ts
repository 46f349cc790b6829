import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../domain/article.js';
import { makeArticle } from '../../test/support/article.js';
import type { Store } from './store.js';

/**
 * The behaviour every Store implementation must have. Run it from each implementation's test file:
 * `describeStoreContract('sqlite', () => openSqliteStore(':memory:'))`.
 */
export function describeStoreContract(name: string, open: () => Promise<Store> | Store): void {
  // Each text gets its own source name, so that "seen at" lists stay readable.
  const article = (text: string, over: Partial<Article> = {}): Article => makeArticle(text, { source: `${text.slice(0, 8)}.txt`, ...over });

  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('round-trips an article field for field, raw bytes included', async () => {
      const a = article('Ministers met in the capital on Monday.', {
        title: 'Ministers meet',
        outlet: 'example.org',
        byline: 'A. Writer',
        url: 'https://example.org/x',
        published: { value: '2022-09-07T21:25', precision: 'minute', source: 'header-line', utcOffset: null, raw: '07 September 2022 - 21:25' },
        dateline: { text: 'CAPITAL --', place: 'CAPITAL', agency: null, span: { start: 0, end: 10 } },
        meta: { 'news-id': '1' },
        raw: new Uint8Array([0xff, 0x00, 0x41]),
        encoding: 'windows-1252',
        notes: [{ code: 'x', message: 'y', by: 'test' }],
      });
      expect(await store.putArticle(a)).toBe('new');
      expect(await store.getArticle(a.id)).toEqual(a);
    });

    it('stores the same article once and remembers every source', async () => {
      const a = article('The same words twice.');
      expect(await store.putArticle(a)).toBe('new');
      expect(await store.putArticle({ ...a, source: 'copy.txt' })).toBe('duplicate');
      expect(await store.putArticle(a)).toBe('duplicate');
      expect((await store.listArticles()).total).toBe(1);
      expect(await store.getSources(a.id)).toEqual([a.source, 'copy.txt'].sort((x, y) => (x === a.source ? -1 : y === a.source ? 1 : 0)));
    });

    it('stores a batch in one go, a repeat inside the batch as a duplicate', async () => {
      const a = article('Batch one.');
      const b = article('Batch two.');
      expect(await store.putArticles([a, b, { ...a, source: 'again.txt' }])).toEqual(['new', 'new', 'duplicate']);
      expect(await store.putArticles([])).toEqual([]);
      expect((await store.listArticles()).total).toBe(2);
      expect(await store.getSources(a.id)).toHaveLength(2);
    });

    it('resolves unique id prefixes and refuses ambiguous or short ones', async () => {
      const a = article('First article text.');
      await store.putArticle(a);
      expect(await store.resolveId(a.id.slice(0, 6))).toBe(a.id);
      expect(await store.resolveId('azzzzzzz')).toBeNull();
      await expect(store.resolveId('a1')).rejects.toThrow(/too short/);
    });

    it('lists with paging and filters by outlet, format and date range', async () => {
      const pub = (value: string) => ({ value, precision: 'day' as const, source: 'meta' as const, utcOffset: null, raw: value });
      await store.putArticle(article('one', { outlet: 'A', published: pub('2022-01-01') }));
      await store.putArticle(article('two', { outlet: 'B', published: pub('2022-09-07') }));
      await store.putArticle(article('three', { outlet: 'A', published: pub('2023-06-20'), format: 'html' }));
      await store.putArticle(article('four', { outlet: 'A' }));
      const all = await store.listArticles({ limit: 2 });
      expect(all.total).toBe(4);
      expect(all.items.map((x) => x.published?.value)).toEqual(['2022-01-01', '2022-09-07']);
      expect((await store.listArticles({ limit: 2, offset: 2 })).items.map((x) => x.published?.value ?? null)).toEqual(['2023-06-20', null]);
      expect((await store.listArticles({ outlet: 'A' })).total).toBe(3);
      expect((await store.listArticles({ format: 'html' })).total).toBe(1);
      expect((await store.listArticles({ from: '2022-02', to: '2022-09' })).items.map((x) => x.published?.value)).toEqual(['2022-09-07']);
      const seen: string[] = [];
      for await (const a of store.iterateArticles({ outlet: 'A' })) seen.push(a.text);
      expect(seen).toEqual(['one', 'three', 'four']);
    });

    it('searches titles and text with snippets, and takes odd queries without crashing', async () => {
      await store.putArticle(article('Police raided the camp on Tuesday and seized computers.', { title: 'Camp raid' }));
      await store.putArticle(article('Parliament debated the budget.', { title: 'Budget' }));
      const hits = await store.search('raided camp');
      expect(hits.total).toBe(1);
      expect(hits.items[0]!.snippet).toContain('«raided»');
      expect((await store.search('budget')).items[0]!.article.title).toBe('Budget');
      expect((await store.search('')).total).toBe(0);
      expect((await store.search('"unterminated')).total >= 0).toBe(true);
    });

    it('replaces a stage\'s findings atomically and reports what needs analysis', async () => {
      const a = article('Alice met Bob in Paris.');
      await store.putArticle(a);
      expect(await store.articlesNeedingAnalysis([{ name: 'entities', version: 1 }], 10)).toEqual([a.id]);
      const f = (start: number, end: number) => ({ kind: 'entity', span: { start, end }, text: a.text.slice(start, end), rule: 'entities/test', data: { type: 'PER' } });
      await store.putAnalysis(a.id, [{ stage: 'entities', version: 1, findings: [f(0, 5), f(10, 13)], notes: [] }]);
      await store.putAnalysis(a.id, [{ stage: 'entities', version: 1, findings: [f(0, 5)], notes: [{ code: 'n', message: 'm', by: 'entities' }] }]);
      const got = await store.getFindings(a.id);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ id: `${a.id}:entities:0`, articleId: a.id, stage: 'entities', stageVersion: 1, text: 'Alice', data: { type: 'PER' } });
      expect(await store.articlesNeedingAnalysis([{ name: 'entities', version: 1 }], 10)).toEqual([]);
      expect(await store.articlesNeedingAnalysis([{ name: 'entities', version: 2 }], 10)).toEqual([a.id]);
      expect((await store.getAnalysisState(a.id))[0]).toMatchObject({ stage: 'entities', version: 1, notes: [{ code: 'n' }] });
      await expect(store.putAnalysis('anope', [])).rejects.toThrow(/no article/);
    });

    it('records and clears ingest failures', async () => {
      await store.recordFailure('bad.html', 'invalid-input', 'no text');
      expect((await store.listFailures())[0]).toMatchObject({ source: 'bad.html', code: 'invalid-input' });
      await store.putArticle(article('now fine', { source: 'bad.html' }));
      expect(await store.listFailures()).toEqual([]);
      expect((await store.stats()).failures).toBe(0);
    });

    it('updates the publish date', async () => {
      const a = article('undated');
      await store.putArticle(a);
      const p = { value: '2022-09-12', precision: 'day' as const, source: 'inferred' as const, utcOffset: null, raw: null, why: 'five days after' };
      await store.setPublished(a.id, p);
      expect((await store.getArticle(a.id))!.published).toEqual(p);
    });

    it('lists outlets with counts and first/last publish values, paged', async () => {
      const pub = (value: string) => ({ value, precision: 'day' as const, source: 'meta' as const, utcOffset: null, raw: value });
      await store.putArticle(article('one', { outlet: 'A', published: pub('2022-01-01') }));
      await store.putArticle(article('two', { outlet: 'A', published: pub('2022-03-05') }));
      await store.putArticle(article('three', { outlet: 'B', published: pub('2022-02-01') }));
      await store.putArticle(article('four', { outlet: null }));
      const page = await store.listOutlets();
      expect(page.total).toBe(3);
      expect(page.items[0]).toEqual({ name: 'A', articles: 2, first: '2022-01-01', last: '2022-03-05' });
      expect(page.items.find((o) => o.name === null)).toEqual({ name: null, articles: 1, first: null, last: null });
      const second = await store.listOutlets({ limit: 1, offset: 1 });
      expect(second.items).toHaveLength(1);
      expect(second.total).toBe(3);
    });

    it('counts articles per day or month, undated apart, with filters', async () => {
      const pub = (value: string, precision: 'day' | 'month' | 'year' = 'day') => ({ value, precision, source: 'meta' as const, utcOffset: null, raw: value });
      await store.putArticle(article('one', { outlet: 'A', published: pub('2022-01-01T10:00') }));
      await store.putArticle(article('two', { outlet: 'A', published: pub('2022-01-20') }));
      await store.putArticle(article('three', { outlet: 'B', published: pub('2022-02', 'month') }));
      await store.putArticle(article('four', { outlet: 'B' }));
      expect(await store.countArticlesOverTime('month')).toEqual({ buckets: [{ bucket: '2022-01', articles: 2 }, { bucket: '2022-02', articles: 1 }], undated: 1 });
      expect(await store.countArticlesOverTime('day')).toEqual({ buckets: [{ bucket: '2022-01-01', articles: 1 }, { bucket: '2022-01-20', articles: 1 }], undated: 2 });
      expect((await store.countArticlesOverTime('month', { outlet: 'B' })).buckets).toEqual([{ bucket: '2022-02', articles: 1 }]);
    });

    it('searches within filters and counts findings by stage and kind', async () => {
      const a = article('Police raided the camp on Tuesday.', { outlet: 'A' });
      await store.putArticle(a);
      await store.putArticle(article('Police raided the office on Friday.', { outlet: 'B' }));
      expect((await store.searchArticles('raided')).total).toBe(2);
      const inB = await store.searchArticles('raided', { outlet: 'B', limit: 5 });
      expect(inB.total).toBe(1);
      expect(inB.items[0]!.article.outlet).toBe('B');
      expect((await store.searchArticles('"unterminated', { outlet: 'A' })).total >= 0).toBe(true);
      const f = (start: number, end: number, kind: string) => ({ kind, span: { start, end }, text: a.text.slice(start, end), rule: 'x/test', data: {} });
      await store.putAnalysis(a.id, [{ stage: 'dates', version: 1, findings: [f(26, 33, 'date')], notes: [] }, { stage: 'entities', version: 1, findings: [f(0, 6, 'entity'), f(22, 26, 'entity')], notes: [] }]);
      expect(await store.countFindings()).toEqual([{ stage: 'dates', kind: 'date', findings: 1 }, { stage: 'entities', kind: 'entity', findings: 2 }]);
      expect(await store.countFindings('anone')).toEqual([]);
    });

    it('replaces corpus items per kind atomically, pages them by rank, and finds them by story and ref', async () => {
      const item = (id: string, rank: number, story: string | null, refs: string[]) => ({ kind: 'story' as const, id, story, rank, refs, data: { id, n: rank } });
      await store.replaceCorpus({ items: { story: [item('s2', 2, 's2', ['a1', 'a2']), item('s1', 1, 's1', ['a3']), item('s3', 2, 's3', ['a2'])] } });
      await store.replaceCorpus({ items: { reuse: [{ kind: 'reuse', id: 'r1', story: 's2', rank: 0, refs: ['a1', 'a2'], data: { x: [1, 'two'] } }] } });
      const all = await store.listCorpusItems('story');
      expect(all.total).toBe(3);
      expect(all.items.map((i) => i.id)).toEqual(['s1', 's2', 's3']);
      expect(all.items[1]).toEqual({ kind: 'story', id: 's2', story: 's2', rank: 2, refs: ['a1', 'a2'], data: { id: 's2', n: 2 } });
      expect((await store.listCorpusItems('story', { ref: 'a2' })).items.map((i) => i.id)).toEqual(['s2', 's3']);
      expect((await store.listCorpusItems('story', { limit: 1, offset: 1 })).items.map((i) => i.id)).toEqual(['s2']);
      expect((await store.listCorpusItems('reuse', { story: 's2' })).items[0]!.data).toEqual({ x: [1, 'two'] });
      expect(await store.getCorpusItem('story', 's3')).not.toBeNull();
      await store.replaceCorpus({ items: { actor: [{ kind: 'actor', id: 'x1', story: null, rank: 0, refs: [], data: { name: 'Ana Vell_%' } }, { kind: 'actor', id: 'x2', story: null, rank: 1, refs: [], data: { name: 'Bo' } }] } });
      expect((await store.listCorpusItems('actor', { text: 'ana vell' })).items.map((i) => i.id)).toEqual(['x1']);
      expect((await store.listCorpusItems('actor', { text: '_%' })).items.map((i) => i.id)).toEqual(['x1']);
      expect(await store.getCorpusItem('reuse', 's3')).toBeNull();
      // Replacing one kind leaves the others alone.
      await store.replaceCorpus({ items: { story: [item('s9', 0, null, [])] } });
      expect((await store.listCorpusItems('story')).items.map((i) => i.id)).toEqual(['s9']);
      expect((await store.listCorpusItems('story', { ref: 'a2' })).total).toBe(0);
      expect((await store.listCorpusItems('reuse')).total).toBe(1);
    });

    it('replacing a kind again keeps what is unchanged and rewrites what changed in story, rank, refs or data', async () => {
      const item = (id: string, rank: number, story: string | null, refs: string[], n = 0) => ({ kind: 'reuse' as const, id, story, rank, refs, data: { id, n } });
      await store.replaceCorpus({ items: { reuse: [item('k', 0, 's1', ['a1', 'a2']), item('r', 1, 's1', ['a1']), item('s', 2, null, ['a3']), item('d', 3, 's2', ['a4']), item('g', 4, 's2', ['a5'])] } });
      await store.replaceCorpus({
        items: { reuse: [item('k', 0, 's1', ['a2', 'a1', 'a2']), item('r', 5, 's1', ['a1']), item('s', 2, 's3', ['a3']), item('d', 3, 's2', ['a4'], 7), item('g', 4, 's2', ['a6']), item('n', 6, null, ['a7'])] },
      });
      const all = await store.listCorpusItems('reuse');
      expect(all.items.map((i) => [i.id, i.story, i.rank, [...i.refs].sort(), (i.data as { n: number }).n])).toEqual([
        ['k', 's1', 0, ['a1', 'a2'], 0],
        ['s', 's3', 2, ['a3'], 0],
        ['d', 's2', 3, ['a4'], 7],
        ['g', 's2', 4, ['a6'], 0],
        ['r', 's1', 5, ['a1'], 0],
        ['n', null, 6, ['a7'], 0],
      ]);
      expect((await store.listCorpusItems('reuse', { ref: 'a5' })).total).toBe(0);
      expect((await store.listCorpusItems('reuse', { ref: 'a6' })).items.map((i) => i.id)).toEqual(['g']);
      expect((await store.listCorpusItems('reuse', { story: 's3' })).items.map((i) => i.id)).toEqual(['s']);
      await store.replaceCorpus({ items: { reuse: [item('n', 0, null, ['a7'])] } });
      expect((await store.listCorpusItems('reuse')).items.map((i) => i.id)).toEqual(['n']);
      expect((await store.listCorpusItems('reuse', { ref: 'a1' })).total).toBe(0);
    });

    it('finds corpus items that refer to any of several ids, each once, in rank order', async () => {
      const item = (id: string, rank: number, refs: string[]) => ({ kind: 'story' as const, id, story: id, rank, refs, data: { id } });
      await store.replaceCorpus({ items: { story: [item('s2', 2, ['a1', 'a2']), item('s1', 1, ['a3']), item('s3', 3, ['a2', 'a4']), item('s4', 0, ['a5'])] } });
      const page = await store.listCorpusItems('story', { refs: ['a4', 'a2', 'a1', 'a3'] });
      expect(page.items.map((i) => i.id)).toEqual(['s1', 's2', 's3']);
      expect(page.total).toBe(3);
      expect((await store.listCorpusItems('story', { refs: ['a2', 'a1'], limit: 1, offset: 1 })).items.map((i) => i.id)).toEqual(['s3']);
      expect((await store.listCorpusItems('story', { refs: [] })).total).toBe(0);
      expect((await store.listCorpusItems('story', { ref: 'a2', refs: ['a4'] })).items.map((i) => i.id)).toEqual(['s3']);
    });

    it('summarises articles by id in the order given, unknown ids left out', async () => {
      if (!store.getArticleSummaries) return;
      const a = article('First article text.', { title: 'One', outlet: 'x.org', published: { value: '2022-09', precision: 'month', source: 'meta', utcOffset: null, raw: null } });
      const b = article('Second article text.', { title: 'Two' });
      await store.putArticles([a, b]);
      const summaries = await store.getArticleSummaries([b.id, 'anope', a.id]);
      expect(summaries.map((s) => s.id)).toEqual([b.id, a.id]);
      expect(summaries[1]).toMatchObject({ id: a.id, title: 'One', outlet: 'x.org', published: a.published, chars: a.text.length, format: a.format, source: a.source });
      expect(await store.getArticleSummaries([])).toEqual([]);
    });

    it('keeps engine state and alias decisions', async () => {
      expect(await store.getCorpusState('reuse')).toBeNull();
      const data = { rows: [[1, 2, 3]], text: 'é\u0000 "quoted"' };
      await store.replaceCorpus({ items: {}, states: [{ name: 'reuse', version: 3, data }] });
      expect(await store.getCorpusState('reuse')).toEqual({ version: 3, data });
      await store.replaceCorpus({ items: {}, states: [{ name: 'reuse', version: 4, data: [] }] });
      expect(await store.getCorpusState('reuse')).toEqual({ version: 4, data: [] });

      const d1 = await store.addAliasDecision({ action: 'merge', a: { name: 'Foo Org', type: 'ORG' }, b: { name: 'FO', type: 'ORG' }, note: null });
      const d2 = await store.addAliasDecision({ action: 'split', a: { name: 'Ana Vell', type: 'PER' }, b: { name: 'Vell', type: 'PER' }, note: 'two people' });
      expect(d1.id).not.toBe(d2.id);
      expect(typeof d1.at).toBe('string');
      expect(await store.listAliasDecisions()).toEqual([d1, d2]);
      expect(await store.deleteAliasDecision(d1.id)).toBe(true);
      expect(await store.deleteAliasDecision(d1.id)).toBe(false);
      expect((await store.listAliasDecisions()).map((d) => d.note)).toEqual(['two people']);
    });
  });
}
