import { byteSize, parse } from '../args.js';
import { ProgressBar, type Io } from '../io.js';
import { formatTable } from '../table.js';
import { AppError } from '../../domain/errors.js';
import { DEFAULT_MAX_FILE_BYTES, type IngestSummary } from '../../ingest/ingest.js';
import { parseFieldMap } from '../../ingest/json/index.js';
import type { Triangulate } from '../../service.js';
import { EXIT, type Command } from './types.js';

export async function runIngest(service: Triangulate, io: Io, inputs: readonly string[], options: { map?: string; maxFileSize?: string }): Promise<IngestSummary> {
  const bar = new ProgressBar(io, 'ingest');
  try {
    return await service.ingest(inputs, {
      cwd: io.cwd,
      fieldMap: options.map ? parseFieldMap(options.map) : {},
      maxBytes: byteSize('max-file-size', options.maxFileSize, DEFAULT_MAX_FILE_BYTES),
      onProgress: (p) => bar.update(p.filesDone, p.filesTotal, `files · ${p.counts.new} new · ${p.counts.failed} failed · ${p.path}`),
    });
  } finally {
    bar.done();
  }
}

export function printIngestSummary(io: Io, s: IngestSummary): void {
  const c = s.counts;
  io.stdout.write(`Read ${c.read} article(s) from ${s.files} file(s): ${c.new} new, ${c.duplicate} duplicate, ${c.failed} failed.\n`);
  if (s.failed.length > 0) {
    io.stdout.write(`\nFailed:\n${formatTable(['input', 'problem'], s.failed.map((f) => [f.source, f.message.startsWith(f.source) ? f.message.slice(f.source.length).replace(/^[:\s]+/, '') : f.message]))}\n`);
  }
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'read files, folders or globs (text, HTML, RSS/Atom, WARC, JSON/JSONL) into the database',
  usage: `triangulate ingest PATH... [--db FILE] [--map FIELD=SRC,...] [--max-file-size 64MB] [--json]

  PATH     files, folders (read recursively) or quoted glob patterns ("feeds/**/*.xml"); .gz files are unpacked
  --map    JSON/JSONL field mapping, e.g. --map title=headline,text=body.content,published=date
  --max-file-size  largest single article file read whole (default 64MB; WARC and JSONL are streamed)`,
  async run(argv, ctx) {
    const { values, positionals } = parse('ingest', argv, { map: { type: 'string' }, 'max-file-size': { type: 'string' } });
    if (positionals.length === 0) throw new AppError('usage', 'triangulate ingest: give at least one file, folder or glob');
    const service = ctx.open(values.db);
    try {
      const summary = await runIngest(service, ctx.io, positionals, { map: values.map, maxFileSize: values['max-file-size'] });
      if (values.json) ctx.io.stdout.write(`${JSON.stringify(summary)}\n`);
      else printIngestSummary(ctx.io, summary);
      return summary.counts.failed > 0 ? EXIT.partial : EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
