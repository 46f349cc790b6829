import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../domain/corpus.js';
import { HAS_SHARED, SEEDS_DIR, SHARED_MISSING } from '../../../../test/support/shared.js';
import { buildTimeline } from './index.js';
import { seedInputs } from './test-seeds.js';
import { contains, parseValue } from './values.js';

/**
 * The seed corpus: the real per-article pipeline (entities, dates, publish dates inferred as the service
 * does), then the timeline. Every `timeline.must` item of expected.json is an entry whose date equals the
 * expected value (or lies inside an expected interval such as '2022-05/2022-06') and whose sources include
 * the expected documents; the `should` items are printed as a score.
 */

interface Expected {
  readonly event: string;
  readonly date: string;
  readonly docs: readonly string[];
}

function dateMatches(found: string, expected: string): boolean {
  if (found === expected) return true;
  const f = parseValue(found)?.range;
  const e = parseValue(expected)?.range;
  return !!f && !!e && expected.includes('/') && contains(e, f);
}

describe.skipIf(!HAS_SHARED)(`timeline on the seed corpus${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`, () => {
  const expected = HAS_SHARED
    ? (JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')) as { timeline: { must: Expected[]; should: Expected[] } }).timeline
    : { must: [], should: [] };
  let entries: TimelineEntry[] = [];
  let idOf = new Map<string, string>();

  beforeAll(async () => {
    const seeds = await seedInputs(SEEDS_DIR);
    idOf = seeds.idOf;
    entries = buildTimeline(seeds.inputs, { storyOf: () => 'seeds' });
  }, 120_000);

  const found = (item: Expected): TimelineEntry | undefined =>
    entries.find((e) => dateMatches(e.date, item.date) && item.docs.every((d) => e.sources.some((s) => s.source.articleId === idOf.get(d))));

  for (const item of expected.must) {
    it(`must: ${item.date} ${item.event}`, () => {
      const near = entries.filter((e) => dateMatches(e.date, item.date)).map((e) => `${e.date}: ${e.event} [${e.sources.length} sources]`);
      expect(found(item), `entries with that date: ${near.join(' | ') || 'none'}`).toBeDefined();
    });
  }

  it('scores the should items, flags no conflict on the seeds, and keeps every entry sorted', () => {
    const hits = expected.should.filter((item) => found(item));
    console.log(`timeline should: ${hits.length}/${expected.should.length} (${expected.should.filter((i) => !found(i)).map((i) => i.event).join('; ') || 'all found'})`);
    expect(entries.filter((e) => e.conflict).map((e) => e.dates)).toEqual([]);
    for (let i = 1; i < entries.length; i++) expect(entries[i - 1]!.start <= entries[i]!.start).toBe(true);
  });
});
