import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DateFinding, EntityFinding, QuantityFinding } from '../../../domain/findings.js';
import { ingest } from '../../../ingest/ingest.js';
import { openSqliteStore } from '../../../store/sqlite.js';
import { HAS_SHARED, SEEDS_DIR } from '../../../../test/support/shared.js';
import { analyzeArticle, selectStages } from '../../pipeline.js';
import { findReuse } from '../reuse/index.js';
import { clusterStories, explainStory, type ReusePair, type StoryIndex } from './index.js';

type Pairs = [string, string][];

describe.skipIf(!HAS_SHARED)('stories on the seed corpus (expected.json)', () => {
  let index: StoryIndex;
  const idOf = new Map<string, string>();
  let expected: { must_link: Pairs; should_link: Pairs; cannot_link: Pairs };

  beforeAll(async () => {
    expected = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')).stories;
    const store = openSqliteStore(':memory:');
    const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS_DIR, f));
    const summary = await ingest(files, store, { cwd: SEEDS_DIR });
    const stages = selectStages(['entities', 'dates', 'quantities']).stages;
    const inputs = [];
    for (const s of summary.articles) {
      const a = (await store.getArticle(s.id))!;
      idOf.set(basename(a.source, '.txt'), a.id);
      const results = analyzeArticle(a, stages);
      const of = (stage: string) => results.find((r) => r.stage === stage)?.findings ?? [];
      inputs.push({
        id: a.id,
        title: a.title,
        text: a.text,
        published: a.published?.value ?? null,
        language: a.language,
        entities: of('entities') as EntityFinding[],
        dates: of('dates') as DateFinding[],
        quantities: of('quantities') as QuantityFinding[],
      });
    }
    await store.close();
    // Shared passages as the corpus run passes them (words of the shorter side, summed per article pair).
    const words = new Map<string, ReusePair>();
    for (const p of findReuse(inputs)) {
      const key = `${p.a.articleId}|${p.b.articleId}`;
      const w = Math.min(p.words.a, p.words.b);
      words.set(key, { a: p.a.articleId, b: p.b.articleId, words: (words.get(key)?.words ?? 0) + w });
    }
    index = clusterStories(inputs, {}, [...words.values()]);
  });

  const same = (a: string, b: string) => index.storyOf(idOf.get(a)!) === index.storyOf(idOf.get(b)!);

  it('keeps every cannot_link pair apart', () => {
    for (const [a, b] of expected.cannot_link) expect(same(a, b), `${a} ${b}`).toBe(false);
  });

  // The news report of the victims' letter (000) and the letter itself (001) paraphrase each other: in five articles
  // on one topic the IDF leaves their shared words little weight (pair score 0.10 without figures, below 002
  // against 003 / 004 at 0.13-0.15). They state the same specific figures ('more than 2,000 members', '$20
  // million'), which only they state: with the shared-figures bonus the pair reaches 0.22 and merges, while the
  // '3,000 members' that 002, 003 and 004 all repeat counts little (background).
  it('links every must_link pair', () => {
    for (const [a, b] of expected.must_link) expect(same(a, b), `${a} ${b}`).toBe(true);
  });

  it('links the should_link pairs, and explains why', () => {
    for (const [a, b] of expected.should_link) {
      expect(same(a, b), `${a} ${b}`).toBe(true);
      const e = explainStory(index, index.storyOf(idOf.get(a)!)!)!;
      expect(e.actors.length + e.dates.length).toBeGreaterThan(0);
    }
  });
});
