import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Triangulate } from '../../src/service.js';
import { HAS_SHARED, SEEDS_DIR, SHARED_MISSING } from '../support/shared.js';

export { HAS_SHARED, SHARED_MISSING };

/** The seed articles, ingested and analysed (per-article and corpus stages) through the service, in a temporary database. */
export async function seedsDb(): Promise<{ service: Triangulate; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-seeds-'));
  const service = Triangulate.open(join(dir, 'seeds.db'));
  await service.ingest([SEEDS_DIR], { cwd: dir });
  await service.analyze();
  return {
    service,
    cleanup: async () => {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Seed file stems ('003_f4ecfa3ec1a7ab45') by article id, from the source paths the store keeps. */
export async function seedNames(service: Triangulate): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const page = await service.articles({ limit: 50, offset: 0 });
  for (const a of page.items) {
    const stem = /(\d{3}_[0-9a-f]{16})\.txt$/.exec(a.source)?.[1];
    if (stem) out.set(stem, a.id);
  }
  return out;
}
