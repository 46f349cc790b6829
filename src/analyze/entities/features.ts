import { hashString, mix } from './hash.js';

/**
 * Feature extraction for the tagger, shared by training (scripts/train-ner.ts) and the runtime. A document
 * is a list of sentences of words. Static features (everything that does not depend on predicted labels)
 * are computed here once per document; label-dependent features are mixed in by the decoder.
 *
 * Templates: word, lowercase (digits folded to 0), prefixes/suffixes 1-4, shape and short shape, words and
 * shapes at +-1/+-2, bigrams, sentence-initial x shape, all-caps header line x word, word clusters learned
 * from unlabeled text (coarse and fine, for the word and its neighbours), and document-level evidence: the
 * same word lowercase elsewhere, capitalised mid-sentence elsewhere. Changing any template changes the keys:
 * bump FEATURE_VERSION and retrain.
 */
export const FEATURE_VERSION = 6;

const enum T {
  Bias = 1, Word, Lower, Prefix1, Prefix2, Prefix3, Prefix4, Suffix1, Suffix2, Suffix3, Suffix4, Shape, ShortShape,
  PrevWord, NextWord, Prev2Word, Next2Word, PrevShape, NextShape, ShapeTri, PrevBigram, NextBigram, InitialShape,
  HeaderWord, HeaderShape, DocLower, DocCapMid, Cluster, PrevCluster, NextCluster, Length, PrevSuffix, WordNextShape,
  Gaz, GazCap, GazPrev, GazNext, AggPrev, AggNext,
  PrevLabel = 60, Prev2Label, PrevLabelWord, PrevLabelShape, History, HistoryShape, PrevLabelNextWord,
}

/** Word clusters: lowercase word -> cluster ids at several granularities (coarse first). */
export type ClusterMap = ReadonlyMap<string, readonly number[]>;

/** Gazetteer classes, one bit each; the gazetteer maps a lowercase phrase (words joined by spaces) to bits. */
export const GAZETTEER_CLASSES = ['first', 'last', 'person', 'city', 'country', 'region', 'place', 'org', 'team', 'demonym', 'honorific', 'time', 'bigcity'] as const;
export type Gazetteer = ReadonlyMap<string, number>;

/** What the features read besides the words: learnt clusters and the name gazetteer. */
export interface Lexicons {
  readonly clusters: ClusterMap | null;
  readonly gazetteer: Gazetteer | null;
  /** Proper prefixes (in words) of the gazetteer's multi-word phrases, so that lookups stop early. */
  readonly gazetteerPrefixes?: ReadonlySet<string>;
}

export function gazetteerPrefixes(g: Gazetteer): Set<string> {
  const out = new Set<string>();
  for (const phrase of g.keys()) {
    const words = phrase.split(' ');
    for (let i = 1; i < words.length; i++) out.add(words.slice(0, i).join(' '));
  }
  return out;
}

export interface DocumentFeatures {
  /** Static feature keys of token i: keys[offsets[i] .. offsets[i+1]). */
  readonly keys: Int32Array;
  readonly offsets: Int32Array;
  /** Per token: hash of the lowercase form, of the short shape, and the history key (0 when not capitalised). */
  readonly lower: Int32Array;
  readonly shortShape: Int32Array;
  readonly nextLower: Int32Array;
  readonly historyKey: Int32Array;
  /** Start index of each sentence in the token arrays, plus the total at the end. */
  readonly sentenceStarts: Int32Array;
}

export function shapeOf(w: string): string {
  let out = '';
  for (let i = 0; i < w.length && i < 16; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) out += 'X';
    else if (c >= 97 && c <= 122) out += 'x';
    else if (c >= 48 && c <= 57) out += 'd';
    else if (c < 128) out += w[i];
    else {
      const ch = w[i] ?? '';
      out += ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
    }
  }
  return out;
}

