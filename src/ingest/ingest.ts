import { isAbsolute, relative } from 'node:path';
import type { Article, ArticleDraft } from '../domain/article.js';
import { AppError, describeError, isAppError } from '../domain/errors.js';
import { articleId } from '../domain/ids.js';
import type { Note } from '../domain/note.js';
import type { Store } from '../store/store.js';
import { findDateline } from './dateline.js';
import { binaryRatio } from './encoding.js';
import { expandInputs, openSourceFile } from './files.js';
import { prepareLanguageDetector, resolveLanguage } from './language.js';
import type { ReadOptions, Reader } from './reader.js';
import { READERS } from './readers.js';

export const DEFAULT_MAX_FILE_BYTES = 64 * 2 ** 20;

/** Articles per store transaction during ingest. */
const BATCH = 200;

export interface IngestOptions {
  readonly cwd: string;
  readonly maxBytes?: number;
  readonly fieldMap?: Readonly<Record<string, string>>;
  readonly readers?: readonly Reader[];
  readonly onProgress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly path: string;
  readonly counts: IngestCounts;
}

export interface IngestCounts {
  /** Articles read from the inputs (new + duplicate). */
  read: number;
  new: number;
  duplicate: number;
  /** Inputs (files, or parts of containers) that could not be read. */
  failed: number;
}

export interface FailedInput {
  readonly source: string;
  readonly code: string;
  readonly message: string;
}

export interface IngestSummary {
  readonly files: number;
  readonly counts: IngestCounts;
  readonly failed: readonly FailedInput[];
  readonly articles: readonly { readonly id: string; readonly source: string; readonly status: 'new' | 'duplicate'; readonly title: string | null }[];
}

const MAGIC: [RegExp | number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document (extract its text first)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (unpack it first)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
];

function binaryKind(head: Uint8Array): string | null {
  for (const [magic, name] of MAGIC) {
    if (Array.isArray(magic) && magic.every((b, i) => head[i] === b)) return name;
  }
  return binaryRatio(head) > 0.05 ? 'binary data, not text' : null;
}

export function pickReader(readers: readonly Reader[], path: string, head: Uint8Array): Reader | null {
  let best: Reader | null = null;
  let score = 0;
  for (const r of readers) {
    const s = r.sniff(path, head);
    if (s > score) {
      best = r;
      score = s;
    }
  }
  return best;
}

const isDomain = (s: string) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(s);
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
/** The agency's name spelled out in the domain's first label ("Meridian News" ~ "meridian-news.example"). */
const sameName = (domain: string, agency: string) => letters(agency).length >= 3 && letters(domain.split('.')[0]!) === letters(agency);

/** What ingest adds to every reader's draft: dateline, outlet from the dateline, language, id. */
export function finishArticle(draft: ArticleDraft): Article {
  const notes: Note[] = [...draft.notes];
  const dateline = draft.dateline ?? findDateline(draft.text);
  let outlet = draft.outlet;
  let meta = draft.meta;
  if (!outlet && dateline?.agency) {
    outlet = dateline.agency;
    notes.push({ code: 'outlet-from-dateline', message: `outlet taken from the dateline agency "${dateline.agency}"`, by: 'ingest' });
  } else if (outlet && dateline?.agency && isDomain(outlet) && sameName(outlet, dateline.agency)) {
    // "meridian-news.example" and the dateline's "(Meridian News)" are one outlet: keep the name people use.
    meta = { ...meta, site: outlet };
    outlet = dateline.agency;
  }
  const lang = resolveLanguage(draft.text, draft.language);
  if (lang.mismatch) notes.push({ code: 'language-mismatch', message: lang.mismatch, by: 'ingest' });
  if (!draft.published && !notes.some((n) => n.code === 'no-publish-date')) {
    notes.push({ code: 'no-publish-date', message: 'the source states no publish date', by: 'ingest' });
  }
  return { ...draft, id: articleId(draft.text, draft.source), dateline, outlet, meta, language: lang.language, notes };
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Read every input into the store. One broken file never stops the batch: its error is recorded and
 * reported, and the rest go on. Each article is stored in its own transaction, and ids are content
 * hashes, so an interrupted run leaves no half-written article and re-running adds no duplicates.
 */
export async function ingest(inputs: readonly string[], store: Store, options: IngestOptions): Promise<IngestSummary> {
  const readers = options.readers ?? READERS;
  const readOptions: ReadOptions = { maxBytes: options.maxBytes ?? DEFAULT_MAX_FILE_BYTES, fieldMap: options.fieldMap ?? {} };
  const counts: IngestCounts = { read: 0, new: 0, duplicate: 0, failed: 0 };
  const failed: FailedInput[] = [];
  const articles: { id: string; source: string; status: 'new' | 'duplicate'; title: string | null }[] = [];

  const fail = async (source: string, e: unknown) => {
    const err = isAppError(e) ? e : new AppError('internal', `${source}: ${describeError(e)}`, { cause: e });
    counts.failed++;
    failed.push({ source, code: err.code, message: err.message });
    await store.recordFailure(source, err.code, err.message);
  };

  await prepareLanguageDetector();
  // Sources that failed in an earlier run: cleared when they now read (a write per file otherwise).
  const failedBefore = new Set((await store.listFailures()).map((f) => f.source));
  // Articles are stored in batches, one transaction each: a commit per article (and a full-text index
  // segment per commit) would cost more than reading the article. A crash loses at most the open batch,
  // which the next run reads again; no article is ever half-written.
  const pending: Article[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const statuses = await store.putArticles(pending);
    pending.forEach((article, k) => {
      const status = statuses[k]!;
      counts.read++;
      counts[status]++;
      articles.push({ id: article.id, source: article.source, status, title: article.title });
    });
    pending.length = 0;
  };

  const { files, unreadable } = await expandInputs(inputs, options.cwd);
  for (const u of unreadable) await fail(display(u.path, options.cwd), u.error);

  for (let i = 0; i < files.length; i++) {
    const path = files[i]!;
    const shown = display(path, options.cwd);
    options.onProgress?.({ filesDone: i, filesTotal: files.length, path: shown, counts: { ...counts } });
    try {
      const file = await openSourceFile(path, shown, readOptions.maxBytes);
      if (file.size === 0) throw new AppError('invalid-input', `${shown}: empty file`);
      const reader = pickReader(readers, file.path, file.head);
      if (!reader) {
        const kind = binaryKind(file.head);
        throw new AppError('unsupported', `${shown}: ${kind ?? 'not a format Triangulate reads'} (reads text, HTML, RSS/Atom, WARC, JSON/JSONL)`);
      }
      let found = 0;
      for await (const item of reader.read(file, readOptions)) {
        if (item.kind === 'failed') {
          await fail(item.source, item.error);
          continue;
        }
        found++;
        pending.push(finishArticle(item.draft));
        if (pending.length >= BATCH) await flush();
      }
      if (found === 0 && !failed.some((f) => f.source.startsWith(shown))) {
        throw new AppError('invalid-input', `${shown}: no article found in the file`);
      }
      if (found > 0 && failedBefore.has(shown)) await store.clearFailure(shown);
    } catch (e) {
      await fail(shown, e);
    }
  }
  await flush();
  options.onProgress?.({ filesDone: files.length, filesTotal: files.length, path: '', counts: { ...counts } });
  return { files: files.length, counts, failed, articles };
}
