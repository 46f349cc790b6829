import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageCounts, wordTokens } from '../../../scripts/extract-metrics.js';
import { BENCH_DIR, HAS_SHARED } from '../../../test/support/shared.js';
import { decodeBytes } from '../encoding.js';
import { declaredCharset } from './charset.js';
import { parseDocument, readHtmlDocument, readHtmlMetadata } from './document.js';

/*
 * Real pages from BENCH_DIR/article-extraction. The expectations are read from the benchmark's ground
 * truth at test time (nothing of the pages is copied here): the opening and closing words of the true body
 * must be in our text, nothing that looks like script must be, and the page must score well.
 */

const PAGES = [
  'c90731f051d0', // English news, wire story
  '9a440270bf86', // English sports list
  '57b4dafd18cf', // German blog
  '5fa3154ec031', // English editorial
  '4219d096902d', // recipe blog
  '8b1945303082', // tabloid with many captions and link lists
];

const SCRIPT_LIKE = /function\s*\(|window\.|document\.|googletag|\bvar\s+\w+\s*=|\{\s*"@context"|<\/?[a-z]+[\s>]/i;

describe.skipIf(!HAS_SHARED)('readHtmlDocument on benchmark pages', () => {
  const dir = join(BENCH_DIR, 'article-extraction');
  const truth = HAS_SHARED
    ? (JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>)
    : {};

  it.each(PAGES)('%s', (prefix) => {
    const id = Object.keys(truth).find((k) => k.startsWith(prefix));
    expect(id).toBeDefined();
    const gold = truth[id!]!;
    const bytes = new Uint8Array(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))));
    const article = readHtmlDocument({ bytes, source: `${id}.html`, url: gold.url, declaredEncoding: null });

    const ours = ` ${wordTokens(article.text).join(' ')} `;
    const goldTokens = wordTokens(gold.articleBody);
    expect(ours).toContain(` ${goldTokens.slice(0, 8).join(' ')} `);
    expect(ours).toContain(` ${goldTokens.slice(-8).join(' ')} `);
    expect(article.text).not.toMatch(SCRIPT_LIKE);
    expect(article.text).not.toMatch(/\n{3,}|[ \t]{2,}/);
    expect(pageCounts(gold.articleBody, article.text).tp).toBeGreaterThan(0.9);

    expect(article.title).toBeTruthy();
    expect(article.outlet).toBeTruthy();
    expect(article.url).toMatch(/^https?:\/\//);
    expect(article.encoding).toBe('utf-8');
  });
});

/** Pages of BENCH_DIR/publish-dates whose date comes from different places; the gold is read at test time. */
const DATED = [
  ['1777110076', 'html-text'], // Portuguese page, date line under the second h1
  ['1716324024', 'html-text'], // Romanian month name
  ['1588107198', 'html-text'], // Arabic month names, evening marker
  ['1538026996', 'html-text'], // Korean page with no <body> text in the DOM
  ['1731695567', 'meta'], // Arabic date in article:published_time
  ['1806793639', 'json-ld'], // same instant in meta (UTC) and JSON-LD (local)
] as const;

describe.skipIf(!HAS_SHARED)('publish dates on benchmark pages', () => {
  const dir = join(BENCH_DIR, 'publish-dates');
  const gold = HAS_SHARED
    ? (JSON.parse(readFileSync(join(dir, 'eval_mediacloud_2020.strict.json'), 'utf8')) as Record<string, { file: string; date: string | null }>)
    : {};

  it.each(DATED)('%s from %s', (file, source) => {
    const entry = Object.entries(gold).find(([, g]) => g.file === `${file}.html`);
    expect(entry).toBeDefined();
    const [url, g] = entry!;
    const bytes = new Uint8Array(gunzipSync(readFileSync(join(dir, 'test_set', `${file}.html.gz`))));
    const document = parseDocument(decodeBytes(bytes, declaredCharset(bytes)).text);
    const meta = readHtmlMetadata(document, url);
    expect(meta.published?.value.slice(0, 10)).toBe(g.date);
    expect(meta.published?.source).toBe(source);
  });
});
