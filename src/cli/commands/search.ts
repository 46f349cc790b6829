import { AppError } from '../../domain/errors.js';
import { intOption, parse } from '../args.js';
import { showPublished, summaryJson, truncate } from '../format.js';
import { EXIT, type Command } from './types.js';

export const searchCommand: Command = {
  name: 'search',
  summary: 'full-text search over titles and text, with snippets',
  usage: `triangulate search QUERY... [--limit 20] [--offset 0] [--db FILE] [--json]

  QUERY    words (all must occur), or FTS5 syntax: "exact phrase", a OR b, NOT c, prefix*`,
  async run(argv, ctx) {
    const { values, positionals } = parse('search', argv, { limit: { type: 'string' }, offset: { type: 'string' } });
    const query = positionals.join(' ').trim();
    if (query === '') throw new AppError('usage', 'triangulate search: give a query');
    const service = ctx.open(values.db);
    try {
      const page = await service.search(query, { limit: intOption('limit', values.limit, 20, 1), offset: intOption('offset', values.offset, 0) });
      if (values.json) {
        ctx.io.stdout.write(`${JSON.stringify({ query, total: page.total, offset: page.offset, hits: page.items.map((h) => ({ ...summaryJson(h.article), snippet: h.snippet, rank: h.rank })) })}\n`);
        return EXIT.ok;
      }
      if (page.total === 0) {
        ctx.io.stdout.write(`No article matches ${JSON.stringify(query)}.\n`);
        return EXIT.ok;
      }
      for (const h of page.items) {
        const a = h.article;
        ctx.io.stdout.write(`${a.id}  ${showPublished(a.published)}  ${truncate(a.outlet, 24)}\n  ${truncate(a.title, 90)}\n  ${h.snippet.replace(/\s+/g, ' ')}\n\n`);
      }
      ctx.io.stdout.write(`${page.items.length} of ${page.total} match(es)\n`);
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
