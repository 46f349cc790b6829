import { formatTable, type Cell } from '../src/cli/table.js';

/**
 * How every eval:* and bench script reports: tables for people, then with `--json` one JSON object of the
 * figures as the last line of output.
 */
export interface ReportTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export function wantsJson(argv: readonly string[] = process.argv.slice(2)): boolean {
  return argv.includes('--json');
}

export function printReport(tables: readonly ReportTable[], figures: Record<string, unknown>, argv: readonly string[] = process.argv.slice(2)): void {
  for (const t of tables) {
    process.stdout.write(`\n${t.title}\n${formatTable(t.header, t.rows)}\n`);
  }
  if (wantsJson(argv)) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** Progress for long runs, on stderr so that stdout stays clean for --json. */
export function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${message}`);
}

export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}
