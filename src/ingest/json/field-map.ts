import { AppError } from '../../domain/errors.js';

/** The article fields a JSON record can fill, and where they are looked for when `--map` does not say. */
export const DEFAULT_FIELDS = {
  title: ['title', 'headline'],
  text: ['text', 'body', 'content', 'maintext', 'article'],
  published: ['published', 'date', 'pubDate', 'date_publish', 'datePublished', 'published_at', 'publishedAt', 'date_published'],
  url: ['url', 'link', 'permalink'],
  outlet: ['outlet', 'source', 'site', 'domain', 'publisher', 'source_domain', 'site_name'],
  byline: ['byline', 'author', 'authors'],
  language: ['language', 'lang'],
} as const satisfies Record<string, readonly string[]>;

/** Used for the text, with a 'summary-only' note, when none of the text fields is present. */
export const SUMMARY_FIELDS = ['description', 'summary', 'abstract'] as const;

export type MappedField = keyof typeof DEFAULT_FIELDS;
export const MAPPED_FIELDS = Object.keys(DEFAULT_FIELDS) as MappedField[];

const PATH = /^[^\s.=,]+(\.[^\s.=,]+)*$/;

/**
 * Reads a field mapping written as `title=headline,text=body.content` (article field = source field
 * path, dots for nested fields, numbers for array positions). Throws AppError 'usage' on anything else.
 */
export function parseFieldMap(spec: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const entry = part.trim();
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    const field = eq < 0 ? entry : entry.slice(0, eq).trim();
    const path = eq < 0 ? '' : entry.slice(eq + 1).trim();
    if (eq < 0 || path === '') throw new AppError('usage', `bad field mapping "${entry}": write FIELD=PATH, e.g. text=body.content`);
    if (!(MAPPED_FIELDS as string[]).includes(field)) {
      throw new AppError('usage', `bad field mapping "${entry}": "${field}" is not an article field (use one of ${MAPPED_FIELDS.join(', ')})`);
    }
    if (!PATH.test(path)) throw new AppError('usage', `bad field mapping "${entry}": "${path}" is not a field path (names separated by dots)`);
    if (field in map) throw new AppError('usage', `bad field mapping: "${field}" is mapped twice`);
    map[field] = path;
  }
  return map;
}

/** The value at a dotted path ('body.content', 'authors.0.name'), or undefined. */
export function valueAt(record: unknown, path: string): unknown {
  let here: unknown = record;
  for (const key of path.split('.')) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** The value of a top-level field by exact name, else by case-insensitive name. */
function topLevel(record: Record<string, unknown>, name: string): { key: string; value: unknown } | null {
  if (name in record) return { key: name, value: record[name] };
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? null : { key, value: record[key] };
}

const present = (v: unknown): boolean => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);

/**
 * Where `field` comes from in `record`: the mapped path when there is one, else the first default name
 * with a value. `key` is the top-level key used (so the rest can go to `meta`).
 */
export function lookUp(record: Record<string, unknown>, field: MappedField, map: Readonly<Record<string, string>>): { key: string; value: unknown } | null {
  const mapped = map[field];
  if (mapped !== undefined) {
    const value = valueAt(record, mapped);
    return present(value) ? { key: mapped.split('.')[0]!, value } : null;
  }
  for (const name of DEFAULT_FIELDS[field]) {
    const hit = topLevel(record, name);
    if (hit && present(hit.value)) return hit;
  }
  return null;
}
