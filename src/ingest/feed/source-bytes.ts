/**
 * Maps character ranges of decoded feed text back to the file's own bytes, so that each item's `raw` is
 * the item as it was on disk (in its original encoding). Exact for UTF-8, UTF-16 and single-byte
 * encodings; for other multi-byte encodings the slice is re-encoded as UTF-8 and `encoding` says so.
 */
export interface ByteSlicer {
  /** The bytes of text.slice(start, end). */
  slice(start: number, end: number): Uint8Array;
  /** The encoding of what `slice` returns. */
  readonly encoding: string;
}

const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic|windows-874)$/;

function bomLength(bytes: Uint8Array): number {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 2;
  return 0;
}

export function byteSlicer(bytes: Uint8Array, text: string, encoding: string): ByteSlicer {
  const skip = bomLength(bytes);
  if (SINGLE_BYTE.test(encoding) && bytes.length - skip === text.length) {
    return { encoding, slice: (s, e) => bytes.subarray(skip + s, skip + e) };
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return { encoding, slice: (s, e) => bytes.subarray(skip + 2 * s, skip + 2 * e) };
  }
  if (encoding === 'utf-8' && Buffer.byteLength(text, 'utf8') === bytes.length - skip) {
    // Offsets are asked for in increasing order (items in document order): walk forward incrementally.
    let charPos = 0;
    let bytePos = skip;
    const toByte = (c: number): number => {
      if (c < charPos) {
        charPos = 0;
        bytePos = skip;
      }
      bytePos += Buffer.byteLength(text.slice(charPos, c), 'utf8');
      charPos = c;
      return bytePos;
    };
    return {
      encoding,
      slice: (s, e) => {
        const bs = toByte(s);
        const be = toByte(e);
        return bytes.subarray(bs, be);
      },
    };
  }
  const encoder = new TextEncoder();
  return { encoding: 'utf-8', slice: (s, e) => encoder.encode(text.slice(s, e)) };
}
