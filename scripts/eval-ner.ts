/**
 * NER on CoNLL-2003: our model (models/ner-conll) next to compromise and wink-nlp, on eng.testa (tuning)
 * and eng.testb (reporting), entity-level exact span + type, micro-averaged (conlleval's figures), plus a
 * type-agnostic span F1 and tokens/second for each system on one core.
 *   npm run eval:ner [-- --json] [-- --split testb] [-- --ours-only] [-- --model path/to/model.bin.gz]
 * The shipped model is trained on eng.train + eng.testa, so its testa row is not a held-out figure (the
 * table says so); the held-out testa figure is that of the train-only model that `npm run train:ner`
 * leaves in $TMPDIR (triangulate-ner-conll-train-only.bin.gz): pass it with --model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import type { ReportTable } from '../bench/report.js';
import { printReport, progress, progressDone } from '../bench/report.js';
import { loadNerModel } from '../src/analyze/entities/load.js';
import { type NerModel, decodeModel } from '../src/analyze/entities/model.js';
import { ENTITY_TYPES } from '../src/analyze/entities/labels.js';
import { BENCH_DIR, HAS_SHARED, SHARED_MISSING } from '../test/support/shared.js';
import { type ConllDocument, type Score, SpanScorer, type TypedSpan, readConll, tagsToSpans } from './conll.js';

type Tagger = (doc: ConllDocument) => TypedSpan[][];

/** A document as text: words joined by spaces, sentences by line breaks; token offsets kept. */
function asText(doc: ConllDocument): { text: string; starts: number[][]; charToken: Int32Array; tokenSentence: [number, number][] } {
  let text = '';
  const starts: number[][] = [];
  const tokenSentence: [number, number][] = [];
  doc.sentences.forEach((s, si) => {
    if (si > 0) text += '\n';
    const st: number[] = [];
    s.words.forEach((w, i) => {
      if (i > 0) text += ' ';
      st.push(text.length);
      tokenSentence.push([si, i]);
      text += w;
    });
    starts.push(st);
  });
  const charToken = new Int32Array(text.length).fill(-1);
  let k = 0;
  doc.sentences.forEach((s, si) => s.words.forEach((w, i) => {
    const a = starts[si]?.[i] ?? 0;
    charToken.fill(k++, a, a + w.length);
  }));
  return { text, starts, charToken, tokenSentence };
}

/** Map character spans back to CoNLL tokens (a span covering part of a token takes the whole token). */
function toTokenSpans(doc: ConllDocument, t: ReturnType<typeof asText>, spans: { start: number; end: number; type: string }[]): TypedSpan[][] {
  const out: TypedSpan[][] = doc.sentences.map(() => []);
  for (const s of spans) {
    let a = s.start;
    let b = s.end - 1;
    while (a <= b && (t.charToken[a] ?? -1) < 0) a++;
    while (b >= a && (t.charToken[b] ?? -1) < 0) b--;
    if (a > b) continue;
    const first = t.tokenSentence[t.charToken[a] ?? 0];
    const last = t.tokenSentence[t.charToken[b] ?? 0];
    if (!first || !last || first[0] !== last[0]) continue;
    out[first[0]]?.push({ start: first[1], end: last[1] + 1, type: s.type });
  }
  return out;
}

const modelArg = process.argv.indexOf('--model');
const modelPath = modelArg >= 0 ? process.argv[modelArg + 1] : undefined;
let chosen: NerModel | null = null;
const ourModel = (): NerModel => (chosen ??= modelPath ? decodeModel(readFileSync(modelPath)) : loadNerModel());
/** Whether the model saw eng.testa in training (its testa row is then not held out). */
const trainedOnTesta = (): boolean => String(ourModel().header.trained.data ?? '').includes('testa');

const ours: Tagger = (doc) => {
  const model = ourModel();
  const spans = model.tagDocument(doc.sentences.map((s) => s.words));
  const out: TypedSpan[][] = doc.sentences.map(() => []);
  const starts: number[] = [];
  let n = 0;
  for (const s of doc.sentences) {
    starts.push(n);
    n += s.words.length;
  }
  for (const sp of spans) {
    let si = starts.length - 1;
    while (si > 0 && (starts[si] ?? 0) > sp.start) si--;
    const base = starts[si] ?? 0;
    out[si]?.push({ start: sp.start - base, end: sp.end - base, type: ENTITY_TYPES[sp.type] ?? 'MISC' });
  }
  return out;
};

const compromiseTagger: Tagger = (doc) => {
  const t = asText(doc);
  const d = nlp(t.text);
  const spans: { start: number; end: number; type: string }[] = [];
  const add = (items: { offset?: { start: number; length: number } }[], type: string): void => {
    for (const it of items) if (it.offset) spans.push({ start: it.offset.start, end: it.offset.start + it.offset.length, type });
  };
  add(d.people().json({ offset: true }) as never, 'PER');
  add(d.places().json({ offset: true }) as never, 'LOC');
  add(d.organizations().json({ offset: true }) as never, 'ORG');
  return toTokenSpans(doc, t, spans);
};

const wink = winkNLP(winkModel);
/**
 * wink-eng-lite-web-model's entity types (DATE, CARDINAL, URL, ...) include no person, place or
 * organisation, so none maps to a CoNLL type. For a type-agnostic comparison we take its runs of
 * proper nouns (PROPN) as untyped names.
 */
