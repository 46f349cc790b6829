/**
 * Train the NER model (averaged structured perceptron, first-order Viterbi over BILOU). Stage 1 trains on CoNLL-2003 eng.train
 * and chooses each run's epoch on eng.testa (held-out testa F1; that model is kept in $TMPDIR for
 * `npm run eval:ner -- --model ...`); stage 2 retrains the same runs with those epochs on eng.train +
 * eng.testa and writes models/ner-conll.bin.gz (`--train-only` writes the stage-1 model instead).
 * Never reads eng.testb.
 * Word clusters come from scripts/ner-clusters.ts (built first when their cache file is missing).
 *   npm run train:ner [-- --epochs 12 --runs 3 --min-count 1 --no-clusters --no-gazetteer --rebuild-clusters --train-only --greedy]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, REPO_ROOT } from '../test/support/shared.js';
import { type Lexicons, extractFeatures, labelFeatures } from '../src/analyze/entities/features.js';
import { FeatureTable } from '../src/analyze/entities/hash.js';
import { ENTITY_TYPES, LABEL_COUNT, labelType, spansToLabels } from '../src/analyze/entities/labels.js';
import { encodeModel, decodeModel, lexiconsOf } from '../src/analyze/entities/model.js';
import { buildGazetteer } from './ner-gazetteer.js';
import { CLUSTERS_FILE, writeClusters } from './ner-clusters.js';
import { type LinearModel, decodeDocument, staticRows } from '../src/analyze/entities/tagger.js';
import { tokenRows, viterbiDocument } from '../src/analyze/entities/viterbi.js';
import { type ConllDocument, readConll, tagsToSpans } from './conll.js';
import { scoreModel } from './ner-score.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const EPOCHS = opt('epochs', 12);
const MIN_COUNT = opt('min-count', 1);
const RUNS = opt('runs', 3);
/** Epochs before this one are not scored on testa (saves time; the best epoch is always later). */
const MIN_EPOCH = opt('min-epoch', 6);
/**
 * Structured perceptron: first-order Viterbi decoding in training and tagging, updates along whole
 * sentences (+1.0 F1 on testa over greedy; `--greedy` trains the former greedy tagger).
 */
