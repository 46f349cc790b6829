import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AppError, describeError, isAppError, type AppErrorCode } from '../domain/errors.js';

/** The HTTP status of each AppError code. Errors become responses here and nowhere else. */
export const STATUS_BY_CODE: Record<AppErrorCode, ContentfulStatusCode> = {
  usage: 400,
  'not-found': 404,
  'invalid-input': 422,
  'too-large': 413,
  unsupported: 422,
  conflict: 409,
  io: 500,
  internal: 500,
};

/** The one JSON shape of every error the API returns. */
export interface ErrorBody {
  readonly error: { readonly code: AppErrorCode; readonly message: string };
}

/** Anything thrown -> an AppError (zod issues are the caller's words: 'usage'). */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  if (e instanceof ZodError) {
    const message = e.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
    return new AppError('usage', message, { cause: e });
  }
  if (e instanceof HTTPException) {
    const code: AppErrorCode = e.status === 404 ? 'not-found' : e.status < 500 ? 'usage' : 'internal';
    return new AppError(code, e.message || `HTTP ${e.status}`, { cause: e });
  }
  return new AppError('internal', describeError(e), { cause: e });
}

export function errorResponse(c: Context, e: unknown): Response {
  const err = toAppError(e);
  if (err.code === 'internal') console.error(e);
  const body: ErrorBody = { error: { code: err.code, message: err.message } };
  return c.json(body, STATUS_BY_CODE[err.code]);
}
