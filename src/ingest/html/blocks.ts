import { parseHTML } from 'linkedom';

/*
 * DOM to text, block-aware: every block element (p, div, li, h1-h6, blockquote, tr, br ...) ends a paragraph;
 * whitespace inside a paragraph collapses to single spaces; paragraphs are joined by a blank line. What a
 * reader never sees (script, style, template, svg, form controls) is dropped.
 */

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li',
  'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'option', 'textarea',
  'button', 'input', 'head', 'title', 'meta', 'link',
]);

const CELL = new Set(['td', 'th']);

/** Structural view of a DOM node, enough for linkedom and for a browser DOM. */
interface NodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<NodeLike>;
}

/** The paragraphs of a DOM subtree, each with whitespace collapsed. */
export function nodeParagraphs(root: NodeLike): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    const p = current.join('').replace(/\s+/g, ' ').trim();
    if (p !== '') paragraphs.push(p);
    current = [];
  };
  const walk = (node: NodeLike): void => {
    if (node.nodeType === 3) {
      current.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toLowerCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    if (CELL.has(name)) current.push(' ');
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]!);
    if (block) flush();
    else if (CELL.has(name)) current.push(' ');
  };
  walk(root);
  flush();
  return paragraphs;
}

/** Paragraphs joined by "\n\n". */
export function nodeToText(root: NodeLike): string {
  return nodeParagraphs(root).join('\n\n');
}

/**
 * An HTML fragment (feed content:encoded, Atom content) as text: block-aware, paragraphs joined by "\n\n",
 * entities decoded.
 */
export function htmlFragmentToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeToText(document.body as unknown as NodeLike);
}
