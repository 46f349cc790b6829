import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, constants } from 'node:zlib';
import { findBlankLine } from './byte-queue.js';
import { parseFields, splitLines, type FieldMap } from './records.js';

/** The status line and headers of an HTTP response as archived in a WARC response record. */
export interface HttpHead {
  readonly status: number;
  readonly fields: FieldMap;
  /** Bytes taken by the status line and headers (where the body starts in the block). */
  readonly length: number;
}

/** The HTTP head at the start of `block`, or null when the block does not start with one (yet). */
export function parseHttpHead(block: Uint8Array): HttpHead | null {
  const end = findBlankLine(block);
  if (end < 0) return null;
  const lines = splitLines(block.subarray(0, end));
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0] ?? '');
  if (!m) return null;
  return { status: Number(m[1]), fields: parseFields(lines.slice(1)), length: end };
}

/** 'text/html; charset=utf-8' -> { type: 'text/html', charset: 'utf-8' }. */
export function parseContentType(value: string | undefined): { type: string; charset: string | null } {
  if (!value) return { type: '', charset: null };
  const [type = '', ...params] = value.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*["']?([^"'\s;]+)/i.exec(p);
    if (m) charset = m[1]!;
  }
  return { type: type.trim().toLowerCase(), charset };
}

/** Decodes `Transfer-Encoding: chunked`. Returns null when the body is not chunked after all. */
export function dechunk(body: Uint8Array): { bytes: Uint8Array; complete: boolean } | null {
  const parts: Uint8Array[] = [];
  let pos = 0;
  for (;;) {
    let lineEnd = pos;
    while (lineEnd < body.length && body[lineEnd] !== 0x0a) lineEnd++;
    if (lineEnd >= body.length) return parts.length > 0 ? { bytes: Buffer.concat(parts), complete: false } : null;
    const sizeLine = Buffer.from(body.subarray(pos, lineEnd)).toString('latin1').trim();
    const m = /^([0-9a-fA-F]+)(?:\s*;.*)?$/.exec(sizeLine);
    if (!m) return parts.length > 0 ? { bytes: Buffer.concat(parts), complete: false } : null;
    const size = parseInt(m[1]!, 16);
    const start = lineEnd + 1;
    if (size === 0) return { bytes: Buffer.concat(parts), complete: true };
    if (start + size > body.length) {
      parts.push(body.subarray(start));
      return { bytes: Buffer.concat(parts), complete: false };
    }
    parts.push(body.subarray(start, start + size));
    pos = start + size;
    if (body[pos] === 0x0d) pos++;
    if (body[pos] === 0x0a) pos++;
  }
}

const FLUSH = { finishFlush: constants.Z_SYNC_FLUSH };

/**
 * Undoes Content-Encoding (gzip, x-gzip, deflate, br). Archives often store bodies already decoded but
 * keep the header: when decoding fails and the bytes look like text, they are returned as they are.
 */
export function decodeContent(body: Uint8Array, encoding: string | undefined): { bytes: Uint8Array; note: string | null } {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === '' || enc === 'identity') return { bytes: body, note: null };
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return { bytes: gunzipSync(body, FLUSH), note: null };
    if (enc === 'deflate') {
      try {
        return { bytes: inflateSync(body, FLUSH), note: null };
      } catch {
        return { bytes: inflateRawSync(body, FLUSH), note: null };
      }
    }
    if (enc === 'br') return { bytes: brotliDecompressSync(body), note: null };
  } catch (e) {
    return { bytes: body, note: `Content-Encoding ${enc} could not be undone (${(e as Error).message}); read the body as stored` };
  }
  return { bytes: body, note: `unknown Content-Encoding ${enc}; read the body as stored` };
}