const winkTagger: Tagger = (doc) => {
  const t = asText(doc);
  const wd = wink.readDoc(t.text);
  const its = wink.its;
  const values = wd.tokens().out(its.value) as string[];
  const pos = wd.tokens().out(its.pos) as string[];
  const spaces = wd.tokens().out(its.precedingSpaces) as string[];
  const spans: { start: number; end: number; type: string }[] = [];
  let off = 0;
  let runStart = -1;
  let runEnd = -1;
  for (let i = 0; i < values.length; i++) {
    off += (spaces[i] ?? '').length;
    const a = off;
    off += (values[i] ?? '').length;
    if (pos[i] === 'PROPN') {
      if (runStart < 0) runStart = a;
      runEnd = off;
    } else if (runStart >= 0) {
      spans.push({ start: runStart, end: runEnd, type: 'NAME' });
      runStart = -1;
    }
  }
  if (runStart >= 0) spans.push({ start: runStart, end: runEnd, type: 'NAME' });
  return toTokenSpans(doc, t, spans);
};

interface Result {
  readonly all: Score;
  readonly byType: Record<string, number>;
  readonly untypedF1: number;
  readonly tokensPerSecond: number;
}

function evaluate(tag: Tagger, docs: ConllDocument[], label: string): Result {
  const typed = new SpanScorer();
  const untyped = new SpanScorer();
  let tokens = 0;
  let ms = 0;
  docs.forEach((d, i) => {
    if (i % 20 === 0) progress(`${label}: document ${i + 1}/${docs.length}`);
    // CPU time of this process, not wall time: on a shared machine it is the one-core figure.
    const c0 = process.cpuUsage();
    const pred = tag(d);
    const c = process.cpuUsage(c0);
    ms += (c.user + c.system) / 1000;
    d.sentences.forEach((s, si) => {
      tokens += s.words.length;
      const gold = tagsToSpans(s.tags);
      const p = pred[si] ?? [];
      typed.add(gold, p);
      untyped.add(gold.map((g) => ({ ...g, type: 'X' })), p.map((x) => ({ ...x, type: 'X' })));
    });
  });
  progressDone();
  const byType: Record<string, number> = {};
  for (const ty of ENTITY_TYPES) byType[ty] = round(typed.score(ty).f1);
  return { all: typed.score(), byType, untypedF1: round(untyped.score('X').f1), tokensPerSecond: Math.round(tokens / (ms / 1000)) };
}

const OURS = 'triangulate ner-conll';
const round = (x: number): number => Math.round(x * 10000) / 10000;

function main(): void {
  if (!HAS_SHARED) {
    console.error(SHARED_MISSING);
    process.exit(2);
  }
  const argv = process.argv.slice(2);
  const only = argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : null;
  const splits = ['testa', 'testb'].filter((s) => !only || s === only);
  const all: [string, Tagger][] = [[OURS, ours], ['compromise', compromiseTagger], ['wink-nlp (PROPN runs)', winkTagger]];
  const systems = argv.includes('--ours-only') ? all.slice(0, 1) : all;
  // Warm up the JIT on a few documents so that tokens/second is a steady-state figure.
  const warm = readConll(join(BENCH_DIR, 'conll2003', 'eng.train')).slice(0, 120);
  for (const [, tag] of systems) for (const d of warm) tag(d);
  const figures: Record<string, Record<string, unknown>> = {};
  const rows: (string | number)[][] = [];
  for (const split of splits) {
    const docs = readConll(join(BENCH_DIR, 'conll2003', `eng.${split}`));
    for (const [name, tag] of systems) {
      const r = evaluate(tag, docs, `${name} ${split}`);
      const label = name === OURS && split === 'testa' && trainedOnTesta() ? `${name} (trained on testa: not held out)` : name;
      rows.push([label, split, round(r.all.precision), round(r.all.recall), round(r.all.f1), r.byType.PER ?? 0, r.byType.ORG ?? 0, r.byType.LOC ?? 0, r.byType.MISC ?? 0, r.untypedF1, r.tokensPerSecond]);
      (figures[name] ??= {})[split] = { heldOut: !(name === OURS && split === 'testa' && trainedOnTesta()), precision: round(r.all.precision), recall: round(r.all.recall), f1: round(r.all.f1), byType: r.byType, untypedF1: r.untypedF1, tokensPerSecond: r.tokensPerSecond, gold: r.all.gold, predicted: r.all.predicted, correct: r.all.correct };
    }
  }
  const table: ReportTable = {
    title: 'CoNLL-2003 English NER: entity-level exact span + type, micro (testa = tuning, testb = reporting); untyped = span only',
    header: ['system', 'split', 'P', 'R', 'F1', 'PER', 'ORG', 'LOC', 'MISC', 'untyped F1', 'tokens/CPU-s'],
    rows,
  };
  const ref: ReportTable = {
    title: 'Published testb F1 for reference (not measured here)',
    header: ['system', 'testb F1'],
    rows: [['Stanford CRF NER (Finkel et al. 2005)', 0.869], ['Stanza', 0.921]],
  };
  printReport([table, ref], { ner: figures });
}

main();