export function shortShapeOf(shape: string): string {
  let out = '';
  for (let i = 0; i < shape.length; i++) if (shape[i] !== shape[i - 1]) out += shape[i];
  return out;
}

const hasLower = (w: string): boolean => w !== w.toUpperCase();
const isCapitalised = (w: string): boolean => {
  const c = w.charAt(0);
  return c !== c.toLowerCase();
};
const foldDigits = (w: string): string => w.replace(/[0-9]/g, '0');

/** A header line: no lowercase letters and at least one word of two or more letters. */
export function isHeaderSentence(words: readonly string[]): boolean {
  let long = false;
  for (const w of words) {
    if (hasLower(w)) return false;
    if (/\p{L}\p{L}/u.test(w)) long = true;
  }
  return long;
}

export function extractFeatures(sentences: readonly (readonly string[])[], lex: Lexicons): DocumentFeatures {
  const clusters = lex.clusters;
  let total = 0;
  for (const s of sentences) total += s.length;
  const lower = new Int32Array(total);
  const shortShape = new Int32Array(total);
  const nextLower = new Int32Array(total);
  const historyKey = new Int32Array(total);
  const offsets = new Int32Array(total + 1);
  const sentenceStarts = new Int32Array(sentences.length + 1);
  const keys: number[] = [];

  // Document-level evidence: which lowercase forms occur as lowercase words, and which capitalised words
  // occur mid-sentence outside header lines.
  const lowerSeen = new Set<string>();
  const capMid = new Map<string, number>();
  const headers = sentences.map(isHeaderSentence);
  sentences.forEach((s, si) => {
    for (let i = 0; i < s.length; i++) {
      const w = s[i] ?? '';
      if (!hasLower(w)) continue;
      if (!isCapitalised(w)) lowerSeen.add(w);
      else if (i > 0 && !headers[si]) capMid.set(w.toLowerCase(), (capMid.get(w.toLowerCase()) ?? 0) + 1);
    }
  });

  // Context aggregation: the neighbours of the other occurrences of each capitalised word in the document.
  const flatLower: number[] = [];
  const occurrences = new Map<string, number[]>();
  sentences.forEach((s) => {
    const base = flatLower.length;
    for (let i = 0; i < s.length; i++) {
      const w = s[i] ?? '';
      flatLower.push(hashString(foldDigits(w.toLowerCase())));
      if (isCapitalised(w) && w.length > 1) {
        const k = w.toLowerCase();
        const list = occurrences.get(k);
        if (list) list.push(base + i);
        else occurrences.set(k, [base + i]);
      }
    }
    flatLower.push(0); // sentence boundary marker between sentences
  });
  const flatIndex: number[] = [];
  sentences.forEach((s, si) => {
    let base = 0;
    for (let j = 0; j < si; j++) base += (sentences[j]?.length ?? 0) + 1;
    for (let i = 0; i < s.length; i++) flatIndex.push(base + i);
  });
  const occurrenceOf = new Map<string, number[]>();
  for (const [k, list] of occurrences) if (list.length > 1) occurrenceOf.set(k, list.map((x) => x));

  let t = 0;
  sentences.forEach((s, si) => {
    sentenceStarts[si] = t;
    const header = headers[si] ?? false;
    const n = s.length;
    const lw = s.map((w) => foldDigits(w.toLowerCase()));
    const shapes = s.map(shapeOf);
    const shorts = shapes.map(shortShapeOf);
    const hLower = lw.map(hashString);
    const hShort = shorts.map(hashString);
    const hWord = s.map(hashString);
    const cl = clusters ? lw.map((w) => clusters.get(w) ?? null) : null;
    const gaz = lex.gazetteer ? gazetteerMatches(lw, lex.gazetteer, lex.gazetteerPrefixes ?? null) : null;
    const START = hashString('<s>');
    const END = hashString('</s>');
    const at = (arr: number[], i: number, edge: number): number => (i < 0 ? START : i >= n ? END : (arr[i] ?? edge));
    for (let i = 0; i < n; i++, t++) {
      offsets[t] = keys.length;
      const w = s[i] ?? '';
      const l = lw[i] ?? '';
      const hw = hWord[i] ?? 0;
      const hl = hLower[i] ?? 0;
      const hs = hShort[i] ?? 0;
      lower[t] = hl;
      shortShape[t] = hs;
      nextLower[t] = at(hLower, i + 1, 0);
      historyKey[t] = isCapitalised(w) ? hl : 0;
      keys.push(mix(T.Bias, 0), mix(T.Word, hw), mix(T.Lower, hl));
      // Prefixes of the word and suffixes of its lowercase form, 1-4 characters, hashed incrementally.
      let ph = 0x811c9dc5;
      for (let k = 1; k <= 4 && k <= w.length; k++) {
        ph = Math.imul(ph ^ w.charCodeAt(k - 1), 0x01000193);
        keys.push(mix(T.Prefix1 + k - 1, ph | 0));
      }
      for (let k = 1; k <= 4 && k <= l.length; k++) {
        let sh = 0x811c9dc5;
        for (let j = l.length - k; j < l.length; j++) sh = Math.imul(sh ^ l.charCodeAt(j), 0x01000193);
        keys.push(mix(T.Suffix1 + k - 1, sh | 0));
      }
      keys.push(mix(T.Shape, hashString(shapes[i] ?? '')), mix(T.ShortShape, hs));
      keys.push(mix(T.PrevWord, at(hLower, i - 1, 0)), mix(T.NextWord, at(hLower, i + 1, 0)));
      keys.push(mix(T.Prev2Word, at(hLower, i - 2, 0)), mix(T.Next2Word, at(hLower, i + 2, 0)));
      const ps = at(hShort, i - 1, 0);
      const ns = at(hShort, i + 1, 0);
      keys.push(mix(T.PrevShape, ps), mix(T.NextShape, ns), mix(T.ShapeTri, mix(ps, hs), ns));
      keys.push(mix(T.PrevBigram, at(hLower, i - 1, 0), hl), mix(T.NextBigram, hl, at(hLower, i + 1, 0)));
      keys.push(mix(T.WordNextShape, hl, ns));
      if (i > 0) keys.push(mix(T.PrevSuffix, hashString((lw[i - 1] ?? '').slice(-3)), hs));
      keys.push(mix(T.Length, Math.min(w.length, 12), header ? 1 : 0));
      if (i === 0) keys.push(mix(T.InitialShape, hs));
      if (header) keys.push(mix(T.HeaderWord, hl), mix(T.HeaderShape, hs, n <= 3 ? 1 : 0));
      if (isCapitalised(w)) {
        const key = w.toLowerCase();
        const mid = (capMid.get(key) ?? 0) - (i > 0 && !header && hasLower(w) ? 1 : 0);
        keys.push(mix(T.DocLower, lowerSeen.has(key) ? 1 : 0, i === 0 || header ? 1 : 0));
        keys.push(mix(T.DocCapMid, mid > 0 ? 1 : 0, i === 0 || header ? 1 : 0));
      }
      const others = isCapitalised(w) ? occurrenceOf.get(w.toLowerCase()) : undefined;
      if (others) {
        const me = flatIndex[t] ?? -1;
        const seen = new Set<number>();
        let used = 0;
        for (const o of others) {
          if (o === me || used >= 8) continue;
          used++;
          const p = flatLower[o - 1] ?? 0;
          const q = flatLower[o + 1] ?? 0;
          const kp = mix(T.AggPrev, p);
          const kn = mix(T.AggNext, q);
          if (!seen.has(kp)) seen.add(kp), keys.push(kp);
          if (!seen.has(kn)) seen.add(kn), keys.push(kn);
        }
      }
      if (gaz) {
        const g = gaz[i];
        if (g) for (const x of g) keys.push(mix(T.Gaz, x), mix(T.GazCap, x, isCapitalised(w) ? 1 : 0));
        const gp = gaz[i - 1];
        if (gp) for (const x of gp) keys.push(mix(T.GazPrev, x));
        const gn = gaz[i + 1];
        if (gn) for (const x of gn) keys.push(mix(T.GazNext, x));
      }
      if (cl) {
        const c0 = cl[i];
        if (c0) for (let g = 0; g < c0.length; g++) keys.push(mix(T.Cluster, g, c0[g] ?? 0));
        else keys.push(mix(T.Cluster, 99, 0));
        const cp = cl[i - 1];
        const cn = cl[i + 1];
        if (cp) keys.push(mix(T.PrevCluster, 0, cp[0] ?? 0), mix(T.PrevCluster, 1, cp[cp.length - 1] ?? 0));
        if (cn) keys.push(mix(T.NextCluster, 0, cn[0] ?? 0), mix(T.NextCluster, 1, cn[cn.length - 1] ?? 0));
      }
    }
  });
  sentenceStarts[sentences.length] = t;
  offsets[total] = keys.length;
  return { keys: Int32Array.from(keys), offsets, lower, shortShape, nextLower, historyKey, sentenceStarts };
}

