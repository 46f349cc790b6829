import { intOption, parse } from '../args.js';
import { truncate } from '../format.js';
import { formatTable } from '../table.js';
import { at, emptyCorpus, pageFooter } from './corpus-page.js';
import { EXIT, type Command } from './types.js';

export const claimsCommand: Command = {
  name: 'claims',
  summary: 'numbers that measure the same thing across articles, with conflicts flagged',
  usage: `triangulate claims [--story ID] [--conflicts] [--limit 50] [--offset 0] [--db FILE] [--json]

  --conflicts  only groups whose values cannot all be true`,
  async run(argv, ctx) {
    const { values } = parse('claims', argv, { story: { type: 'string' }, conflicts: { type: 'boolean', default: false }, limit: { type: 'string' }, offset: { type: 'string' } });
    const service = ctx.open(values.db);
    try {
      const page = await service.claims({
        ...(values.story !== undefined && { story: values.story }),
        conflicts: values.conflicts,
        limit: intOption('limit', values.limit, 50, 1),
        offset: intOption('offset', values.offset, 0),
      });
      if (values.json) {
        ctx.io.stdout.write(`${JSON.stringify(page)}\n`);
        return EXIT.ok;
      }
      if (page.total === 0) {
        emptyCorpus(ctx.io, values.conflicts ? 'conflicting claims' : 'claim groups');
        return EXIT.ok;
      }
      for (const g of page.items) {
        ctx.io.stdout.write(`${g.conflict ? 'CONFLICT' : 'agree'}  ${g.measure}  (${g.claims.length} claims, ${g.spread.low ?? '?'} to ${g.spread.high ?? '?'})\n`);
        const rows = g.claims.map((c) => [truncate(c.source.outlet, 20), c.source.published ?? '-', truncate(c.source.text, 40), c.value, c.approximator, c.speaker, at(c.source)]);
        ctx.io.stdout.write(`${formatTable(['outlet', 'published', 'wording', 'value', 'approx.', 'speaker', 'where'], rows).replace(/^/gm, '  ')}\n  ${g.why}\n\n`);
      }
      pageFooter(ctx.io, page, 'claim groups');
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
