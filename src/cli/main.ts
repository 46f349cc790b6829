import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError, describeError, isAppError } from '../domain/errors.js';
import { Triangulate } from '../service.js';
import { actorsCommand } from './commands/actors.js';
import { analyzeCommand } from './commands/analyze.js';
import { claimsCommand } from './commands/claims.js';
import { reportCommand } from './commands/report.js';
import { reuseCommand } from './commands/reuse.js';
import { storiesCommand } from './commands/stories.js';
import { timelineCommand } from './commands/timeline.js';
import { articlesCommand } from './commands/articles.js';
import { exportCommand } from './commands/export.js';
import { ingestCommand } from './commands/ingest.js';
import { runCommand } from './commands/run.js';
import { searchCommand } from './commands/search.js';
import { serveCommand } from './commands/serve.js';
import { showCommand } from './commands/show.js';
import { statusCommand } from './commands/status.js';
import { workerCommand } from './commands/worker.js';
import { EXIT, type Command, type CommandContext } from './commands/types.js';
import { processIo, type Io } from './io.js';

export const COMMANDS: readonly Command[] = [runCommand, ingestCommand, analyzeCommand, articlesCommand, showCommand, searchCommand, storiesCommand, actorsCommand, reuseCommand, claimsCommand, timelineCommand, reportCommand, exportCommand, serveCommand, statusCommand, workerCommand];

const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `triangulate ${VERSION}: compare how news outlets cover a story, with a pointer to the source for every finding.

Usage: triangulate COMMAND [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command takes --db FILE or --db postgres://URL (default $TRIANGULATE_DB, else ./triangulate.db) and --json.
triangulate COMMAND --help shows a command's options.
Exit codes: 0 ok, 1 some inputs failed, 2 usage error, 3 not found, 4 other error.
`;
}

const EXIT_BY_CODE: Record<AppError['code'], number> = {
  usage: EXIT.usage,
  'not-found': EXIT.notFound,
  'invalid-input': EXIT.error,
  'too-large': EXIT.error,
  unsupported: EXIT.error,
  io: EXIT.error,
  conflict: EXIT.error,
  internal: EXIT.error,
};

/**
 * The CLI as a function: arguments in, exit code out, all output through `io`. Errors are converted to
 * messages and exit codes here and nowhere else.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`triangulate: unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT.ok;
  }
  const ctx: CommandContext = {
    io,
    open: (db) => Triangulate.open(resolveDb(db ?? io.env.TRIANGULATE_DB ?? 'triangulate.db', io.cwd)),
  };
  try {
    return await command.run(rest, ctx);
  } catch (e) {
    const err = isAppError(e) ? e : new AppError('internal', describeError(e), { cause: e });
    const wantsJson = rest.includes('--json');
    if (wantsJson) io.stderr.write(`${JSON.stringify({ error: { code: err.code, message: err.message } })}\n`);
    else io.stderr.write(`triangulate ${name}: ${err.message}\n${err.code === 'usage' ? `\nUsage: ${command.usage}\n` : ''}`);
    if (err.code === 'internal' && e instanceof Error && e.stack && !wantsJson) io.stderr.write(`${e.stack}\n(this is a bug; please report it)\n`);
    return EXIT_BY_CODE[err.code];
  }
}

function resolveDb(db: string, cwd: string): string {
  return db === ':memory:' || /^[a-z]+:\/\//.test(db) ? db : resolve(cwd, db);
}

/** Entry point of the `triangulate` binary. */
export function run(): void {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`triangulate: ${describeError(e)}\n`);
      process.exitCode = EXIT.error;
    },
  );
}
