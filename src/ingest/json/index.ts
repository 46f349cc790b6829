/**
 * ### JSON and JSON Lines input
 *
 * `.json` files hold an array of article objects (streamed element by element, so its size is not
 * limited); or an object with that array under `articles`, `items`, `data`, `results`, `records`, `docs` or
 * `entries` (also one level down, as in `{"feed": {"items": [...]}}`); or one article object.
 * `.jsonl` / `.ndjson` files hold one object per line and are streamed: blank lines are skipped, and a line
 * that is not valid JSON is reported as `file.jsonl#line-N` with the parse error while the rest is read.
 *
 * Each object becomes one article. Fields are found by these names (the first one present wins):
 *
 * | article field | looked for in                                                                      |
 * |---------------|------------------------------------------------------------------------------------|
 * | text          | text, body, content, maintext, article (HTML is turned into text); else            |
 * |               | description, summary, abstract, with a `summary-only` note                         |
 * | title         | title, headline                                                                    |
 * | published     | published, date, pubDate, date_publish, datePublished, published_at, publishedAt,  |
 * |               | date_published (ISO 8601, RFC 822, unix seconds or milliseconds...)                |
 * | url           | url, link, permalink                                                               |
 * | outlet        | outlet, source, site, domain, publisher, source_domain, site_name (a string or     |
 * |               | `{"name": ...}`)                                                                   |
 * | byline        | byline, author, authors (a list of strings or `{"name": ...}` is joined with ", ") |
 * | language      | language, lang                                                                     |
 *
 * Names match exactly, else ignoring case. Other scalar fields are kept in the article's `meta`.
 * `--map title=headline,text=body.content,published=date` overrides the defaults; a path goes into nested
 * objects with dots (`body.content`, `authors.0.name`). An object without text is reported as a failure
 * naming its line (`#line-N`) or position (`#item-N`), never stored empty.
 */
import { AppError } from '../../domain/errors.js';
import { decodeBytes } from '../encoding.js';
import type { ReadItem, ReadOptions, Reader, SourceFile } from '../reader.js';
import { arrayElements, startsWithArray } from './array-stream.js';
import { DEFAULT_FIELDS } from './field-map.js';
import { recordToItem } from './record.js';

export { parseFieldMap, DEFAULT_FIELDS, MAPPED_FIELDS, valueAt } from './field-map.js';
export { recordToItem } from './record.js';

const CONTAINER_KEYS = ['articles', 'items', 'data', 'results', 'records', 'docs', 'entries'];
const LINES_NAME = /\.(jsonl|ndjson|jsonlines)$/i;
const JSON_NAME = /\.json$/i;

function headText(head: Uint8Array): string {
  return new TextDecoder('utf-8').decode(head.subarray(0, 4096)).replace(/^\uFEFF/, '');
}

