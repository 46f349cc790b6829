import type { Article } from '../domain/article.js';
import { sha256Hex } from '../domain/ids.js';
import type { ArticleView } from '../service.js';

/** An article as JSON: everything but the raw bytes, which are summarised (size, hash); `show --raw` prints them. */
export function articleJson(a: Article) {
  const { raw, ...rest } = a;
  return { ...rest, raw: { bytes: raw.byteLength, sha256: sha256Hex(raw) } };
}

/** `show --json`: the article, where it was seen, every finding with its span and rule, and the analysis notes. */
export function articleViewJson(v: ArticleView) {
  return {
    article: articleJson(v.article),
    sources: v.sources,
    analysis: v.analysis,
    findings: v.findings,
  };
}
