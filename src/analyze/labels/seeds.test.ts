import { describe, expect, it } from 'vitest';
import type { LabelFinding } from '../../domain/findings.js';
import { HAS_SHARED, SHARED_MISSING } from '../../../test/support/shared.js';
import { nameKey, readExpected, runSeeds } from './test-support/seeds.js';

const DISTANCING = new Set(['scare-quote', 'so-called', 'alleged']);

/** Labels compare without articles, case or punctuation: "an anti-Iran terrorist group" = "anti-Iran terrorist group". */
const labelKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/^\s*(the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

describe.skipIf(!HAS_SHARED)(`labels on the seed corpus ${HAS_SHARED ? '' : SHARED_MISSING}`, () => {
  const expected = HAS_SHARED ? readExpected() : null;
  const actor = expected?.entities?.must?.find((e: { name: string }) => e.name === expected?.labels?.actor);
  const actorKeys = new Set<string>([actor?.name ?? '', ...(actor?.aliases ?? [])].map(nameKey));
  const isActor = (l: LabelFinding): boolean => actorKeys.has(nameKey(l.data.target.name)) || actorKeys.has(nameKey(l.data.target.text));
  const labelsOf = (doc: string): LabelFinding[] => (runSeeds().find((r) => r.doc === doc)?.findings.labels ?? []) as LabelFinding[];

  for (const [doc, wanted] of Object.entries((expected?.labels?.must ?? {}) as Record<string, string[]>)) {
    for (const label of wanted) {
      it(`${doc}: '${label}' in the outlet's own voice`, () => {
        const key = labelKey(label);
        const own = labelsOf(doc).filter((l) => isActor(l) && l.data.voice === 'own');
        const hit = own.find((l) => labelKey(l.data.label) === key || labelKey(l.data.label).endsWith(` ${key}`));
        expect(hit, `own-voice labels: ${own.map((l) => l.data.label).join(' | ')}`).toBeDefined();
      });
    }
  }

  for (const c of (expected?.labels?.contested ?? []) as { doc: string; label: string }[]) {
    it(`${c.doc}: '${c.label}' is quoted or marked as distanced`, () => {
      const key = labelKey(c.label);
      const hits = labelsOf(c.doc).filter((l) => labelKey(l.data.label).includes(key) || key.includes(labelKey(l.data.label)));
      expect(hits.length, `labels: ${labelsOf(c.doc).map((l) => `${l.data.form}:${l.data.label}`).join(' | ')}`).toBeGreaterThan(0);
      expect(hits.every((l) => l.data.voice === 'quoted' || DISTANCING.has(l.data.form))).toBe(true);
    });
  }

  it('prints the outlet x actor label table', () => {
    const lines: string[] = [];
    for (const run of runSeeds()) {
      const labels = (run.findings.labels ?? []) as LabelFinding[];
      const own = [...new Set(labels.filter((l) => isActor(l) && l.data.voice === 'own').map((l) => l.data.label))];
      const quoted = [...new Set(labels.filter((l) => isActor(l) && l.data.voice === 'quoted').map((l) => `${l.data.label} (${l.data.quotedSpeaker ?? '?'})`))];
      lines.push(`${run.doc}: own [${own.join('; ')}] quoted [${quoted.join('; ')}]`);
    }
    console.log(`labels for the actor, per article:\n  ${lines.join('\n  ')}`);
    expect(lines.length).toBeGreaterThan(0);
  });
});
