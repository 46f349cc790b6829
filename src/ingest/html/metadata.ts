import { jsonLdObjects, namesOf, parseJsonLd, stringField, type JsonObject } from './json-ld.js';

/**
 * What the page says about itself: meta tags, JSON-LD, <title>, <html lang>, canonical link. Read before
 * the main-text extraction (which mutates the document).
 */
export interface PageFacts {
  /** meta name/property/itemprop/http-equiv (lower case) -> contents, in document order. */
  readonly metas: ReadonlyMap<string, readonly string[]>;
  /** JSON-LD objects, article-like first. */
  readonly jsonLd: readonly JsonObject[];
  readonly titleTag: string | null;
  readonly h1: string | null;
  readonly htmlLang: string | null;
  readonly canonical: string | null;
  readonly relAuthor: string | null;
  readonly bylineText: string | null;
}

export interface PageMetadata {
  readonly title: string | null;
  readonly byline: string | null;
  readonly outlet: string | null;
  readonly language: string | null;
  readonly url: string | null;
  readonly meta: Record<string, string>;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** Entities left in a value escaped twice by the page ("&amp;#039;" arrives as "&#039;"). */
function decodeLeftoverEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|quot|apos|lt|gt|nbsp);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[e.toLowerCase()] ?? whole;
  });
}

const squash = (s: string | null | undefined): string => decodeLeftoverEntities(s ?? '').replace(/\s+/g, ' ').trim();
const orNull = (s: string | null | undefined): string | null => {
  const t = squash(s);
  return t === '' ? null : t;
};

/** `a[rel~="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]` (rel compares in any case). */
function isRelAuthor(el: Element, tag: string): boolean {
  if (tag === 'a' && /(?:^|\s)author(?:$|\s)/i.test(el.getAttribute('rel') ?? '')) return true;
  const itemprop = el.getAttribute('itemprop');
  if (itemprop === 'author') return true;
  if (itemprop !== 'name') return false;
  for (let p = el.parentNode; p && p.nodeType === 1; p = p.parentNode) if ((p as Element).getAttribute('itemprop') === 'author') return true;
  return false;
}

/** `.byline, .article-byline, .author-name, .author, [class*="byline"], [class*="author-name"], [data-testid*="byline"]`. */
function isByline(el: Element): boolean {
  const cls = el.getAttribute('class') ?? '';
  return cls.includes('byline') || cls.includes('author-name') || /(?:^|\s)author(?:$|\s)/.test(cls) || (el.getAttribute('data-testid') ?? '').includes('byline');
}

/**
 * One pass over the page's elements, in document order (linkedom walks the whole tree for every
 * querySelector call, and compiles its selector each time); the selectors it used to run are written out
 * as tests on tag and attributes, with the same case rules.
 */
export function readPageFacts(document: Document): PageFacts {
  const metas = new Map<string, string[]>();
  const blocks: unknown[] = [];
  let canonical: Element | null | undefined;
  let titleEl: Element | null = null;
  let h1El: Element | null = null;
  let relAuthorEl: Element | null = null;
  let bylineEl: Element | null = null;
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    if (tag === 'meta') {
      const content = el.getAttribute('content');
      if (content !== null) {
        for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
          const key = el.getAttribute(attr)?.trim().toLowerCase();
          if (!key) continue;
          const list = metas.get(key) ?? [];
          list.push(content.trim());
          metas.set(key, list);
        }
      }
    } else if (tag === 'script') {
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      if (type.includes('ld+json')) blocks.push(...parseJsonLd(el.textContent ?? ''));
    } else if (tag === 'link') {
      if (canonical === undefined && el.hasAttribute('rel') && (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) canonical = el;
    } else if (tag === 'title') {
      titleEl ??= el;
    } else if (tag === 'h1') {
      h1El ??= el;
    }
    if (!el.hasAttributes()) continue;
    if (relAuthorEl === null && isRelAuthor(el, tag)) relAuthorEl = el;
    if (bylineEl === null && isByline(el)) bylineEl = el;
  }
  return {
    metas,
    jsonLd: jsonLdObjects(blocks),
    titleTag: orNull(titleEl?.textContent),
    h1: orNull(h1El?.textContent),
    htmlLang: orNull(document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang')),
    canonical: canonical ? orNull(canonical.getAttribute('href')) : null,
    relAuthor: orNull(relAuthorEl?.textContent),
    bylineText: orNull(bylineEl?.textContent),
  };
}

export function firstMeta(facts: PageFacts, ...keys: string[]): string | null {
  for (const k of keys) {
    for (const v of facts.metas.get(k) ?? []) if (v.trim() !== '') return v.trim();
  }
  return null;
}

