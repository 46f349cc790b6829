import chardet from 'chardet';
import type { Note } from '../domain/note.js';

/** The result of turning bytes into text, with how the encoding was chosen. */
export interface Decoded {
  readonly text: string;
  /** WHATWG encoding label actually used ('utf-8', 'windows-1256', 'koi8-r', 'utf-16le'...). */
  readonly encoding: string;
  readonly notes: Note[];
}

const BY = 'ingest/encoding';

/** chardet's names mapped to WHATWG labels that TextDecoder knows. */
const CHARDET_TO_WHATWG: Record<string, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  'ISO-8859-9': 'windows-1254',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'KOI8-R': 'koi8-r',
  'Shift_JIS': 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'GB18030': 'gb18030',
  'Big5': 'big5',
  'ISO-2022-JP': 'iso-2022-jp',
};

/** A label as found in a header or meta tag, checked against what TextDecoder supports. */
export function normalizeLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const trimmed = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (trimmed === '') return null;
  try {
    return new TextDecoder(trimmed).encoding;
  } catch {
    return null;
  }
}

/**
 * windows-1252's characters for bytes 0x80-0x9F. Node's TextDecoder (up to at least v22) decodes the
 * 'windows-1252' label as ISO-8859-1, leaving those bytes as C1 control characters; we map them ourselves.
 */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWith(label: string, bytes: Uint8Array): string {
  const text = new TextDecoder(label).decode(bytes);
  if (label !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** UTF-16 without a BOM shows as every other byte being NUL in ASCII-heavy text. */
function sniffUtf16(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Share of NUL and C0 control bytes (other than tab, CR, LF, FF, ESC): high for binary files. */
export function binaryRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) bad++;
  }
  return bad / n;
}

/**
 * Decode bytes to text. Order of trust: a byte-order mark; a declared label (HTTP header, XML declaration,
 * meta charset) when the bytes agree with it; valid UTF-8; chardet's statistical guess. Whatever is
 * guessed is recorded in a note so the user can see it.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  const notes: Note[] = [];
  const bom = bomEncoding(bytes);
  if (bom) {
    return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.skip)), encoding: bom.encoding, notes };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    notes.push({ code: 'encoding-sniffed', message: `no byte-order mark; read as ${utf16} from the pattern of NUL bytes`, by: BY });
    return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, notes };
  }
  const label = normalizeLabel(declared);
  const utf8ok = isValidUtf8(bytes);
  if (label && label !== 'utf-8' && !(label === 'windows-1252' && utf8ok && hasHighBytes(bytes))) {
    return { text: decodeWith(label, bytes), encoding: label, notes };
  }
  if (utf8ok) {
    if (label && label !== 'utf-8') {
      notes.push({ code: 'encoding-mismatch', message: `declared ${label} but the bytes are valid UTF-8; read as UTF-8`, by: BY });
    }
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', notes };
  }
  const guessed = guessEncoding(bytes);
  if (guessed) {
    notes.push({
      code: 'encoding-guessed',
      message: label === 'utf-8' ? `declared UTF-8 but the bytes are not; guessed ${guessed}` : `no usable declared encoding; guessed ${guessed}`,
      by: BY,
    });
    return { text: decodeWith(guessed, bytes), encoding: guessed, notes };
  }
  notes.push({ code: 'invalid-utf8', message: 'bytes are not valid UTF-8 and no encoding could be guessed; invalid sequences replaced by U+FFFD', by: BY });
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', notes };
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** chardet's best guess among the encodings TextDecoder supports, or null. */
export function guessEncoding(bytes: Uint8Array): string | null {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  for (const match of chardet.analyse(sample)) {
    const label = CHARDET_TO_WHATWG[match.name] ?? normalizeLabel(match.name);
    if (label && label !== 'utf-8') return label;
  }
  return null;
}
