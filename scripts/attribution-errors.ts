import { join } from 'node:path';
import { entitiesStage } from '../src/analyze/entities/index.js';
import { statementsStage } from '../src/analyze/statements/index.js';
import { CUE_REGEX } from '../src/analyze/statements/cues.js';
import { tokenize } from '../src/analyze/tokens/index.js';
import { runStages } from '../src/analyze/run-stages.js';
import type { StatementFinding } from '../src/domain/findings.js';
import { BENCH_DIR } from '../test/support/shared.js';
import { makeArticle } from '../test/support/article.js';
import { loadPolnear, type PolnearSplit } from './attribution-gold.js';
import { matchAttributions, matchOverlap, reportsNoSpeaker } from './attribution-score.js';

/**
 * Tuning aid on train/dev only: missed gold attributions by cue, and unmatched statements of ours.
 * npx tsx scripts/attribution-errors.ts train|dev [summary|fn|fnk|fp|src|content|nosrc|nosrc-same] [lines]
 * nosrc: gold without a source where we name a speaker (content match); nosrc-same: the same, matched by cue and content.
 */
const split = (process.argv[2] ?? 'train') as PolnearSplit;
if (split === 'test') throw new Error('errors are for tuning splits only');
const show = process.argv[3] ?? 'summary';
const missedCue = new Map<string, number>();
const fpCue = new Map<string, number>();
const fpRule = new Map<string, number>();
const lines: string[] = [];
const bucket = new Map<string, number>();
for (const a of loadPolnear(join(BENCH_DIR, 'polnear'), split)) {
  const results = runStages(makeArticle(a.text), tokenize(a.text), [entitiesStage, statementsStage], true);
  const found = (results.find((r) => r.stage === 'statements')?.findings ?? []) as StatementFinding[];
  const gold = a.attributions.filter((g) => g.content);
  const pairs = matchOverlap(found.map((f) => f.data.content.span), gold.map((g) => g.content!.hull));
  const mp = new Set(pairs.map((p) => p[0]));
  const mg = new Set(pairs.map((p) => p[1]));
  gold.forEach((g, j) => {
    if (mg.has(j)) return;
    const cue = (g.cue?.text ?? '-').toLowerCase();
    missedCue.set(cue, (missedCue.get(cue) ?? 0) + 1);
    const known = new RegExp(CUE_REGEX.source, 'iu').test(g.cue?.text ?? '');
    bucket.set(known ? 'cue in lexicon' : 'cue not in lexicon', (bucket.get(known ? 'cue in lexicon' : 'cue not in lexicon') ?? 0) + 1);
    if (show === 'fnk' && known) lines.push(`FN S[${g.source?.text ?? ''}] Q[${g.cue?.text}] C[${g.content!.text.slice(0, 160)}]`);
    if (show === 'fn') lines.push(`FN S[${g.source?.text ?? ''}] Q[${g.cue?.text}] C[${g.content!.text.slice(0, 160)}]`);
  });
  if (show === 'nosrc-same')
    for (const [i, j] of matchAttributions(found, gold)) {
      const f = found[i]!;
      const g = gold[j]!;
      if (!g.source && !reportsNoSpeaker(f))
        lines.push(`NOSRC gold Q[${g.cue?.text}] C[${g.content!.text.slice(0, 100)}] | ours S[${f.data.source?.text ?? '(' + (f.data.speaker?.name ?? '') + ')'}] Q[${f.data.cue?.text}] ${f.rule} || ${a.text.slice(Math.max(0, f.span.start - 60), f.span.end + 20).replace(/\s+/g, ' ')}`);
    }
  found.forEach((f, i) => {
    if (mp.has(i)) {
      const g = gold[pairs.find((p) => p[0] === i)![1]]!;
      if (show === 'nosrc' && !g.source && !reportsNoSpeaker(f))
        lines.push(`NOSRC gold Q[${g.cue?.text}] C[${g.content!.text.slice(0, 100)}] | ours S[${f.data.source?.text}] Q[${f.data.cue?.text}] ${f.rule}`);
      if (show === 'src' && (g.source?.text ?? '') !== (f.data.source?.text ?? ''))
        lines.push(`SRC gold[${g.source?.text ?? ''}] ours[${f.data.source?.text ?? ''}] Q[${f.data.cue?.text}] ${f.rule}`);
      if (show === 'content' && g.content!.text.trim() !== f.data.content.text)
        lines.push(`CON gold[${g.content!.text.slice(0, 200)}]\n    ours[${f.data.content.text.slice(0, 200)}] ${f.rule}`);
      return;
    }
    const cue = (f.data.cue?.text ?? '-').toLowerCase();
    fpCue.set(cue, (fpCue.get(cue) ?? 0) + 1);
    fpRule.set(f.rule, (fpRule.get(f.rule) ?? 0) + 1);
    if (show === 'fp') lines.push(`FP S[${f.data.source?.text ?? ''}] Q[${f.data.cue?.text}] C[${f.data.content.text.slice(0, 160)}] ${f.rule}`);
  });
}
const top = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).slice(0, 60).map(([k, v]) => `${v} ${k}`).join(' | ');
if (show === 'summary') {
  console.log('MISSED:', top(bucket));
  console.log('MISSED by cue:', top(missedCue));
  console.log('\nFP by cue:', top(fpCue));
  console.log('\nFP by rule:', top(fpRule));
} else {
  const step = Math.max(1, Math.floor(lines.length / Number(process.argv[4] ?? 60)));
  console.log(lines.filter((_, i) => i % step === 0).join('\n'));
}
