import { fileURLToPath } from 'node:url';
import { parse } from '../args.js';
import { showPublished, truncate } from '../format.js';
import { formatTable } from '../table.js';
import { printAnalyzeSummary, runAnalyze } from './analyze.js';
import { printIngestSummary, runIngest } from './ingest.js';
import { EXIT, type Command } from './types.js';

/** The example corpus that ships with the package. */
export const EXAMPLE_CORPUS = fileURLToPath(new URL('../../../examples/corpus', import.meta.url));

export const runCommand: Command = {
  name: 'run',
  summary: 'the main job: ingest PATHs (default: the bundled example corpus), analyse, and print an overview',
  usage: `triangulate run [PATH...] [--db FILE] [--map FIELD=SRC,...] [--json]

  With no PATH, reads the example corpus shipped in examples/corpus.`,
  async run(argv, ctx) {
    const { values, positionals } = parse('run', argv, { map: { type: 'string' }, 'max-file-size': { type: 'string' } });
    const inputs = positionals.length > 0 ? positionals : [EXAMPLE_CORPUS];
    const service = ctx.open(values.db);
    try {
      const ingested = await runIngest(service, ctx.io, inputs, { map: values.map, maxFileSize: values['max-file-size'] });
      const analyzed = await runAnalyze(service, ctx.io, { stages: null, all: false });
      const stats = await service.stats();
      const page = await service.articles({ limit: 100 });
      if (values.json) {
        ctx.io.stdout.write(`${JSON.stringify({ ingest: ingested, analyze: analyzed, stats })}\n`);
        return ingested.counts.failed > 0 ? EXIT.partial : EXIT.ok;
      }
      printIngestSummary(ctx.io, ingested);
      printAnalyzeSummary(ctx.io, analyzed);
      ctx.io.stdout.write(`\nThe database ${service.store.location} holds ${stats.articles} article(s) from ${stats.outlets} outlet(s), ${stats.findings} finding(s).\n\n`);
      const rows = page.items.map((a) => [a.id, showPublished(a.published), truncate(a.outlet, 22), truncate(a.title, 60)]);
      ctx.io.stdout.write(`${formatTable(['id', 'published', 'outlet', 'title'], rows)}\n`);
      ctx.io.stdout.write(`\nNext: triangulate show ID · triangulate search WORDS · triangulate export --format csv --out articles.csv\nOpen the workbench: triangulate serve${values.db ? ` --db ${values.db}` : ''} (then open the URL it prints)\n`);
      return ingested.counts.failed > 0 ? EXIT.partial : EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
