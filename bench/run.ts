import { benchApi } from './api.js';
import { benchCorpus, type CorpusEngine } from './corpus.js';
import { benchDates } from './dates.js';
import { benchIngest } from './ingest.js';
import { benchNer } from './ner.js';
import { benchQuantities } from './quantities.js';
import { benchReuse } from './reuse.js';
import { benchStatements } from './statements.js';
import { benchStories } from './stories.js';
import { benchWorkers } from './workers.js';
import { printReport, progress, progressDone, type ReportTable } from './report.js';

/**
 * `npm run bench`: every benchmark, figures and ratios against peers measured in the same run.
 * `npm run bench -- --only ingest,ner` runs some; `--quick` uses smaller inputs; `--json` ends with one
 * JSON object of all figures.
 */
type Bench = () => Promise<{ tables: ReportTable[]; figures: Record<string, unknown> }>;

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv.find((a) => a.startsWith('--only='))?.slice(7) ?? (argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined);
/** `--name=value` or `--name value`. */
const value = (name: string): string | undefined => argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1) ?? (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const only = onlyArg ? new Set(onlyArg.split(',')) : null;

const BENCHES: [string, Bench][] = [
  ['ingest', () => benchIngest(quick ? 1000 : 10_000, quick ? 1 : 2)],
  ['ner', () => benchNer()],
  ['dates', () => benchDates(quick ? 3 : 15)],
  ['statements', () => benchStatements(quick ? 1 : 5)],
  ['quantities', () => benchQuantities(quick ? 1 : 3)],
  ['reuse', () => benchReuse({ quick })],
  ['stories', () => benchStories(quick ? [1_000, 10_000] : [1_000, 10_000, 100_000])],
  ['workers', () => benchWorkers({ articles: quick ? 2_000 : 20_000, seconds: quick ? 15 : 60 })],
  [
    'corpus',
    () =>
      benchCorpus({
        sizes: value('--corpus-sizes')?.split(',').map(Number) ?? (quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]),
        ...(value('--corpus-engines') && { engines: value('--corpus-engines')!.split(',') as CorpusEngine[] }),
        ...(value('--corpus-timeout') && { timeoutSeconds: Number(value('--corpus-timeout')) }),
      }),
  ],
  ['api', () => benchApi({ articles: quick ? 10_000 : 100_000, requests: quick ? 100 : 300 })],
];

async function main(): Promise<void> {
  const tables: ReportTable[] = [];
  const figures: Record<string, unknown> = {};
  for (const [name, bench] of BENCHES) {
    if (only && !only.has(name)) continue;
    progress(`bench: ${name}...`);
    const r = await bench();
    progressDone();
    tables.push(...r.tables);
    Object.assign(figures, r.figures);
  }
  printReport(tables, figures, argv);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
