import { gunzipSync, gzipSync } from 'node:zlib';
import { FEATURE_VERSION, type Lexicons, extractFeatures, gazetteerPrefixes } from './features.js';
import { FeatureTable } from './hash.js';
import { LABEL_COUNT, labelsToSpans } from './labels.js';
import { type LinearModel, decodeDocument, staticRows } from './tagger.js';
import { LexCache, viterbiDocument } from './viterbi.js';

/**
 * The NER model file: gzip of
 *   "TNER" | u32 header length | header JSON | pad to 4 | Int32 keys[rows] | Int16 weights[rows * 17]
 * Weights are quantised to int16 with one scale (in the header). Clusters travel in the header.
 */
export interface ModelHeader {
  readonly id: string;
  readonly featureVersion: number;
  readonly labels: number;
  readonly rows: number;
  readonly scale: number;
  readonly clusters: Record<string, number[]> | null;
  readonly gazetteer: Record<string, number> | null;
  readonly trained: Record<string, unknown>;
}

export interface TaggedSpan {
  /** Token offsets within the document's flattened token list. */
  readonly start: number;
  readonly end: number;
  /** 0 PER, 1 ORG, 2 LOC, 3 MISC. */
  readonly type: number;
  readonly confidence: number;
}

export class NerModel {
  private readonly lexicons: Lexicons;
  private lexCache: LexCache | null = null;

  constructor(
    readonly header: ModelHeader,
    private readonly model: LinearModel,
  ) {
    this.lexicons = lexiconsOf(header);
  }

  get rows(): number {
    return this.model.table.size;
  }

  /** Entity spans of a document given as sentences of words (token offsets into the flattened words). */
  tagDocument(sentences: readonly (readonly string[])[]): TaggedSpan[] {
    const f = extractFeatures(sentences, this.lexicons);
    const rows = staticRows(f, this.model.table);
    const tagged = this.header.trained.decoder === 'viterbi' ? viterbiDocument(f, rows, this.model, (this.lexCache ??= new LexCache(this.model))) : decodeDocument(f, rows, this.model);
    const spans = labelsToSpans(tagged.labels).map((s) => {
      let c = 1;
      for (let i = s.start; i < s.end; i++) c = Math.min(c, tagged.confidence[i] ?? 1);
      return { ...s, confidence: c };
    });
    return majorityTypes(sentences, spans);
  }
}

export function encodeModel(header: Omit<ModelHeader, 'rows' | 'scale' | 'labels' | 'featureVersion'>, keys: Int32Array, weights: Float32Array): Buffer {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i] ?? 0));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round((weights[i] ?? 0) / scale);
  const full: ModelHeader = { ...header, featureVersion: FEATURE_VERSION, labels: LABEL_COUNT, rows: keys.length, scale };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const pad = (4 - ((8 + json.length) % 4)) % 4;
  const head = Buffer.alloc(8);
  head.write('TNER', 0, 'latin1');
  head.writeUInt32LE(json.length, 4);
  const body = Buffer.concat([head, json, Buffer.alloc(pad), Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength), Buffer.from(q.buffer, q.byteOffset, q.byteLength)]);
  return gzipSync(body, { level: 9 });
}

export function decodeModel(file: Uint8Array): NerModel {
  const buf = gunzipSync(file);
  if (buf.toString('latin1', 0, 4) !== 'TNER') throw new Error('not a Triangulate NER model file');
  const len = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + len)) as ModelHeader;
  if (header.featureVersion !== FEATURE_VERSION) {
    throw new Error(`NER model has feature version ${header.featureVersion}, code expects ${FEATURE_VERSION}: retrain with npm run train:ner`);
  }
  let off = 8 + len;
  off += (4 - (off % 4)) % 4;
  const aligned = new Uint8Array(buf.length - off);
  aligned.set(buf.subarray(off));
  const keys = new Int32Array(aligned.buffer, 0, header.rows);
  const q = new Int16Array(aligned.buffer, header.rows * 4, header.rows * LABEL_COUNT);
  const table = new FeatureTable(header.rows);
  for (let i = 0; i < keys.length; i++) table.add(keys[i] ?? 0);
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = (q[i] ?? 0) * header.scale;
  return new NerModel(header, { table, weights });
}

export function lexiconsOf(h: Pick<ModelHeader, 'clusters' | 'gazetteer'>): Lexicons {
  const gazetteer = h.gazetteer ? new Map(Object.entries(h.gazetteer)) : null;
  return {
    clusters: h.clusters ? new Map(Object.entries(h.clusters)) : null,
    gazetteer,
    gazetteerPrefixes: gazetteer ? gazetteerPrefixes(gazetteer) : new Set(),
  };
}

/**
 * Document-level type agreement: mentions of the same words (case-insensitive) take the type most of
 * them got, weighted by confidence, when that type holds at least two thirds of the weight.
 */
function majorityTypes(sentences: readonly (readonly string[])[], spans: TaggedSpan[]): TaggedSpan[] {
  if (!MAJORITY) return spans;
  const words = sentences.flat();
  const keyOf = (s: TaggedSpan): string => words.slice(s.start, s.end).join(' ').toLowerCase();
  const votes = new Map<string, number[]>();
  for (const s of spans) {
    const k = keyOf(s);
    const v = votes.get(k) ?? [0, 0, 0, 0];
    v[s.type] = (v[s.type] ?? 0) + s.confidence;
    votes.set(k, v);
  }
  return spans.map((s) => {
    const v = votes.get(keyOf(s)) ?? [];
    const total = v.reduce((a, b) => a + b, 0);
    let best = s.type;
    for (let t = 0; t < v.length; t++) if ((v[t] ?? 0) > (v[best] ?? 0)) best = t;
    return best !== s.type && (v[best] ?? 0) >= (2 / 3) * total ? { ...s, type: best } : s;
  });
}
let MAJORITY = true;
/** For experiments: switch document-level type agreement off. */
export function setMajorityVote(on: boolean): void {
  MAJORITY = on;
}
