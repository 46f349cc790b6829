import { parse } from '../args.js';
import { ProgressBar, type Io } from '../io.js';
import type { AnalyzeSummary, Triangulate } from '../../service.js';
import { EXIT, type Command } from './types.js';

export async function runAnalyze(service: Triangulate, io: Io, options: { stages: string[] | null; all: boolean }): Promise<AnalyzeSummary> {
  const bar = new ProgressBar(io, 'analyze');
  try {
    return await service.analyze({ stages: options.stages, all: options.all, onProgress: (p) => bar.update(p.done, p.total, 'articles') });
  } finally {
    bar.done();
  }
}

export function printAnalyzeSummary(io: Io, s: AnalyzeSummary): void {
  if (s.analyzed === 0) {
    io.stdout.write('Nothing new to analyse (every article has the current version of every stage; --all redoes them).\n');
    return;
  }
  io.stdout.write(`Analysed ${s.analyzed} article(s) with ${s.stages.length ? s.stages.join(', ') : 'no stages'}: ${s.findings} finding(s).\n`);
  if (s.publishInferred > 0) io.stdout.write(`Inferred the publish date of ${s.publishInferred} undated article(s) from their relative dates (marked "inferred"; triangulate show ID says why).\n`);
  if (s.withProblems > 0) io.stdout.write(`${s.withProblems} article(s) have stage problems recorded in their notes (triangulate show ID).\n`);
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'run the analysis stages over articles that have not been analysed by their current version',
  usage: `triangulate analyze [--stage NAME[,NAME...]] [--all] [--db FILE] [--json]

  --stage  only these stages (and the stages they need)
  --all    re-analyse every article, not only new or outdated ones`,
  async run(argv, ctx) {
    const { values } = parse('analyze', argv, { stage: { type: 'string' }, all: { type: 'boolean', default: false } });
    const service = ctx.open(values.db);
    try {
      const stages = values.stage ? values.stage.split(',').map((s) => s.trim()).filter(Boolean) : null;
      const summary = await runAnalyze(service, ctx.io, { stages, all: values.all ?? false });
      if (values.json) ctx.io.stdout.write(`${JSON.stringify(summary)}\n`);
      else printAnalyzeSummary(ctx.io, summary);
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
