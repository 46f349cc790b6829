import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Article } from '../domain/article.js';
import { AppError, describeError } from '../domain/errors.js';
import type { Triangulate } from '../service.js';
import { articleJson } from './article-json.js';

export type ExportFormat = 'json' | 'jsonl' | 'csv';
export type ExportWhat = 'articles' | 'findings';

/** One CSV cell (RFC 4180), with spreadsheet formula injection defused: text starting with = + @ gets a leading quote. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  if (typeof v === 'string' && /^[=+@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const ARTICLE_COLUMNS = ['id', 'title', 'outlet', 'published', 'published_precision', 'published_source', 'byline', 'language', 'dateline', 'url', 'source', 'format', 'encoding', 'chars', 'notes', 'text'] as const;
const FINDING_COLUMNS = ['article_id', 'finding_id', 'stage', 'kind', 'start', 'end', 'text', 'rule', 'data'] as const;

function articleCsv(a: Article): unknown[] {
  return [a.id, a.title, a.outlet, a.published?.value, a.published?.precision, a.published?.source, a.byline, a.language, a.dateline?.text, a.url, a.source, a.format, a.encoding, a.text.length, a.notes.map((n) => n.code).join(' '), a.text];
}

/** Lines of the export, produced one article at a time (memory stays flat on large corpora). */
async function* exportLines(service: Triangulate, format: ExportFormat, what: ExportWhat, withFindings: boolean): AsyncIterable<string> {
  if (format === 'csv') yield csvRow(what === 'articles' ? ARTICLE_COLUMNS : FINDING_COLUMNS);
  if (format === 'json') yield '[\n';
  let first = true;
  for await (const a of service.store.iterateArticles()) {
    if (what === 'articles') {
      if (format === 'csv') {
        yield csvRow(articleCsv(a));
        continue;
      }
      const record = withFindings ? { ...articleJson(a), findings: await service.store.getFindings(a.id) } : articleJson(a);
      yield format === 'jsonl' ? `${JSON.stringify(record)}\n` : `${first ? '' : ',\n'}${JSON.stringify(record)}`;
      first = false;
      continue;
    }
    for (const f of await service.store.getFindings(a.id)) {
      if (format === 'csv') yield csvRow([f.articleId, f.id, f.stage, f.kind, f.span.start, f.span.end, f.text, f.rule, f.data]);
      else {
        yield format === 'jsonl' ? `${JSON.stringify(f)}\n` : `${first ? '' : ',\n'}${JSON.stringify(f)}`;
        first = false;
      }
    }
  }
  if (format === 'json') yield first ? ']\n' : '\n]\n';
}

/**
 * Write an export to `out` (a file, written to a temporary name and renamed when complete, so a crash
 * never leaves half a file) or to `write` (stdout).
 */
export async function writeExport(
  service: Triangulate,
  options: { format: ExportFormat; what: ExportWhat; findings: boolean; out: string | null },
  write: (s: string) => unknown,
): Promise<void> {
  const lines = exportLines(service, options.format, options.what, options.findings);
  if (!options.out) {
    for await (const l of lines) write(l);
    return;
  }
  const tmp = `${options.out}.partial-${process.pid}`;
  const stream = createWriteStream(tmp);
  try {
    for await (const l of lines) {
      if (!stream.write(l)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
    await rename(tmp, options.out);
  } catch (e) {
    stream.destroy();
    await rm(tmp, { force: true });
    throw new AppError('io', `cannot write ${options.out}: ${describeError(e)}`, { cause: e });
  }
}
