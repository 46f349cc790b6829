/**
 * Character classes for the scanner, as a lookup table over the Basic Multilingual Plane (built once,
 * about 10 ms) so that the hot loop never runs a regular expression.
 */
export const SPACE = 1;
export const NEWLINE = 2;
export const WORD = 4;
export const UPPER = 8;
export const LOWER = 16;
export const DIGIT = 32;

let table: Uint8Array | null = null;

function build(): Uint8Array {
  const t = new Uint8Array(65536);
  const letter = /[\p{L}\p{M}\p{N}]/u;
  const upper = /[\p{Lu}\p{Lt}]/u;
  const lower = /\p{Ll}/u;
  const digit = /\p{Nd}/u;
  const space = /[\s\u200b\u2060\ufeff]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCharCode(c);
    let v = 0;
    if (space.test(s)) v |= SPACE;
    if (c === 10 || c === 13 || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029) v |= NEWLINE | SPACE;
    if (letter.test(s)) v |= WORD;
    if (upper.test(s)) v |= UPPER;
    if (lower.test(s)) v |= LOWER;
    if (digit.test(s)) v |= DIGIT;
    t[c] = v;
  }
  return t;
}

export function charTable(): Uint8Array {
  if (table === null) table = build();
  return table;
}

/** Class bits of the UTF-16 unit at `i` (0 past the end and for surrogates). */
export function classAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  return charTable()[text.charCodeAt(i)] ?? 0;
}

export function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}
