import { resolve } from 'node:path';
import { intOption, parse } from '../args.js';
import { writeReport } from './run.js';
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
      // Written under a temporary name and renamed when complete: a crash never leaves half a report.
      const { bytes } = await writeReport(service, out, { stories: intOption('stories', values.stories, 50, 1) });
      if (values.json) ctx.io.stdout.write(`${JSON.stringify({ out, bytes })}\n`);
      else ctx.io.stdout.write(`Report written to ${out} (${Math.ceil(bytes / 1024)} KiB)\n`);
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
