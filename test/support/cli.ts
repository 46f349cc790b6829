import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

/** Run the CLI in-process and capture what it prints. */
export async function cli(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    isTTY: false,
    cwd,
    env,
  };
  const code = await main(argv, io);
  return { code, out, err };
}
