import { AppError } from '../../domain/errors.js';
import type { Reader, ReadItem, ReadOptions, SourceFile } from '../reader.js';
import { readHtmlDocument } from './document.js';

const HTML_NAME = /\.(?:html?|xhtml|shtml|php|aspx?)$/i;

function headText(head: Uint8Array): string {
  return new TextDecoder('utf-8').decode(head.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
}

/** One HTML page per file: sniffed by name (.html, .htm, .xhtml) or by a <!doctype html> / <html> head. */
export const htmlReader: Reader = {
  name: 'html',
  formats: ['html'],
  sniff(path: string, head: Uint8Array): number {
    const text = headText(head);
    const byHead = /^(?:<!--[\s\S]*?-->\s*)*<!doctype html/.test(text) || /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<html[\s>]/.test(text);
    if (byHead) return 0.9;
    if (HTML_NAME.test(path)) return /<(?:body|head|p|div)[\s>]/.test(text) ? 0.8 : 0.6;
    return /<(?:head|body)[\s>]/.test(text) ? 0.4 : 0;
  },
  async *read(file: SourceFile, _options: ReadOptions): AsyncIterable<ReadItem> {
    const bytes = await file.bytes();
    const url = /^https?:\/\//i.test(file.path) ? file.path : null;
    try {
      yield { kind: 'article', draft: readHtmlDocument({ bytes, source: file.path, url, declaredEncoding: null, format: 'html' }) };
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('invalid-input', `${file.path}: could not read the HTML page`, { cause: e });
    }
  },
};
