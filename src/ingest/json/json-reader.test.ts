import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../domain/article.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { ReadItem } from '../reader.js';
import { memoryFile } from '../../../test/support/source-file.js';
import { jsonReader, parseFieldMap } from './index.js';


async function readAll(path: string, content: string | Uint8Array, fieldMap: Record<string, string> = {}, maxBytes = 1 << 20): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of jsonReader.read(memoryFile(path, content), { maxBytes, fieldMap })) out.push(item);
  return out;
}

const drafts = (items: ReadItem[]): ArticleDraft[] => items.flatMap((i) => (i.kind === 'article' ? [i.draft] : []));
const failures = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'failed' ? [{ source: i.source, message: i.error.message }] : []));

describe('JSON Lines', () => {
  const jsonl = [
    JSON.stringify({ headline: 'First', body: 'Body one.', date: '2022-09-07', link: 'https://a.example/1', publisher: { name: 'Agency A' }, authors: ['Ann', { name: 'Bo' }], lang: 'en-US', id: 17 }),
    '',
    '{"title": "Broken", ',
    JSON.stringify({ title: 'No text', url: 'https://a.example/3' }),
    JSON.stringify({ title: 'HTML', content: '<p>One &amp; two.</p><p>Three.</p>', published_at: 1662584700 }),
    '   ',
    JSON.stringify([1, 2]),
  ].join('\r\n');

  it('maps the default field names and streams line by line, numbering lines from 1', async () => {
    const items = await readAll('a.jsonl', jsonl);
    const [first, html] = drafts(items);
    expect(first).toMatchObject({
      source: 'a.jsonl#line-1',
      format: 'jsonl',
      title: 'First',
      text: 'Body one.',
      url: 'https://a.example/1',
      outlet: 'Agency A',
      byline: 'Ann, Bo',
      language: 'en',
      meta: { id: '17' },
    });
    expect(first!.published).toMatchObject({ value: '2022-09-07', precision: 'day', source: 'input' });
    expect(new TextDecoder().decode(first!.raw)).toBe(jsonl.split('\r\n')[0]);
    expect(html!.source).toBe('a.jsonl#line-5');
    expect(html!.text).toMatch(/^One & two\.\s+Three\.$/);
    expect(html!.published?.value.startsWith('2022-09-07')).toBe(true);
  });
  it('reports bad lines, records without text and non-objects as failed items, and skips blank lines', async () => {
    const fails = failures(await readAll('a.jsonl', jsonl));
    expect(fails.map((f) => f.source)).toEqual(['a.jsonl#line-3', 'a.jsonl#line-4', 'a.jsonl#line-7']);
    expect(fails[0]!.message).toMatch(/not valid JSON/);
    expect(fails[1]!.message).toBe('a.jsonl#line-4: no text field (looked for text, body, content, maintext, article, description, summary, abstract; use --map text=FIELD)');
    expect(fails[2]!.message).toMatch(/expected a JSON object, found an array/);
  });
  it('follows a field map into nested objects', async () => {
    const line = JSON.stringify({ h: 'Mapped', doc: { content: 'Nested text.' }, when: '7 September 2022', who: [{ name: 'X' }] });
    const [d] = drafts(await readAll('m.ndjson', line, parseFieldMap('title=h,text=doc.content,published=when,byline=who')));
    expect(d).toMatchObject({ title: 'Mapped', text: 'Nested text.', byline: 'X' });
    expect(d!.published?.value).toBe('2022-09-07');
  });
  it('names the mapped path when it is missing', async () => {
    const [f] = failures(await readAll('m.jsonl', JSON.stringify({ body: 'x' }), { text: 'doc.content' }));
    expect(f!.message).toMatch(/no text at "doc\.content"/);
  });
  it('fails a line longer than the limit and reads on', async () => {
    const items = await readAll('big.jsonl', `${JSON.stringify({ text: 'x'.repeat(500) })}\n${JSON.stringify({ text: 'small' })}\n`, {}, 100);
    expect(items.map((i) => i.kind)).toEqual(['failed', 'article']);
    expect(items[0]!.kind === 'failed' && items[0]!.error.code).toBe('too-large');
  });
  it('falls back to a description as a summary, and reads news-please and NewsAPI field names', async () => {
    const lines = [
      JSON.stringify({ title: 'NewsAPI', description: 'Short.', url: 'https://n.example/1', publishedAt: '2022-09-07T10:00:00Z', source: { id: null, name: 'N' } }),
      JSON.stringify({ title: 'news-please', maintext: 'Full.', date_publish: '2022-09-07 10:00:00', source_domain: 'np.example', authors: [] }),
    ].join('\n');
    const [api, np] = drafts(await readAll('n.jsonl', lines));
    expect(api).toMatchObject({ text: 'Short.', outlet: 'N', url: 'https://n.example/1' });
    expect(api!.notes.find((n) => n.code === 'summary-only')?.message).toContain('https://n.example/1');
    expect(api!.published?.value).toBe('2022-09-07T10:00');
    expect(np).toMatchObject({ text: 'Full.', outlet: 'np.example', byline: null });
  });
  it('notes a date it cannot read', async () => {
    const [d] = drafts(await readAll('d.jsonl', JSON.stringify({ text: 'T.', date: 'sometime soon' })));
    expect(d!.published).toBeNull();
    expect(d!.notes.map((n) => n.code)).toContain('unreadable-date');
  });
});

