import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyFinding } from '../../../domain/finding.js';
import { makeArticle } from '../../../../test/support/article.js';
import { SEEDS_DIR } from '../../../../test/support/shared.js';
import { datesStage } from '../../dates/index.js';
import { entitiesStage } from '../../entities/index.js';
import { runStages } from '../../run-stages.js';
import { statementsStage } from '../../statements/index.js';
import { tokenize } from '../../tokens/index.js';
import { quantitiesStage } from '../../quantities/index.js';
import { labelsStage } from '../index.js';

/**
 * The seed corpus run through the real per-article stages (tokens, entities, dates, statements,
 * labels, quantities). The article text is the whole .txt file: its title line is part of the text.
 */
export interface SeedRun {
  readonly doc: string;
  readonly text: string;
  readonly findings: Readonly<Record<string, readonly AnyFinding[]>>;
}

let cache: SeedRun[] | null = null;

export function runSeeds(): SeedRun[] {
  if (cache) return cache;
  cache = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(SEEDS_DIR, f), 'utf8');
      const results = runStages(makeArticle(text, { source: f }), tokenize(text), [entitiesStage, datesStage, statementsStage, labelsStage, quantitiesStage], true);
      return { doc: f.replace(/\.txt$/, ''), text, findings: Object.fromEntries(results.map((r) => [r.stage, r.findings])) };
    });
  return cache;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function readExpected(): any {
  return JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8'));
}

/** Whitespace, quote styles and case do not matter when locating expected text. */
export function fold(s: string): string {
  return s.replace(/[“”«»„]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').toLowerCase();
}

/** Where `needle` occurs in `text`, tolerantly; null when it does not. */
export function locate(text: string, needle: string): { start: number; end: number } | null {
  // Fold character by character, keeping a map back to the original offsets.
  const map: number[] = [];
  let folded = '';
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (lastSpace) continue;
      lastSpace = true;
      folded += ' ';
    } else {
      lastSpace = false;
      folded += fold(ch);
    }
    map.push(i);
  }
  const at = folded.indexOf(fold(needle));
  if (at < 0) return null;
  return { start: map[at]!, end: map[at + fold(needle).length - 1]! + 1 };
}

/** Names compare without case, spaces or punctuation ("Hezb-e Azad" = "Hezb e Azad"). */
export const nameKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
