import { createGunzip } from 'node:zlib';

/**
 * Decompresses a gzip byte stream (one member or many, as in .warc.gz) one member at a time, and goes on
 * past a damaged member: what comes out is decompressed bytes, with a `GzipGap` where a member could not
 * be read (corrupt, or cut off at the end of the file). Reading resumes at the next gzip member header.
 *
 * zlib's output is taken straight from `push`, as zlib produces it, instead of through the stream's
 * readable buffer: when a member is corrupt zlib destroys the stream, and a plain `pipe` would lose
 * whatever it had decompressed ahead (the members before the damaged one). One write per member makes
 * zlib hand on each member's output before it starts on the next.
 */

export interface GzipGap {
  readonly gap: Error;
  /** Offset in the compressed file of the member that could not be read. */
  readonly offset: number;
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

const startsWithMagic = (b: Uint8Array): boolean => b[0] === GZIP_MAGIC[0] && b[1] === GZIP_MAGIC[1] && b[2] === GZIP_MAGIC[2];

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

/** One zlib gunzip whose output is collected in `out` as it is produced. */
class Inflater {
  readonly out: Buffer[] = [];
  error: Error | null = null;
  private ended = false;
  private wake: (() => void) | null = null;
  private readonly gunzip;

  constructor(chunkSize: number) {
    this.gunzip = createGunzip({ chunkSize });
    this.gunzip.push = (chunk: unknown): boolean => {
      if (chunk === null) {
        this.ended = true;
        this.signal();
      } else if (chunk instanceof Uint8Array && chunk.length > 0) {
        this.out.push(Buffer.from(chunk));
      }
      return true;
    };
    this.gunzip.on('error', (e) => {
      this.error = e;
      this.signal();
    });
  }

  private signal(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** Resolves when `done` settles, on an error, or at the end of the output. */
  private settle(done: Promise<void> | null): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.error !== null || this.ended) return resolve();
      this.wake = resolve;
      done?.then(resolve, resolve);
    });
  }

  /** Write one part and wait until zlib has processed it (its output is then in `out`) or failed. */
  write(part: Uint8Array): Promise<void> {
    return this.settle(new Promise<void>((resolve) => this.gunzip.write(part, () => resolve())));
  }

  /** Finish the stream: the rest of the output, or the error of a member cut off at the end. */
  async end(): Promise<void> {
    this.gunzip.end();
    while (!this.ended && this.error === null) await this.settle(null);
  }

  destroy(): void {
    this.gunzip.destroy();
  }
}

export async function* gunzipStream(input: AsyncIterable<Uint8Array>, chunkSize = 256 * 1024): AsyncGenerator<Uint8Array | GzipGap> {
  let z = new Inflater(chunkSize);
  let offset = 0;
  let skipping = false; // after a damaged member, until the next member header
  let gapPending = false; // a gap was reported and no byte came after it (report runs of damage once)
  const drain = function* (): Generator<Uint8Array> {
    while (z.out.length > 0) {
      gapPending = false;
      yield z.out.shift()!;
    }
  };
  try {
    for await (const chunk of input) {
      for (const part of memberParts(chunk)) {
        const partOffset = offset;
        offset += part.length;
        if (skipping) {
          if (!startsWithMagic(part)) continue;
          skipping = false;
          z = new Inflater(chunkSize);
        }
        await z.write(part);
        yield* drain();
        if (z.error !== null) {
          if (!gapPending) yield { gap: z.error, offset: partOffset };
          gapPending = true;
          z.destroy();
          skipping = true;
        }
      }
    }
    if (!skipping) {
      await z.end();
      yield* drain();
      if (z.error !== null && !gapPending) yield { gap: z.error, offset };
    }
  } finally {
    z.destroy();
  }
}
