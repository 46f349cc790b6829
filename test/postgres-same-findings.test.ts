import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CORPUS } from '../src/cli/commands/run.js';
import { Triangulate } from '../src/service.js';
import type { CorpusItemKind, Store } from '../src/store/store.js';
import { createTestDatabase, HAS_PG, PG_MISSING, stopTestCluster } from './support/postgres.js';
import { HAS_SHARED, SEEDS_DIR, SHARED_MISSING } from './support/shared.js';

/**
 * The same inputs analysed into SQLite and into PostgreSQL through the service give the same articles,
 * the same findings, the same analysis state and the same cross-article results.
 */
const KINDS: readonly CorpusItemKind[] = ['story', 'reuse', 'actor', 'claim', 'quote', 'timeline', 'label'];

interface Snapshot {
  articles: unknown[];
  findings: Record<string, unknown[]>;
  analyses: Record<string, unknown[]>;
  corpus: Record<string, unknown[]>;
  stats: unknown;
  search: string[];
}

async function snapshot(store: Store, words: readonly string[]): Promise<Snapshot> {
  const s: Snapshot = { articles: [], findings: {}, analyses: {}, corpus: {}, stats: await store.stats(), search: [] };
  const ids: string[] = [];
  for await (const a of store.iterateArticles()) {
    s.articles.push(a);
    ids.push(a.id);
  }
  ids.sort();
  for (const id of ids) {
    s.findings[id] = await store.getFindings(id);
    // Notes and versions; the order of stages written in one transaction is not part of the contract.
    s.analyses[id] = (await store.getAnalysisState(id)).map((x) => ({ stage: x.stage, version: x.version, notes: x.notes })).sort((x, y) => (x.stage < y.stage ? -1 : 1));
  }
  for (const kind of KINDS) {
    const items: unknown[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await store.listCorpusItems(kind, { limit: 1000, offset });
      // Plain copies while the store is open (a store may load refs lazily).
      items.push(...page.items.map((i) => ({ ...i, refs: [...i.refs] })));
      if (page.items.length < 1000) break;
    }
    s.corpus[kind] = items;
  }
  // Both stores find the same articles for a word (their ranking functions differ, so as sets).
  for (const w of words) s.search.push(`${w}: ${(await store.search(w, { limit: 1000 })).items.map((h) => h.article.id).sort().join(' ')}`);
  return s;
}

async function analyseInto(db: string, inputs: string[], cwd: string, words: readonly string[]): Promise<Snapshot> {
  const t = Triangulate.open(db);
  try {
    await t.ingest(inputs, { cwd });
    await t.analyze();
    return await snapshot(t.store, words);
  } finally {
    await t.close();
  }
}

function compareSuite(name: string, inputs: () => { files: string[]; cwd: string }, words: readonly string[]): void {
  describe(name, () => {
    const dir = mkdtempSync(join(tmpdir(), 'tri-same-'));
    let drop: (() => Promise<void>) | null = null;
    let sqlite: Snapshot;
    let postgres: Snapshot;

    beforeAll(async () => {
      const { files, cwd } = inputs();
      const pg = await createTestDatabase();
      drop = pg.drop;
      sqlite = await analyseInto(join(dir, 'same.db'), files, cwd, words);
      postgres = await analyseInto(pg.url, files, cwd, words);
    }, 240_000);
    afterAll(async () => {
      await drop?.().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    });

    it('stores the same articles, field for field', () => {
      expect(postgres.articles.length).toBeGreaterThan(0);
      expect(postgres.articles).toEqual(sqlite.articles);
      expect(postgres.stats).toEqual(sqlite.stats);
    });

    it('stores the same findings and analysis state for every article', () => {
      expect(Object.values(postgres.findings).flat().length).toBeGreaterThan(0);
      expect(postgres.findings).toEqual(sqlite.findings);
      expect(postgres.analyses).toEqual(sqlite.analyses);
    });

    it('stores the same cross-article results', () => {
      expect(Object.values(postgres.corpus).flat().length).toBeGreaterThan(0);
      expect(postgres.corpus).toEqual(sqlite.corpus);
    });

    it('finds the same articles for the same words', () => {
      expect(postgres.search).toEqual(sqlite.search);
    });
  });
}

describe.skipIf(!HAS_PG)('SQLite and PostgreSQL give the same results', () => {
  afterAll(() => stopTestCluster(), 60_000);
  compareSuite('the example corpus', () => ({ files: [EXAMPLE_CORPUS], cwd: EXAMPLE_CORPUS }), ['police', 'said', 'minister']);
  describe.skipIf(!HAS_SHARED)('with ../shared', () => {
    compareSuite(
      'the seed corpus',
      () => ({ files: readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS_DIR, f)), cwd: SEEDS_DIR }),
      ['police', 'said', 'government'],
    );
  });
  if (!HAS_SHARED) it.skip(SHARED_MISSING, () => {});
});

if (!HAS_PG) describe('SQLite and PostgreSQL give the same results', () => it.skip(PG_MISSING, () => {}));
