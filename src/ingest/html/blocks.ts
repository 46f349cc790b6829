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
export interface NodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<NodeLike>;
}

/** One paragraph and how much of it is link text (navigation and "read more" lists are mostly links). */
export interface Block {
  readonly text: string;
  /** Share of the paragraph's characters that sit inside <a> elements, in [0, 1]. */
  readonly linkShare: number;
}

/** The paragraphs of a DOM subtree, each with whitespace collapsed. */
export function nodeBlocks(root: NodeLike): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let linkChars = 0;
  let inLink = 0;
  const flush = (): void => {
    const text = current.join('').replace(/\s+/g, ' ').trim();
    if (text !== '') blocks.push({ text, linkShare: Math.min(1, linkChars / text.length) });
    current = [];
    linkChars = 0;
  };
  const walk = (node: NodeLike): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      current.push(value);
      if (inLink > 0) linkChars += value.replace(/\s+/g, ' ').trim().length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toLowerCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    if (CELL.has(name)) current.push(' ');
    if (name === 'a') inLink++;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]!);
    if (name === 'a') inLink--;
    if (block) flush();
    else if (CELL.has(name)) current.push(' ');
  };
  walk(root);
  flush();
  return blocks;
}

export function nodeParagraphs(root: NodeLike): string[] {
  return nodeBlocks(root).map((b) => b.text);
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
