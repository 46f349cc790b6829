import { intOption, parse } from '../args.js';
import { truncate } from '../format.js';
import { formatTable } from '../table.js';
import { emptyCorpus, pageFooter } from './corpus-page.js';
import { EXIT, type Command } from './types.js';

export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'dated events merged across articles, each with its sources; conflicting dates flagged',
  usage: `triangulate timeline [--story ID] [--limit 100] [--offset 0] [--db FILE] [--json]`,
  async run(argv, ctx) {
    const { values } = parse('timeline', argv, { story: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } });
    const service = ctx.open(values.db);
    try {
      const page = await service.timeline({
        ...(values.story !== undefined && { story: values.story }),
        limit: intOption('limit', values.limit, 100, 1),
        offset: intOption('offset', values.offset, 0),
      });
      if (values.json) {
        ctx.io.stdout.write(`${JSON.stringify(page)}\n`);
        return EXIT.ok;
      }
      if (page.total === 0) {
        emptyCorpus(ctx.io, 'timeline entries');
        return EXIT.ok;
      }
      const rows = page.items.map((e) => [
        e.date,
        e.conflict ? `CONFLICT ${e.dates.join(' / ')}` : '',
        truncate(e.event, 60),
        [...new Set(e.sources.map((s) => s.source.outlet ?? s.source.articleId))].join(', '),
      ]);
      ctx.io.stdout.write(`${formatTable(['date', 'conflict', 'event', 'sources'], rows)}\n`);
      pageFooter(ctx.io, page, 'timeline entries');
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
