import { resolve } from 'node:path';
import { AppError } from '../../domain/errors.js';
import { parse } from '../args.js';
import { writeExport, type ExportFormat, type ExportWhat } from '../export.js';
import { EXIT, type Command } from './types.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write articles or findings as JSON, JSONL or CSV (for spreadsheets and scripts)',
  usage: `triangulate export --format json|jsonl|csv [--what articles|findings] [--findings] [--out FILE] [--db FILE]

  --what      articles (default: one record per article) or findings (one record per finding, with span and rule)
  --findings  with --what articles in JSON/JSONL: nest each article's findings in its record
  --out       write to FILE (atomically); default standard output`,
  async run(argv, ctx) {
    const { values } = parse('export', argv, {
      format: { type: 'string' },
      what: { type: 'string', default: 'articles' },
      findings: { type: 'boolean', default: false },
      out: { type: 'string' },
    });
    const format = values.format ?? (values.json ? 'json' : undefined);
    if (format !== 'json' && format !== 'jsonl' && format !== 'csv') throw new AppError('usage', 'triangulate export: --format must be json, jsonl or csv');
    if (values.what !== 'articles' && values.what !== 'findings') throw new AppError('usage', 'triangulate export: --what must be articles or findings');
    const service = ctx.open(values.db);
    try {
      await writeExport(
        service,
        { format: format as ExportFormat, what: values.what as ExportWhat, findings: values.findings ?? false, out: values.out ? resolve(ctx.io.cwd, values.out) : null },
        (s) => ctx.io.stdout.write(s),
      );
      if (values.out) ctx.io.stderr.write(`Wrote ${values.out}\n`);
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
