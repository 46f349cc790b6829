import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/ingest.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Article } from '../src/domain/article.js';
import { HAS_SHARED, SEEDS_DIR } from './support/shared.js';

interface ExpectedDoc {
  title: string;
  outlet: string | null;
  published: string | null;
  dateline?: string;
}

describe.skipIf(!HAS_SHARED)('seed corpus: document metadata from expected.json', () => {
  const byDoc = new Map<string, Article>();
  let expected: Record<string, ExpectedDoc>;

  beforeAll(async () => {
    expected = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')).documents;
    const store = openSqliteStore(':memory:');
    const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS_DIR, f));
    const summary = await ingest(files, store, { cwd: SEEDS_DIR });
    expect(summary.counts).toMatchObject({ new: files.length, failed: 0 });
    for (const a of summary.articles) byDoc.set(basename(a.source, '.txt'), (await store.getArticle(a.id))!);
  });

  it('reads every title', () => {
    for (const [doc, e] of Object.entries(expected)) expect(byDoc.get(doc)?.title, doc).toBe(e.title);
  });

  it('reads outlets where the source states them, and leaves the rest unknown', () => {
    for (const [doc, e] of Object.entries(expected)) {
      const got = byDoc.get(doc)!.outlet;
      // 001 names the letter's signatory, not the page's outlet ("the page's own outlet is not stated"): unknown is right.
      if (e.outlet === null || /not stated/.test(e.outlet)) expect(got, doc).toBeNull();
      else expect(got, doc).toBe(e.outlet);
    }
  });

  it('reads the stated publish time with its precision, and guesses none', () => {
    for (const [doc, e] of Object.entries(expected)) {
      const got = byDoc.get(doc)!.published;
      if (e.published === null) expect(got, doc).toBeNull();
      else expect(got, doc).toMatchObject({ value: e.published, precision: 'minute', source: 'header-line' });
    }
  });

  it('finds the datelines', () => {
    for (const [doc, e] of Object.entries(expected)) {
      const a = byDoc.get(doc)!;
      if (e.dateline) {
        expect(a.dateline?.place, doc).toBe(e.dateline);
        expect(a.text.slice(a.dateline!.span.start, a.dateline!.span.end)).toBe(a.dateline!.text);
      } else expect(a.dateline, doc).toBeNull();
    }
  });

  it('keeps page furniture out of the text and mends the paragraph broken across blank lines', () => {
    expect(byDoc.get('001_0b0e11553222d878')!.text).not.toMatch(/Related posts|Nejat Society/);
    expect(byDoc.get('003_f4ecfa3ec1a7ab45')!.text).not.toMatch(/Read next/);
    expect(byDoc.get('002_7bcc9a3caa5a6677')!.text).toContain('expel the group from its base in Paris, following which');
    expect(byDoc.get('002_7bcc9a3caa5a6677')!.meta).toEqual({ 'news-id': '106685' });
  });
});
