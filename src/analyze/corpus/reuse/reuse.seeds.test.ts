import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, SEEDS_DIR } from '../../../../test/support/shared.js';
import { findReuse, type ReusePair } from './index.js';

interface Gold {
  docs: [string, string];
  a: string;
  b: string;
}

/** |reported ∩ gold| / |gold| for the gold passage found at `text.indexOf(passage)`. */
function coverage(span: { start: number; end: number }, text: string, passage: string): number {
  const at = text.indexOf(passage);
  if (at < 0) return 0;
  const end = at + passage.length;
  return Math.max(0, Math.min(span.end, end) - Math.max(span.start, at)) / passage.length;
}

describe.skipIf(!HAS_SHARED)('reuse on the seed corpus', () => {
  const load = () => {
    const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));
    const inputs = files.map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(SEEDS_DIR, f), 'utf8'), published: null }));
    const expected = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')) as { reuse: { must: Gold[] } };
    return { inputs, must: expected.reuse.must };
  };

  it('finds and aligns every must pair (one pair covers at least half of the gold passage on both sides)', () => {
    const { inputs, must } = load();
    const text = new Map(inputs.map((a) => [a.id, a.text]));
    const pairs = findReuse(inputs);
    expect(must.length).toBeGreaterThan(0);
    for (const g of must) {
      const [da, db] = g.docs;
      const ta = text.get(da) ?? '';
      const tb = text.get(db) ?? '';
      const best = Math.max(
        0,
        ...pairs.map((p: ReusePair) => {
          if (p.a.articleId === da && p.b.articleId === db) return Math.min(coverage(p.a.span, ta, g.a), coverage(p.b.span, tb, g.b));
          if (p.a.articleId === db && p.b.articleId === da) return Math.min(coverage(p.b.span, ta, g.a), coverage(p.a.span, tb, g.b));
          return 0;
        }),
      );
      expect(best, `${da} ~ ${db}: ${g.a.slice(0, 60)}`).toBeGreaterThanOrEqual(0.5);
    }
  });
});
