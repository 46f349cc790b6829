import { z } from 'zod';

/** Query parameters, validated at the edge. Limits are capped so that no request loads the whole corpus. */
export const MAX_LIMIT = 500;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const isoPrefix = z.string().regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2})?)?)?)?$/, 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');

export const pagingQuery = z.object({
  limit: int(1, MAX_LIMIT).default(50),
  offset: int(0, Number.MAX_SAFE_INTEGER).default(0),
});

export const articleFilterQuery = z.object({
  outlet: z.string().min(1).optional(),
  from: isoPrefix.optional(),
  to: isoPrefix.optional(),
  format: z.enum(['text', 'html', 'rss', 'atom', 'rdf', 'warc', 'json', 'jsonl']).optional(),
});

export const articlesQuery = pagingQuery.extend(articleFilterQuery.shape).extend({
  q: z.string().trim().optional(),
  /** Only articles that mention this actor (an actor id from /api/actors). */
  actor: z.string().min(1).optional(),
});

export const searchQuery = pagingQuery.extend(articleFilterQuery.shape).extend({
  q: z.string({ error: 'give a query: ?q=words' }).trim().min(1, 'give a query: ?q=words'),
  limit: int(1, MAX_LIMIT).default(20),
  /** Only articles that mention this actor (an actor id from /api/actors). */
  actor: z.string().min(1).optional(),
});

export const findingsQuery = pagingQuery.extend({
  kind: z.string().min(1).optional(),
  stage: z.string().min(1).optional(),
  limit: int(1, 5000).default(1000),
});

export const timelineQuery = articleFilterQuery.extend({ bucket: z.enum(['day', 'month']).default('month') });

/** The query string as a plain object (the last value of a repeated key wins). */
export function queryOf(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}
