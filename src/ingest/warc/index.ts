import { constants, gunzipSync } from 'node:zlib';
import type { ArticleDraft } from '../../domain/article.js';
import { AppError, describeError, isAppError } from '../../domain/errors.js';
import type { Note } from '../../domain/note.js';
import { feedFormatOfRoot, parseFeed, rootElementName } from '../feed/index.js';
import { readHtmlDocument } from '../html/index.js';
import { parsePublished } from '../published.js';
import type { ReadItem, ReadOptions, Reader, SourceFile } from '../reader.js';
import { ByteQueue, StreamGap } from './byte-queue.js';
import { gunzipStream } from './gunzip-stream.js';
import { decodeContent, dechunk, parseContentType, parseHttpHead } from './http.js';
import { warcRecordHeads, WarcFormatError, type BlockReader, type WarcRecordHead } from './records.js';

/**
 * WARC and WARC.gz (one gzip member per record, or one for the whole file), streamed: only the record
 * being read is in memory. Every `response` (or `resource`) record holding an HTML page with status 200
 * becomes an article through the HTML reader, with the WARC-Target-URI as url and the WARC-Date as a
 * fallback publish date; RSS/Atom payloads go through the feed parser. Redirects, revisits, requests,
 * metadata and non-HTML payloads are skipped. A broken record, a damaged gzip member or garbage between
 * records is a 'failed' item naming the record, and reading goes on after it; a file cut off ends with one.
 */

const BY = 'ingest/warc';
/** How much of a record block is read first to see its HTTP headers. */
const PEEK_BYTES = 64 * 1024;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const FEED_TYPES = /^(application\/(rss|atom|rdf)\+xml|application\/xml|text\/xml|application\/rss|text\/rss)/;

function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

function startsWithWarc(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 16)).toString('latin1').replace(/^[\r\n]+/, '').startsWith('WARC/');
}

/** The first bytes of a gzip head, decompressed as far as they go (for sniffing only). */
function peekGunzip(head: Uint8Array): Uint8Array {
  try {
    return gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return new Uint8Array();
  }
}

type PayloadKind = 'html' | 'feed' | null;

function payloadKind(contentType: string, body: Uint8Array): PayloadKind {
  if (HTML_TYPES.has(contentType)) return 'html';
  const root = rootElementName(body.subarray(0, 4096));
  if (root && feedFormatOfRoot(root)) return contentType === '' || FEED_TYPES.test(contentType) ? 'feed' : null;
  if (contentType === '' || contentType === 'application/octet-stream') {
    return /^(\xEF\xBB\xBF)?\s*(<!doctype html|<html)/i.test(Buffer.from(body.subarray(0, 1024)).toString('latin1')) ? 'html' : null;
  }
  return null;
}

function failure(source: string, e: unknown): ReadItem {
  const error = isAppError(e) ? e : new AppError('invalid-input', `${source}: ${describeError(e)}`, { cause: e });
  return { kind: 'failed', source, error };
}

function withNotes(draft: ArticleDraft, extra: Note[]): ArticleDraft {
  return extra.length === 0 ? draft : { ...draft, notes: [...draft.notes, ...extra] };
}

