import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/corpus.js';
import type { StoredFinding } from '../../../domain/finding.js';
import { ingest } from '../../../ingest/ingest.js';
import { openSqliteStore } from '../../../store/sqlite.js';
import { HAS_SHARED, SEEDS_DIR } from '../../../../test/support/shared.js';
import { analyzeArticle, selectStages } from '../../pipeline.js';
import { AliasIndex, type AliasArticleInput } from './index.js';

interface Group {
  readonly name: string;
  readonly type: string;
  readonly aliases?: readonly string[];
}

const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();
const bare = (s: string): string => ws(s).replace(/^the /i, '');

describe.skipIf(!HAS_SHARED)('aliases on the seed corpus (expected.json entities)', () => {
  let actors: Actor[] = [];
  let texts: string[] = [];
  let must: Group[] = [];
  let should: Group[] = [];

  beforeAll(async () => {
    const expected = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')).entities as { must: Group[]; should: Group[] };
    must = expected.must;
    should = expected.should;
    const store = openSqliteStore(':memory:');
    const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS_DIR, f));
    const summary = await ingest(files, store, { cwd: SEEDS_DIR });
    const stages = selectStages(['entities']).stages;
    const inputs: AliasArticleInput[] = [];
    for (const s of summary.articles) {
      const a = (await store.getArticle(s.id))!;
      const findings = analyzeArticle(a, stages).find((r) => r.stage === 'entities')?.findings ?? [];
      const entities: StoredFinding[] = findings.map((f, n) => ({ ...f, id: `${a.id}:entities:${n}`, articleId: a.id, stage: 'entities', stageVersion: 1 }));
      inputs.push({ id: a.id, outlet: a.outlet, published: a.published?.value ?? null, text: a.text, entities });
    }
    await store.close();
    texts = inputs.map((i) => i.text);
    const index = new AliasIndex();
    for (const i of inputs) index.add(i);
    actors = index.actors([]);
  });

  /** Actors that carry one of the group's forms as a name (whitespace and a leading "the" ignored). */
  const actorsOf = (g: Group): Map<string, string> => {
    const out = new Map<string, string>();
    for (const form of [g.name, ...(g.aliases ?? [])]) {
      const hit = actors.find((a) => a.names.some((n) => bare(n.name) === bare(form)));
      if (hit) out.set(form, hit.id);
    }
    return out;
  };

  it('puts the forms of each must entity that the entities stage finds into one actor', () => {
    for (const g of must) {
      const found = actorsOf(g);
      expect(found.size, `${g.name}: none of its forms is a name`).toBeGreaterThan(0);
      expect(new Set(found.values()).size, `${g.name}: ${JSON.stringify([...found])}`).toBe(1);
    }
  });

  it('gives no two must entities the same actor', () => {
    const owner = new Map<string, string>();
    for (const g of must) {
      for (const id of new Set(actorsOf(g).values())) {
        expect(owner.get(id), `${g.name} and ${owner.get(id)} share ${id}`).toBeUndefined();
        owner.set(id, g.name);
      }
    }
  });

  it('types each must actor as expected', () => {
    for (const g of must) for (const id of new Set(actorsOf(g).values())) expect(actors.find((a) => a.id === id)?.type, g.name).toBe(g.type);
  });

  it('finds the should entities as actors (count printed)', () => {
    const found = should.filter((g) => actors.some((a) => a.type === g.type && a.names.some((n) => bare(n.name) === bare(g.name))));
    console.log(`aliases seeds: ${found.length}/${should.length} should entities are actors; ${actors.length} actors; missing: ${should.filter((g) => !found.includes(g)).map((g) => g.name).join(', ')}`);
    expect(found.length).toBeGreaterThan(should.length / 2);
  });

  // Known gap, not in this stage: two must forms occur in the text but the entities stage does not return them
  // as names. "Mojahedin- e Khalq Organization" and "Mojahedin-e  Khalq Organization" (001) are tagged as MISC
  // "Mojahedin-e" / "Mojahedin" followed by ORG "Khalq Organization" (the model splits the name at the hyphen
  // and the odd spacing), so the actor only receives "Khalq Organization", which no evidence from the text
  // ties to the full name without guessing (an ORG suffix is shared by many organisations). "Ashraf-3 camp"
  // is tagged as "Ashraf-3" (the camp is a common noun), which is in the right actor. Marked as failing so
  // that a fix in the entities stage shows up here.
  it.fails('every must form that occurs in the text is a name of its actor', () => {
    const missing: string[] = [];
    for (const g of must) {
      const found = actorsOf(g);
      for (const form of [g.name, ...(g.aliases ?? [])]) {
        const inText = texts.some((t) => ws(t).includes(ws(form)));
        if (inText && !found.has(form)) missing.push(form);
      }
    }
    expect(missing).toEqual([]);
  });
});
