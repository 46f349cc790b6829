import { intOption, parse } from '../args.js';
import { truncate } from '../format.js';
import { formatTable } from '../table.js';
import { emptyCorpus, pageFooter } from './corpus-page.js';
import { EXIT, type Command } from './types.js';

export const reuseCommand: Command = {
  name: 'reuse',
  summary: 'passages copied between articles, aligned, with similarity and who published first',
  usage: `triangulate reuse [--story ID] [--article ID] [--limit 50] [--offset 0] [--db FILE] [--json]`,
  async run(argv, ctx) {
    const { values } = parse('reuse', argv, { story: { type: 'string' }, article: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } });
    const service = ctx.open(values.db);
    try {
      const page = await service.reuse({
        ...(values.story !== undefined && { story: values.story }),
        ...(values.article !== undefined && { article: values.article }),
        limit: intOption('limit', values.limit, 50, 1),
        offset: intOption('offset', values.offset, 0),
      });
      if (values.json) {
        ctx.io.stdout.write(`${JSON.stringify(page)}\n`);
        return EXIT.ok;
      }
      if (page.total === 0) {
        emptyCorpus(ctx.io, 'copied passages');
        return EXIT.ok;
      }
      const rows = page.items.map((p) => [
        `${p.a.articleId}@${p.a.span.start}-${p.a.span.end}`,
        `${p.b.articleId}@${p.b.span.start}-${p.b.span.end}`,
        p.words.same,
        Number(p.similarity.toFixed(3)),
        p.kind,
        p.direction.earlier ?? 'unknown',
        truncate(p.a.text.replace(/\s+/g, ' '), 48),
      ]);
      ctx.io.stdout.write(`${formatTable(['passage a', 'passage b', 'words', 'similarity', 'kind', 'first', 'text (a)'], rows)}\n`);
      pageFooter(ctx.io, page, 'copied passages');
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
