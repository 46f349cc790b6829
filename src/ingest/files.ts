import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync, type Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { glob, isDynamicPattern } from 'tinyglobby';
import { AppError, describeError } from '../domain/errors.js';
import type { SourceFile } from './reader.js';

const HEAD_BYTES = 8192;

/** A path we could not even list or open, reported like any failed file. */
export interface UnreadablePath {
  readonly path: string;
  readonly error: AppError;
}

function ioError(path: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file or folder'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ELOOP' ? 'symbolic link loop'
    : code === 'EISDIR' ? 'is a folder'
    : describeError(e);
  return new AppError('io', `${path}: ${why}`, { cause: e, details: { path } });
}

/** Files we skip silently inside folders: hidden files, editor backups, our own database. */
function skippedName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.(db|db-wal|db-shm|sqlite)$/i.test(name);
}

/**
 * Expand the user's inputs into files: files as given, folders recursively (hidden files skipped, each
 * real folder visited once so symlink loops end), glob patterns. Sorted, so runs are reproducible.
 */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<{ files: string[]; unreadable: UnreadablePath[] }> {
  const files = new Set<string>();
  const unreadable: UnreadablePath[] = [];
  const visited = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (e) {
      unreadable.push({ path: dir, error: ioError(dir, e) });
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ path: dir, error: ioError(dir, e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (skippedName(entry.name)) continue;
      const p = join(dir, entry.name);
      await visit(p, false);
    }
  }

  async function visit(p: string, explicit: boolean): Promise<void> {
    try {
      const st = await stat(p);
      if (st.isDirectory()) return walk(p);
      if (st.isFile()) {
        files.add(p);
        return;
      }
      unreadable.push({ path: p, error: new AppError('unsupported', `${p}: not a regular file (device, socket or pipe)`) });
    } catch (e) {
      // A dangling or looping symlink inside a folder is reported, as is a missing explicit path.
      const isLink = await lstat(p).then((s) => s.isSymbolicLink()).catch(() => false);
      if (explicit || isLink) unreadable.push({ path: p, error: ioError(p, e) });
      else unreadable.push({ path: p, error: ioError(p, e) });
    }
  }

  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd, absolute: false, dot: false, onlyFiles: true });
      if (matches.length === 0) unreadable.push({ path: input, error: new AppError('not-found', `${input}: the pattern matches no file`) });
      for (const m of matches.sort()) files.add(resolve(cwd, m) === m ? m : join(cwd, m));
      continue;
    }
    await visit(resolve(cwd, input), true);
  }
  return { files: [...files].sort(), unreadable };
}

/** True for '.gz' files that ingest gunzips itself (a '.warc.gz' goes to the WARC reader whole). */
export function isPlainGzip(path: string): boolean {
  return /\.gz$/i.test(path) && !/\.warc\.gz$/i.test(path);
}

/**
 * Open a file for readers: head bytes now, the rest on demand, '.gz' transparently gunzipped. A file that
 * fits the limit is read once, synchronously (ingest goes file by file, so async reads only add latency).
 */
export async function openSourceFile(path: string, displayPath: string, maxBytes: number): Promise<SourceFile> {
  const gz = isPlainGzip(path);
  let size: number;
  let whole: Buffer | null = null;
  let head: Uint8Array;
  try {
    size = statSync(path).size;
    if (size <= maxBytes) {
      whole = readFileSync(path);
      head = whole.subarray(0, gz ? 65536 : HEAD_BYTES);
    } else {
      const fd = openSync(path, 'r');
      try {
        const buf = Buffer.alloc(gz ? 65536 : HEAD_BYTES);
        head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
      } finally {
        closeSync(fd);
      }
    }
  } catch (e) {
    throw ioError(displayPath, e);
  }
  const name = gz ? displayPath.replace(/\.gz$/i, '') : displayPath;
  if (gz) {
    try {
      head = gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a cut-off head */ }).subarray(0, HEAD_BYTES);
    } catch (e) {
      throw new AppError('invalid-input', `${displayPath}: not a valid gzip file (${describeError(e)})`, { cause: e });
    }
  }
  const tooLarge = () =>
    new AppError('too-large', `${displayPath}: ${(size / 2 ** 20).toFixed(1)} MiB is over the ${(maxBytes / 2 ** 20).toFixed(0)} MiB limit for one article file (raise it with --max-file-size)`, {
      details: { path: displayPath, size, limit: maxBytes },
    });
  return {
    path: name,
    size,
    head,
    async bytes() {
      if (!whole) throw tooLarge();
      if (!gz) return whole;
      try {
        return gunzipSync(whole, { maxOutputLength: maxBytes });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') {
          throw new AppError('too-large', `${displayPath}: unpacks to more than the ${(maxBytes / 2 ** 20).toFixed(0)} MiB limit for one article file`, { cause: e });
        }
        throw new AppError('invalid-input', `${displayPath}: damaged or truncated gzip (${describeError(e)})`, { cause: e });
      }
    },
    async *stream() {
      const raw = createReadStream(path);
      const source = gz ? raw.pipe(createGunzip()) : raw;
      try {
        for await (const chunk of source) yield chunk as Uint8Array;
      } catch (e) {
        throw new AppError('invalid-input', `${displayPath}: read failed (${describeError(e)})`, { cause: e });
      }
    },
  };
}
