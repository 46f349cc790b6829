import { feedReader } from './feed/index.js';
import { htmlReader } from './html/index.js';
import type { Reader } from './reader.js';
import { textReader } from './text/reader.js';

/**
 * Every reader, in the order ties are broken. Ingest asks each to `sniff` a file (name and first bytes)
 * and gives the file to the highest score.
 */
export const READERS: readonly Reader[] = [htmlReader, feedReader, textReader];
