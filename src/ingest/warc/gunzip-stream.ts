import { createGunzip } from 'node:zlib';

/**
 * Decompresses a gzip byte stream (one member or many, as in .warc.gz), one member at a time. zlib's
 * output is taken straight from `push`, as zlib produces it, instead of through the stream's readable
 * buffer: when the data turns out to be truncated or corrupt, zlib destroys the stream, and a plain `pipe`
 * would lose whatever it had decompressed ahead. Here the output of every member before the damage is
 * handed on, and the error comes after it.
 */
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

/** `chunk` cut before each gzip member header in it (a false match only adds a harmless cut). */
export function memberParts(chunk: Uint8Array): Uint8Array[] {
  const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let at = buf.indexOf(GZIP_MAGIC, 1); at > 0; at = buf.indexOf(GZIP_MAGIC, at + 1)) {
    parts.push(buf.subarray(start, at));
    start = at;
  }
  parts.push(buf.subarray(start));
  return parts;
}

export async function* gunzipStream(input: AsyncIterable<Uint8Array>, chunkSize = 256 * 1024): AsyncGenerator<Uint8Array> {
  const gunzip = createGunzip({ chunkSize });
  const out: Buffer[] = [];
  let error: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  gunzip.push = (chunk: unknown): boolean => {
    if (chunk === null) {
      ended = true;
      signal();
    } else if (chunk instanceof Uint8Array && chunk.length > 0) {
      out.push(Buffer.from(chunk));
    }
    return true;
  };
  gunzip.on('error', (e) => {
    error = e;
    signal();
  });
  /** Resolves when `done` settles, on an error, or at the end of the output. */
  const settle = (done: Promise<void> | null) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      done?.then(resolve, resolve);
    });

  const source = input[Symbol.asyncIterator]();
  let inputDone = false;
  try {
    for (;;) {
      while (out.length > 0) yield out.shift()!;
      if (error !== null) throw error;
      if (ended) return;
      if (inputDone) {
        await settle(null);
        continue;
      }
      const chunk = await source.next();
      if (chunk.done) {
        inputDone = true;
        gunzip.end();
        continue;
      }
      // One write per gzip member: zlib hands on its output at the end of each write, so a corrupt member
      // cannot take the output of the members before it down with it. Wait for each write to be processed.
      for (const part of memberParts(chunk.value)) {
        await settle(new Promise<void>((resolve) => gunzip.write(part, () => resolve())));
        if (error !== null) break;
      }
    }
  } finally {
    gunzip.destroy();
    await source.return?.();
  }
}
