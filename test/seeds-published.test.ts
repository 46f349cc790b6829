import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Triangulate } from '../src/service.js';
import { HAS_SHARED, SEEDS_DIR } from './support/shared.js';

describe.skipIf(!HAS_SHARED)('seed corpus: publish dates inferred across articles', () => {
  it('infers the two expected publish dates, flagged as inferred with the reasoning, and guesses no other', async () => {
    const expected = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')).documents as Record<string, { published: string | null; published_inferred?: { value: string } }>;
    const t = Triangulate.open(':memory:');
    try {
      const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS_DIR, f));
      await t.ingest(files, { cwd: SEEDS_DIR });
      const summary = await t.analyze();
      expect(summary.publishInferred).toBe(2);
      for await (const a of t.store.iterateArticles()) {
        const e = expected[basename(a.source, '.txt')]!;
        if (e.published) expect(a.published?.source).toBe('header-line');
        else if (e.published_inferred) {
          expect(a.published, a.source).toMatchObject({ value: e.published_inferred.value, source: 'inferred', precision: 'day' });
          expect(a.published!.why).toMatch(/\S{10,}/);
        } else expect(a.published, a.source).toBeNull();
      }
      // Re-analysis is stable: nothing new to infer, nothing re-analysed.
      expect((await t.analyze()).analyzed).toBe(0);
    } finally {
      await t.close();
    }
  }, 60_000);
});
