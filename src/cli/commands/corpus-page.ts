import type { Page } from '../../store/store.js';
import type { Io } from '../io.js';

/** The paging footer every corpus list prints: how many shown, and the flag for the next page. */
export function pageFooter(io: Io, page: Page<unknown>, noun: string): void {
  const shown = page.offset + page.items.length;
  io.stdout.write(`\n${page.items.length} of ${page.total} ${noun}${shown < page.total ? `; next page: --offset ${shown}` : ''}\n`);
}

/** The message when the corpus stages have produced nothing yet. */
export function emptyCorpus(io: Io, noun: string): void {
  io.stdout.write(`No ${noun}. Run the analysis first: triangulate analyze (or triangulate run PATH...)\n`);
}

/** A span pointer people can paste into `triangulate show`: 'a0123456789abcdef@120-184'. */
export function at(ref: { articleId: string; span: { start: number; end: number } }): string {
  return `${ref.articleId}@${ref.span.start}-${ref.span.end}`;
}
