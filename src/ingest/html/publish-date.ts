import type { Published, PublishedSource } from '../../domain/article.js';
import type { Note } from '../../domain/note.js';
import { parsePublished, publishedFromUrl, publishedInstant } from '../published.js';
import { stringField } from './json-ld.js';
import type { PageFacts } from './metadata.js';

/*
 * The publish date of a page, most trusted first: publication meta tags and JSON-LD datePublished, marked-up
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
  '(?:' +
  [
    String.raw`\d{1,2}(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?\p{L}{3,12}\.?,?\s+(?:de\s+)?\d{4}`,
    String.raw`\p{L}{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`,
    String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d])`,
    String.raw`(?<![\d.])\d{1,2}[./-]\d{1,2}[./-]\d{4}`,
    String.raw`\d{4}\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일]?`,
  ]
    .map((p) => `(?:${p})`)
    .join('|') +
    ')' +
    String.raw`(?:,?\s*(?:at\s+|às\s+|à\s+|-\s+|\|\s+)?\d{1,2}[:h]\d{2}(?:\s*[ap]\.?m\.?)?)?`,
  'giu',
);

/** Dates printed in a piece of text, in order. Eastern Arabic and Persian digits count as digits. */
export function datesInText(text: string, source: PublishedSource = 'html-text'): Published[] {
  const out: Published[] = [];
  const ascii = text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (c) => String((c.charCodeAt(0) & 0xf) % 10));
  for (const m of ascii.matchAll(DATE_IN_TEXT)) {
    const written = text.slice(m.index, m.index + m[0].length);
    const p =
      parsePublished(written, source) ??
      parsePublished(written.replace(/,?\s*(?:at|às|à|-|\|)?\s*[\d\u0660-\u0669\u06F0-\u06F9]{1,2}[:h][\d\u0660-\u0669\u06F0-\u06F9]{2}.*$/iu, ''), source);
    if (p && p.precision !== 'year' && p.precision !== 'month') out.push(p);
    if (out.length >= 20) break;
  }
  return out;
}

/** el.closest() for a list of tag names, without compiling a selector on every call. */
function closestTag(el: Element, tags: ReadonlySet<string>): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (tags.has(e.localName.toLowerCase())) return e;
  return null;
}

const CHROME = new Set(['nav', 'footer', 'aside']);
const HEADER = new Set(['header']);

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

/**
 * `[itemprop="datePublished"], [itemprop="dateCreated"], time[pubdate], abbr.published, .published[datetime],
 * .published[title]`, with the selector's case rules (attribute values and class names exact).
 */
function isMarkedDate(el: Element): boolean {
  const itemprop = el.getAttribute('itemprop');
  if (itemprop === 'datePublished' || itemprop === 'dateCreated') return true;
  const tag = el.localName.toLowerCase();
  if (tag === 'time' && el.hasAttribute('pubdate')) return true;
  if (!/(?:^|\s)published(?:$|\s)/.test(el.getAttribute('class') ?? '')) return false;
  return tag === 'abbr' || el.hasAttribute('datetime') || el.hasAttribute('title');
}

/** Marked-up dates: itemprop=datePublished, <time pubdate>, <time datetime> outside "updated" context. */
function fromMarkup(document: Document): Published | null {
  // One walk for both lists; linkedom would walk the tree and compile the selector for each query.
  const marked: Element[] = [];
  const times: Element[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    if (!el.hasAttributes()) continue;
    if (isMarkedDate(el)) marked.push(el);
    if (el.localName.toLowerCase() === 'time' && el.hasAttribute('datetime')) times.push(el);
  }
  for (const el of marked) {
    const p = attrDate(el, 'meta');
    if (p) return p;
  }
  for (const el of times) {
    if (MODIFIED.test(contextOf(el)) || MODIFIED.test(el.textContent ?? '')) continue;
    if (closestTag(el, CHROME) || CAPTION.test(contextOf(el))) continue;
    const p = parsePublished(el.getAttribute('datetime') ?? '', 'html-text');
    if (p && p.precision !== 'year') return p;
  }
  return null;
}

/** The h1 that holds the article title: the one that matches the page title, else the first. */
function titleHeading(document: Document, title: string | null): Element | null {
  const h1s = Array.from(document.querySelectorAll('h1'));
  const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  const t = norm(title);
  if (t !== '') {
    const matches = (h: Element): boolean => {
      const x = norm(h.textContent);
      return x.length >= 10 && (t.includes(x) || x.includes(t));
    };
    const match = h1s.find(matches) ?? Array.from(document.querySelectorAll('h2')).find(matches);
    if (match) return match;
  }
  return h1s.find((h) => norm(h.textContent).length >= 10) ?? h1s[0] ?? null;
}

const CAPTION = /caption|credit|related|comment|footer|sidebar|widget|popular|trending|most-read|recommend/i;

/** Marks the start of a long paragraph in `textWithout`: the article body has begun. */
const BODY_MARK = '\u0000';

/** el.querySelector(':scope > img') !== null. */
function hasImgChild(el: Element): boolean {
  for (const c of Array.from(el.children)) if (c.localName.toLowerCase() === 'img') return true;
  return false;
}

