import { ByteQueue } from './byte-queue.js';

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

/** Bytes that did not parse as a record header: reported, then skipped up to the next `WARC/` line. */
export interface DamagedRegion {
  /** The last good record before the damage (0 when there was none). */
  readonly after: number;
  readonly offset: number;
  readonly skipped: number;
  readonly message: string;
}

export type WarcEvent = { readonly head: WarcRecordHead; readonly block: BlockReader } | { readonly damaged: DamagedRegion };

const WARC_LINE = Buffer.from('WARC/');

/**
 * Reads records from `queue`. For each record, the consumer gets its head and reads (or not) its block
 * through the queue; whatever it leaves unread is skipped, so that a record never has to be held whole.
 * A header that does not parse (a wrong Content-Length before it, garbage between records) is reported as
 * a damaged region and reading resumes at the next line starting with `WARC/`; at the very start of the
 * file it throws WarcFormatError instead (the file is not a WARC). `resume` continues the numbering
 * after a restart in the middle of a file.
 */
export async function* warcRecordHeads(queue: ByteQueue, resume: { readonly after: number } | null = null): AsyncGenerator<WarcEvent> {
  let n = resume?.after ?? 0;
  for (;;) {
    await queue.skipNewlines();
    const offset = queue.offset;
    const headerBytes = await queue.readHeaderBlock(MAX_HEADER_BYTES);
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
      if (n === 0 && resume === null) throw new WarcFormatError(problem);
      const skipped = headerBytes.length + (await queue.skipToLineStartingWith(WARC_LINE));
      yield { damaged: { after: n, offset, skipped, message: `${problem}; skipped ${skipped} bytes to the next record` } };
      continue;
    }
    n++;
    const block = new BlockReader(queue, length);
    yield { head: { n, version: version![1]!, fields, length, offset }, block };
    await block.skipRest();
    if (block.short) throw new WarcFormatError(`record ${n} is truncated: the file ends ${length - block.consumed} bytes before the end of its block`);
  }
}

/** The block of one record: read a prefix, the rest, or nothing. */
export class BlockReader {
  consumed = 0;
  short = false;
  constructor(
    private readonly queue: ByteQueue,
    readonly length: number,
  ) {}

  get remaining(): number {
    return this.length - this.consumed;
  }

  async read(n: number): Promise<Buffer> {
    const want = Math.min(n, this.remaining);
    const got = await this.queue.read(want);
    this.consumed += got.length;
    if (got.length < want) this.short = true;
    return got;
  }

  async skipRest(): Promise<void> {
    const want = this.remaining;
    const got = await this.queue.skip(want);
    this.consumed += got;
    if (got < want) this.short = true;
  }
}
