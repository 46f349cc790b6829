import type { Triangulate } from '../../service.js';
import type { Io } from '../io.js';

export interface CommandContext {
  readonly io: Io;
  /** Open the database named by --db, TRIANGULATE_DB or ./triangulate.db (relative to the cwd). */
  open(db: string | undefined): Triangulate;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], ctx: CommandContext): Promise<number>;
}

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** Some inputs failed (the rest were done). */
  partial: 1,
  usage: 2,
  notFound: 3,
  error: 4,
} as const;