/** Text of an element without captions, related-article lists and comments; BODY_MARK before long paragraphs. */
function textWithout(root: Element, skip: RegExp): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'figcaption' || tag === 'noscript') return;
    if (skip.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) return;
    // A picture with its caption ("FILE PHOTO: ... January 16"): the caption's date is the photo's.
    if (tag !== 'body' && hasImgChild(el)) {
      const length = (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
      if (length > 60 && length < 400) return;
    }
    parts.push(tag === 'p' && (el.textContent ?? '').length > 120 ? ` ${BODY_MARK} ` : ' ');
    for (const c of Array.from(el.childNodes)) walk(c);
    parts.push(' ');
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ');
}

/** Inside the site's navigation, footer or sidebar, or a page header that does not hold the title. */
function inSiteChrome(el: Element, title: Element | null): boolean {
  if (closestTag(el, CHROME)) return true;
  const header = closestTag(el, HEADER);
  return header !== null && (title === null || !header.contains(title));
}

/**
 * A date printed in the page: in the few lines right after the title; else in the element named like a
 * date or byline line nearest to the title (a date far from it is most often the site's "today" or a
 * related article); else further after the title; else, with no title heading, the first in the page.
 */
function fromText(document: Document, title: string | null): Published | null {
  const root = document.body && (document.body.textContent ?? '').trim() !== '' ? document.body : document.documentElement;
  if (!root) return null;
  const all = Array.from(root.querySelectorAll('*'));
  const h1 = titleHeading(document, title);
  const titleAt = h1 ? all.indexOf(h1) : -1;
  // The text right after the title: a date within a few lines of it is the article's own.
  let afterTitle: string | null = null;
  if (h1) {
    const scope = h1.parentElement?.parentElement ?? root;
    const text = textWithout(scope, CAPTION);
    const at = Math.max(0, text.indexOf((h1.textContent ?? '').replace(/\s+/g, ' ').trim()));
    afterTitle = text.slice(at, at + 1500);
    const headerZone = afterTitle.slice(0, 400).split(BODY_MARK)[0]!;
    const near = datesInText(headerZone)[0];
    if (near) return near;
  }
  let best: { p: Published; distance: number } | null = null;
  let inspected = 0;
  for (let i = 0; i < all.length && inspected < 400; i++) {
    const el = all[i]!;
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (name.trim() === '' || !PUBLISHED_HINT.test(name) || MODIFIED.test(name) || CAPTION.test(name)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length === 0 || text.length > 200) continue;
    if (inSiteChrome(el, h1)) continue;
    inspected++;
    const unmodified = text.replace(/(?:updated?|modified|actualizado|atualizado|aktualisiert)\b.*$/i, '');
    const p = parsePublished(unmodified, 'html-text') ?? datesInText(unmodified)[0];
    if (!p) continue;
    if (titleAt < 0) return p;
    const distance = Math.abs(i - titleAt);
    if (!best || distance < best.distance) best = { p, distance };
  }
  if (best) return best.p;
  if (afterTitle !== null) return datesInText(afterTitle)[0] ?? null;
  // No title heading: the first date in the page text.
  return datesInText(textWithout(root, CAPTION).slice(0, 5000))[0] ?? null;
}

/**
 * Meta tags and JSON-LD usually agree. When they give one instant, the one written with the publisher's
 * own non-zero offset is kept (its calendar day is the local one); when they disagree, the meta tag, which
 * sites more often fill from the same field as the visible date.
 */
function metaOrJsonLd(meta: Published | null, ld: Published | null): Published | null {
  if (!meta || !ld) return meta ?? ld;
  const a = publishedInstant(meta);
  const b = publishedInstant(ld);
  if (a !== null && a === b && meta.utcOffset === 0 && ld.utcOffset !== 0) return ld;
  if (meta.precision !== 'minute' && ld.precision === 'minute' && meta.value === ld.value.slice(0, meta.value.length)) return ld;
  return meta;
}

/**
 * A UTC timestamp's calendar day can differ from the publisher's local day; when the URL carries a day one
 * day off the UTC one, the URL (written in local time) has the local day.
 */
function utcDayOverUrlDay(found: Published, url: string): Published | null {
  if (found.precision !== 'minute' || found.utcOffset !== 0) return null;
  const fromUrl = publishedFromUrl(url);
  if (!fromUrl || fromUrl.precision !== 'day') return null;
  const days = (Date.parse(found.value.slice(0, 10)) - Date.parse(fromUrl.value)) / 86_400_000;
  return Math.abs(days) === 1 ? fromUrl : null;
}

export interface PublishedResult {
  readonly published: Published | null;
  readonly notes: Note[];
}

export function findPublished(
  facts: PageFacts,
  document: Document,
  url: string | null,
  fallback: Published | null,
  title: string | null = null,
): PublishedResult {
  const notes: Note[] = [];
  const found = metaOrJsonLd(fromMeta(facts), fromJsonLd(facts)) ?? fromMarkup(document);
  if (found) {
    const local = url ? utcDayOverUrlDay(found, url) : null;
    if (local) {
      notes.push({ code: 'publish-date-from-url', message: `the page gives ${found.raw} in UTC; the URL gives the local day ${local.value}`, by: BY });
      return { published: local, notes };
    }
    return { published: found, notes };
  }
  const text = fromText(document, title);
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
