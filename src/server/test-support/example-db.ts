import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Triangulate } from '../../service.js';

export const EXAMPLE_CORPUS = fileURLToPath(new URL('../../../examples/corpus', import.meta.url));

/** A temporary database with the example corpus ingested and analysed, as `triangulate run` leaves it. */
export async function exampleDb(): Promise<{ db: string; service: Triangulate; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-server-'));
  const db = join(dir, 'example.db');
  const service = Triangulate.open(db);
  await service.ingest([EXAMPLE_CORPUS], { cwd: dir });
  await service.analyze();
  return {
    db,
    service,
    cleanup: async () => {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
