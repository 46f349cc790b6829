import { scanTokens } from '../../tokens/index.js';

/**
 * The words of an article as the reuse engine compares them: our tokenizer's tokens that hold a letter or a
 * digit, each reduced to its lowercased letters and digits without diacritics ("U.S." = "us", "2,000" =
 * "2000", "Hezb-e" = "hezbe") and hashed to 32 bits. Punctuation tokens are dropped, so quotes,
 * dashes and commas never break a match. Offsets are kept to turn word ranges back into character spans.
 */
export interface ArticleWords {
  readonly hashes: Uint32Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** FNV-1a of a token's normalised form, or -1 when the token has no letter or digit. */
function hashToken(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  let any = false;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x80) return hashUnicode(text.slice(start, end));
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) continue;
    h = Math.imul(h ^ c, FNV_PRIME);
    any = true;
  }
  return any ? h >>> 0 : -1;
}

function hashUnicode(token: string): number {
  const norm = token.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NON_WORD, '');
  if (norm.length === 0) return -1;
  let h = FNV_OFFSET;
  for (let i = 0; i < norm.length; i++) h = Math.imul(h ^ norm.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

export function wordsOf(text: string): ArticleWords {
  const tokens = scanTokens(text);
  const hashes = new Uint32Array(tokens.length);
  const starts = new Uint32Array(tokens.length);
  const ends = new Uint32Array(tokens.length);
  let n = 0;
  for (const t of tokens) {
    const h = hashToken(text, t.start, t.end);
    if (h < 0) continue;
    hashes[n] = h;
    starts[n] = t.start;
    ends[n] = t.end;
    n++;
  }
  return { hashes: hashes.slice(0, n), starts: starts.slice(0, n), ends: ends.slice(0, n) };
}

/** murmur3's finaliser: spreads the bits so that the low bits index a hash table well. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hash of each word n-gram: entry i covers words [i, i + n). Never 0 (0 marks an empty table slot).
 * Empty when the article has fewer than n words.
 */
export function shingleHashes(words: Uint32Array, n: number): Uint32Array {
  const count = Math.max(0, words.length - n + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9e3779b9;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ (words[i + k] as number), 0x01000193) ^ (h >>> 15);
    out[i] = mix(h) || 1;
  }
  return out;
}
