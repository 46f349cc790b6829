import type { Published } from '../../domain/article.js';
import { parsePublished } from '../published.js';

/**
 * Lines that news sites and copy-paste put around a title: the site's domain, "News ID: 106685",
 * "Publish Date : 07 September 2022 - 21:25", "By Jane Doe", "Source: X", a URL. Each is read into a field;
 * anything else is not a header line.
 */
export type HeaderLine =
  | { readonly field: 'outlet'; readonly value: string }
  | { readonly field: 'url'; readonly value: string }
  | { readonly field: 'byline'; readonly value: string }
  | { readonly field: 'published'; readonly value: Published }
  | { readonly field: 'updated'; readonly value: string }
  | { readonly field: 'meta'; readonly key: string; readonly value: string };

const DOMAIN = /^(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\/?$/i;
const URL_LINE = /^(?:url|link|source url)?\s*:?\s*(https?:\/\/\S+)$/i;
const LABELLED = /^([A-Za-z][A-Za-z .]{1,28}?)\s*:\s*(.+)$/;
const BYLINE = /^(?:by|written by|author)\s*:?\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|al-|el-|bin|ibn)){0,6})$/iu;

const PUBLISHED_LABELS = new Set(['publish date', 'published', 'published on', 'publication date', 'date', 'posted', 'posted on', 'release date', 'dated']);
const UPDATED_LABELS = new Set(['updated', 'last updated', 'modified', 'last modified', 'update date']);
const ID_LABELS = new Set(['news id', 'article id', 'story id', 'id', 'news code', 'code']);
const OUTLET_LABELS = new Set(['source', 'outlet', 'publisher', 'site']);
const BYLINE_LABELS = new Set(['author', 'by', 'writer', 'reporter']);

export function readHeaderLine(line: string): HeaderLine | null {
  const l = line.trim();
  if (l.length === 0 || l.length > 160) return null;
  const domain = DOMAIN.exec(l);
  if (domain && /[a-z]/i.test(l) && !/^\d+(\.\d+)+$/.test(l)) return { field: 'outlet', value: domain[1]!.toLowerCase() };
  const url = URL_LINE.exec(l);
  if (url) return { field: 'url', value: url[1]! };
  const by = BYLINE.exec(l);
  if (by) return { field: 'byline', value: by[1]!.trim() };
  const labelled = LABELLED.exec(l);
  if (!labelled) return null;
  const label = labelled[1]!.trim().toLowerCase();
  const value = labelled[2]!.trim();
  if (PUBLISHED_LABELS.has(label)) {
    const published = parsePublished(value, 'header-line');
    return published ? { field: 'published', value: published } : null;
  }
  if (UPDATED_LABELS.has(label)) return parsePublished(value, 'header-line') ? { field: 'updated', value } : null;
  if (ID_LABELS.has(label) && /^[\w-]{1,40}$/.test(value)) return { field: 'meta', key: label.replace(/\s+/g, '-'), value };
  if (OUTLET_LABELS.has(label) && value.length <= 80) return { field: 'outlet', value };
  if (BYLINE_LABELS.has(label) && value.length <= 80) return { field: 'byline', value };
  return null;
}