/**
 * Label-dependent keys for token t, written into `out` from index 0; returns how many. `prev`/`prev2` are
 * the labels of the previous two tokens in the sentence (-1 before its start); `history` is the entity type
 * last predicted for the same capitalised word in this document (-1 none, 4 = predicted O).
 */
export function labelFeatures(f: DocumentFeatures, t: number, prev: number, prev2: number, history: number, out: Int32Array): number {
  let k = 0;
  out[k++] = mix(T.PrevLabel, prev);
  out[k++] = mix(T.Prev2Label, prev2, prev);
  out[k++] = mix(T.PrevLabelWord, prev, f.lower[t] ?? 0);
  out[k++] = mix(T.PrevLabelShape, prev, f.shortShape[t] ?? 0);
  out[k++] = mix(T.PrevLabelNextWord, prev, f.nextLower[t] ?? 0);
  if (history >= 0) {
    out[k++] = mix(T.History, history);
    out[k++] = mix(T.HistoryShape, history, f.shortShape[t] ?? 0);
  }
  return k;
}

/** Keys 2-4 of labelFeatures (previous label x word / shape / next word) into out[2..4], for Viterbi. */
export function prevLabelLexicalKeys(f: DocumentFeatures, t: number, prev: number, out: Int32Array): void {
  out[2] = mix(T.PrevLabelWord, prev, f.lower[t] ?? 0);
  out[3] = mix(T.PrevLabelShape, prev, f.shortShape[t] ?? 0);
  out[4] = mix(T.PrevLabelNextWord, prev, f.nextLower[t] ?? 0);
}

/**
 * Gazetteer matches per token: for each phrase of 1-4 words found, each class bit x BILOU position
 * (class * 4 + part) on the tokens it covers.
 */
function gazetteerMatches(lw: readonly string[], gaz: Gazetteer, prefixes: ReadonlySet<string> | null): (number[] | null)[] {
  const out: (number[] | null)[] = lw.map(() => null);
  for (let i = 0; i < lw.length; i++) {
    let phrase = '';
    for (let len = 1; len <= 4 && i + len <= lw.length; len++) {
      phrase = len === 1 ? (lw[i] ?? '') : `${phrase} ${lw[i + len - 1] ?? ''}`;
      const bits = gaz.get(phrase) ?? 0;
      for (let c = 0; bits !== 0 && c < GAZETTEER_CLASSES.length; c++) {
        if (!(bits & (1 << c))) continue;
        for (let k = 0; k < len; k++) {
          const part = len === 1 ? 3 : k === 0 ? 0 : k === len - 1 ? 2 : 1;
          (out[i + k] ??= []).push(c * 4 + part);
        }
      }
      if (prefixes && !prefixes.has(phrase)) break;
    }
  }
  return out;
}
