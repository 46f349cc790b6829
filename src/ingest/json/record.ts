import type { ArticleDraft } from '../../domain/article.js';
import { AppError } from '../../domain/errors.js';
import type { Note } from '../../domain/note.js';
import { htmlFragmentToText } from '../html/index.js';
import { parsePublished } from '../published.js';
import type { ReadItem } from '../reader.js';
import { DEFAULT_FIELDS, lookUp, MAPPED_FIELDS, SUMMARY_FIELDS } from './field-map.js';

const BY = 'ingest/json';
const LOOKS_LIKE_HTML = /<\/?(p|div|br|span|a|em|strong|b|i|h[1-6]|ul|ol|li|img|figure|blockquote|section|article|table)\b[^>]*>/i;
const MAX_META_VALUE = 300;
const MAX_META_KEYS = 40;

/** A name from a string, a { name } object, or a list of either. */
function names(value: unknown): string | null {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null;
  if (Array.isArray(value)) {
    const all = value.map(names).filter((s): s is string => s !== null);
    return all.length > 0 ? all.join(', ') : null;
  }
  if (value !== null && typeof value === 'object' && 'name' in value) return names((value as { name: unknown }).name);
  return null;
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function textOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((s): s is string => s !== null);
    return parts.length > 0 ? parts.join('\n\n') : null;
  }
  if (typeof value !== 'string') return null;
  const text = LOOKS_LIKE_HTML.test(value) ? htmlFragmentToText(value) : value;
  return text.trim() === '' ? null : text.trim();
}

function primaryLanguage(tag: string | null): string | null {
  const m = tag ? /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$/.exec(tag) : null;
  return m ? m[1]!.toLowerCase() : null;
}

function noText(source: string, map: Readonly<Record<string, string>>): AppError {
  const mapped = map.text;
  const message = mapped
    ? `${source}: no text at "${mapped}" (from the field map text=${mapped})`
    : `${source}: no text field (looked for ${[...DEFAULT_FIELDS.text, ...SUMMARY_FIELDS].join(', ')}; use --map text=FIELD)`;
  return new AppError('invalid-input', message, { details: { source } });
}

/** One JSON record (an object) -> an article, or a failed item saying what is missing. */
export function recordToItem(
  record: unknown,
  source: string,
  format: 'json' | 'jsonl',
  raw: Uint8Array,
  map: Readonly<Record<string, string>>,
): ReadItem {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { kind: 'failed', source, error: new AppError('invalid-input', `${source}: expected a JSON object, found ${Array.isArray(record) ? 'an array' : record === null ? 'null' : typeof record}`) };
  }
  const obj = record as Record<string, unknown>;
  const used = new Set<string>();
  const get = (field: (typeof MAPPED_FIELDS)[number]): unknown => {
    const hit = lookUp(obj, field, map);
    if (!hit) return undefined;
    used.add(hit.key);
    return hit.value;
  };
  const notes: Note[] = [];
  let text = textOf(get('text'));
  if (text === null && map.text === undefined) {
    const key = SUMMARY_FIELDS.find((k) => textOf(obj[k]) !== null);
    if (key !== undefined) {
      text = textOf(obj[key]);
      used.add(key);
      const url = scalar(lookUp(obj, 'url', map)?.value);
      notes.push({ code: 'summary-only', message: `no full text; the "${key}" field is used${url ? `; the full article is at ${url}` : ''}`, by: BY });
    }
  }
  if (text === null) return { kind: 'failed', source, error: noText(source, map) };
  const rawDate = get('published');
  const dateString = scalar(rawDate);
  const published = dateString ? parsePublished(dateString, 'input') : null;
  if (dateString && !published) notes.push({ code: 'unreadable-date', message: `the publish date "${dateString.slice(0, 80)}" could not be read`, by: BY });
  const title = get('title');
  const meta: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (used.has(key) || Object.keys(meta).length >= MAX_META_KEYS) continue;
    const s = typeof value === 'boolean' ? String(value) : scalar(value);
    if (s !== null && s.length <= MAX_META_VALUE) meta[key] = s;
  }
  const draft: ArticleDraft = {
    source,
    format,
    url: scalar(get('url')),
    outlet: names(get('outlet')),
    title: typeof title === 'string' ? (LOOKS_LIKE_HTML.test(title) ? htmlFragmentToText(title) : title).replace(/\s+/g, ' ').trim() || null : null,
    byline: names(get('byline')),
    published,
    dateline: null,
    language: primaryLanguage(scalar(get('language'))),
    text,
    meta,
    raw,
    encoding: 'utf-8',
    notes,
  };
  return { kind: 'article', draft };
}
