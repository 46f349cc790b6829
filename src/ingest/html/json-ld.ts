/*
 * schema.org JSON-LD blocks of a page, flattened: arrays, @graph and nested mainEntity all give their
 * objects; article-like types come first.
 */

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|TechArticle|ScholarlyArticle|Report|PressRelease|Blog|VideoObject)$/i;

/** Parses the text of one <script type="application/ld+json">; tolerant of comments, CDATA and raw newlines. */
export function parseJsonLd(text: string): unknown[] {
  const cleaned = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .trim();
  if (cleaned === '') return [];
  for (const candidate of [cleaned, cleaned.replace(/[\u0000-\u001f]+/g, ' '), cleaned.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1')]) {
    try {
      return [JSON.parse(candidate) as unknown];
    } catch {
      // try the next repair
    }
  }
  return [];
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

export function isArticleLike(o: JsonObject): boolean {
  return typesOf(o).some((t) => ARTICLE_TYPES.test(t.replace(/^.*[/:]/, '')));
}

/** Every object in the blocks, article-like ones first, others after. */
export function jsonLdObjects(blocks: readonly unknown[]): JsonObject[] {
  const out: JsonObject[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as JsonObject;
    out.push(o);
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart']) {
      if (key in o) visit(o[key], depth + 1);
    }
  };
  for (const b of blocks) visit(b, 0);
  return [...out.filter(isArticleLike), ...out.filter((o) => !isArticleLike(o))];
}

/** A string field, or the first string of an array field. */
export function stringField(o: JsonObject, key: string): string | null {
  const v = o[key];
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' && x.trim() !== '') return x.trim();
  return null;
}

/** Names of a person/organisation field: "X", {name: "X"}, [{name: "X"}, {name: "Y"}]. */
export function namesOf(v: unknown): string[] {
  if (typeof v === 'string') return v.trim() === '' || /^https?:/.test(v) ? [] : [v.trim()];
  if (Array.isArray(v)) return v.flatMap(namesOf);
  if (v && typeof v === 'object') {
    const name = (v as JsonObject)['name'];
    if (typeof name === 'string' && name.trim() !== '') return [name.trim()];
    if (Array.isArray(name)) return namesOf(name);
  }
  return [];
}
