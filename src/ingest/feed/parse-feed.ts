import { DomHandler, DomUtils, Parser } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';
import type { ArticleDraft } from '../../domain/article.js';
import { AppError } from '../../domain/errors.js';
import type { Note } from '../../domain/note.js';
import { decodeBytes } from '../encoding.js';
import { htmlFragmentToText } from '../html/index.js';
import { parsePublished } from '../published.js';
import type { ReadItem } from '../reader.js';
import { trimFeedBoilerplate } from './feed-boilerplate.js';
import { byteSlicer, type ByteSlicer } from './source-bytes.js';

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom, read from bytes with htmlparser2 in XML mode: tolerant of malformed
 * XML (unclosed elements, truncated files, undeclared prefixes), which it reads as far as it can and
 * flags with a 'malformed-xml' note on every article.
 */

const BY = 'ingest/feed';
/** A description at least this long (in words) is taken as the full article, not a summary. */
export const FULL_TEXT_MIN_WORDS = 80;

export type FeedFormat = 'rss' | 'rdf' | 'atom';

export interface FeedInput {
  readonly bytes: Uint8Array;
  /** What items' sources are built on: `${source}#item-${n}`. */
  readonly source: string;
  /** Charset from a transport header (HTTP Content-Type inside a WARC), when there is one. */
  readonly declaredEncoding?: string | null;
}

/** The feed format a root element name stands for, or null when it is not a feed. */
export function feedFormatOfRoot(name: string): FeedFormat | null {
  const n = name.toLowerCase();
  if (n === 'rss' || n === 'channel') return 'rss';
  if (n === 'rdf:rdf' || n === 'rdf') return 'rdf';
  if (n === 'feed' || n.endsWith(':feed')) return 'atom';
  return null;
}

/** The encoding an XML declaration names, looked for in the first KiB (even after a leading comment). */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const m = /<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? m[1]! : null;
}

/**
 * A DOM handler that remembers the elements the parser had to close itself: those still open at the end
 * of the file, or left open when an ancestor closed. htmlparser2 also reports a self-closing `<x/>` as an
 * implied close, which is well-formed: that case is told apart by the `/>` before the close position.
 */
class CheckingHandler extends DomHandler {
  readonly unclosed: string[] = [];
  private position: Parser | null = null;
  constructor(private readonly source: string) {
    super(undefined, { withStartIndices: true, withEndIndices: true, xmlMode: true });
  }
  override onparserinit(parser: Parser): void {
    this.position = parser;
    super.onparserinit(parser);
  }
  override onclosetag(name?: string, isImplied?: boolean): void {
    if (isImplied && name) {
      const end = this.position?.endIndex ?? -1;
      const selfClosing = end > 0 && this.source[end] === '>' && this.source[end - 1] === '/';
      if (!selfClosing) this.unclosed.push(name);
    }
    super.onclosetag();
  }
}

