/**
 * The one infrastructure error type. The CLI and the server each convert it in exactly one place
 * (cli/main.ts and server/errors.ts); everything else throws it or lets it pass.
 */
export type AppErrorCode =
  | 'usage' // the caller's words are off (bad flag, missing argument)
  | 'not-found' // an id or path that does not exist
  | 'invalid-input' // a file or value that cannot be read as what it claims to be
  | 'too-large' // over a documented size limit
  | 'unsupported' // a format or feature we do not read
  | 'io' // the file system or database said no
  | 'conflict' // a write that contradicts stored state
  | 'internal'; // a bug: report it

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Extra machine-readable context (file path, limit, line number...). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: AppErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details ?? {};
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** A short human message for anything thrown, without a stack trace. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
