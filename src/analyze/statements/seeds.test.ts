import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StatementFinding } from '../../domain/findings.js';
import type { ArticleStage } from '../../domain/stage.js';
import { makeArticle } from '../../../test/support/article.js';
import { HAS_SHARED, SEEDS_DIR, SHARED_MISSING } from '../../../test/support/shared.js';
import { entitiesStage } from '../entities/index.js';
import { runStages } from '../run-stages.js';
import { tokenize } from '../tokens/index.js';
import { statementsStage } from './index.js';

/**
 * The seed corpus: every `statements.must` item of expected.json is found in its article with the right
 * speaker; the `should` items are printed as a score. Content is matched tolerantly (whitespace, curly vs
 * straight quotes, ellipses, containment either way); speakers by name containment either way.
 */

interface Expected {
  readonly doc: string;
  readonly kind: string;
  readonly speaker: string;
  readonly text: string;
}

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B']/g, "'")
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB"]/g, '"')
    .replace(/\.\.\.|…/g, ' ')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()
    .toLowerCase();

/** "The Islamic Republic (Iran)" -> its parts, any of which may name the speaker. */
function speakerNames(expected: string): string[] {
  const parts = [expected, ...expected.split(/[()]/)].map(fold).filter((p) => p.length > 2 && p !== 'unnamed');
  return [...new Set(parts)];
}

function speakerMatches(found: StatementFinding, expected: string): boolean {
  const names = [found.data.speaker?.name, found.data.source?.text].filter((n): n is string => !!n).map(fold);
  return speakerNames(expected).some((e) => names.some((n) => n.includes(e) || e.includes(n)));
}

function contentMatches(found: StatementFinding, expected: string): boolean {
  const c = fold(found.data.content.text);
  const e = fold(expected);
  return c.includes(e) || (e.includes(c) && c.split(' ').length >= 4);
}

const stages: ArticleStage[] = [entitiesStage, statementsStage];

function statementsOf(doc: string): StatementFinding[] {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(doc));
  if (!file) return [];
  const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
  const results = runStages(makeArticle(text, { source: file }), tokenize(text), stages, true);
  return (results.find((r) => r.stage === 'statements')?.findings ?? []) as StatementFinding[];
}

describe.skipIf(!HAS_SHARED)(`statements on the seed corpus${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`, () => {
  const expected = HAS_SHARED
    ? (JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')) as { statements: { must: Expected[]; should: Expected[] } }).statements
    : { must: [], should: [] };
  const cache = new Map<string, StatementFinding[]>();
  const found = (doc: string) => {
    if (!cache.has(doc)) cache.set(doc, statementsOf(doc));
    return cache.get(doc)!;
  };

  for (const item of expected.must) {
    it(`must: ${item.speaker}: ${item.text.slice(0, 60)}`, () => {
      const candidates = found(item.doc).filter((f) => contentMatches(f, item.text));
      expect(candidates.length, `no statement with this content in ${item.doc}`).toBeGreaterThan(0);
      const right = candidates.filter((f) => speakerMatches(f, item.speaker));
      expect(right.map((f) => f.data.speaker?.name), `speakers found: ${candidates.map((f) => f.data.speaker?.name).join(', ')}`).not.toEqual([]);
    });
  }

  it('should: printed as a score', () => {
    let hits = 0;
    for (const item of expected.should) {
      const ok = found(item.doc).some((f) => contentMatches(f, item.text) && speakerMatches(f, item.speaker));
      if (ok) hits++;
      else console.log(`[statements should] missed: ${item.doc} ${item.speaker}: ${item.text.slice(0, 80)}`);
    }
    console.log(`[statements should] ${hits}/${expected.should.length} found with the right speaker`);
    expect(hits).toBeGreaterThanOrEqual(0);
  });
});
