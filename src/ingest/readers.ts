import { feedReader } from './feed/index.js';
import { htmlReader } from './html/index.js';
import { jsonReader } from './json/index.js';
import type { Reader } from './reader.js';
import { textReader } from './text/reader.js';
import { warcReader } from './warc/index.js';

/**
 * Every reader, in the order ties are broken. Ingest asks each to `sniff` a file (name and first bytes)
 * and gives the file to the highest score; plain text is the fallback for anything textual.
 */
export const READERS: readonly Reader[] = [warcReader, htmlReader, feedReader, jsonReader, textReader];
