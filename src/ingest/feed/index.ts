import type { Reader } from '../reader.js';
import { feedFormatOfRoot, parseFeed } from './parse-feed.js';

export { feedFormatOfRoot, parseFeed, xmlDeclaredEncoding, FULL_TEXT_MIN_WORDS } from './parse-feed.js';
export type { FeedFormat, FeedInput } from './parse-feed.js';

/**
 * The name of the first element of an XML-ish head, skipping a BOM, the XML declaration, comments,
 * processing instructions and a doctype. NUL bytes are dropped so UTF-16 heads read too.
 */
export function rootElementName(head: Uint8Array): string | null {
  let s = Buffer.from(head).toString('latin1').replace(/\0/g, '');
  s = s.replace(/^(\xEF\xBB\xBF|\xFF\xFE|\xFE\xFF)/, '');
  for (;;) {
    s = s.replace(/^\s+/, '');
    if (s.startsWith('<!--')) {
      const end = s.indexOf('-->');
      if (end < 0) return null;
      s = s.slice(end + 3);
    } else if (s.startsWith('<?')) {
      const end = s.indexOf('?>');
      if (end < 0) return null;
      s = s.slice(end + 2);
    } else if (/^<!doctype/i.test(s)) {
      const end = s.indexOf('>');
      if (end < 0) return null;
      s = s.slice(end + 1);
    } else break;
  }
  const m = /^<([A-Za-z_][\w.:-]*)/.exec(s);
  return m ? m[1]! : null;
}

const FEED_EXTENSION = /\.(rss|atom|rdf|xml)$/i;
const HTML_ROOTS = new Set(['html', 'head', 'body']);

/** Reads RSS 2.0, RSS 1.0 (RDF) and Atom files: one article per item. */
export const feedReader: Reader = {
  name: 'feed',
  formats: ['rss', 'rdf', 'atom'],
  sniff(path, head) {
    const root = rootElementName(head);
    if (root && feedFormatOfRoot(root)) return 0.95;
    if (root && HTML_ROOTS.has(root.toLowerCase())) return 0;
    // An XML file named like a feed whose root we cannot see: let the reader say what it is.
    if (FEED_EXTENSION.test(path) && (root !== null || head.length === 0)) return 0.2;
    return 0;
  },
  async *read(file) {
    const bytes = await file.bytes();
    yield* parseFeed({ bytes, source: file.path });
  },
};
