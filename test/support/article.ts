import type { Article } from '../../src/domain/article.js';
import { articleId } from '../../src/domain/ids.js';

/** A minimal valid article for stage tests; override any field. */
export function makeArticle(text: string, overrides: Partial<Article> = {}): Article {
  return {
    id: articleId(text, 'test'),
    source: 'test.txt',
    format: 'text',
    url: null,
    outlet: null,
    title: null,
    byline: null,
    published: null,
    dateline: null,
    language: 'en',
    text,
    meta: {},
    raw: new TextEncoder().encode(text),
    encoding: 'utf-8',
    notes: [],
    ...overrides,
  };
}

/** A publish date at day precision, as readers produce it. */
export function publishedOn(value: string): Article['published'] {
  return { value, precision: value.length > 10 ? 'minute' : 'day', source: 'input', utcOffset: null, raw: value };
}
