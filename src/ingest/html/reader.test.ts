import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.js';
import type { ReadItem, SourceFile } from '../reader.js';
import { htmlReader } from './reader.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function file(path: string, content: string): SourceFile {
  const bytes = enc(content);
  return {
    path,
    size: bytes.length,
    head: bytes.subarray(0, 8192),
    bytes: async () => bytes,
    async *stream() {
      yield bytes;
    },
  };
}

const PAGE = `<!DOCTYPE html><html lang="en"><head><title>A title | Site</title></head><body><article><h1>A title</h1>
<p>${'A sentence of the article that has enough words to be read as the main text. '.repeat(8)}</p>
<p>${'Another sentence that carries the article further and makes it long enough. '.repeat(6)}</p></article></body></html>`;

async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}

describe('htmlReader', () => {
  it.each([
    ['page.html', PAGE, 0.8],
    ['page.txt', PAGE, 0.8],
    ['page.htm', '<p>fragment only</p>', 0.5],
    ['page.xhtml', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body></body></html>', 0.8],
    ['  lead.html', '<!-- saved page -->\n<!doctype html><html>', 0.8],
  ])('sniffs %s as HTML', (path, content, atLeast) => {
    expect(htmlReader.sniff(path, enc(content))).toBeGreaterThanOrEqual(atLeast);
  });

  it.each([
    ['notes.txt', 'Just some text.\nNothing else.'],
    ['feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'],
    ['data.jsonl', '{"title": "x"}'],
  ])('does not claim %s', (path, content) => {
    expect(htmlReader.sniff(path, enc(content))).toBeLessThan(0.5);
  });

  it('yields one article', async () => {
    const items = await collect(htmlReader.read(file('dir/page.html', PAGE), { maxBytes: 1 << 20, fieldMap: {} }));
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item.kind).toBe('article');
    if (item.kind !== 'article') return;
    expect(item.draft).toMatchObject({ source: 'dir/page.html', format: 'html', title: 'A title', language: 'en', url: null });
    expect(item.draft.text).toContain('makes it long enough.');
  });

  it('throws invalid-input for a page with no article text', async () => {
    const empty = '<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>';
    await expect(collect(htmlReader.read(file('empty.html', empty), { maxBytes: 1 << 20, fieldMap: {} }))).rejects.toBeInstanceOf(AppError);
  });
});
