import { join } from 'node:path';
import { BENCH_DIR } from '../test/support/shared.js';
import { loadPolnear } from './attribution-gold.js';

/** Exploration of the PolNeAR train split (tuning only): cue words, source/content order, quote share. */
const arts = loadPolnear(join(BENCH_DIR, 'polnear'), 'train');
const cues = new Map<string, number>();
const order = new Map<string, number>();
let n = 0, quoted = 0, noSource = 0;
for (const a of arts) for (const r of a.attributions) {
  n++;
  if (!r.source) noSource++;
  const c = r.content?.text ?? '';
  if (/^[“"‘«]/.test(c.trim())) quoted++;
  const cue = (r.cue?.text ?? '-').toLowerCase().replace(/\s+/g, ' ');
  cues.set(cue, (cues.get(cue) ?? 0) + 1);
  const items = [['S', r.source?.hull.start], ['Q', r.cue?.hull.start], ['C', r.content?.hull.start]].filter((x) => x[1] !== undefined) as [string, number][];
  const o = items.sort((x, y) => x[1] - y[1]).map((x) => x[0]).join('');
  order.set(o, (order.get(o) ?? 0) + 1);
}
console.log({ articles: arts.length, n, quoted, noSource });
console.log([...order].sort((a, b) => b[1] - a[1]));
console.log([...cues].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[2] ?? 150)).map(([k, v]) => `${v} ${k}`).join('\n'));
