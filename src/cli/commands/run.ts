import { rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Triangulate } from '../../service.js';
import { startServer } from '../../server/server.js';
import { intOption, parse } from '../args.js';
import type { Io } from '../io.js';
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
  usage: `triangulate run [PATH...] [--db FILE] [--map FIELD=SRC,...] [--report FILE] [--serve [--port N]] [--json]

  With no PATH, reads the example corpus shipped in examples/corpus. Writes the HTML report
  (--report, default triangulate-report.html) and, with --serve, starts the workbench.`,
  async run(argv, ctx) {
    const { values, positionals } = parse('run', argv, {
      map: { type: 'string' },
      'max-file-size': { type: 'string' },
      report: { type: 'string', default: 'triangulate-report.html' },
      serve: { type: 'boolean', default: false },
      port: { type: 'string' },
    });
    const inputs = positionals.length > 0 ? positionals : [EXAMPLE_CORPUS];
    const service = ctx.open(values.db);
    try {
      const ingested = await runIngest(service, ctx.io, inputs, { map: values.map, maxFileSize: values['max-file-size'] });
      const analyzed = await runAnalyze(service, ctx.io, { stages: null, all: false });
      const stats = await service.stats();
      const page = await service.articles({ limit: 100 });
      const report = await writeReport(service, resolve(ctx.io.cwd, values.report));
      const stories = await service.stories({ limit: 8 });
      if (values.json) {
        ctx.io.stdout.write(`${JSON.stringify({ ingest: ingested, analyze: analyzed, stats, report })}\n`);
        return ingested.counts.failed > 0 ? EXIT.partial : EXIT.ok;
      }
      printIngestSummary(ctx.io, ingested);
      printAnalyzeSummary(ctx.io, analyzed);
      ctx.io.stdout.write(`\nThe database ${service.store.location} holds ${stats.articles} article(s) from ${stats.outlets} outlet(s), ${stats.findings} finding(s).\n\n`);
      const rows = page.items.map((a) => [a.id, showPublished(a.published), truncate(a.outlet, 22), truncate(a.title, 60)]);
      ctx.io.stdout.write(`${formatTable(['id', 'published', 'outlet', 'title'], rows)}\n`);
      if (stories.total > 0) {
        const srows = stories.items.map((s) => [s.id, s.articles.length, s.outlets.length, s.conflicts, s.reuse, truncate(s.title, 56)]);
        ctx.io.stdout.write(`\n${formatTable(['story', 'articles', 'outlets', 'conflicts', 'copied', 'title'], srows)}\n`);
      }
      ctx.io.stdout.write(`\nNext: triangulate stories ID · triangulate claims --conflicts · triangulate reuse · triangulate timeline · triangulate show ID\n`);
      ctx.io.stdout.write(`\nReport: ${pathToFileURL(report.out).href}\n`);
      const code = ingested.counts.failed > 0 ? EXIT.partial : EXIT.ok;
      if (!values.serve) {
        ctx.io.stdout.write(`Workbench: triangulate serve${values.db ? ` --db ${values.db}` : ''}, then open http://127.0.0.1:8787/\n`);
        return code;
      }
      await serveUntilStopped(service, ctx.io, intOption('port', values.port, 8787, 0));
      return code;
    } finally {
      await service.close();
    }
  },
};

/** The HTML report, written under a temporary name and renamed when complete. */
export async function writeReport(service: Triangulate, out: string, options: { stories?: number } = {}): Promise<{ out: string; bytes: number }> {
  const html = await service.report(options);
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, html);
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return { out, bytes: Buffer.byteLength(html) };
}

/** Start the workbench on loopback, print its URL, and wait for Ctrl-C. */
export async function serveUntilStopped(service: Triangulate, io: Io, port: number): Promise<void> {
  const server = await startServer(service, { host: '127.0.0.1', port });
  io.stdout.write(`Workbench: ${server.url}  (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
}