/** The articles of one record (none when it is not an HTML or feed response). */
async function readRecord(head: WarcRecordHead, block: BlockReader, path: string, options: ReadOptions): Promise<ReadItem[]> {
  const type = (head.fields.get('warc-type') ?? '').toLowerCase();
  if (type !== 'response' && type !== 'resource') return [];
  const source = `${path}#record-${head.n}`;
  const url = head.fields.get('warc-target-uri')?.replace(/^<|>$/g, '') ?? null;
  const warcType = parseContentType(head.fields.get('content-type'));
  const peek = await block.read(Math.min(PEEK_BYTES, block.length));
  let bodyStart = 0;
  let status = 200;
  let contentType = warcType.type;
  let charset = warcType.charset;
  let transfer = '';
  let contentEncoding: string | undefined;
  if (type === 'response') {
    if (!warcType.type.startsWith('application/http')) return [];
    const http = parseHttpHead(peek);
    if (!http) return block.length > 0 ? [failure(source, new Error('the response record has no readable HTTP status line and headers'))] : [];
    bodyStart = http.length;
    status = http.status;
    ({ type: contentType, charset } = parseContentType(http.fields.get('content-type')));
    transfer = (http.fields.get('transfer-encoding') ?? '').toLowerCase();
    contentEncoding = http.fields.get('content-encoding');
  }
  if (status !== 200 && status !== 203) return [];
  // Only pages and feeds are read whole; a missing or generic type is decided by the (decoded) body.
  const maybe = contentType === '' || contentType === 'application/octet-stream' || HTML_TYPES.has(contentType) || FEED_TYPES.test(contentType);
  if (!maybe) return [];
  if (block.length > options.maxBytes) {
    return [failure(source, new AppError('too-large', `${source}: the record is ${block.length} bytes, over the limit of ${options.maxBytes}`))];
  }
  const rest = await block.read(block.remaining);
  if (block.short) throw new WarcFormatError(`record ${head.n} is truncated: the file ends ${block.remaining} bytes before the end of its block`);
  const notes: Note[] = [];
  let body: Uint8Array = Buffer.concat([peek.subarray(bodyStart), rest]);
  if (transfer.includes('chunked')) {
    const d = dechunk(body);
    if (d) {
      body = d.bytes;
      if (!d.complete) notes.push({ code: 'warc-incomplete-body', message: 'the chunked HTTP body ends early', by: BY });
    }
  }
  const decoded = decodeContent(body, contentEncoding);
  body = decoded.bytes;
  if (decoded.note) notes.push({ code: 'content-encoding', message: decoded.note, by: BY });
  if (head.fields.has('warc-truncated')) {
    notes.push({ code: 'warc-truncated', message: `the archived payload was truncated by the crawler (${head.fields.get('warc-truncated')})`, by: BY });
  }
  const kind = payloadKind(contentType, body);
  if (kind === 'feed') {
    return parseFeed({ bytes: body, source, declaredEncoding: charset }).map((item) => (item.kind === 'article' ? { kind: 'article', draft: withNotes(item.draft, notes) } : item));
  }
  if (kind !== 'html') return [];
  const warcDate = head.fields.get('warc-date');
  const fallbackPublished = warcDate ? parsePublished(warcDate, 'warc') : null;
  const draft = await readHtmlDocument({ bytes: body, source, url, declaredEncoding: charset, format: 'warc', fallbackPublished });
  if (draft.published?.source === 'warc' && !draft.notes.some((n) => n.code === 'publish-date-fallback')) {
    notes.push({
      code: 'published-is-capture-date',
      message: `the page states no publish date; the capture date ${warcDate} is used, an upper bound`,
      by: BY,
    });
  }
  return [{ kind: 'article', draft: withNotes(draft, notes) }];
}

/**
 * Every record of the file in order. A broken record, a damaged gzip member or garbage between records
 * is a 'failed' item and reading goes on; a file cut off in an uncompressed record ends with one.
 */
async function* readWarc(file: SourceFile, options: ReadOptions): AsyncIterable<ReadItem> {
  const chunks = isGzip(file.head) ? gunzipStream(file.stream()) : file.stream();
  const queue = new ByteQueue(chunks[Symbol.asyncIterator]());
  let lastRecord = 0;
  try {
    for await (const event of warcRecordHeads(queue)) {
      if ('damaged' in event) {
        const { record, message } = event.damaged;
        lastRecord = Math.max(lastRecord, record);
        yield { kind: 'failed', source: `${file.path}#record-${record}`, error: new AppError('invalid-input', `${file.path}: ${message}`) };
        continue;
      }
      const { head, block } = event;
      lastRecord = head.n;
      let items: ReadItem[];
      try {
        items = await readRecord(head, block, file.path, options);
      } catch (e) {
        if (e instanceof WarcFormatError) throw e;
        if (e instanceof StreamGap) {
          block.gapReported = true;
          const why = `record ${head.n} is cut short: the compressed data is truncated or corrupt (${e.message}); reading resumed at the next gzip member`;
          items = [failure(`${file.path}#record-${head.n}`, new AppError('invalid-input', `${file.path}: ${why}`, { cause: e }))];
        } else {
          items = [failure(`${file.path}#record-${head.n}`, e)];
        }
      }
      yield* items;
    }
  } catch (e) {
    if (lastRecord === 0 && e instanceof WarcFormatError) {
      throw new AppError('invalid-input', `${file.path}: not a WARC file (${e.message})`, { cause: e, details: { path: file.path } });
    }
    const truncated = e instanceof WarcFormatError && /truncated/.test(e.message);
    yield {
      kind: 'failed',
      source: `${file.path}#record-${truncated ? lastRecord : lastRecord + 1}`,
      error: new AppError('invalid-input', `${file.path}: reading stopped: ${describeError(e)}`, { cause: e }),
    };
  }
}

/** Reads .warc and .warc.gz files: one article per HTML response record, one per feed item. */
export const warcReader: Reader = {
  name: 'warc',
  formats: ['warc'],
  sniff(path, head) {
    if (startsWithWarc(head)) return 0.99;
    if (isGzip(head) && startsWithWarc(peekGunzip(head))) return 0.99;
    if (/\.warc(\.gz)?$/i.test(path)) return 0.6;
    return 0;
  },
  read: readWarc,
};
