import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../domain/finding.js';
import type { ClaimGroup } from '../../../domain/corpus.js';
import { HAS_SHARED, SHARED_MISSING } from '../../../../test/support/shared.js';
import { locate, readExpected, runSeeds } from '../../labels/test-support/seeds.js';
import { groupClaims } from './index.js';
import type { ClaimArticleInput, ClaimContext } from './types.js';
import { nameKey } from './words.js';

interface ExpectedClaim {
  doc: string;
  text: string;
}
interface ExpectedGroup {
  measure: string;
  level: 'must' | 'should';
  claims: ExpectedClaim[];
  conflict: boolean;
}

function inputs(): ClaimArticleInput[] {
  return runSeeds().map((r) => {
    const findings: StoredFinding[] = [];
    for (const [stage, list] of Object.entries(r.findings)) {
      list.forEach((f, n) => findings.push({ ...f, id: `${r.doc}:${stage}:${n}`, articleId: r.doc, stage, stageVersion: 1 }));
    }
    return { id: r.doc, outlet: r.doc.slice(0, 3), published: null, text: r.text, findings };
  });
}

/** The group holding each expected claim (by span overlap), or a reason it has none. */
function placed(groups: readonly ClaimGroup[], claim: ExpectedClaim, text: string): ClaimGroup | string {
  const at = locate(text, claim.text);
  if (!at) return `claim text not in article: ${claim.text}`;
  const g = groups.find((x) => x.claims.some((c) => c.source.articleId === claim.doc && c.source.span.start < at.end && at.start < c.source.span.end));
  return g ?? `"${claim.text}" (${claim.doc}) is in no group`;
}

function score(groups: readonly ClaimGroup[], expected: ExpectedGroup[]): { ok: number; total: number; problems: string[] } {
  const texts = new Map(runSeeds().map((r) => [r.doc, r.text]));
  let ok = 0;
  const problems: string[] = [];
  for (const e of expected) {
    const homes = e.claims.map((c) => placed(groups, c, texts.get(c.doc)!));
    const missing = homes.filter((h): h is string => typeof h === 'string');
    const ids = new Set(homes.filter((h): h is ClaimGroup => typeof h !== 'string').map((g) => g.id));
    if (e.claims.length < 2) {
      // A single claim has no cross-article group to be in: right when it is in none or in a consistent one.
      ok++;
      continue;
    }
    if (missing.length) problems.push(`${e.measure}: ${missing.join('; ')}`);
    else if (ids.size > 1) problems.push(`${e.measure}: split over ${ids.size} groups`);
    else {
      const g = homes[0] as ClaimGroup;
      if (g.conflict !== e.conflict) problems.push(`${e.measure}: conflict ${g.conflict} != ${e.conflict} (${g.why})`);
      else ok++;
    }
  }
  return { ok, total: expected.length, problems };
}

/** A stand-in for the aliases stage: the expected actors' aliases (test knowledge, not in src). */
function aliasContext(): ClaimContext {
  const alias = new Map<string, string>();
  for (const e of readExpected().entities.must as { name: string; aliases: string[] }[]) {
    for (const n of [e.name, ...e.aliases]) alias.set(nameKey(n).replace(/ /g, ''), `actor:${nameKey(e.name)}`);
  }
  return { actorOf: (name) => alias.get(nameKey(name).replace(/ /g, '')) ?? `actor:${nameKey(name)}`, storyOf: () => 'seeds', actorName: (id) => id.slice(6) };
}

describe.skipIf(!HAS_SHARED)(`claims on the seed corpus ${HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  const groups: ExpectedGroup[] = HAS_SHARED ? readExpected().quantities.groups : [];
  const must = groups.filter((g) => g.level === 'must');
  const should = groups.filter((g) => g.level === 'should');

  it('puts the claims of each must group in one group, with the expected conflict flag (aliases resolved)', () => {
    const { claims } = groupClaims(inputs(), aliasContext());
    expect(score(claims, must).problems).toEqual([]);
  });

  it('finds the statement 003 and 004 both quote, with the same speaker', () => {
    const { quotes } = groupClaims(inputs(), aliasContext());
    const q = quotes.find((g) => g.statements.some((s) => s.content.includes('make up for its mistake')));
    expect(q?.statements.map((s) => s.source.articleId.slice(0, 3)).sort()).toEqual(['003', '004']);
    expect(q?.speakersDiffer).toBe(false);
  });

  it('prints the groups and the must/should scores (names as the only actor key, and with the aliases resolved)', () => {
    const simple = groupClaims(inputs(), { actorOf: (n) => `actor:${nameKey(n)}`, storyOf: () => 'seeds' });
    const aliased = groupClaims(inputs(), aliasContext());
    for (const [label, r] of [['names only', simple], ['aliases resolved', aliased]] as const) {
      const m = score(r.claims, must);
      const s = score(r.claims, should);
      console.log(`[claims/seeds] ${label}: must ${m.ok}/${m.total}, should ${s.ok}/${s.total}`);
      for (const p of [...m.problems, ...s.problems]) console.log(`  - ${p}`);
    }
    for (const g of aliased.claims) console.log(`  group ${g.measure} conflict=${g.conflict}: ${g.claims.map((c) => `${c.source.articleId.slice(0, 3)} "${c.source.text}"`).join(', ')}\n    why: ${g.why}`);
    for (const q of aliased.quotes) console.log(`  quotes sim=${q.similarity} wording=${q.wordingDiffers} speakers=${q.speakersDiffer}: ${q.statements.map((s) => `${s.source.articleId.slice(0, 3)} ${s.speaker}: "${s.content.slice(0, 60)}"`).join(' | ')}`);
  });
});
