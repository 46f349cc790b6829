import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../domain/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command takes. */
export const COMMON_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** parseArgs with our error type: an unknown flag or a missing value is a usage error naming the command. */
export function parse<O extends Options>(command: string, argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new AppError('usage', `triangulate ${command}: ${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}`);
  }
}

export function intOption(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new AppError('usage', `--${name} takes a whole number >= ${min}, not "${value}"`);
  return n;
}

/** '64MB', '100k', '1g', or a plain number of bytes. */
export function byteSize(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim());
  if (!m) throw new AppError('usage', `--${name} takes a size like 64MB or 500k, not "${value}"`);
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const mult = unit === 'k' ? 2 ** 10 : unit === 'm' ? 2 ** 20 : unit === 'g' ? 2 ** 30 : 1;
  return Math.round(Number(m[1]) * mult);
}
