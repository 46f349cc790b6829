import type { ArticleDraft, Published } from '../../domain/article.js';
import { AppError } from '../../domain/errors.js';
import type { Note } from '../../domain/note.js';
import { binaryRatio, decodeBytes } from '../encoding.js';
import type { ReadItem, Reader, SourceFile } from '../reader.js';
import { isTailStart, isTeaser } from './boilerplate.js';
import { readHeaderLine } from './header-lines.js';

const BY = 'ingest/text';

/** How many leading lines may be header lines or the title. */
const HEAD_LINES = 10;

function isTitleLike(line: string): boolean {
  const l = line.trim();
  const words = l.split(/\s+/).length;
  if (l.length < 3 || l.length > 250 || words > 30) return false;
  // A long line that ends a sentence is a paragraph, not a title.
  return !(words > 20 && /[.;]$/.test(l));
}

/** A block that ends mid-sentence (a long line without closing punctuation) continues in the next block. */
function endsMidSentence(block: string): boolean {
  const l = block.trimEnd();
  if (l.split(/\s+/).length < 8) return false; // short lines are headings
  return !/[.!?:;"”’)\]…]$/.test(l);
}

export interface ParsedText {
  title: string | null;
  outlet: string | null;
  url: string | null;
  byline: string | null;
  published: Published | null;
  meta: Record<string, string>;
  text: string;
  notes: Note[];
}

/**
 * Plain text as news sites and copy-paste produce it: optional header lines (site, id, date), a title line,
 * paragraphs separated by blank lines or line breaks, and furniture at the end. The body keeps the source's
 * characters (only line ends are trimmed and paragraph breaks made uniform: "\n\n").
 */
export function parseNewsText(input: string): ParsedText {
  const notes: Note[] = [];
  const lines = input.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[\s\u00a0]+$/u, ''));
  const out: ParsedText = { title: null, outlet: null, url: null, byline: null, published: null, meta: {}, text: '', notes };

  // 1. Header lines and the title, among the first non-blank lines.
  let i = 0;
  let seen = 0;
  let titleAt = -1;
  for (; i < lines.length && seen < HEAD_LINES; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    seen++;
    const h = readHeaderLine(line);
    if (h) {
      if (h.field === 'published') out.published ??= h.value;
      else if (h.field === 'outlet') out.outlet ??= h.value;
      else if (h.field === 'url') out.url ??= h.value;
      else if (h.field === 'byline') out.byline ??= h.value;
      else if (h.field === 'meta') out.meta[h.key] = h.value;
      else out.meta['updated'] = h.value;
      continue;
    }
    if (titleAt < 0 && isTitleLike(line)) {
      out.title = line.trim();
      titleAt = i;
      continue;
    }
    break;
  }
  const bodyLines = lines.slice(titleAt < 0 && seen <= 1 ? 0 : i);

  // 2. Furniture: teaser lines anywhere, and the tail from "Related posts" on when it sits in the last third.
  let removed = 0;
  let end = bodyLines.length;
  for (let k = Math.floor(bodyLines.length * 0.5); k < bodyLines.length; k++) {
    if (isTailStart(bodyLines[k]!)) {
      removed += bodyLines.slice(k).filter((l) => l.trim() !== '').length;
      end = k;
      break;
    }
  }
  const kept = bodyLines.slice(0, end).filter((l) => {
    if (isTeaser(l)) {
      removed++;
      return false;
    }
    return true;
  });
  if (removed > 0) notes.push({ code: 'boilerplate-removed', message: `removed ${removed} line(s) of page furniture (related links, teasers)`, by: BY });

  // 3. Paragraphs: every non-blank line is a block; a block broken mid-sentence joins the next one.
  const blocks = kept.map((l) => l.trim()).filter((l) => l !== '');
  const paragraphs: string[] = [];
  for (const b of blocks) {
    const last = paragraphs[paragraphs.length - 1];
    if (last !== undefined && endsMidSentence(last)) paragraphs[paragraphs.length - 1] = `${last} ${b}`;
    else paragraphs.push(b);
  }
  out.text = paragraphs.join('\n\n');
  return out;
}

export const textReader: Reader = {
  name: 'text',
  formats: ['text'],
  sniff(path, head) {
    if (/\.(txt|text|md)$/i.test(path)) return 0.9;
    return binaryRatio(head) < 0.01 ? 0.1 : 0;
  },
  async *read(file: SourceFile): AsyncIterable<ReadItem> {
    const bytes = await file.bytes();
    const decoded = decodeBytes(bytes);
    const parsed = parseNewsText(decoded.text);
    if (parsed.text.trim() === '') throw new AppError('invalid-input', `${file.path}: no article text (only a title or header lines)`);
    const draft: ArticleDraft = {
      source: file.path,
      format: 'text',
      url: parsed.url,
      outlet: parsed.outlet,
      title: parsed.title,
      byline: parsed.byline,
      published: parsed.published,
      dateline: null,
      language: null,
      text: parsed.text,
      meta: parsed.meta,
      raw: bytes,
      encoding: decoded.encoding,
      notes: [...decoded.notes, ...parsed.notes],
    };
    yield { kind: 'article', draft };
  },
};