/** One object per line: the first line is a whole JSON object and another object follows. */
function looksLikeLines(head: Uint8Array): boolean {
  const text = headText(head).trimStart();
  const nl = text.indexOf('\n');
  if (!text.startsWith('{') || nl < 0) return false;
  try {
    JSON.parse(text.slice(0, nl));
  } catch {
    return false;
  }
  return /^\s*\{/.test(text.slice(nl + 1));
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The array under one of CONTAINER_KEYS, if any. */
function containedList(doc: unknown): unknown[] | null {
  if (!isObject(doc)) return null;
  for (const key of CONTAINER_KEYS) {
    const inner = doc[key];
    if (Array.isArray(inner)) return inner;
  }
  return null;
}

/** `{ "feed": { "items": [...] } }`: the array one object further down, when the top object has no text. */
function containedListOneDown(doc: unknown): unknown[] | null {
  if (!isObject(doc) || DEFAULT_FIELDS.text.some((k) => k in doc)) return null;
  for (const value of Object.values(doc)) {
    const inner = containedList(value);
    if (inner) return inner;
  }
  return null;
}

/** The records of a parsed `.json` document, with the source suffix of each. */
function recordsOf(doc: unknown, path: string): { record: unknown; source: string }[] {
  const list = (arr: unknown[]) => arr.map((record, i) => ({ record, source: `${path}#item-${i + 1}` }));
  if (Array.isArray(doc)) return list(doc);
  const inner = containedList(doc) ?? containedListOneDown(doc);
  return inner ? list(inner) : [{ record: doc, source: path }];
}

/** A top-level array, streamed element by element (each element's own bytes are its `raw`). */
async function* readJsonArray(file: SourceFile, options: ReadOptions): AsyncIterable<ReadItem> {
  const decoder = new TextDecoder('utf-8');
  for await (const event of arrayElements(file.stream(), options.maxBytes)) {
    const source = `${file.path}#item-${event.n}`;
    if ('problem' in event) {
      yield { kind: 'failed', source, error: new AppError('invalid-input', `${source}: ${event.problem}`) };
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(decoder.decode(event.bytes));
    } catch (e) {
      yield { kind: 'failed', source, error: new AppError('invalid-input', `${source}: not valid JSON (${(e as Error).message})`, { cause: e }) };
      continue;
    }
    yield recordToItem(record, source, 'json', event.bytes, options.fieldMap);
  }
}

async function* readJsonDocument(file: SourceFile, options: ReadOptions): AsyncIterable<ReadItem> {
  const bytes = await file.bytes();
  const { text } = decodeBytes(bytes, 'utf-8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new AppError('invalid-input', `${file.path}: not valid JSON (${(e as Error).message})`, { cause: e, details: { path: file.path } });
  }
  const encoder = new TextEncoder();
  for (const { record, source } of recordsOf(doc, file.path)) {
    const raw = source === file.path ? bytes : encoder.encode(JSON.stringify(record));
    yield recordToItem(record, source, 'json', raw, options.fieldMap);
  }
}

/** Complete lines of a byte stream (without the line break), numbered from 1; never more than `max` bytes each. */
async function* lines(stream: AsyncIterable<Uint8Array>, max: number): AsyncIterable<{ n: number; bytes: Uint8Array | null }> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let tooLong = false;
  let n = 0;
  const finish = (tail: Uint8Array): { n: number; bytes: Uint8Array | null } => {
    n++;
    const bytes = tooLong ? null : pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
    pending = [];
    pendingLength = 0;
    tooLong = false;
    return { n, bytes };
  };
  for await (const chunk of stream) {
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a)) {
      yield finish(buf.subarray(0, nl));
      buf = buf.subarray(nl + 1);
    }
    if (buf.length > 0 && !tooLong) {
      pending.push(buf);
      pendingLength += buf.length;
      if (pendingLength > max) {
        tooLong = true;
        pending = [];
      }
    }
  }
  if (pendingLength > 0 || tooLong) yield finish(new Uint8Array());
}

async function* readJsonLines(file: SourceFile, options: ReadOptions): AsyncIterable<ReadItem> {
  const decoder = new TextDecoder('utf-8');
  for await (const { n, bytes } of lines(file.stream(), options.maxBytes)) {
    const source = `${file.path}#line-${n}`;
    if (bytes === null) {
      yield { kind: 'failed', source, error: new AppError('too-large', `${source}: the line is longer than ${options.maxBytes} bytes`) };
      continue;
    }
    let text = decoder.decode(bytes);
    if (n === 1) text = text.replace(/^\uFEFF/, '');
    if (text.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (e) {
      yield { kind: 'failed', source, error: new AppError('invalid-input', `${source}: not valid JSON (${(e as Error).message})`, { cause: e }) };
      continue;
    }
    // A copy, so that the article does not keep the whole read chunk alive; without a trailing CR.
    const raw = Uint8Array.from(bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, bytes.length - 1) : bytes);
    yield recordToItem(record, source, 'jsonl', raw, options.fieldMap);
  }
}

/** Reads `.json` (array, wrapped array or one object) and `.jsonl` / `.ndjson` (streamed, one object per line). */
export const jsonReader: Reader = {
  name: 'json',
  formats: ['json', 'jsonl'],
  sniff(path, head) {
    if (LINES_NAME.test(path)) return 0.95;
    if (JSON_NAME.test(path)) return 0.9;
    const start = headText(head).trimStart()[0];
    if (start === '[') return 0.5;
    if (start === '{') return looksLikeLines(head) ? 0.7 : 0.5;
    return 0;
  },
  read(file, options) {
    if (LINES_NAME.test(file.path) || looksLikeLines(file.head)) return readJsonLines(file, options);
    if (startsWithArray(file.head)) return readJsonArray(file, options);
    return readJsonDocument(file, options);
  },
};
