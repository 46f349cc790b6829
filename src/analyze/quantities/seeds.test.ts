import { describe, expect, it } from 'vitest';
import type { QuantityFinding } from '../../domain/findings.js';
import { HAS_SHARED, SHARED_MISSING } from '../../../test/support/shared.js';
import { locate, nameKey, readExpected, runSeeds } from '../labels/test-support/seeds.js';

/** expected.json's qualifiers are normalised; ours are the words the article uses. */
const QUALIFIER: Readonly<Record<string, string>> = {
  'more than': 'more than', over: 'more than', above: 'more than', 'at least': 'at least', around: 'about', about: 'about',
  some: 'about', roughly: 'about', approximately: 'about', 'an estimated': 'about', almost: 'almost', nearly: 'almost',
};

/** What each seed claim counts, as a lemma (test knowledge about the seed texts, not in src). */
const COUNTED: Readonly<Record<string, string | null>> = {
  'more than 2,000 members': 'member',
  'more than 2000 members': 'member',
  'around 3,000 members': 'member',
  'hundreds of MKO members': 'member',
  'some 3,000 members': 'member',
  'more than 12,000 Iranian people and officials': 'person',
  'more than 12,000 Iranian citizens': 'citizen',
  'over 12,000 Iranians': 'Iranian',
  'at least one person was murdered': 'person',
  'At least one person was killed': 'person',
  'many were injured': null,
  'dozens of others were injured': 'other',
  '150 electronic devices': 'device',
};

interface Claim {
  doc: string;
  text: string;
  value: number | null;
  qualifier?: string;
  unit?: string;
}

function check(claim: Claim, found: readonly QuantityFinding[], text: string, actorKeys: ReadonlySet<string>): string[] {
  const at = locate(text, claim.text);
  if (!at) return [`claim text not in article: ${claim.text}`];
  const q = found.find((f) => f.span.start < at.end && at.start < f.span.end);
  if (!q) return [`not found: ${claim.text}`];
  const d = q.data;
  const problems: string[] = [];
  if (d.value !== claim.value) problems.push(`value ${d.value} != ${claim.value}`);
  if (claim.qualifier) {
    const vagueWord = claim.value === null;
    if (vagueWord ? !(d.vague && q.text.toLowerCase().includes(claim.qualifier)) : QUALIFIER[d.approximator ?? ''] !== claim.qualifier) {
      problems.push(`qualifier ${d.approximator ?? (d.vague ? 'vague' : 'none')} != ${claim.qualifier}`);
    }
  }
  if (claim.unit && d.unit !== claim.unit) problems.push(`unit ${d.unit} != ${claim.unit}`);
  if (claim.text in COUNTED && (d.counted?.lemma ?? null) !== COUNTED[claim.text]) problems.push(`counted ${d.counted?.lemma} != ${COUNTED[claim.text]}`);
  // Members of the group: the owner is the group wherever the text names or describes it definitely.
  const ownerInText = /members$/.test(claim.text) && /members of the|MKO members/.test(text.slice(at.start, at.end + 30));
  if (ownerInText && !(d.owner?.name && actorKeys.has(nameKey(d.owner.name)))) problems.push(`owner ${d.owner?.text} -> ${d.owner?.name} is not the actor`);
  return problems;
}

describe.skipIf(!HAS_SHARED)(`quantities on the seed corpus ${HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  const expected = HAS_SHARED ? readExpected() : null;
  const actor = expected?.entities?.must?.find((e: { name: string }) => e.name === expected?.labels?.actor);
  const actorKeys = new Set<string>([actor?.name ?? '', ...(actor?.aliases ?? [])].map(nameKey));
  const byDoc = (doc: string) => runSeeds().find((r) => r.doc === doc)!;

  for (const group of expected?.quantities?.groups ?? []) {
    if (group.level !== 'must') continue;
    for (const claim of group.claims as Claim[]) {
      it(`${group.measure}: "${claim.text}" in ${claim.doc}`, () => {
        const run = byDoc(claim.doc);
        const found = run.findings.quantities as QuantityFinding[];
        expect(check(claim, found, run.text, actorKeys)).toEqual([]);
      });
    }
  }

  it('prints the should score', () => {
    let total = 0;
    let ok = 0;
    const misses: string[] = [];
    for (const group of expected?.quantities?.groups ?? []) {
      if (group.level !== 'should') continue;
      for (const claim of group.claims as Claim[]) {
        total++;
        const run = byDoc(claim.doc);
        const problems = check(claim, run.findings.quantities as QuantityFinding[], run.text, actorKeys);
        if (problems.length === 0) ok++;
        else misses.push(`${claim.doc} "${claim.text}": ${problems.join('; ')}`);
      }
    }
    console.log(`quantities should: ${ok}/${total}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
    expect(total).toBeGreaterThan(0);
  });
});
