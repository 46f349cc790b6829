import { Readability } from '@mozilla/readability';
import { datesInText } from './publish-date.js';
import { nodeBlocks, type Block, type NodeLike } from './blocks.js';
import { dropBoilerplate } from './boilerplate.js';

/*
 * The main text of a page as paragraphs. Page furniture is dropped first (boilerplate.ts); Readability.js
 * picks the content subtree (it mutates the document, so metadata is read before); blocks.ts turns it into
 * paragraphs; then lines that are not article prose are dropped: the title repeated, date and "updated"
 * lines, link lists, "Tags:" lines, share-button rows.
 */

const LABEL_LINE = /^(?:tags?|related|related (?:articles|stories|posts)|see (?:also|more)|read (?:more|also|next)|more from|you may also like|don'?t miss|advertisement|share(?: this)?(?: article)?|follow us|sign up|subscribe|comments?|leia (?:mais|também)|veja também|lee también|lire aussi|mehr zum thema|читайте также)\b.{0,80}$/i;

function isDateLine(text: string): boolean {
  if (text.length > 90) return false;
  const dates = datesInText(text);
  if (dates.length === 0) return false;
  let rest = text;
  for (const d of dates) if (d.raw) rest = rest.replace(d.raw, ' ');
  // What is left besides the dates: labels like "Published", "Updated", "By Jane Doe |".
  return (rest.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 6;
}

/** "By Jane Doe - 11/18/19 11:04 PM EST", "Updated at 1:23 p.m.": the byline and time stamps, not prose. */
function isBylineOrStamp(text: string): boolean {
  if (text.length > 80 || /[.!?]["”’]?$/.test(text.replace(/\b[ap]\.m\.$/i, ''))) return false;
  return /^(?:[Bb]y|BY|[Vv]on|[Pp]or|[Pp]ar|[Dd]oor|[Dd]i)\s+\p{Lu}/u.test(text) || /^(?:updated|last updated|posted|published|publicado|publié|aktualisiert)\b/i.test(text);
}

function isLinkLine(b: Block): boolean {
  return b.linkShare > 0.8 && b.text.length < 200;
}

function isLabelLine(b: Block): boolean {
  return b.text.length < 100 && LABEL_LINE.test(b.text);
}

/**
 * Drops what is not article prose: the title repeated, date lines and label lines anywhere; link lines at
 * the start and end of the text, after a label line, or in a run of two or more (a list of links). A single
 * link line amid prose ("Get it on Amazon for $39") stays.
 */
export function keepProse(blocks: readonly Block[], title: string | null): Block[] {
  const drop = blocks.map(
    // The date scan last: it is the dearest test, and a line any test marks is dropped.
    (b) => (title !== null && b.text.toLowerCase() === title.toLowerCase()) || isLabelLine(b) || isBylineOrStamp(b.text) || isDateLine(b.text),
  );
  const link = blocks.map(isLinkLine);
  for (let i = 0; i < blocks.length; i++) {
    if (!link[i]) continue;
    const run = (i > 0 && link[i - 1]) || (i + 1 < blocks.length && link[i + 1]);
    const afterLabel = i > 0 && isLabelLine(blocks[i - 1]!);
    // An all-capitals link amid prose is a promotion ("CLICK HERE TO GET THE APP"), not a sentence.
    const shouting = /\p{Lu}{3}/u.test(blocks[i]!.text) && blocks[i]!.text === blocks[i]!.text.toUpperCase();
    if (run || afterLabel || shouting) drop[i] = true;
  }
  // Edges: link lines before the first prose block and after the last one.
  for (let i = 0; i < blocks.length && (link[i] || drop[i]); i++) drop[i] = true;
  for (let i = blocks.length - 1; i >= 0 && (link[i] || drop[i]); i--) drop[i] = true;
  return blocks.filter((_, i) => !drop[i]);
}

export function extractParagraphs(document: Document, title: string | null = null): string[] {
  dropBoilerplate(document);
  const reader = new Readability<Node>(document, { serializer: (node: Node) => node, charThreshold: 500 });
  const result = reader.parse();
  const content = result?.content;
  if (!content) return [];
  const blocks = nodeBlocks(content as unknown as NodeLike);
  return keepProse(blocks, title).map((b) => b.text);
}
