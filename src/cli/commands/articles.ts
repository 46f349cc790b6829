import { intOption, parse } from '../args.js';
import { showPublished, summaryJson, truncate } from '../format.js';
import { formatTable } from '../table.js';
import { EXIT, type Command } from './types.js';

export const articlesCommand: Command = {
  name: 'articles',
  summary: 'list articles with outlet, publish date and title',
  usage: `triangulate articles [--outlet NAME] [--from DATE] [--to DATE] [--limit 50] [--offset 0] [--db FILE] [--json]

  --from/--to  ISO dates or prefixes (2022, 2022-09, 2022-09-07), inclusive`,
  async run(argv, ctx) {
    const { values } = parse('articles', argv, {
      outlet: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
    });
    const service = ctx.open(values.db);
    try {
      const page = await service.articles({
        ...(values.outlet !== undefined && { outlet: values.outlet }),
        ...(values.from !== undefined && { from: values.from }),
        ...(values.to !== undefined && { to: values.to }),
        limit: intOption('limit', values.limit, 50, 1),
        offset: intOption('offset', values.offset, 0),
      });
      if (values.json) {
        ctx.io.stdout.write(`${JSON.stringify({ total: page.total, offset: page.offset, limit: page.limit, articles: page.items.map(summaryJson) })}\n`);
        return EXIT.ok;
      }
      if (page.total === 0) {
        ctx.io.stdout.write('No articles. Add some with: triangulate ingest PATH...\n');
        return EXIT.ok;
      }
      const rows = page.items.map((a) => [a.id, showPublished(a.published), truncate(a.outlet, 24), truncate(a.title, 64)]);
      ctx.io.stdout.write(`${formatTable(['id', 'published', 'outlet', 'title'], rows)}\n`);
      const shown = page.offset + page.items.length;
      ctx.io.stdout.write(`\n${page.items.length} of ${page.total} article(s)${shown < page.total ? `; next page: --offset ${shown}` : ''}\n`);
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