describe('JSON documents', () => {
  const records = [
    { title: 'A', text: 'Text A.', source: 'Outlet A' },
    { title: 'B', maintext: 'Text B.', date_publish: '2021-03-04 10:20:00', Author: 'Someone' },
  ];
  it.each([
    ['an array', JSON.stringify(records)],
    ['an object with articles', JSON.stringify({ status: 'ok', articles: records })],
    ['an object with data', JSON.stringify({ data: records })],
    ['an object with items one level down', JSON.stringify({ feed: { title: 'F', items: records } })],
  ])('reads %s with #item-N sources', async (_name, content) => {
    const ds = drafts(await readAll('c.json', content));
    expect(ds.map((d) => [d.source, d.format, d.title, d.text])).toEqual([
      ['c.json#item-1', 'json', 'A', 'Text A.'],
      ['c.json#item-2', 'json', 'B', 'Text B.'],
    ]);
    expect(ds[0]!.outlet).toBe('Outlet A');
    expect(ds[1]!.byline).toBe('Someone');
    expect(ds[1]!.published?.value).toBe('2021-03-04T10:20');
  });
  it('streams a top-level array: larger than the byte limit, exact raw bytes, a broken item reported', async () => {
    const big = `[\n ${JSON.stringify({ text: 'x'.repeat(60) })},\n {"text": "bad\u0001 "},\n {"text" "no colon"},\n ${JSON.stringify({ text: 'last' })}\n]`;
    const items = await readAll('big.json', big, {}, 100);
    expect(items.map((i) => (i.kind === 'article' ? i.draft.source : `failed ${i.source}`))).toEqual([
      'big.json#item-1',
      'failed big.json#item-2',
      'failed big.json#item-3',
      'big.json#item-4',
    ]);
    expect(new TextDecoder().decode(drafts(items)[1]!.raw)).toBe(JSON.stringify({ text: 'last' }));
  });
  it('reads a single object as one article whose source is the file', async () => {
    const [d] = drafts(await readAll('one.json', JSON.stringify({ article: 'Only text.' })));
    expect(d).toMatchObject({ source: 'one.json', text: 'Only text.' });
  });
  it('reads a .json file that is really JSON Lines', async () => {
    const ds = drafts(await readAll('lines.json', `${JSON.stringify({ text: 'one' })}\n${JSON.stringify({ text: 'two' })}\n`));
    expect(ds.map((d) => d.source)).toEqual(['lines.json#line-1', 'lines.json#line-2']);
  });
  it('throws invalid-input for a file that is not JSON', async () => {
    await expect(readAll('bad.json', '{"a": ')).rejects.toMatchObject({ code: 'invalid-input', message: /bad\.json: not valid JSON/ });
  });
  it('never throws anything but AppError on random input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.uint8Array({ maxLength: 200 })), fc.constantFrom('r.json', 'r.jsonl', 'r'), async (content, path) => {
        try {
          await readAll(path, content);
        } catch (e) {
          if (!isAppError(e)) throw e;
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('parseFieldMap', () => {
  it.each([
    ['title=headline,text=body', { title: 'headline', text: 'body' }],
    [' text = body.content , published=meta.dates.0 ', { text: 'body.content', published: 'meta.dates.0' }],
    ['', {}],
  ])('%j', (spec, expected) => {
    expect(parseFieldMap(spec)).toEqual(expected);
  });
  it.each([['text'], ['text='], ['body=text'], ['text=a b'], ['text=a..b'], ['text=a,text=b']])('rejects %j with a usage error', (spec) => {
    expect(() => parseFieldMap(spec)).toThrow(AppError);
    try {
      parseFieldMap(spec);
    } catch (e) {
      expect((e as AppError).code).toBe('usage');
    }
  });
});

describe('jsonReader.sniff', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['a.jsonl', '{}', 0.95],
    ['a.json', '[]', 0.9],
    ['a', '{"text": "x"}\n{"text": "y"}\n', 0.7],
    ['a', '  [{"text": "x"}]', 0.5],
    ['a.txt', 'TEHRAN (Tasnim) -', 0],
    ['a.html', '<html>', 0],
  ])('%s %j -> %d', (path, head, score) => {
    expect(jsonReader.sniff(path, enc(head))).toBe(score);
  });
});
