import { intOption, parse } from '../args.js';
import { truncate } from '../format.js';
import { formatTable } from '../table.js';
import { at, emptyCorpus, pageFooter } from './corpus-page.js';
import { EXIT, type Command } from './types.js';

export const storiesCommand: Command = {
  name: 'stories',
  summary: 'stories (articles grouped by event), or one story: its articles and why they belong together',
  usage: `triangulate stories [STORY-ID] [--limit 50] [--offset 0] [--db FILE] [--json]`,
  async run(argv, ctx) {
    const { values, positionals } = parse('stories', argv, { limit: { type: 'string' }, offset: { type: 'string' } });
    const service = ctx.open(values.db);
    try {
      if (positionals[0] !== undefined) {
        const board = await service.story(positionals[0]);
        if (values.json) {
          ctx.io.stdout.write(`${JSON.stringify(board)}\n`);
          return EXIT.ok;
        }
        const s = board.story;
        const out = ctx.io.stdout;
        out.write(`Story ${s.id}: ${s.title ?? '(untitled)'}\n${s.articles.length} article(s), ${s.first ?? 'undated'}${s.last && s.last !== s.first ? ` to ${s.last}` : ''}\n\n`);
        out.write(`${formatTable(['published', 'outlet', 'article', 'title'], board.articles.map((a) => [a.published?.value ?? '-', truncate(a.outlet, 24), a.id, truncate(a.title, 60)]))}\n`);
        const e = board.explanation;
        if (e) {
          out.write('\nWhy together:\n');
          if (e.actors.length) out.write(`  shared actors: ${e.actors.slice(0, 8).map((x) => `${x.name} (${x.articles.length})`).join(', ')}\n`);
          if (e.dates.length) out.write(`  shared dates:  ${e.dates.slice(0, 8).map((x) => `${x.value} (${x.articles.length})`).join(', ')}\n`);
          if (e.figures?.length) out.write(`  shared figures: ${e.figures.slice(0, 8).map((x) => `${x.figure.replace(':', ' ')} (${x.articles.length})`).join(', ')}\n`);
          if (e.passages.length) out.write(`  shared passages: ${e.passages.length} (${e.passages.reduce((n, p) => n + p.words, 0)} words)\n`);
          if (e.terms.length) out.write(`  shared terms:  ${e.terms.slice(0, 10).map((x) => x.term).join(', ')}\n`);
        }
        const conflicts = board.claims.filter((c) => c.conflict);
        out.write(`\n${board.statements.length} statement(s), ${board.claims.length} claim group(s) (${conflicts.length} in conflict), ${board.reuse.length} copied passage(s), ${board.timeline.length} timeline entr${board.timeline.length === 1 ? 'y' : 'ies'}, ${board.labels.length} label(s)\n`);
        for (const c of conflicts) out.write(`  conflict: ${c.measure}: ${c.claims.map((q) => `${q.source.text} [${at(q.source)}]`).join(' / ')}\n`);
        out.write(`\nMore: triangulate claims --story ${s.id} | triangulate reuse --story ${s.id} | triangulate timeline --story ${s.id}\n`);
        return EXIT.ok;
      }
      const page = await service.stories({ limit: intOption('limit', values.limit, 50, 1), offset: intOption('offset', values.offset, 0) });
      if (values.json) {
        ctx.io.stdout.write(`${JSON.stringify(page)}\n`);
        return EXIT.ok;
      }
      if (page.total === 0) {
        emptyCorpus(ctx.io, 'stories');
        return EXIT.ok;
      }
      const rows = page.items.map((s) => [s.id, s.articles.length, s.outlets.length, s.first ?? '-', s.conflicts, s.reuse, truncate(s.title, 56)]);
      ctx.io.stdout.write(`${formatTable(['story', 'articles', 'outlets', 'first', 'conflicts', 'copied', 'title'], rows)}\n`);
      pageFooter(ctx.io, page, 'stories');
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
