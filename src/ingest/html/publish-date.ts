import type { Published, PublishedSource } from '../../domain/article.js';
import type { Note } from '../../domain/note.js';
import { parsePublished, publishedFromUrl } from '../published.js';
import { stringField } from './json-ld.js';
import type { PageFacts } from './metadata.js';

/*
 * The publish date of a page, most trusted first: JSON-LD datePublished, publication meta tags, marked-up
 * elements (itemprop, <time pubdate>), a date printed near the title, the URL, then the caller's fallback.
 * Modification dates are never taken for publication dates.
 */

const BY = 'ingest/html';

/** Meta keys that hold the publication time, in order of trust. */
const META_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'article:published', 'published_time',
  'article.published', 'article_date_original', 'datepublished', 'date.published', 'publication_date', 'publish-date',
  'publish_date', 'publishdate', 'pubdate', 'pub_date', 'dc.date.issued', 'dcterms.issued', 'dc.date.created',
  'dcterms.created', 'dc.date.published', 'sailthru.date', 'parsely-pub-date', 'cxenseparse:recs:publishtime',
  'rnews:datepublished', 'originalpublicationdate', 'citation_publication_date', 'citation_date', 'displaydate',
  'article:post_date', 'og:pubdate', 'creation_date', 'content_create_date', 'dateposted', 'dc.date', 'dcterms.date', 'date',
];

const DATE_IN_TEXT = new RegExp(
  [
    String.raw`\d{1,2}(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?\p{L}{3,12}\.?,?\s+(?:de\s+)?\d{4}`,
    String.raw`\p{L}{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`,
    String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d])`,
    String.raw`(?<![\d.])\d{1,2}[./-]\d{1,2}[./-]\d{4}`,
    String.raw`\d{4}\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일]?`,
  ]
    .map((p) => `(?:${p})`)
    .join('|') + String.raw`(?:,?\s*(?:at\s+|às\s+|à\s+|-\s+|\|\s+)?\d{1,2}[:h]\d{2}(?:\s*[ap]\.?m\.?)?)?`,
  'giu',
);

/** Dates printed in a piece of text, in order. */
export function datesInText(text: string, source: PublishedSource = 'html-text'): Published[] {
  const out: Published[] = [];
  for (const m of text.matchAll(DATE_IN_TEXT)) {
    const p = parsePublished(m[0], source) ?? parsePublished(m[0].replace(/,?\s*(?:at|às|à|-|\|)?\s*\d{1,2}[:h]\d{2}.*$/iu, ''), source);
    if (p && p.precision !== 'year' && p.precision !== 'month') out.push(p);
    if (out.length >= 20) break;
  }
  return out;
}

const MODIFIED = /modif|update|edit|revis|aktualisiert|actualiz|atualiz|обновл/i;
const PUBLISHED_HINT = /publi|posted|pubdate|created|date|time|byline|meta|dateline|info|stamp/i;

function fromJsonLd(facts: PageFacts): Published | null {
  for (const key of ['datePublished', 'dateCreated', 'uploadDate']) {
    for (const o of facts.jsonLd) {
      const v = stringField(o, key);
      const p = v ? parsePublished(v, 'json-ld') : null;
      if (p) return p;
    }
  }
  return null;
}

function fromMeta(facts: PageFacts): Published | null {
  for (const key of META_KEYS) {
    for (const v of facts.metas.get(key) ?? []) {
      const p = parsePublished(v, 'meta');
      if (p) return p;
    }
  }
  return null;
}

function attrDate(el: Element, source: PublishedSource): Published | null {
  for (const v of [el.getAttribute('datetime'), el.getAttribute('content'), el.getAttribute('title'), el.textContent]) {
    if (!v) continue;
    const p = parsePublished(v.trim(), source) ?? datesInText(v, source)[0] ?? null;
    if (p) return p;
  }
  return null;
}

function contextOf(el: Element): string {
  let s = '';
  let e: Element | null = el;
  for (let i = 0; e && i < 3; i++, e = e.parentElement) s += ` ${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''} ${e.getAttribute('itemprop') ?? ''}`;
  return s;
}

/** Marked-up dates: itemprop=datePublished, <time pubdate>, <time datetime> outside "updated" context. */
function fromMarkup(document: Document): Published | null {
  for (const el of Array.from(document.querySelectorAll('[itemprop="datePublished"], [itemprop="dateCreated"], time[pubdate], abbr.published, .published[datetime], .published[title]'))) {
    const p = attrDate(el, 'meta');
    if (p) return p;
  }
  for (const el of Array.from(document.querySelectorAll('time[datetime]'))) {
    if (MODIFIED.test(contextOf(el)) || MODIFIED.test(el.textContent ?? '')) continue;
    const p = parsePublished(el.getAttribute('datetime') ?? '', 'html-text');
    if (p && p.precision !== 'year') return p;
  }
  return null;
}

/** A date printed in an element named like a date/byline line, or in the text right after the title. */
function fromText(document: Document): Published | null {
  const candidates = Array.from(document.querySelectorAll('[class], [id]')).filter((el) => {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    return PUBLISHED_HINT.test(name) && !MODIFIED.test(name);
  });
  for (const el of candidates.slice(0, 400)) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length === 0 || text.length > 200) continue;
    const unmodified = text.replace(/(?:updated?|modified|actualizado|atualizado|aktualisiert)\b.*$/i, '');
    const p = datesInText(unmodified)[0];
    if (p) return p;
  }
  const h1 = document.querySelector('h1');
  const scope = h1?.parentElement?.parentElement ?? document.body;
  const text = (scope?.textContent ?? '').replace(/\s+/g, ' ');
  const start = h1 ? Math.max(0, text.indexOf((h1.textContent ?? '').replace(/\s+/g, ' ').trim())) : 0;
  return datesInText(text.slice(start, start + 1500))[0] ?? null;
}

export interface PublishedResult {
  readonly published: Published | null;
  readonly notes: Note[];
}

export function findPublished(facts: PageFacts, document: Document, url: string | null, fallback: Published | null): PublishedResult {
  const notes: Note[] = [];
  const found = fromJsonLd(facts) ?? fromMeta(facts) ?? fromMarkup(document);
  if (found) return { published: found, notes };
  const text = fromText(document);
  if (text) {
    notes.push({ code: 'publish-date-from-text', message: `publish date read from the page text: "${text.raw}"`, by: BY });
    return { published: text, notes };
  }
  const fromUrl = url ? publishedFromUrl(url) : null;
  if (fromUrl) {
    notes.push({ code: 'publish-date-from-url', message: `publish date read from the URL (${fromUrl.precision} precision)`, by: BY });
    return { published: fromUrl, notes };
  }
  if (fallback) {
    notes.push({ code: 'publish-date-fallback', message: `no publish date in the page; using the ${fallback.source} date`, by: BY });
    return { published: fallback, notes };
  }
  notes.push({ code: 'no-publish-date', message: 'no publish date found in the page, its metadata or its URL', by: BY });
  return { published: null, notes };
}
