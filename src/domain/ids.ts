import { createHash } from 'node:crypto';

/**
 * The text that identifies an article: NFKC, quotes and dashes folded, whitespace collapsed, lower case.
 * Two copies of one article that differ only in typography or spacing get one id.
 */
export function normalizeForId(text: string): string {
  // ASCII text has nothing for NFKC or the quote and dash folding to change: skip those passes.
  if (!/[^\x00-\x7f]/.test(text)) return text.replace(/\s+/g, ' ').trim().toLowerCase();
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** 'a' + 16 hex chars: 64 bits, collision-free in practice for corpora of many millions. */
export function articleId(text: string, fallback: string): string {
  const basis = normalizeForId(text);
  return 'a' + sha256Hex(basis.length > 0 ? basis : `empty:${fallback}`).slice(0, 16);
}
