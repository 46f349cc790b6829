import type { ArticleSummary, Published } from '../domain/article.js';

export function showPublished(p: Published | null): string {
  if (!p) return '-';
  return p.source === 'inferred' ? `${p.value} (inferred)` : p.value;
}

export function truncate(s: string | null, n: number): string {
  if (!s) return '-';
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** An article summary as a plain JSON record (what --json listings print). */
export function summaryJson(a: ArticleSummary) {
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    published: a.published,
    language: a.language,
    format: a.format,
    source: a.source,
    url: a.url,
    chars: a.chars,
  };
}
