import type { ArticleDraft, ArticleFormat } from '../domain/article.js';
import type { AppError } from '../domain/errors.js';

/**
 * One input file as a reader sees it. Readers that need the whole file call `bytes()` (which refuses files
 * over the size limit with AppError 'too-large'); readers of containers that can be huge (WARC, JSONL)
 * use `stream()` and never hold the whole file.
 */
export interface SourceFile {
  /** The path as the user gave it or as found under a folder; with '.gz' removed when ingest gunzipped it. */
  readonly path: string;
  /** Size in bytes on disk (compressed size for .gz). */
  readonly size: number;
  /** The first bytes (up to 8 KiB, after gunzip), for sniffing. */
  readonly head: Uint8Array;
  bytes(): Promise<Uint8Array>;
  stream(): AsyncIterable<Uint8Array>;
}

export interface ReadOptions {
  /** Largest file `bytes()` will return, in bytes. */
  readonly maxBytes: number;
  /** JSON/JSONL field mapping: article field -> source field path (`title=headline,text=body.content`). */
  readonly fieldMap: Readonly<Record<string, string>>;
}

/**
 * What a reader yields: an article, or the failure of one part of a container (a WARC record, a JSONL line)
 * that must not stop the rest of the file. A failure of the whole file is thrown as an AppError.
 */
export type ReadItem =
  | { readonly kind: 'article'; readonly draft: ArticleDraft }
  | { readonly kind: 'failed'; readonly source: string; readonly error: AppError };

/** One reader per format. `sniff` scores how likely a file is this format (0 = no, 1 = certain). */
export interface Reader {
  readonly name: string;
  readonly formats: readonly ArticleFormat[];
  sniff(path: string, head: Uint8Array): number;
  read(file: SourceFile, options: ReadOptions): AsyncIterable<ReadItem>;
}
