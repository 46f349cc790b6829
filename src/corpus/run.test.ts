import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Triangulate } from '../service.js';
import { EXAMPLE_CORPUS } from '../server/test-support/example-db.js';

const files = readdirSync(EXAMPLE_CORPUS)
  .filter((f) => !f.startsWith('.'))
  .sort()
  .map((f) => join(EXAMPLE_CORPUS, f));

async function analysed(inputs: readonly string[][]): Promise<{ service: Triangulate; summaries: Awaited<ReturnType<Triangulate['analyze']>>[] }> {
  const service = Triangulate.open(':memory:');
  const summaries = [];
  for (const batch of inputs) {
    await service.ingest(batch, { cwd: EXAMPLE_CORPUS });
    summaries.push(await service.analyze());
  }
  return { service, summaries };
}

/** Everything the corpus stages stored, as comparable plain data. */
async function results(service: Triangulate) {
  const stories = (await service.stories({ limit: 500 })).items.map((s) => [...s.articles].sort());
  const reuse = (await service.reuse({ limit: 500 })).items.map((p) => `${p.a.articleId}:${p.a.span.start}-${p.a.span.end}~${p.b.articleId}:${p.b.span.start}-${p.b.span.end}`);
  return { stories: stories.sort(), reuse: reuse.sort() };
}

describe('the corpus stages over the store', () => {
  it('run after analysis, then not again when nothing changed', async () => {
    const { service, summaries } = await analysed([files]);
    expect(summaries[0]!.corpus).toMatchObject({ articles: 9, added: 9, rebuilt: true });
    expect(summaries[0]!.corpus!.counts.story).toBeGreaterThan(0);
    const again = await service.analyze();
    expect(again.corpus).toBeNull();
    const forced = await service.runCorpus();
    expect(forced).toMatchObject({ added: 0, rebuilt: false });
    await service.close();
  });

  it('add new articles incrementally and end where one run over everything ends', async () => {
    const half = Math.ceil(files.length / 2);
    const once = await analysed([files]);
    const twice = await analysed([files.slice(0, half), files.slice(half)]);
    const second = twice.summaries[1]!.corpus!;
    expect(second.rebuilt || second.added < second.articles).toBe(true);
    expect(await results(twice.service)).toEqual(await results(once.service));
    await once.service.close();
    await twice.service.close();
  });

  it('give the same results whatever the ingest order', async () => {
    const forward = await analysed([files]);
    const backward = await analysed([[...files].reverse()]);
    expect(await results(backward.service)).toEqual(await results(forward.service));
    await forward.service.close();
    await backward.service.close();
  });
});
