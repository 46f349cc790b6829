import { parseHTML } from 'linkedom';

/*
 * linkedom builds the tree as the tags are written, without the HTML5 parser's repairs. Pages with body
 * content inside <head> (a stray <div> before </head>), no <body> tag, or junk before <html> then have an
 * empty document.body. These repairs give such pages the body a browser would give them.
 */

const HEAD_TAGS = new Set(['meta', 'link', 'title', 'script', 'style', 'base', 'noscript', 'template']);

/** Text before <html> that is not a doctype, comment or whitespace (an injected pop-up, a stray style). */
function dropPrefixBeforeHtml(html: string): string {
  const at = html.search(/<html[\s>]/i);
  if (at <= 0) return html;
  const prefix = html.slice(0, at);
  const junk = prefix.replace(/<!doctype[^>]*>|<!--[\s\S]*?-->|<\?xml[^>]*\?>|\s+/gi, '');
  return junk === '' ? html : html.slice(at);
}

function moveBodyContent(document: Document): void {
  const root = document.documentElement;
  if (!root) return;
  let body = document.body;
  if (!body) {
    body = document.createElement('body');
    root.appendChild(body);
  }
  const moved: Node[] = [];
  const head = document.head;
  if (head) {
    let inBody = false;
    for (const child of Array.from(head.childNodes)) {
      if (!inBody && child.nodeType === 1 && !HEAD_TAGS.has((child as Element).tagName.toLowerCase())) inBody = true;
      if (inBody) moved.push(child);
    }
  }
  for (const child of Array.from(root.childNodes)) {
    if (child === head || child === body) continue;
    if (child.nodeType === 1 || (child.nodeType === 3 && (child.nodeValue ?? '').trim() !== '')) moved.push(child);
  }
  const first = body.firstChild;
  for (const node of moved) body.insertBefore(node, first);
}

/** Parse an HTML string into a DOM document (linkedom), with the body repaired when it came out empty. */
export function parseDocument(html: string): Document {
  const source = /<[a-z!]/i.test(html) ? dropPrefixBeforeHtml(html) : `<html><head></head><body>${html.replace(/</g, '&lt;')}</body></html>`;
  const document = parseHTML(source).document as unknown as Document;
  const bodyText = (document.body?.textContent ?? '').trim().length;
  const allText = (document.documentElement?.textContent ?? '').trim().length;
  if (bodyText < allText * 0.5) moveBodyContent(document);
  return document;
}
