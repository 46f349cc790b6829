/** What the CLI talks to: injected so that tests drive `main(argv, io)` in-process. */
export interface Io {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  /** True when stderr is a terminal: progress bars are drawn only then. */
  readonly isTTY: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): Io {
  // `triangulate articles | head` closes the pipe early: stop quietly, as Unix tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second; nothing at all when stderr is not
 * a terminal (logs and pipes stay clean).
 */
export class ProgressBar {
  private last = 0;
  private drawn = false;

  constructor(private readonly io: Io, private readonly label: string) {}

  update(done: number, total: number, detail = ''): void {
    if (!this.io.isTTY) return;
    const now = Date.now();
    if (now - this.last < 100 && done < total) return;
    this.last = now;
    const width = 24;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const text = `${this.label} ${bar} ${done}/${total} ${detail}`;
    this.io.stderr.write(`\r\x1b[K${text.slice(0, 110)}`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.io.stderr.write('\r\x1b[K');
    this.drawn = false;
  }
}
