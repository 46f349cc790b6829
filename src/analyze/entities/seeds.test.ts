import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, SEEDS_DIR } from '../../../test/support/shared.js';
import type { EntityFinding } from '../../domain/findings.js';
import { tokenize } from '../tokens/index.js';
import { findEntities } from './index.js';

interface Expected {
  entities: { must: { name: string; type: string; aliases?: string[] }[]; should: { name: string; type: string }[] };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(!HAS_SHARED)('entities on the seed articles', () => {
  const expected = HAS_SHARED ? (JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')) as Expected) : null;
  const articles = HAS_SHARED
    ? readdirSync(SEEDS_DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => {
          const text = readFileSync(join(SEEDS_DIR, f), 'utf8');
          return { file: f, text, found: findEntities(text, tokenize(text)) };
        })
    : [];
  const all = articles.flatMap((a) => a.found.map((f) => ({ ...f, file: a.file })));
  const forms = (e: { name: string; aliases?: string[] }): string[] => [e.name, ...(e.aliases ?? [])];

  it('finds every must entity, under its name or an alias, with its type', () => {
    const missing: string[] = [];
    for (const e of expected?.entities.must ?? []) {
      const hit = all.some((f) => (forms(e).includes(f.text) || forms(e).includes(`The ${f.text}`)) && f.data.type === e.type);
      if (!hit) missing.push(`${e.name} (${e.type})`);
    }
    expect(missing).toEqual([]);
  });

  it('links aliases where the article itself defines them (acronym in parentheses, "known as", surname after full name)', () => {
    const problems: string[] = [];
    for (const a of articles) {
      for (const e of expected?.entities.must ?? []) {
        const mine = a.found.filter((f) => forms(e).includes(f.text));
        const full = mine.filter((f) => f.text.includes(' ') || f.text.includes('-'));
        for (const short of mine.filter((f) => !full.includes(f))) {
          // Defined in this article: "Full (SHORT)", "known as SHORT", or a person's surname after the full name.
          const defined = full.some(
            (x) =>
              new RegExp(`${escape(x.text)}\\s*\\(${escape(short.text)}\\)|${escape(x.text)},? (?:also )?known as ${escape(short.text)}`).test(a.text) ||
              (e.type === 'PER' && x.text.endsWith(` ${short.text}`)),
          );
          if (!defined) continue;
          if (!full.some((x) => x.data.name === short.data.name)) problems.push(`${a.file}: "${short.text}" at ${short.span.start} -> name "${short.data.name}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds most should entities (recall printed)', () => {
    const should = expected?.entities.should ?? [];
    const found = should.filter((e) => all.some((f: EntityFinding) => (f.text === e.name || f.data.name === e.name) && f.data.type === e.type));
    const missed = should.filter((e) => !found.includes(e)).map((e) => `${e.name} (${e.type})`);
    console.log(`entities should-recall on seeds: ${found.length}/${should.length}; missed: ${missed.join(', ')}`);
    expect(found.length / Math.max(1, should.length)).toBeGreaterThanOrEqual(0.5);
  });
});
