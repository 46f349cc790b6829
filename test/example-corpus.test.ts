import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CORPUS } from '../src/cli/commands/run.js';
import { Triangulate } from '../src/service.js';
import type { Article } from '../src/domain/article.js';
import { REPO_ROOT } from './support/shared.js';
import { cli } from './support/cli.js';

interface ExpectedDoc {
  title: string;
  outlet: string;
  byline: string | null;
  published: string | null;
  published_inferred?: { value: string };
  utc_offset?: string | null;
  dateline: { text: string; place: string; agency: string | null } | null;
}

const expected = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'expected.json'), 'utf8')) as { documents: Record<string, ExpectedDoc> };
const dir = mkdtempSync(join(tmpdir(), 'tri-example-'));
const db = join(dir, 'example.db');
const byKey = new Map<string, Article>();

beforeAll(async () => {
  const r = await cli(['run', '--db', db, '--json'], dir);
  expect(r.code, r.err).toBe(0);
  const t = Triangulate.open(db);
  for await (const a of t.store.iterateArticles()) byKey.set(relative(EXAMPLE_CORPUS, a.source), a);
  await t.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the main job on the example corpus', () => {
  it('reads every article of every format', () => {
    expect([...byKey.keys()].sort()).toEqual(Object.keys(expected.documents).sort());
  });

  it('reads titles, bylines, publish times and datelines as the analyst lists them', () => {
    for (const [key, e] of Object.entries(expected.documents)) {
      const a = byKey.get(key)!;
      expect(a.title, key).toBe(e.title);
      if (e.byline) expect(a.byline, key).toBe(e.byline);
      if (e.published === null && e.published_inferred) {
        // Inferring is a 'should'; inferring a wrong date is a failure.
        if (a.published) expect(a.published, key).toMatchObject({ value: e.published_inferred.value, source: 'inferred' });
      } else if (e.published === null) expect(a.published, key).toBeNull();
      else expect(a.published?.value, key).toBe(e.published);
      if (e.dateline) expect(a.dateline, key).toMatchObject(e.dateline);
      // Outlet names compared on their first part: the analyst writes "Meridian News (meridian-news.example)", a feed
      // titles itself "Open Assembly Watch – Statements".
      // A domain counts as the same name when its first label spells it ("highlandledger.example").
      const head = (s: string | null) =>
        (s ?? '').split(/ \(| – | - | \| /)[0]!.toLowerCase().replace(/^the /, '').replace(/^([a-z0-9-]+)(\.[a-z]+)+$/, '$1').replace(/[^a-z0-9]/g, '');
      expect(head(a.outlet), key).toBe(head(e.outlet));
    }
  });

  it('stores findings whose spans slice to their text, each with its rule', async () => {
    const t = Triangulate.open(db);
    try {
      let count = 0;
      for (const a of byKey.values()) {
        for (const f of await t.store.getFindings(a.id)) {
          expect(a.text.slice(f.span.start, f.span.end)).toBe(f.text);
          expect(f.rule).toMatch(new RegExp(`^${f.stage}/`));
          count++;
        }
      }
      expect(count).toBeGreaterThan(100);
    } finally {
      await t.close();
    }
  });

  it('is idempotent: running again adds nothing and re-analyses nothing', async () => {
    const r = JSON.parse((await cli(['run', '--db', db, '--json'], dir)).out);
    expect(r.ingest.counts).toMatchObject({ new: 0, duplicate: 9, failed: 0 });
    expect(r.analyze.analyzed).toBe(0);
  });
});
