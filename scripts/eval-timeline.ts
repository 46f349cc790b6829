/*
 * Timeline merging on ECB+ (cross-document event coreference). Each document is rebuilt from its tokens
 * (one sentence per line), given a publish date from its URL when it has one (ecbplus documents), run
 * through entities + dates, publish dates inferred as the service does, then the timeline over the split.
 * Gold: two dated mentions of different documents date the same event when their sentences hold action
 * mentions of one cross-document chain. Pairwise precision over sources of one entry (different documents);
 * recall over gold pairs whose dates are compatible (the only pairs the timeline may merge).
 * Usage: npx tsx scripts/eval-timeline.ts [tune|report] [grid] [--json]   (tune = topics 1-35, report = 36-45)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/domain/article.js';
import type { DateFinding } from '../src/domain/findings.js';
import type { StoredFinding } from '../src/domain/finding.js';
import { makeArticle } from '../test/support/article.js';
import { analyzeArticle, selectStages } from '../src/analyze/pipeline.js';
import { inferPublished } from '../src/analyze/corpus/published/index.js';
import { buildTimeline, timelineMentions } from '../src/analyze/corpus/timeline/index.js';
import { compatible } from '../src/analyze/corpus/timeline/values.js';
import type { TimelineArticleInput } from '../src/analyze/corpus/timeline/types.js';
import { BENCH_DIR } from '../test/support/shared.js';
import { printReport, progress, progressDone } from '../bench/report.js';

const DIR = join(BENCH_DIR, 'ecbplus', 'ECB+');
const split = process.argv[2] ?? 'tune';
const topics = readdirSync(DIR).map(Number).filter((t) => (split === 'tune' ? t <= 35 : t >= 36)).sort((a, b) => a - b);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Doc { article: Article; chainsAt: { start: number; end: number; chains: Set<string> }[]; cluster: string }
const docs: Doc[] = [];
for (const t of topics) {
  for (const f of readdirSync(join(DIR, String(t))).filter((x) => x.endsWith('.xml')).sort()) {
    const xml = readFileSync(join(DIR, String(t), f), 'utf8');
    const toks = [...xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g)].map((m) => ({ id: m[1]!, s: Number(m[2]), w: m[3]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>') }));
    const plus = f.includes('ecbplus');
    let url = '';
    const sentences = new Map<number, string[]>();
    const tokSent = new Map<string, number>();
    for (const k of toks) {
      if (plus && k.s === 0) { url += k.w; continue; }
      (sentences.get(k.s) ?? sentences.set(k.s, []).get(k.s)!).push(k.w);
      tokSent.set(k.id, k.s);
    }
    let text = '';
    const sentOff = new Map<number, { start: number; end: number }>();
    for (const [s, ws] of [...sentences].sort((a, b) => a[0] - b[0])) {
      const line = ws.join(' ');
      sentOff.set(s, { start: text.length, end: text.length + line.length });
      text += line + '\n';
    }
    // markables -> tokens; cross-doc action chains
    const mTok = new Map<string, string[]>();
    for (const m of xml.matchAll(/<(ACTION_\w+|NEG_ACTION_\w+) m_id="(\d+)"[^/]*?>([\s\S]*?)<\/\1>/g)) mTok.set(m[2]!, [...m[3]!.matchAll(/t_id="(\d+)"/g)].map((x) => x[1]!));
    const chainsBySent = new Map<number, Set<string>>();
    for (const r of xml.matchAll(/<CROSS_DOC_COREF r_id="\d+" note="(ACT\w+)" >([\s\S]*?)<\/CROSS_DOC_COREF>/g)) {
      for (const s of r[2]!.matchAll(/<source m_id="(\d+)"/g)) for (const tid of mTok.get(s[1]!) ?? []) {
        const si = tokSent.get(tid);
        if (si !== undefined) (chainsBySent.get(si) ?? chainsBySent.set(si, new Set()).get(si)!).add(r[1]!);
      }
    }
    const um = /\/(20\d\d|19\d\d)\/(\d\d|[a-z]{3})\/(\d\d)\//.exec(url.toLowerCase());
    let published: Article['published'] = null;
    if (um) {
      const mo = /\d\d/.test(um[2]!) ? um[2]! : String(MONTHS.indexOf(um[2]!) + 1).padStart(2, '0');
      if (mo !== '00') published = { value: `${um[1]}-${mo}-${um[3]}`, precision: 'day', source: 'input', utcOffset: null, raw: null };
    }
    const article = makeArticle(text, { source: f, published });
    docs.push({ article: { ...article, id: f }, chainsAt: [...chainsBySent].map(([s, chains]) => ({ ...sentOff.get(s)!, chains })), cluster: `${t}_${plus ? 'ecbplus' : 'ecb'}` });
  }
}
const stages = selectStages(['entities', 'dates']).stages;
const t0 = Date.now();
const analysed = docs.map((d, i) => {
  progress(`analysing ${i + 1}/${docs.length}`);
  return { d, results: analyzeArticle(d.article, stages) };
});
progressDone();
const datesOf = (r: ReturnType<typeof analyzeArticle>) => (r.find((x) => x.stage === 'dates')?.findings ?? []) as DateFinding[];
const inferred = inferPublished(analysed.map((a) => ({ article: a.d.article, dates: datesOf(a.results) })));
const inputs: TimelineArticleInput[] = analysed.map(({ d, results }) => {
  const p = inferred.get(d.article.id);
  const a = p ? { ...d.article, published: p } : d.article;
  const rs = p ? analyzeArticle(a, stages) : results;
  const findings: StoredFinding[] = rs.flatMap((r) => r.findings.map((f, n) => ({ ...f, id: `${a.id}:${r.stage}:${n}`, articleId: a.id, stage: r.stage, stageVersion: 1 })));
  return { id: a.id, outlet: null, published: a.published?.value ?? null, text: a.text, findings };
});
const tAnalyse = Date.now() - t0;
const byId = new Map(docs.map((d) => [d.article.id, d]));
const clusterOf = (id: string) => byId.get(id)!.cluster;
const chainsOf = (id: string, at: number) => byId.get(id)!.chainsAt.find((c) => c.start <= at && at < c.end)?.chains ?? new Set<string>();
const same = (a: { articleId: string; at: number }, b: { articleId: string; at: number }) => {
  const x = chainsOf(a.articleId, a.at);
  return [...chainsOf(b.articleId, b.at)].some((c) => x.has(c));
};

const known = (a: { articleId: string; at: number }) => chainsOf(a.articleId, a.at).size > 0;
function score(params: Record<string, number>) {
  const t1 = Date.now();
  const entries = buildTimeline(inputs, { storyOf: clusterOf }, params);
  // pairwise over sources of one entry from different documents, both sentences annotated (else unknown)
  const ms = Date.now() - t1;
  const mentions = timelineMentions(inputs, params);
  const entryOf = new Map<string, number>();
  entries.forEach((e, k) => e.sources.forEach((s) => entryOf.set(`${s.source.articleId}@${s.source.span.start}`, k)));
  let tp = 0, fp = 0, gold = 0, found = 0;
  for (const e of entries) {
    const ss = e.sources.map((s) => ({ articleId: s.source.articleId, at: s.source.span.start }));
    for (let i = 0; i < ss.length; i++) for (let j = i + 1; j < ss.length; j++) {
      if (ss[i]!.articleId === ss[j]!.articleId || !known(ss[i]!) || !known(ss[j]!)) continue;
      if (same(ss[i]!, ss[j]!)) tp++;
      else fp++;
    }
  }
  // recall: gold pairs of mentions (different docs, same topic) with compatible dates
  const byTopic = new Map<string, typeof mentions>();
  for (const m of mentions) { const t = clusterOf(m.articleId).split('_')[0]!; (byTopic.get(t) ?? byTopic.set(t, []).get(t)!).push(m); }
  for (const list of byTopic.values()) for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
    const a = list[i]!, b = list[j]!;
    if (a.articleId === b.articleId || !compatible(a.date, b.date)) continue;
    if (!same({ articleId: a.articleId, at: a.source.span.start }, { articleId: b.articleId, at: b.source.span.start })) continue;
    gold++;
    if (entryOf.get(a.key) === entryOf.get(b.key)) found++;
  }
  const crossStory = entries.filter((e) => e.sources.length > 1 && e.story === null).length;
  const P = tp / Math.max(1, tp + fp), R = found / Math.max(1, gold);
  return { P, R, F: (2 * P * R) / Math.max(1e-9, P + R), tp, fp, gold, found, entries: entries.length, multi: entries.filter((e) => new Set(e.sources.map((s) => s.source.articleId)).size > 1).length, conflicts: entries.filter((e) => e.conflict).length, crossStory, ms };
}
const grid = process.argv.includes('grid');
const rows = grid
  ? [0.1, 0.15, 0.2, 0.25, 0.3].flatMap((m) => [0.2, 0.35, 0.5].map((y) => ({ mergeSimilarity: m, yearlessSimilarity: y })))
  : [{}];
const results = rows.map((p) => ({ p, r: score(p) }));
const f3 = (x: number) => x.toFixed(3);
printReport(
  [
    {
      title: `timeline on ECB+ ${split} topics: ${docs.length} documents, ${timelineMentions(inputs).length} dated mentions, ${inferred.size} publish dates inferred (analysis ${tAnalyse} ms)`,
      header: ['params', 'P', 'R', 'F', 'tp', 'fp', 'gold', 'entries', 'multi-doc', 'conflicts', 'cross-story', 'ms'],
      rows: results.map(({ p, r }) => [JSON.stringify(p), f3(r.P), f3(r.R), f3(r.F), r.tp, r.fp, r.gold, r.entries, r.multi, r.conflicts, r.crossStory, r.ms]),
    },
  ],
  { split, documents: docs.length, ...Object.fromEntries(Object.entries(results[0]!.r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(4)) : v])) },
);
