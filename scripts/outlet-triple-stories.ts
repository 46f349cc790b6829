import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** BASIL articles for story clustering: gold story = triplet-uuid (SOURCE.md). */
export interface BasilDocument {
  readonly name: string;
  readonly year: number;
  readonly gold: string;
  readonly title: string;
  readonly date: string;
  readonly outlet: string;
  readonly text: string;
}

export function loadBasil(benchDir: string, years: (y: number) => boolean): BasilDocument[] {
  const dir = join(benchDir, 'basil', 'articles');
  const docs: BasilDocument[] = [];
  for (const y of readdirSync(dir).sort()) {
    const year = Number(y);
    if (!years(year)) continue;
    for (const f of readdirSync(join(dir, y)).sort()) {
      if (!f.endsWith('.json')) continue;
      const d = JSON.parse(readFileSync(join(dir, y, f), 'utf8')) as {
        title: string;
        date: string;
        source: string;
        'triplet-uuid': string;
        'body-paragraphs': string[][];
      };
      docs.push({
        name: f,
        year,
        gold: d['triplet-uuid'],
        title: d.title.trim(),
        date: d.date,
        outlet: d.source.toLowerCase(),
        text: d['body-paragraphs'].map((p) => p.join(' ')).join('\n\n'),
      });
    }
  }
  return docs;
}
