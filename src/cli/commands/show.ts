import { AppError } from '../../domain/errors.js';
import { articleViewJson } from '../article-json.js';
import { parse } from '../args.js';
import { truncate } from '../format.js';
import { formatTable } from '../table.js';
import { EXIT, type Command } from './types.js';

export const showCommand: Command = {
  name: 'show',
  summary: "one article: metadata, reading notes, text and findings (--json for every finding with span and rule)",
  usage: `triangulate show ID [--stage NAME] [--kind KIND] [--text] [--raw] [--db FILE] [--json]

  ID       an article id or a unique prefix of one (at least 4 characters)
  --stage/--kind  only findings of that stage (entities, dates, ...) or kind (entity, date, ...)
  --text   print only the clean text;  --raw  print only the original bytes as read`,
  async run(argv, ctx) {
    const { values, positionals } = parse('show', argv, {
      stage: { type: 'string' },
      kind: { type: 'string' },
      text: { type: 'boolean', default: false },
      raw: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new AppError('usage', 'triangulate show: give exactly one article id');
    const service = ctx.open(values.db);
    try {
      const view = await service.article(positionals[0]!, {
        ...(values.stage !== undefined && { stage: values.stage }),
        ...(values.kind !== undefined && { kind: values.kind }),
      });
      const a = view.article;
      if (values.raw) {
        ctx.io.stdout.write(new TextDecoder(a.encoding).decode(a.raw));
        return EXIT.ok;
      }
      if (values.text) {
        ctx.io.stdout.write(`${a.text}\n`);
        return EXIT.ok;
      }
      if (values.json) {
        ctx.io.stdout.write(`${JSON.stringify(articleViewJson(view))}\n`);
        return EXIT.ok;
      }
      const p = a.published;
      const fields: [string, string][] = [
        ['id', a.id],
        ['title', a.title ?? '-'],
        ['outlet', a.outlet ?? '-'],
        ['published', p ? `${p.value} (${p.precision}, from ${p.source}${p.raw ? `: "${p.raw}"` : ''})${p.why ? ` because ${p.why}` : ''}` : '- (unknown)'],
        ['dateline', a.dateline ? `${a.dateline.text} (place ${a.dateline.place}${a.dateline.agency ? `, agency ${a.dateline.agency}` : ''})` : '-'],
        ['byline', a.byline ?? '-'],
        ['language', a.language ?? '-'],
        ['format', `${a.format}, ${a.encoding}, ${a.raw.byteLength} bytes`],
        ['url', a.url ?? '-'],
        ['sources', view.sources.join('\n           ')],
      ];
      for (const [k, v] of fields) ctx.io.stdout.write(`${k.padEnd(10)} ${v}\n`);
      const notes = [...a.notes, ...view.analysis.flatMap((s) => s.notes)];
      if (notes.length > 0) {
        ctx.io.stdout.write('\nNotes:\n');
        for (const n of notes) ctx.io.stdout.write(`  [${n.code}] ${n.message}\n`);
      }
      ctx.io.stdout.write(`\n${a.text}\n`);
      if (view.findings.length > 0) {
        ctx.io.stdout.write(`\nFindings (${view.findings.length}):\n`);
        const rows = view.findings.map((f) => [f.kind, `${f.span.start}-${f.span.end}`, truncate(f.text, 60), f.rule]);
        ctx.io.stdout.write(`${formatTable(['kind', 'span', 'text', 'rule'], rows)}\n`);
      } else if (view.analysis.length === 0) {
        ctx.io.stdout.write('\n(not analysed yet: run triangulate analyze)\n');
      }
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
