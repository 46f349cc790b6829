import { intOption, parse } from '../args.js';
import { ProgressBar, type Io } from '../io.js';
import type { AnalyzeSummary, Triangulate } from '../../service.js';
import { EXIT, type Command } from './types.js';

export async function runAnalyze(service: Triangulate, io: Io, options: { stages: string[] | null; all: boolean; workers?: number; corpus?: boolean }): Promise<AnalyzeSummary> {
  const bar = new ProgressBar(io, 'analyze');
  try {
    return await service.analyze({
      stages: options.stages,
      all: options.all,
      ...(options.workers !== undefined && { workers: options.workers }),
      ...(options.corpus !== undefined && { corpus: options.corpus }),
      onProgress: (p) => bar.update(p.done, p.total, 'articles'),
      onCorpusProgress: (p) => bar.update(p.done, p.total, p.step),
    });
  } finally {
    bar.done();
  }
}

export function printAnalyzeSummary(io: Io, s: AnalyzeSummary): void {
  printCorpusSummary(io, s);
  if (s.analyzed === 0) {
    io.stdout.write('Nothing new to analyse (every article has the current version of every stage; --all redoes them).\n');
    return;
  }
  io.stdout.write(`Analysed ${s.analyzed} article(s) with ${s.stages.length ? s.stages.join(', ') : 'no stages'}: ${s.findings} finding(s).\n`);
  if (s.publishInferred > 0) io.stdout.write(`Inferred the publish date of ${s.publishInferred} undated article(s) from their relative dates (marked "inferred"; triangulate show ID says why).\n`);
  if (s.withProblems > 0) io.stdout.write(`${s.withProblems} article(s) have stage problems recorded in their notes (triangulate show ID).\n`);
}

function printCorpusSummary(io: Io, s: AnalyzeSummary): void {
  const c = s.corpus;
  if (!c) return;
  const n = c.counts;
  io.stdout.write(
    `Across ${c.articles} article(s)${c.rebuilt ? '' : ` (${c.added} new)`}: ${n.story} stor${n.story === 1 ? 'y' : 'ies'}, ${n.actor} actor(s), ${n.reuse} copied passage(s), ` +
      `${n.claim} claim group(s), ${n.quote} quote group(s), ${n.timeline} timeline entr${n.timeline === 1 ? 'y' : 'ies'}.\n`,
  );
  for (const f of c.failed) io.stdout.write(`The ${f.stage} stage failed (its previous results are kept; the next run retries): ${f.message}\n`);
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'run the analysis stages over articles that have not been analysed by their current version',
  usage: `triangulate analyze [--stage NAME[,NAME...]] [--all] [--workers N] [--corpus | --no-corpus] [--db FILE] [--json]

  --stage      only these stages (and the stages they need)
  --all        re-analyse every article, not only new or outdated ones
  --workers    analyse on N threads (default 1; the number of cores is usually best)
  --corpus     run the cross-article stages even when nothing changed (--no-corpus: skip them)
  The cross-article stages (stories, actors, reuse, claims, timeline) run after the per-article stages
  whenever articles were added or re-analysed, or when they have not seen every article.`,
  async run(argv, ctx) {
    const { values } = parse('analyze', argv, {
      stage: { type: 'string' },
      all: { type: 'boolean', default: false },
      workers: { type: 'string' },
      corpus: { type: 'boolean' },
      'no-corpus': { type: 'boolean' },
    });
    const service = ctx.open(values.db);
    try {
      const stages = values.stage ? values.stage.split(',').map((s) => s.trim()).filter(Boolean) : null;
      const workers = values.workers === undefined ? undefined : intOption('workers', values.workers, 1, 1);
      const corpus = values['no-corpus'] ? false : values.corpus ? true : undefined;
      const summary = await runAnalyze(service, ctx.io, { stages, all: values.all ?? false, ...(workers !== undefined && { workers }), ...(corpus !== undefined && { corpus }) });
      if (values.json) ctx.io.stdout.write(`${JSON.stringify(summary)}\n`);
      else printAnalyzeSummary(ctx.io, summary);
      return EXIT.ok;
    } finally {
      await service.close();
    }
  },
};