/** "Headline | Site" / "Headline - Site" / "Site: Headline" -> "Headline", when the site part is recognisable. */
export function stripSiteSuffix(title: string, outlet: string | null): string {
  const parts = title.split(/\s+[|\-–—»:·]\s+/);
  if (parts.length < 2) return title;
  if (outlet) {
    const o = outlet.toLowerCase();
    const kept = parts.filter((p) => !o.includes(p.toLowerCase()) && !p.toLowerCase().includes(o));
    if (kept.length > 0 && kept.length < parts.length) return kept.join(' - ');
  }
  // Without a known outlet: drop a short last part after '|' only.
  const m = /^(.*\S)\s+\|\s+[^|]{1,40}$/.exec(title);
  return m ? m[1]! : title;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).toString();
  } catch {
    return /^https?:\/\//.test(href) ? href : null;
  }
}

function primaryLanguage(tag: string | null): string | null {
  if (!tag) return null;
  const m = /^([a-zA-Z]{2,3})(?:[-_]|$)/.exec(tag.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** "By Jane Doe | November 18, 2019" -> "Jane Doe": the label and whatever follows a separator go. */
export function cleanByline(raw: string | null): string | null {
  if (!raw) return null;
  let s = squash(raw).replace(/^(?:by|von|por|par|di|da|de|door|av|af|autor(?:a)?:?|author:?)\s+/i, '');
  s = s.split(/\s[|•·—–]\s|\s-\s|\s{2,}/)[0]!.replace(/[,;:|]\s*$/, '').trim();
  if (s === '' || s.length > 100 || /\d{4}/.test(s)) return null;
  return s;
}

/** "Site | Tagline | Section" -> "Site" when the site name runs long. */
function cleanOutlet(raw: string | null): string | null {
  if (!raw) return null;
  if (raw.length <= 30) return raw;
  const first = raw.split(/\s[|•·—–-]\s/)[0]!.trim();
  return first !== '' ? first : raw;
}

export function pageMetadata(facts: PageFacts, givenUrl: string | null): PageMetadata {
  const ld = facts.jsonLd;
  const ldArticle = ld[0];
  const ldString = (key: string): string | null => {
    for (const o of ld) {
      const v = stringField(o, key);
      if (v) return v;
    }
    return null;
  };
  const url = absolute(facts.canonical, givenUrl) ?? absolute(firstMeta(facts, 'og:url'), givenUrl) ?? givenUrl;

  let publisher: string | null = null;
  for (const o of ld) {
    const names = namesOf(o['publisher']);
    if (names[0]) {
      publisher = names[0];
      break;
    }
  }
  const outlet =
    orNull(firstMeta(facts, 'og:site_name')) ?? orNull(publisher) ?? orNull(firstMeta(facts, 'application-name')) ?? hostOf(url ?? givenUrl);

  const rawTitle =
    firstMeta(facts, 'og:title', 'twitter:title') ?? ldString('headline') ?? facts.titleTag ?? facts.h1;
  const title = rawTitle ? orNull(stripSiteSuffix(squash(rawTitle), outlet)) : null;

  let authors: string[] = [];
  for (const o of ld) {
    authors = namesOf(o['author']);
    if (authors.length > 0) break;
  }
  const metaAuthor = firstMeta(facts, 'author', 'article:author', 'byl', 'sailthru.author', 'parsely-author', 'dc.creator', 'dcterms.creator');
  const notAddress = (s: string | null): s is string => s !== null && !/^(?:https?:|www\.|\/)|\.(?:com|org|net)\b/i.test(s.trim());
  authors = authors.filter(notAddress);
  const byline =
    (authors.length > 0 ? [...new Set(authors)].join(', ') : null) ??
    (notAddress(metaAuthor) ? squash(metaAuthor) : null) ??
    (facts.relAuthor && facts.relAuthor.length <= 100 ? facts.relAuthor : null) ??
    (facts.bylineText && facts.bylineText.length <= 100 ? facts.bylineText : null);

  const language =
    primaryLanguage(facts.htmlLang) ??
    primaryLanguage(firstMeta(facts, 'content-language', 'language', 'dc.language')) ??
    primaryLanguage(firstMeta(facts, 'og:locale')) ??
    primaryLanguage(ldArticle ? stringField(ldArticle, 'inLanguage') : null);

  const meta: Record<string, string> = {};
  const ogType = firstMeta(facts, 'og:type');
  if (ogType) meta['og:type'] = ogType;
  return { title, byline: cleanByline(byline), outlet: cleanOutlet(outlet), language, url, meta };
}
