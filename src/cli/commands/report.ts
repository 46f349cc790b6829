import { rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { intOption, parse } from '../args.js';
import { EXIT, type Command } from './types.js';

export const reportCommand: Command = {
  name: 'report',
  summary: 'write one self-contained HTML report: stories, timeline, conflicts, copied passages, labels per outlet',
  usage: `triangulate report [--out report.html] [--stories 50] [--db FILE] [--json]

  The file has no scripts and loads nothing from the network; open it in any browser or print it.`,
  async run(argv, ctx) {
    const { values } = parse('report', argv, { out: { type: 'string', default: 'report.html' }, stories: { type: 'string' } });
    const out = resolve(ctx.io.cwd, values.out);
    const service = ctx.open(values.db);
    try {
      const html = await service.report({ stories: intOption('stories', values.stories, 50, 1) });
      // Written under a temporary name and renamed when complete: a crash never leaves half a report.
      const tmp = `${out}.${process.pid}.tmp`;
      try {
        await writeFile(tmp, html);
        await rename(tmp, out);
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
      if (values.json) ctx.io.stdout.write(`${JSON.stringify({ out, bytes: Buffer.byteLength(html) })}\n`);
      else ctx.io.stdout.write(`Report written to ${out} (${Math.ceil(Buffer.byteLength(html) / 1024)} KiB)\n`);
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