function parseXml(text: string): { doc: Document; unclosed: string[] } {
  const handler = new CheckingHandler(text);
  const parser = new Parser(handler, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
  parser.end(text);
  return { doc: handler.root, unclosed: handler.unclosed };
}

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const local = (name: string): string => {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
};

function childElements(el: Element | Document): Element[] {
  return el.children.filter(isElement);
}

/** First direct child whose lower-cased name is one of `names` ('dc:creator') or whose local name is. */
function child(el: Element, ...names: string[]): Element | undefined {
  const kids = childElements(el);
  for (const n of names) {
    const hit = n.includes(':') ? kids.find((k) => k.name.toLowerCase() === n) : kids.find((k) => local(k.name) === n && !k.name.includes(':'));
    if (hit) return hit;
  }
  return undefined;
}

function children(el: Element, name: string): Element[] {
  return childElements(el).filter((k) => (name.includes(':') ? k.name.toLowerCase() === name : local(k.name) === name && !k.name.includes(':')));
}

const text = (el: Element | undefined): string => (el ? DomUtils.textContent(el).trim() : '');

/** Plain text of an element that may hold escaped HTML (RSS description, Atom type="html"/"xhtml"). */
function htmlText(el: Element | undefined): string {
  if (!el) return '';
  const type = (el.attribs.type ?? '').toLowerCase();
  const html = type === 'xhtml' ? DomUtils.getInnerHTML(el, { xmlMode: true }) : DomUtils.textContent(el);
  if (type === 'text') return html.trim();
  return /[<&]/.test(html) ? htmlFragmentToText(html).trim() : html.trim();
}

function wordCount(s: string): number {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}

function primaryLanguage(tag: string | undefined | null): string | null {
  if (!tag) return null;
  const m = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$/.exec(tag);
  return m ? m[1]!.toLowerCase() : null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** "jane@example.com (Jane Doe)" -> "Jane Doe"; names otherwise as given. */
function personName(raw: string): string {
  const m = /^\S+@\S+\s*\((.+)\)\s*$/.exec(raw);
  return (m ? m[1]! : raw).replace(/\s+/g, ' ').trim();
}

function atomAuthors(el: Element): string[] {
  return children(el, 'author')
    .map((a) => text(child(a, 'name')) || text(a))
    .map(personName)
    .filter((s) => s !== '');
}

function atomLink(el: Element): string | null {
  const links = childElements(el).filter((k) => local(k.name) === 'link');
  const alternate = links.find((l) => !l.attribs.rel || l.attribs.rel === 'alternate') ?? links[0];
  if (!alternate) return null;
  return (alternate.attribs.href ?? text(alternate)) || null;
}

function undeclaredPrefixes(doc: Document): string[] {
  const declared = new Set(['xml', 'xmlns']);
  const used = new Set<string>();
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    for (const a of Object.keys(el.attribs)) if (a.startsWith('xmlns:')) declared.add(a.slice(6));
    const i = el.name.indexOf(':');
    if (i > 0) used.add(el.name.slice(0, i));
  }
  return [...used].filter((p) => !declared.has(p));
}

function malformedNotes(textBody: string, unclosed: string[], doc: Document): Note[] {
  const problems: string[] = [];
  if (unclosed.length > 0) problems.push(`unclosed element${unclosed.length > 1 ? 's' : ''} <${unclosed.slice(0, 5).join('>, <')}> (truncated or ill-formed)`);
  const decl = textBody.indexOf('<?xml');
  if (decl > 0 && textBody.slice(0, decl).trim() !== '') problems.push('XML declaration is not at the start of the file');
  const prefixes = undeclaredPrefixes(doc);
  if (prefixes.length > 0) problems.push(`undeclared namespace prefix${prefixes.length > 1 ? 'es' : ''} ${prefixes.join(', ')}`);
  if (problems.length === 0) return [];
  return [{ code: 'malformed-xml', message: `not well-formed XML: ${problems.join('; ')}; read what could be read`, by: BY }];
}

interface FeedContext {
  readonly format: FeedFormat;
  readonly outlet: string | null;
  readonly language: string | null;
  readonly feedAuthors: string[];
  readonly encoding: string;
  readonly notes: Note[];
  readonly slicer: ByteSlicer;
}

function published(raws: string[]): ArticleDraft['published'] {
  for (const raw of raws) {
    if (!raw) continue;
    const p = parsePublished(raw, 'feed');
    if (p) return p;
  }
  return null;
}

/**
 * The item's text: the longer of its content element and its description. Under FULL_TEXT_MIN_WORDS it is
 * a summary (teasers in Atom <content> are common): the item is still read, with a 'summary-only' note
 * pointing at the full article, and its title stands in when there is no summary at all.
 */
function itemText(el: Element, atom: boolean, title: string | null, url: string | null): { text: string; note: Note | null } {
  const full = trimFeedBoilerplate(htmlText(child(el, atom ? 'content' : 'content:encoded')));
  const summary = trimFeedBoilerplate(htmlText(child(el, atom ? 'summary' : 'description')));
  const body = wordCount(summary) > wordCount(full) ? summary : full;
  if (wordCount(body) >= FULL_TEXT_MIN_WORDS) return { text: body, note: null };
  const message = url ? `the feed has only a summary of this article; the full text is at ${url}` : 'the feed has only a summary of this article';
  return { text: body || title || '', note: { code: 'summary-only', message, by: BY } };
}

function itemByline(el: Element, atom: boolean, feedAuthors: string[]): string | null {
  const authors = atom
    ? atomAuthors(el)
    : [...children(el, 'dc:creator'), ...children(el, 'author')].map((a) => personName(text(a))).filter((s) => s !== '');
  return (authors.length > 0 ? authors : atom ? feedAuthors : []).join(', ') || null;
}

function itemMeta(el: Element, atom: boolean): Record<string, string> {
  const meta: Record<string, string> = {};
  const guid = text(child(el, atom ? 'id' : 'guid'));
  if (guid) meta.guid = guid;
  const categories = childElements(el)
    .filter((k) => local(k.name) === 'category' || k.name.toLowerCase() === 'dc:subject')
    .map((k) => (k.attribs.term ?? text(k)).trim())
    .filter((c) => c !== '');
  if (categories.length > 0) meta.categories = [...new Set(categories)].join('; ');
  return meta;
}

function readItem(el: Element, n: number, source: string, ctx: FeedContext): ReadItem {
  const itemSource = `${source}#item-${n}`;
  const atom = ctx.format === 'atom';
  const title = htmlText(child(el, 'title')) || null;
  const guid = child(el, 'guid');
  const url = atom
    ? atomLink(el)
    : text(child(el, 'link')) || atomLink(el) || el.attribs['rdf:about'] || (guid?.attribs.isPermaLink !== 'false' ? text(guid) : '') || null;
  const { text: body, note } = itemText(el, atom, title, url);
  if (body === '') {
    return { kind: 'failed', source: itemSource, error: new AppError('invalid-input', `${itemSource}: feed item has no text, summary or title`) };
  }
  const notes: Note[] = [...ctx.notes, ...(note ? [note] : [])];
  const dateFields = atom ? ['published', 'dc:date', 'updated'] : ['pubdate', 'dc:date', 'published', 'updated'];
  const pub = published(dateFields.map((name) => text(child(el, name))));
  if (!pub) notes.push({ code: 'no-publish-date', message: 'the feed item gives no readable publish date', by: BY });
  const raw = el.startIndex !== null && el.endIndex !== null ? ctx.slicer.slice(el.startIndex, el.endIndex + 1) : new Uint8Array();
  const language = primaryLanguage(text(child(el, 'dc:language'))) ?? primaryLanguage(el.attribs['xml:lang']) ?? ctx.language;
  return {
    kind: 'article',
    draft: {
      source: itemSource,
      format: ctx.format,
      url,
      outlet: ctx.outlet,
      title,
      byline: itemByline(el, atom, ctx.feedAuthors),
      published: pub,
      dateline: null,
      language,
      text: body,
      meta: itemMeta(el, atom),
      raw,
      encoding: ctx.slicer.encoding,
      notes,
    },
  };
}

/** The root element of a parsed document (skipping comments, processing instructions and text). */
function rootElement(doc: Document): Element | undefined {
  return childElements(doc)[0];
}

/**
 * Every item of a feed, in document order. Throws AppError 'unsupported' when the bytes are not a feed;
 * items that cannot become articles come back as 'failed' items; an empty feed as one 'failed' item.
 */
export function parseFeed(input: FeedInput): ReadItem[] {
  const declared = input.declaredEncoding ?? xmlDeclaredEncoding(input.bytes);
  const decoded = decodeBytes(input.bytes, declared);
  const { doc, unclosed } = parseXml(decoded.text);
  const root = rootElement(doc);
  const format = root ? feedFormatOfRoot(root.name) : null;
  if (!root || !format) {
    throw new AppError('unsupported', `${input.source}: not an RSS/Atom feed (root element ${root ? `<${root.name}>` : 'missing'})`, {
      details: { path: input.source },
    });
  }
  const channel = format === 'atom' ? root : (format === 'rss' && local(root.name) === 'channel' ? root : child(root, 'channel')) ?? root;
  const channelTitle = htmlText(child(channel, 'title'));
  const channelLink = format === 'atom' ? atomLink(channel) : text(child(channel, 'link'));
  const ctx: FeedContext = {
    format,
    outlet: channelTitle || (channelLink ? hostOf(channelLink) : null),
    language: primaryLanguage(text(child(channel, 'language'))) ?? primaryLanguage(text(child(channel, 'dc:language'))) ?? primaryLanguage(root.attribs['xml:lang']),
    feedAuthors: format === 'atom' ? atomAuthors(channel) : [],
    encoding: decoded.encoding,
    notes: [...decoded.notes.map((n) => ({ ...n })), ...malformedNotes(decoded.text, unclosed, doc)],
    slicer: byteSlicer(input.bytes, decoded.text, decoded.encoding),
  };
  const itemName = format === 'atom' ? 'entry' : 'item';
  const elements = DomUtils.getElementsByTagName((name) => local(name) === itemName && (itemName === 'entry' || !name.includes(':')), root.children, true);
  if (elements.length === 0) {
    const why = ctx.notes.find((n) => n.code === 'malformed-xml');
    return [{ kind: 'failed', source: input.source, error: new AppError('invalid-input', `${input.source}: the feed has no items${why ? ` (${why.message})` : ''}`) }];
  }
  return elements.map((el, i) => readItem(el, i + 1, input.source, ctx));
}