const VITERBI = !argv.includes('--greedy');
const CLUSTERS_PATH = CLUSTERS_FILE;
const OUT = join(REPO_ROOT, 'models', 'ner-conll.bin.gz');
/** The train-only model of stage 1 (held-out testa figures): `npm run eval:ner -- --model <this file>`. */
const TRAIN_ONLY_OUT = join(tmpdir(), 'triangulate-ner-conll-train-only.bin.gz');
const t0 = Date.now();
const log = (m: string): void => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${m}`);

function loadClusters(): Record<string, number[]> | null {
  if (argv.includes('--no-clusters')) return null;
  if (!existsSync(CLUSTERS_PATH) || argv.includes('--rebuild-clusters')) writeClusters();
  const out: Record<string, number[]> = {};
  for (const line of readFileSync(CLUSTERS_PATH, 'utf8').split('\n')) {
    const [w, ids] = line.split('\t');
    if (w && ids) out[w] = ids.split(',').map(Number);
  }
  return out;
}

interface Prepared {
  readonly sentences: string[][];
  readonly gold: number[];
  readonly f: ReturnType<typeof extractFeatures>;
  rows: Int32Array;
}

function prepare(docs: ConllDocument[], lex: Lexicons): Prepared[] {
  return docs.map((d) => {
    const sentences = d.sentences.map((s) => s.words);
    const gold: number[] = [];
    for (const s of d.sentences) {
      const spans = tagsToSpans(s.tags).map((x) => ({ start: x.start, end: x.end, type: ENTITY_TYPES.indexOf(x.type as never) }));
      gold.push(...spansToLabels(s.words.length, spans));
    }
    return { sentences, gold, f: extractFeatures(sentences, lex), rows: new Int32Array(0) };
  });
}

/** Count features along the gold label sequence; keep those seen at least MIN_COUNT times. */
function buildDictionary(data: Prepared[]): FeatureTable {
  const counts = new FeatureTable(1 << 22);
  const c = new Int32Array(1 << 24);
  const dyn = new Int32Array(16);
  const bump = (key: number): void => {
    const r = counts.add(key);
    if (r < c.length) c[r] = (c[r] ?? 0) + 1;
  };
  for (const d of data) {
    for (const k of d.f.keys) bump(k);
    const history = new Map<number, number>();
    for (let s = 0; s + 1 < d.f.sentenceStarts.length; s++) {
      let prev = -1;
      let prev2 = -1;
      for (let t = d.f.sentenceStarts[s] ?? 0; t < (d.f.sentenceStarts[s + 1] ?? 0); t++) {
        const hk = d.f.historyKey[t] ?? 0;
        const m = labelFeatures(d.f, t, prev, VITERBI ? -1 : prev2, hk ? (history.get(hk) ?? -1) : -1, dyn);
        for (let k = 0; k < m; k++) bump(dyn[k] ?? 0);
        const g = d.gold[t] ?? 0;
        if (hk) history.set(hk, g === 0 ? 4 : labelType(g));
        prev2 = prev;
        prev = g;
      }
    }
  }
  const table = new FeatureTable(1 << 20);
  for (const [key, row] of counts.entries()) if ((c[row] ?? 0) >= MIN_COUNT) table.add(key);
  log(`features: ${counts.size} distinct, ${table.size} kept (count >= ${MIN_COUNT})`);
  return table;
}

function shuffle<T>(a: T[], seed: number): T[] {
  let x = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = (x >>> 0) % (i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

interface Run {
  readonly f1: number;
  readonly epoch: number;
  readonly weights: Float32Array;
}

/**
 * One averaged perceptron over `data` in the document order of `run`. With `score`, keeps the epoch that
 * scores best (epochs >= MIN_EPOCH, up to `epochs`); without it, returns the averaged weights after `epochs`.
 */
function trainRun(data: Prepared[], table: FeatureTable, run: number, epochs: number, label: string, score?: (w: Float32Array) => number): Run {
  const L = LABEL_COUNT;
  const w = new Float32Array(table.size * L);
  const u = new Float64Array(table.size * L);
  const model: LinearModel = { table, weights: w };
  let c = 1;
  let best: Run = { f1: -1, epoch: 0, weights: new Float32Array(0) };
  const order = data.slice();
  const averaged = (): Float32Array => {
    const avg = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) avg[i] = (w[i] ?? 0) - (u[i] ?? 0) / c;
    return avg;
  };
  const gRows: number[] = [];
  const pRows: number[] = [];
  const dyn = new Int32Array(16);
  const bump = (rs: readonly number[], label: number, by: number): void => {
    for (const r of rs) {
      const b = r * L + label;
      w[b] = (w[b] ?? 0) + by;
      u[b] = (u[b] ?? 0) + by * c;
    }
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let errors = 0;
    let tokens = 0;
    for (const d of shuffle(order, epoch * 7919 + run * 104729)) {
      if (VITERBI) {
        // Structured perceptron: decode the whole document, then per sentence update along the gold and
        // the predicted paths where they differ (same prediction history for both).
        const tagged = viterbiDocument(d.f, d.rows, model);
        for (let s = 0; s + 1 < d.f.sentenceStarts.length; s++) {
          const from = d.f.sentenceStarts[s] ?? 0;
          const to = d.f.sentenceStarts[s + 1] ?? 0;
          tokens += to - from;
          c++;
          let wrong = false;
          for (let t = from; t < to; t++) if ((tagged.labels[t] ?? 0) !== (d.gold[t] ?? 0)) wrong = true;
          if (!wrong) continue;
          for (let t = from; t < to; t++) {
            const g = d.gold[t] ?? 0;
            const p = tagged.labels[t] ?? 0;
            const gp = t > from ? (d.gold[t - 1] ?? 0) : -1;
            const pp = t > from ? (tagged.labels[t - 1] ?? 0) : -1;
            if (g === p && gp === pp) continue;
            errors++;
            const h = tagged.history[t] ?? -1;
            tokenRows(d.f, d.rows, model, t, gp, h, gRows, dyn);
            tokenRows(d.f, d.rows, model, t, pp, h, pRows, dyn);
            bump(gRows, g, 1);
            bump(pRows, p, -1);
          }
        }
        continue;
      }
      decodeDocument(d.f, d.rows, model, (t, rows, pred) => {
        const g = d.gold[t] ?? 0;
        tokens++;
        c++;
        if (g === pred) return;
        errors++;
        for (const r of rows) {
          const b = r * L;
          w[b + g] = (w[b + g] ?? 0) + 1;
          u[b + g] = (u[b + g] ?? 0) + c;
          w[b + pred] = (w[b + pred] ?? 0) - 1;
          u[b + pred] = (u[b + pred] ?? 0) - c;
        }
      });
    }
    const head = `${label} run ${run + 1}/${RUNS} epoch ${epoch}/${epochs}: train token error ${(errors / tokens).toFixed(4)}`;
    if (!score || epoch < MIN_EPOCH) {
      log(head);
      continue;
    }
    const avg = averaged();
    const f1 = score(avg);
    log(`${head}, testa F1 ${f1.toFixed(4)}`);
    if (f1 > best.f1) best = { f1, epoch, weights: avg };
  }
  return score ? best : { f1: -1, epoch: epochs, weights: averaged() };
}

function averageRuns(runs: readonly Run[], size: number): Float32Array {
  const summed = new Float32Array(size);
  for (const r of runs) for (let i = 0; i < size; i++) summed[i] = (summed[i] ?? 0) + (r.weights[i] ?? 0) / runs.length;
  return summed;
}

/** Model file from a feature table and weights, rows whose weights are all ~0 dropped. */
function encode(table: FeatureTable, avgWeights: Float32Array, lex: { clusters: Record<string, number[]> | null; gazetteer: Record<string, number> | null }, trained: Record<string, unknown>): { file: Buffer; rows: number } {
  const L = LABEL_COUNT;
  const keep: number[] = [];
  for (const [key, row] of table.entries()) {
    let m = 0;
    for (let l = 0; l < L; l++) m = Math.max(m, Math.abs(avgWeights[row * L + l] ?? 0));
    if (m > 1e-3) keep.push(key, row);
  }
  const keys = new Int32Array(keep.length / 2);
  const weights = new Float32Array((keep.length / 2) * L);
  for (let i = 0; i < keys.length; i++) {
    keys[i] = keep[2 * i] ?? 0;
    weights.set(avgWeights.subarray((keep[2 * i + 1] ?? 0) * L, ((keep[2 * i + 1] ?? 0) + 1) * L), i * L);
  }
  return { file: encodeModel({ id: 'ner-conll', ...lex, trained }, keys, weights), rows: keys.length };
}

function main(): void {
  const clusters = loadClusters();
  const gazetteer = argv.includes('--no-gazetteer') ? null : buildGazetteer();
  const lex = lexiconsOf({ clusters, gazetteer });
  log(`clusters: ${clusters ? Object.keys(clusters).length + ' words' : 'none'}; gazetteer: ${gazetteer ? Object.keys(gazetteer).length + ' phrases' : 'none'}`);
  const train = prepare(readConll(join(BENCH_DIR, 'conll2003', 'eng.train')), lex);
  const devDocs = readConll(join(BENCH_DIR, 'conll2003', 'eng.testa'));
  log(`read ${train.length} training documents`);
  const table = buildDictionary(train);
  for (const d of train) d.rows = staticRows(d.f, table);
  const L = LABEL_COUNT;
  const score = (weights: Float32Array): number =>
    scoreModel(devDocs, (sentences) => {
      const f = extractFeatures(sentences, lex);
      const m = { table, weights };
      return (VITERBI ? viterbiDocument(f, staticRows(f, table), m) : decodeDocument(f, staticRows(f, table), m)).labels;
    }).f1;
  // Stage 1 (choice): RUNS perceptrons on eng.train over different document orders; each keeps its best
  // epoch on testa; the model is their average (bagging-like: steadier than any single run).
  const runs: Run[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(trainRun(train, table, run, EPOCHS, 'train', score));
  const avg = averageRuns(runs, table.size * L);
  const bestEpochs = runs.map((r) => r.epoch);
  const testaF1 = runs.length > 1 ? score(avg) : (runs[0]?.f1 ?? 0);
  log(`average of ${runs.length} run(s) on eng.train (best epochs ${bestEpochs.join('+')}): testa F1 ${testaF1.toFixed(4)}`);
  const seconds = (): number => Math.round((Date.now() - t0) / 1000);
  const base = { decoder: VITERBI ? 'viterbi' : 'greedy', tunedOn: 'eng.testa', epochs: EPOCHS, runs: RUNS, bestEpochs: bestEpochs.join('+'), minCount: MIN_COUNT };
  const trainOnly = encode(table, avg, { clusters, gazetteer }, { ...base, data: 'CoNLL-2003 eng.train', testaF1: Number(testaF1.toFixed(4)), seconds: seconds() });
  const trainOnlyF1 = scoreFile(trainOnly.file, devDocs);
  writeFileSync(TRAIN_ONLY_OUT, trainOnly.file);
  log(`wrote ${TRAIN_ONLY_OUT} (train only): ${trainOnly.rows} rows, ${(trainOnly.file.length / 1e6).toFixed(1)} MB; testa F1 after quantisation ${trainOnlyF1.toFixed(4)}`);
  if (argv.includes('--train-only')) {
    writeFileSync(OUT, trainOnly.file);
    log(`wrote ${OUT} (train only, --train-only)`);
    return;
  }
  // Stage 2 (final model): the same runs (document orders, best epochs, features) retrained on
  // eng.train + eng.testa, averaged. testa is then no longer held out for this model: its held-out testa
  // figure is the stage-1 one, kept in the header as trainOnlyTestaF1.
  const all = train.concat(prepare(devDocs, lex));
  const finalTable = buildDictionary(all);
  for (const d of all) d.rows = staticRows(d.f, finalTable);
  const finalRuns: Run[] = [];
  for (let run = 0; run < RUNS; run++) finalRuns.push(trainRun(all, finalTable, run, bestEpochs[run] ?? EPOCHS, 'train+testa'));
  const final = encode(finalTable, averageRuns(finalRuns, finalTable.size * L), { clusters, gazetteer }, {
    ...base,
    data: 'CoNLL-2003 eng.train + eng.testa',
    trainOnlyTestaF1: Number(trainOnlyF1.toFixed(4)),
    seconds: seconds(),
  });
  writeFileSync(OUT, final.file);
  log(`wrote ${OUT} (train + testa): ${final.rows} rows, ${(final.file.length / 1e6).toFixed(1)} MB; testa F1 (not held out) ${scoreFile(final.file, devDocs).toFixed(4)}`);
}

function scoreFile(file: Buffer, docs: ConllDocument[]): number {
  const reloaded = decodeModel(file);
  return scoreModel(docs, (sentences) => {
    const spans = reloaded.tagDocument(sentences);
    const n = sentences.reduce((a, s) => a + s.length, 0);
    return spansAsLabels(n, spans);
  }).f1;
}

function spansAsLabels(n: number, spans: readonly { start: number; end: number; type: number }[]): Uint8Array {
  return Uint8Array.from(spansToLabels(n, spans));
}

main();
