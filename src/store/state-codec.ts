import { gunzipSync, gzipSync } from 'node:zlib';
import { deserialize, serialize } from 'node:v8';

/*
 * How an engine's incremental state is stored (corpus_state.data, both stores): V8's structured-clone
 * serialization, gzipped. Not JSON: the state of a large corpus with much copied text (a wire story reprinted
 * by hundreds of outlets gives tens of thousands of compared pairs) passes V8's limit on one string (about
 * 512 MB) and JSON.stringify throws; a Buffer has no such limit, and the binary form is smaller and faster.
 * States written as gzipped JSON by earlier versions are still read. A state that cannot be read back (say,
 * written by a newer Node) makes the corpus stage rebuild from the articles: it is a cache, never the only copy.
 */

/** V8's serialization format starts with this version tag; JSON starts with `{`, `[`, `"`, a digit or a letter. */
const V8_TAG = 0xff;

export function encodeState(data: unknown): Buffer {
  // Level 1: a large state (hundreds of MB before compression) is written on every run; speed matters more than size.
  return gzipSync(serialize(data ?? null), { level: 1 });
}

export function decodeState(stored: Buffer | Uint8Array): unknown {
  const raw = gunzipSync(stored);
  return raw[0] === V8_TAG ? deserialize(raw) : JSON.parse(raw.toString('utf8'));
}
