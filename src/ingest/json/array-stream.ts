/**
 * The elements of a top-level JSON array, read from a byte stream one at a time with their exact bytes,
 * so that an export of millions of articles is never held whole. Only the structure is scanned here
 * (brackets, strings, commas: all ASCII, so UTF-8 bytes are scanned directly); each element is parsed by
 * the caller. The problems a scan can see (a cut-off file, data after the array) come back as `problem`.
 */

export type ArrayEvent =
  | { readonly n: number; readonly bytes: Uint8Array }
  | { readonly n: number; readonly problem: string };

const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

function trimEnd(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && isSpace(bytes[end - 1]!)) end--;
  return end === bytes.length ? bytes : bytes.subarray(0, end);
}

/** Whether `head` (after a BOM and whitespace) starts a JSON array. */
export function startsWithArray(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && isSpace(head[i]!)) i++;
  return head[i] === OPEN_ARRAY;
}

export async function* arrayElements(stream: AsyncIterable<Uint8Array>, maxElementBytes: number): AsyncIterable<ArrayEvent> {
  let depth = 0; // 0 before the array, 1 inside it, more inside an element
  let inString = false;
  let escaped = false;
  let closed = false;
  let n = 0;
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  let started = false; // an element has begun (non-space at depth 1)
  let first = true;

  const flush = (): ArrayEvent | null => {
    if (!started) return null;
    n++;
    const event: ArrayEvent = tooLarge
      ? { n, problem: `item ${n} is larger than ${maxElementBytes} bytes` }
      : { n, bytes: trimEnd(parts.length === 1 ? Uint8Array.from(parts[0]!) : Buffer.concat(parts)) };
    parts = [];
    size = 0;
    tooLarge = false;
    started = false;
    return event;
  };
  const keep = (chunk: Uint8Array, from: number, to: number): void => {
    if (from >= to || tooLarge) return;
    size += to - from;
    if (size > maxElementBytes) {
      tooLarge = true;
      parts = [];
      return;
    }
    parts.push(chunk.subarray(from, to));
  };

  for await (const chunk of stream) {
    let i = 0;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    let from = started ? i : -1; // start of the current element's bytes within this chunk
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (closed) {
        if (!isSpace(b)) {
          yield { n: n + 1, problem: 'data after the end of the array is ignored' };
          return;
        }
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
        continue;
      }
      if (depth === 0) {
        if (b === OPEN_ARRAY) depth = 1;
        else if (!isSpace(b)) {
          yield { n: 1, problem: 'not a JSON array' };
          return;
        }
        continue;
      }
      if (depth === 1 && (b === COMMA || b === CLOSE_ARRAY)) {
        if (from >= 0) keep(chunk, from, i);
        from = -1;
        const event = flush();
        if (event) yield event;
        if (b === CLOSE_ARRAY) {
          depth = 0;
          closed = true;
        }
        continue;
      }
      if (depth === 1 && !started) {
        if (isSpace(b)) continue;
        started = true;
        from = i;
      }
      if (b === QUOTE) inString = true;
      else if (b === OPEN_ARRAY || b === OPEN_OBJECT) depth++;
      else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth--;
    }
    if (from >= 0) keep(chunk, from, chunk.length);
  }
  if (!closed) {
    const event = flush();
    if (event && 'bytes' in event) yield { n: event.n, problem: `the file ends inside item ${event.n} (the array is not closed)` };
    else if (event) yield event;
    else if (depth > 0) yield { n: n + 1, problem: 'the file ends before the array is closed' };
  }
}
