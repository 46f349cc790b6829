/**
 * Pulls bytes from an async stream on demand: header blocks up to a blank line, exact-length blocks, and
 * skips, holding only what the caller asked for (never the whole file).
 */
/** A place in the stream where bytes are missing (a damaged gzip member); reading goes on after it. */
export interface StreamGapMarker {
  readonly gap: Error;
  readonly offset: number;
}

/**
 * Thrown by a read that reaches a gap: the bytes it was waiting for are lost. The bytes buffered before
 * the gap are dropped with them (they belong to what was being read); the next read starts after the gap.
 */
export class StreamGap extends Error {
  constructor(readonly marker: StreamGapMarker) {
    super(marker.gap.message, { cause: marker.gap });
  }
}

export class ByteQueue {
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;
  /** Bytes consumed so far (the offset of the next unread byte in the stream). */
  offset = 0;

  constructor(private readonly source: AsyncIterator<Uint8Array | StreamGapMarker>) {}

  /** Pull one more chunk into the buffer; false at the end of the stream. Throws StreamGap at a gap. */
  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    if (!(next.value instanceof Uint8Array)) {
      this.consume(this.buf.length);
      throw new StreamGap(next.value);
    }
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    return true;
  }

  /** True when no byte is left. */
  async atEnd(): Promise<boolean> {
    while (this.buf.length === 0) if (!(await this.pull())) return true;
    return false;
  }

  /** Drop blank lines (CR / LF) before the next record. */
  async skipNewlines(): Promise<void> {
    for (;;) {
      let i = 0;
      while (i < this.buf.length && (this.buf[i] === 0x0d || this.buf[i] === 0x0a)) i++;
      this.consume(i);
      if (this.buf.length > 0 || !(await this.pull())) return;
    }
  }

  /**
   * The bytes up to and including the first blank line (CRLF CRLF, or LF LF), or null at the end of the
   * stream. Throws when no blank line appears within `max` bytes.
   */
  async readHeaderBlock(max: number): Promise<Buffer | null> {
    let from = 0;
    for (;;) {
      const end = findBlankLine(this.buf, from);
      if (end >= 0) return this.take(end);
      from = Math.max(0, this.buf.length - 3);
      if (this.buf.length > max) throw new Error(`no end of headers within ${max} bytes`);
      if (!(await this.pull())) {
        if (this.buf.length === 0) return null;
        throw new Error(`the file ends inside a header block (${this.buf.length} bytes)`);
      }
    }
  }

  /** Up to `n` bytes (fewer only at the end of the stream). */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      if (this.buf.length === 0 && !(await this.pull())) break;
      const part = this.take(Math.min(n - got, this.buf.length));
      parts.push(part);
      got += part.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  /** Discard up to `n` bytes; returns how many were discarded. */
  async skip(n: number): Promise<number> {
    let done = 0;
    while (done < n) {
      if (this.buf.length === 0 && !(await this.pull())) break;
      const k = Math.min(n - done, this.buf.length);
      this.consume(k);
      done += k;
    }
    return done;
  }

  /**
   * Discard bytes up to the next line that starts with `prefix` (the line itself is kept), or to the end
   * of the stream. Returns how many bytes were discarded.
   */
  async skipToLineStartingWith(prefix: Buffer): Promise<number> {
    let done = 0;
    while (this.buf.length < prefix.length) if (!(await this.pull())) break;
    if (this.buf.subarray(0, prefix.length).equals(prefix)) return 0;
    for (;;) {
      const at = this.buf.indexOf(Buffer.concat([Buffer.from('\n'), prefix]));
      if (at >= 0) {
        this.consume(at + 1);
        return done + at + 1;
      }
      const keep = Math.min(this.buf.length, prefix.length);
      const drop = this.buf.length - keep;
      this.consume(drop);
      done += drop;
      if (!(await this.pull())) {
        done += this.buf.length;
        this.consume(this.buf.length);
        return done;
      }
    }
  }

  private take(n: number): Buffer {
    const out = this.buf.subarray(0, n);
    this.consume(n);
    return out;
  }

  private consume(n: number): void {
    this.buf = this.buf.subarray(n);
    this.offset += n;
  }
}

/** Index just past the first blank line at or after `from`, or -1. */
export function findBlankLine(buf: Uint8Array, from = 0): number {
  for (let i = from; i < buf.length; i++) {
    if (buf[i] !== 0x0a) continue;
    if (buf[i + 1] === 0x0a) return i + 2;
    if (buf[i + 1] === 0x0d && buf[i + 2] === 0x0a) return i + 3;
  }
  return -1;
}
