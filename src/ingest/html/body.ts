import { Readability } from '@mozilla/readability';
import { nodeParagraphs } from './blocks.js';
import { dropBoilerplate } from './boilerplate.js';

/**
 * The main text of a page as paragraphs: Readability.js picks the content subtree (it mutates the
 * document, so read metadata first), then blocks.ts turns it into paragraphs.
 */
export function extractParagraphs(document: Document): string[] {
  dropBoilerplate(document);
  const reader = new Readability<Node>(document, { serializer: (node: Node) => node, charThreshold: 500 });
  const result = reader.parse();
  const content = result?.content;
  if (!content) return [];
  return nodeParagraphs(content as unknown as Parameters<typeof nodeParagraphs>[0]);
}
