import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageCounts, wordTokens } from '../../../scripts/extract-metrics.js';
import { BENCH_DIR, HAS_SHARED } from '../../../test/support/shared.js';
import { readHtmlDocument } from './document.js';

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
