import { ByteQueue, StreamGap } from './byte-queue.js';

/**
 * WARC records read one at a time from a decompressed byte stream (WARC/1.0, 1.1 and the older 0.x
 * headers all share the `WARC/<version>` line + named fields + Content-Length block layout).
 */

const MAX_HEADER_BYTES = 1 << 20;

/** Field names lower-cased; the first value wins when a field repeats. */
export type FieldMap = ReadonlyMap<string, string>;

export interface WarcRecordHead {
  /** 1-based position of the record in the file. */
  readonly n: number;
  readonly version: string;
  readonly fields: FieldMap;
  /** Content-Length: size of the record block. */
  readonly length: number;
  /** Offset of the record in the (decompressed) stream. */
  readonly offset: number;
}

/** Fields of a header block ("Name: value" lines; folded continuation lines joined). */
export function parseFields(lines: readonly string[]): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last) {
      fields.set(last, `${fields.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
    last = name;
  }
  return fields;
}

export function splitLines(block: Uint8Array): string[] {
  return Buffer.from(block.buffer, block.byteOffset, block.byteLength)
    .toString('latin1')
    .split(/\r?\n/)
    .filter((l) => l !== '');
}

export class WarcFormatError extends Error {}

/**
 * A stretch that could not be read: bytes that did not parse as a record header (skipped up to the next
 * `WARC/` line), or a record lost in a damaged gzip member.
 */
export interface DamagedRegion {
  /** The record it is reported under: the last good record before garbage, or the record that was lost. */
  readonly record: number;
  readonly offset: number;
  readonly message: string;
}

export type WarcEvent = { readonly head: WarcRecordHead; readonly block: BlockReader } | { readonly damaged: DamagedRegion };

const WARC_LINE = Buffer.from('WARC/');

/**
 * Reads records from `queue`. For each record, the consumer gets its head and reads (or not) its block
 * through the queue; whatever it leaves unread is skipped, so that a record never has to be held whole.
 * A header that does not parse (a wrong Content-Length before it, garbage between records) is reported as
 * a damaged region and reading resumes at the next line starting with `WARC/`; at the very start of the
 * file it throws WarcFormatError instead (the file is not a WARC). A gap in the stream (a damaged gzip
 * member) loses the record it falls in, reported as damaged, and reading goes on after it.
 */
export async function* warcRecordHeads(queue: ByteQueue): AsyncGenerator<WarcEvent> {
  let n = 0;
  for (;;) {
    let offset = queue.offset;
    let headerBytes: Buffer | null;
    try {
      await queue.skipNewlines();
      offset = queue.offset;
      headerBytes = await queue.readHeaderBlock(MAX_HEADER_BYTES);
    } catch (e) {
      if (!(e instanceof StreamGap)) throw e;
      // The next record was in the damaged member (one record per member, by convention): count it.
      n++;
      yield { damaged: { record: n, offset, message: `record ${n} is lost: the compressed data is truncated or corrupt (${e.message}); reading resumed at the next gzip member` } };
      continue;
    }
    if (headerBytes === null) return;
    const lines = splitLines(headerBytes);
    const first = lines[0] ?? '';
    const version = /^WARC\/(\d+\.\d+)\s*$/.exec(first);
    const fields = parseFields(lines.slice(1));
    const length = Number(fields.get('content-length'));
    const problem = !version
      ? `no WARC/<version> line at byte ${offset} (found ${JSON.stringify(first.slice(0, 40))})`
      : !Number.isSafeInteger(length) || length < 0
        ? `a record header at byte ${offset} has no valid Content-Length`
        : null;
    if (problem !== null) {
      if (n === 0) throw new WarcFormatError(problem);
      let skipped = headerBytes.length;
      try {
        skipped += await queue.skipToLineStartingWith(WARC_LINE);
      } catch (e) {
        if (!(e instanceof StreamGap)) throw e;
      }
      yield { damaged: { record: n, offset, message: `after record ${n}: ${problem}; skipped ${skipped} bytes to the next record` } };
      continue;
    }
    n++;
    const block = new BlockReader(queue, length);
    yield { head: { n, version: version![1]!, fields, length, offset }, block };
    try {
      await block.skipRest();
    } catch (e) {
      if (!(e instanceof StreamGap)) throw e;
    }
    if (block.gap && !block.gapReported) {
      yield { damaged: { record: n, offset, message: `record ${n} is cut short: the compressed data is truncated or corrupt (${block.gap.message}); reading resumed at the next gzip member` } };
    }
    if (block.short) throw new WarcFormatError(`record ${n} is truncated: the file ends ${length - block.consumed} bytes before the end of its block`);
  }
}

/** The block of one record: read a prefix, the rest, or nothing. A gap inside it ends it. */
export class BlockReader {
  consumed = 0;
  short = false;
  /** The gap that cut this block short, if one did. */
  gap: StreamGap | null = null;
  /** Whoever read the block has already reported the gap. */
  gapReported = false;
  constructor(
    private readonly queue: ByteQueue,
    readonly length: number,
  ) {}

  get remaining(): number {
    return this.length - this.consumed;
  }

  async read(n: number): Promise<Buffer> {
    const want = Math.min(n, this.remaining);
    if (this.gap) throw this.gap;
    try {
      const got = await this.queue.read(want);
      this.consumed += got.length;
      if (got.length < want) this.short = true;
      return got;
    } catch (e) {
      if (e instanceof StreamGap) this.gap = e;
      throw e;
    }
  }

  async skipRest(): Promise<void> {
    if (this.gap) return;
    const want = this.remaining;
    try {
      const got = await this.queue.skip(want);
      this.consumed += got;
      if (got < want) this.short = true;
    } catch (e) {
      if (e instanceof StreamGap) this.gap = e;
      throw e;
    }
  }
}
