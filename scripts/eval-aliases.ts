/*
 * Evaluation of the aliases engine on ECB+ cross-document coreference of named participants (people,
 * organisations, places). Not a test: run with
 *   npm run eval:aliases -- [--split tune|report] [--json]
 * Tuning split: topics 1-35; reporting split: topics 36-45 (bench-data README). For every pair of gold
 * named mentions in two different documents of one topic, "linked" = same actor. Compared with the baseline
 * that links only identical names (after normalisation), so the figures show what alias evidence adds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from '../test/support/shared.js';
import type { StoredFinding } from '../src/domain/finding.js';
import type { EntityFinding } from '../src/domain/findings.js';
import { findEntities } from '../src/analyze/entities/index.js';
import { tokenize } from '../src/analyze/tokens/index.js';
import { AliasIndex } from '../src/analyze/corpus/aliases/index.js';
import { nameKey, surfaceOf } from '../src/analyze/corpus/aliases/names.js';

const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'tune';
const json = args.includes('--json');
const dir = join(BENCH_DIR, 'ecbplus', 'ECB+');
const topics = readdirSync(dir)
  .map(Number)
  .filter((t) => (split === 'report' ? t >= 36 : t <= 35))
  .sort((a, b) => a - b);

interface Gold {
  doc: string;
  topic: number;
  start: number;
  end: number;
  instance: string;
  text: string;
}
const KINDS = /^(HUMAN_PART_PER|HUMAN_PART_ORG|LOC_GEO)$/;
const golds: Gold[] = [];
const index = new AliasIndex();
const found = new Map<string, EntityFinding[]>();
let docs = 0;
const t0 = Date.now();
for (const topic of topics) {
  for (const file of readdirSync(join(dir, String(topic))).filter((f) => f.endsWith('.xml')).sort()) {
    const xml = readFileSync(join(dir, String(topic), file), 'utf8');
    const plus = file.includes('ecbplus');
    const tokens = new Map<string, { start: number; end: number }>();
    let text = '';
    let sentence = -1;
    for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
      const s = Number(m[2]);
      if (plus && s === 0) continue;
      const word = m[3]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      if (s !== sentence && text.length > 0) text += '\n';
      else if (text.length > 0) text += ' ';
      sentence = s;
      tokens.set(m[1]!, { start: text.length, end: text.length + word.length });
      text += word;
    }
    const markables = new Map<string, { start: number; end: number }>();
    const body = xml.slice(xml.indexOf('<Markables>'), xml.indexOf('</Markables>'));
    for (const m of body.matchAll(/<(\w+) m_id="(\d+)"[^/>]*>([\s\S]*?)<\/\1>/g)) {
      if (!KINDS.test(m[1]!)) continue;
      const ids = [...m[3]!.matchAll(/t_id="(\d+)"/g)].map((x) => tokens.get(x[1]!)).filter((x) => x !== undefined);
      if (ids.length === 0) continue;
      markables.set(m[2]!, { start: Math.min(...ids.map((x) => x.start)), end: Math.max(...ids.map((x) => x.end)) });
    }
    for (const r of xml.matchAll(/<CROSS_DOC_COREF r_id="\d+" note="([^"]+)"\s*>([\s\S]*?)<\/CROSS_DOC_COREF>/g)) {
      for (const s of r[2]!.matchAll(/<source m_id="(\d+)"/g)) {
        const mk = markables.get(s[1]!);
        if (!mk) continue;
        const t = text.slice(mk.start, mk.end);
        if (!/^\p{Lu}/u.test(t) || /^(The|A|An|He|She|They|It|His|Her)\b/.test(t)) continue; // named mentions only
        golds.push({ doc: file, topic, start: mk.start, end: mk.end, instance: `${topic}:${r[1]}`, text: t });
      }
    }
    const ents = findEntities(text, tokenize(text));
    found.set(file, ents);
    const entities: StoredFinding[] = ents.map((f, n) => ({ ...f, id: `${file}:entities:${n}`, articleId: file, stage: 'entities', stageVersion: 1 }));
    index.add({ id: file, outlet: null, published: null, text, entities });
    docs++;
  }
}
const t1 = Date.now();
const actors = index.actors([]);
const t2 = Date.now();

// each gold mention -> the finding that overlaps it most -> its actor (ours) and its normalised name (baseline)
interface Row {
  g: Gold;
  actor: string | null;
  key: string | null;
}
const rows: Row[] = golds.map((g) => {
  let best: EntityFinding | null = null;
  let bestOverlap = 0;
  for (const f of found.get(g.doc) ?? []) {
    const o = Math.min(f.span.end, g.end) - Math.max(f.span.start, g.start);
    if (o > bestOverlap) {
      best = f;
      bestOverlap = o;
    }
  }
  if (!best) return { g, actor: null, key: null };
  const actor = best.data.via === 'description' ? index.actorOf(best.data.name, best.data.type) : (index.actorOf(best.text, best.data.type) ?? index.actorOf(best.data.name, best.data.type));
  return { g, actor, key: nameKey(surfaceOf(best.text)) };
});

function score(linked: (a: Row, b: Row) => boolean): { p: number; r: number; f1: number; tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byTopic = new Map<number, Row[]>();
  for (const r of rows) byTopic.set(r.g.topic, [...(byTopic.get(r.g.topic) ?? []), r]);
  for (const rs of byTopic.values()) {
    for (let i = 0; i < rs.length; i++) {
      for (let j = i + 1; j < rs.length; j++) {
        const a = rs[i]!;
        const b = rs[j]!;
        if (a.g.doc === b.g.doc) continue;
        const gold = a.g.instance === b.g.instance;
        const ours = linked(a, b);
        if (gold && ours) tp++;
        else if (ours) fp++;
        else if (gold) fn++;
      }
    }
  }
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), tp, fp, fn };
}
const aliases = score((a, b) => a.actor !== null && a.actor === b.actor);
const baseline = score((a, b) => a.key !== null && a.key === b.key);
const matched = rows.filter((r) => r.actor !== null).length;
const pct = (x: number): string => (100 * x).toFixed(1);
console.log(`ECB+ ${split} split: ${docs} documents, ${golds.length} gold named mentions in cross-document chains, ${matched} found by the entities stage; ${actors.length} actors; entities ${t1 - t0} ms, actors ${t2 - t1} ms`);
console.log('method              pairwise P   R      F1     (cross-document mention pairs within a topic)');
console.log(`exact name (base)   ${pct(baseline.p).padStart(5)}  ${pct(baseline.r).padStart(5)}  ${pct(baseline.f1).padStart(5)}`);
console.log(`aliases             ${pct(aliases.p).padStart(5)}  ${pct(aliases.r).padStart(5)}  ${pct(aliases.f1).padStart(5)}`);
if (args.includes('--errors')) {
  const seen = new Set<string>();
  for (const a of rows) for (const b of rows) {
    if (a.g.topic !== b.g.topic || a.g.doc === b.g.doc || !a.actor || !b.actor) continue;
    const k = `${a.g.text} | ${b.g.text}`;
    if (seen.has(k)) continue;
    if (a.g.instance === b.g.instance && a.actor !== b.actor) { seen.add(k); console.log('FN', k); }
    if (a.g.instance !== b.g.instance && a.actor === b.actor && a.key !== b.key) { seen.add(k); console.log('FP', k); }
  }
}
if (json) console.log(JSON.stringify({ split, docs, gold: golds.length, matched, actors: actors.length, baseline, aliases, entitiesMs: t1 - t0, actorsMs: t2 - t1 }));
if (args.includes('--debug')) {
  const { gatherEvidence } = await import('../src/analyze/corpus/aliases/evidence.js');
  const ev = gatherEvidence((index.rows() as { state: never }).state, index.params);
  for (const name of args[args.indexOf('--debug') + 1]!.split(',')) {
    const n = ev.nodes.find((x) => x.name === name);
    console.log(name, n ? `${n.type} mentions=${n.mentions}` : 'no node', index.actorOf(name, 'PER'));
    const g = ev.groups.find((x) => x.node === n?.i);
    for (const c of g?.candidates ?? []) console.log('   cand', ev.nodes[c.a]?.name, c.kind, c.score, c.weight);
    const act = actors.find((a) => a.names.some((x) => x.name === name));
    console.log('   actor', act?.id, act?.names.map((x) => x.name).join(' | '));
  }
}
if (args.includes('--actors')) {
  for (const a of actors.filter((x) => x.names.length > 1).slice(0, Number(args[args.indexOf('--actors') + 1] ?? 40))) {
    console.log(`${a.id} ${a.mentions} ${a.confidence.toFixed(2)} :: ${a.names.map((n) => n.name).join(' | ')}`);
  }
}
