import { rng } from '../bench/generate.js';
import type { ReuseInput } from '../src/analyze/corpus/reuse/index.js';

/**
 * Synthetic articles for the reuse benchmark, with reuse planted. Words are invented (syllable strings)
 * and drawn from a Zipf distribution over 40,000 of them, so that common short phrases recur by chance as
 * in real text; sentences of 8-30 words, paragraphs of 2-5 sentences, articles of 250-600 words.
 *  - 30% of articles copy one or two passages of 20-200 words from an earlier article, with 0-10% word edits;
 *  - 10% end with one of five 25-word credit lines (boilerplate: over the document-frequency cap from about
 *    5,000 articles on).
 * Deterministic: article i is a function of (seed, i) and of the articles before it.
 */
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'de', 'ga', 'ho', 'ju', 'be', 'po', 'fi', 'zo', 'ar', 'en', 'ul', 'or'];
const VOCAB_SIZE = 40_000;

function vocabulary(): string[] {
  const r = rng(7);
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < VOCAB_SIZE) {
    const len = 1 + Math.floor(r() * 3.2);
    let w = '';
    for (let k = 0; k < len; k++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out;
}

/** Cumulative Zipf weights (exponent 1.05) for inverse-CDF sampling. */
function zipfTable(n: number): Float64Array {
  const c = new Float64Array(n);
  let s = 0;
  for (let k = 0; k < n; k++) {
    s += 1 / Math.pow(k + 1, 1.05);
    c[k] = s;
  }
  for (let k = 0; k < n; k++) c[k] = (c[k] as number) / s;
  return c;
}

export interface ReuseCorpusStats {
  readonly planted: number;
  readonly withCredit: number;
}

export function generateReuseCorpus(count: number, seed = 1): { articles: ReuseInput[]; stats: ReuseCorpusStats } {
  const vocab = vocabulary();
  const cdf = zipfTable(vocab.length);
  const wordOf = (r: () => number): string => {
    const u = r();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo] as string;
  };
  const credits = Array.from({ length: 5 }, (_, k) => {
    const r = rng(1000 + k);
    return `${Array.from({ length: 25 }, () => wordOf(r)).join(' ')}.`;
  });
  const articles: ReuseInput[] = [];
  let planted = 0;
  let withCredit = 0;
  for (let i = 0; i < count; i++) {
    const r = rng(seed * 1_000_003 + i);
    const paragraphs: string[] = [];
    const own: string[] = [];
    const target = 250 + Math.floor(r() * 351);
    while (own.length < target) {
      const sentences: string[] = [];
      const nSent = 2 + Math.floor(r() * 4);
      for (let s = 0; s < nSent; s++) {
        const len = 8 + Math.floor(r() * 23);
        const ws = Array.from({ length: len }, () => wordOf(r));
        ws[0] = (ws[0] as string).charAt(0).toUpperCase() + (ws[0] as string).slice(1);
        own.push(...ws);
        sentences.push(`${ws.join(' ')}.`);
      }
      paragraphs.push(sentences.join(' '));
    }
    if (i > 0 && r() < 0.3) {
      const copies = r() < 0.7 ? 1 : 2;
      for (let c = 0; c < copies; c++) {
        const from = (articles[Math.floor(r() * i)] as ReuseInput).text.replace(/[.]/g, '').split(/\s+/);
        const len = Math.min(from.length, 20 + Math.floor(r() * 181));
        const start = Math.floor(r() * (from.length - len + 1));
        const rate = r() * 0.1;
        const out: string[] = [];
        for (const w of from.slice(start, start + len)) {
          if (r() >= rate) out.push(w);
          else {
            const kind = r();
            if (kind < 1 / 3) out.push(wordOf(r));
            else if (kind < 2 / 3) out.push(wordOf(r), w);
          }
        }
        paragraphs.splice(Math.floor(r() * (paragraphs.length + 1)), 0, `${out.join(' ')}.`);
        planted++;
      }
    }
    if (r() < 0.1) {
      paragraphs.push(credits[Math.floor(r() * credits.length)] as string);
      withCredit++;
    }
    const text = paragraphs.join('\n\n');
    const day = 1 + (i % 28);
    articles.push({ id: `g${String(i).padStart(7, '0')}`, text, published: r() < 0.8 ? `2024-0${1 + (i % 9)}-${String(day).padStart(2, '0')}` : null });
  }
  return { articles, stats: { planted, withCredit } };
}
