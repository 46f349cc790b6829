import type { ArticleDraft, ArticleFormat, Published } from '../../domain/article.js';
import { AppError } from '../../domain/errors.js';
import type { Note } from '../../domain/note.js';
import { decodeBytes } from '../encoding.js';
import { extractParagraphs } from './body.js';
import { declaredCharset } from './charset.js';
import { pageMetadata, readPageFacts, type PageMetadata } from './metadata.js';
import { findPublished } from './publish-date.js';
import { parseDocument } from './structure.js';

export { parseDocument };

export interface HtmlInput {
  readonly bytes: Uint8Array;
  /** Path or URL it was read from (with '#record-3' for a part of a container). */
  readonly source: string;
  readonly url: string | null;
  /** Encoding from outside the page (HTTP header, WARC record); the page's own <meta charset> is used when null. */
  readonly declaredEncoding: string | null;
  readonly format?: ArticleFormat;
  /** Used when the page itself gives no publish date (e.g. a feed's pubDate or a WARC capture date). */
  readonly fallbackPublished?: Published | null;
}

export interface HtmlMetadata extends PageMetadata {
  readonly published: Published | null;
  readonly notes: Note[];
}

/** The metadata of a page (title, byline, outlet, language, canonical URL, publish date) without its text. */
export function readHtmlMetadata(document: Document, url: string | null, fallback: Published | null = null): HtmlMetadata {
  const facts = readPageFacts(document);
  const meta = pageMetadata(facts, url);
  const { published, notes } = findPublished(facts, document, url ?? meta.url, fallback, meta.title);
  return { ...meta, published, notes };
}

/** At least a sentence's worth of words: a page with only a menu or a title is not an article. */
function hasArticleText(text: string): boolean {
  let words = 0;
  let chars = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    words++;
    chars += m[0].length;
    if (words >= 5 && chars >= 25) return true;
  }
  return false;
}

/** One HTML page -> one article draft. Throws AppError('invalid-input') when the page has no article text. */
export function readHtmlDocument(input: HtmlInput): ArticleDraft {
  const declared = input.declaredEncoding ?? declaredCharset(input.bytes);
  const decoded = decodeBytes(input.bytes, declared);
  let meta: HtmlMetadata;
  let paragraphs: string[];
  try {
    const document = parseDocument(decoded.text);
    meta = readHtmlMetadata(document, input.url, input.fallbackPublished ?? null);
    paragraphs = extractParagraphs(document, meta.title);
  } catch (e) {
    throw new AppError('invalid-input', `${input.source}: the HTML page could not be parsed`, { cause: e, details: { source: input.source } });
  }
  const text = paragraphs.join('\n\n');
  if (!hasArticleText(text)) {
    throw new AppError('invalid-input', `${input.source}: no article text found in the HTML page (no block of readable text)`, {
      details: { source: input.source },
    });
  }
  return {
    source: input.source,
    format: input.format ?? 'html',
    url: meta.url,
    outlet: meta.outlet,
    title: meta.title,
    byline: meta.byline,
    published: meta.published,
    dateline: null,
    language: meta.language,
    text,
    meta: meta.meta,
    raw: input.bytes,
    encoding: decoded.encoding,
    notes: [...decoded.notes, ...meta.notes],
  };
}
