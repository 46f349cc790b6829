/**
 * The API reference, by hand. `openapi.test.ts` lists the app's routes and fails on any route missing here
 * and on any path here that the app does not serve.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }, required = false) => ({ name, in: 'query', required, description, schema });
const paging = (limit = 50) => [
  q('limit', `items per page (default ${limit})`, { type: 'integer', minimum: 1, maximum: 500, default: limit }),
  q('offset', 'items to skip', { type: 'integer', minimum: 0, default: 0 }),
];
const filters = [
  q('outlet', 'only articles of this outlet (exact name)'),
  q('from', 'publish date at or after (YYYY, YYYY-MM or YYYY-MM-DD)'),
  q('to', 'publish date at or before, inclusive of the whole period (YYYY, YYYY-MM or YYYY-MM-DD)'),
  q('format', 'only articles read from this format', { type: 'string', enum: ['text', 'html', 'rss', 'atom', 'rdf', 'warc', 'json', 'jsonl'] }),
];
const storyParam = { name: 'id', in: 'path', required: true, description: 'story id (from /api/stories)', schema: { type: 'string' } };
const idParam = { name: 'id', in: 'path', required: true, description: 'article id or a unique prefix of at least 4 characters', schema: { type: 'string' } };
const ok = (description: string, schema: unknown) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  '400': { $ref: '#/components/responses/Usage' },
  '404': { $ref: '#/components/responses/NotFound' },
};
const page = (item: unknown) => ({
  type: 'object',
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: item }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
});

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Triangulate API',
    version: '0.1.0',
    description:
      'JSON API over one Triangulate database: articles, their findings with character spans, search, counts, and the cross-article results (stories, actors, claims, quotes, copied passages, timeline). The only writes are analysts\' alias decisions. ' +
      'Lists are paged (limit, offset, total). Every error is {"error": {"code", "message"}} with the status of its code: ' +
      'usage 400, not-found 404, conflict 409, too-large 413, invalid-input and unsupported 422, io and internal 500.',
  },
  paths: {
    '/api/stats': { get: { summary: 'Corpus totals: articles, outlets, findings (also by stage and kind), ingest failures, articles by format', responses: { '200': ok('totals', ref('Stats')) } } },
    '/api/outlets': { get: { summary: 'Outlets with article counts and first/last publish dates, most articles first', parameters: paging(), responses: { '200': ok('a page of outlets', page(ref('Outlet'))), ...errors } } },
    '/api/articles': {
      get: {
        summary: 'Articles by publish date (undated last); with q, full-text matches by relevance, each with a snippet',
        parameters: [...paging(), ...filters, q('q', 'full-text query (words, "phrase", OR, NOT, prefix*)'), q('actor', 'only articles that mention this actor (an id from /api/actors), most mentions first; with q, as /api/search?actor=')],
        responses: { '200': ok('a page of article summaries', page(ref('ArticleSummary'))), ...errors },
      },
    },
    '/api/articles/{id}': {
      get: {
        summary: 'One article: metadata, text, reading notes, sources it was seen at, analysis state and notes per stage, finding counts (raw bytes summarised)',
        parameters: [idParam],
        responses: { '200': ok('the article', ref('ArticleView')), ...errors, '409': { $ref: '#/components/responses/Conflict' } },
      },
    },
    '/api/articles/{id}/findings': {
      get: {
        summary: "An article's findings in span order, each with kind, span, text, rule, stage and data",
        parameters: [idParam, q('kind', 'only this kind (entity, date, statement, quantity, label, ...)'), q('stage', 'only this stage'), ...paging(1000)],
        responses: { '200': ok('a page of findings', page(ref('Finding'))), ...errors },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over titles and text, with snippets (matches between « and »)',
        parameters: [q('q', 'the query', { type: 'string' }, true), ...filters, q('actor', 'only articles that mention this actor (an id from /api/actors; the best 500 matches are filtered)'), ...paging(20)],
        responses: { '200': ok('a page of hits', page(ref('SearchHit'))), ...errors },
      },
    },
    '/api/timeline/articles': {
      get: {
        summary: 'Article counts per publish day or month (articles without a date that precise are counted as undated)',
        parameters: [q('bucket', 'day or month', { type: 'string', enum: ['day', 'month'], default: 'month' }), ...filters],
        responses: { '200': ok('counts', ref('ArticlesOverTime')), ...errors },
      },
    },
    '/api/stories': { get: { summary: 'Stories (articles grouped by event), largest first', parameters: paging(), responses: { '200': ok('a page of stories', page(ref('StorySummary'))), ...errors } } },
    '/api/stories/{id}': {
      get: {
        summary: "A story board: its articles by publish time, why they belong together, statements, claim groups (conflicts marked), quote groups, copied passages, timeline and labels (each list capped at 500)",
        parameters: [storyParam],
        responses: { '200': ok('the story board', ref('StoryBoard')), ...errors },
      },
    },
    '/api/actors': {
      get: {
        summary: 'Actors (names merged across articles), most mentioned first',
        parameters: [q('q', 'only actors whose names contain this text'), q('type', 'entity type', { type: 'string', enum: ['PER', 'ORG', 'LOC', 'MISC'] }), ...paging()],
        responses: { '200': ok('a page of actors', page(ref('Actor'))), ...errors },
      },
    },
    '/api/actors/{id}': {
      get: {
        summary: 'One actor: names with the evidence for each merge, mentions per outlet and month, statements by and about it, labels per outlet, stories',
        parameters: [{ name: 'id', in: 'path', required: true, description: "actor id ('actor:org:...'), URL-encoded", schema: { type: 'string' } }],
        responses: { '200': ok('the actor view', ref('ActorView')), ...errors },
      },
    },
    '/api/aliases/decisions': {
      get: { summary: "Analysts' alias decisions (merge, split, confirm), oldest first", responses: { '200': ok('decisions', { type: 'array', items: ref('AliasDecision') }) } },
      post: {
        summary: 'Record a decision about two names and recompute the actors before answering (JSON body only)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['action', 'a', 'b'],
                properties: { action: { type: 'string', enum: ['merge', 'split', 'confirm'] }, a: ref('NameKey'), b: ref('NameKey'), note: { type: ['string', 'null'] } },
              },
            },
          },
        },
        responses: { '201': ok('the stored decision', { type: 'object', properties: { decision: ref('AliasDecision') } }), ...errors },
      },
    },
    '/api/aliases/decisions/{id}': {
      delete: {
        summary: 'Remove a decision and recompute the actors',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'decision id', schema: { type: 'integer' } }],
        responses: { '204': { description: 'removed' }, ...errors },
      },
    },
    '/api/claims': {
      get: {
        summary: 'Claim groups: numbers that measure the same thing across articles; conflicting groups first',
        parameters: [q('story', 'only groups of this story'), q('conflicts', 'only groups in conflict', { type: 'string', enum: ['0', '1', 'true', 'false'] }), ...paging()],
        responses: { '200': ok('a page of claim groups', page(ref('CorpusItem'))), ...errors },
      },
    },
    '/api/quotes': {
      get: {
        summary: 'Quote groups: one statement reported by several articles with different wording or speakers',
        parameters: [q('story', 'only groups of this story'), ...paging()],
        responses: { '200': ok('a page of quote groups', page(ref('CorpusItem'))), ...errors },
      },
    },
    '/api/reuse': {
      get: {
        summary: 'Copied passages: aligned pairs with character spans in both articles, similarity, verbatim or edited, and who published first',
        parameters: [q('story', 'only pairs within this story'), q('article', 'only pairs involving this article'), ...paging()],
        responses: { '200': ok('a page of passage pairs', page(ref('CorpusItem'))), ...errors },
      },
    },
    '/api/timeline': {
      get: {
        summary: 'Timeline entries: dated events merged across articles, each with its sources; conflicting dates flagged',
        parameters: [q('story', 'only entries of this story'), ...paging(100)],
        responses: { '200': ok('a page of timeline entries', page(ref('CorpusItem'))), ...errors },
      },
    },
    '/api/openapi.json': { get: { summary: 'This document', responses: { '200': ok('the OpenAPI document', { type: 'object' }) } } },
  },
  components: {
    responses: {
      Usage: { description: 'bad parameters', content: { 'application/json': { schema: ref('Error') } } },
      NotFound: { description: 'no such article, story, actor, decision or route', content: { 'application/json': { schema: ref('Error') } } },
      Conflict: { description: 'ambiguous id prefix', content: { 'application/json': { schema: ref('Error') } } },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string', enum: ['usage', 'not-found', 'invalid-input', 'too-large', 'unsupported', 'io', 'conflict', 'internal'] }, message: { type: 'string' } },
          },
        },
      },
      Published: {
        type: ['object', 'null'],
        properties: {
          value: { type: 'string', description: "ISO 8601 truncated to its precision ('2022-09-07T21:25', '2022-09')" },
          precision: { type: 'string', enum: ['minute', 'day', 'month', 'year'] },
          source: { type: 'string' },
          utcOffset: { type: ['integer', 'null'] },
          raw: { type: ['string', 'null'] },
          why: { type: 'string' },
        },
      },
      ArticleSummary: {
        type: 'object',
        required: ['id', 'source', 'format', 'chars'],
        properties: {
          id: { type: 'string' },
          source: { type: 'string' },
          format: { type: 'string' },
          url: { type: ['string', 'null'] },
          outlet: { type: ['string', 'null'] },
          title: { type: ['string', 'null'] },
          published: ref('Published'),
          language: { type: ['string', 'null'] },
          chars: { type: 'integer' },
          snippet: { type: 'string', description: 'with q only' },
        },
      },
      Span: { type: 'object', required: ['start', 'end'], properties: { start: { type: 'integer' }, end: { type: 'integer' } }, description: 'half-open UTF-16 offsets into the article text' },
      Note: { type: 'object', required: ['code', 'message', 'by'], properties: { code: { type: 'string' }, message: { type: 'string' }, by: { type: 'string' }, span: ref('Span') } },
      Finding: {
        type: 'object',
        required: ['id', 'articleId', 'stage', 'stageVersion', 'kind', 'span', 'text', 'rule', 'data'],
        properties: {
          id: { type: 'string', description: '<articleId>:<stage>:<n>' },
          articleId: { type: 'string' },
          stage: { type: 'string' },
          stageVersion: { type: 'integer' },
          kind: { type: 'string' },
          span: ref('Span'),
          text: { type: 'string', description: 'equals the article text sliced at span' },
          rule: { type: 'string', description: 'stage/rule-name' },
          data: { description: 'kind-specific fields (see src/domain/findings.ts)' },
        },
      },
      FindingCount: { type: 'object', properties: { stage: { type: 'string' }, kind: { type: 'string' }, findings: { type: 'integer' } } },
      ArticleView: {
        type: 'object',
        required: ['article', 'sources', 'analysis', 'findingCounts'],
        properties: {
          article: {
            type: 'object',
            description: 'every Article field (text, byline, dateline, meta, encoding, notes...) with raw as {bytes, sha256}',
            properties: { id: { type: 'string' }, text: { type: 'string' }, notes: { type: 'array', items: ref('Note') }, raw: { type: 'object', properties: { bytes: { type: 'integer' }, sha256: { type: 'string' } } } },
          },
          sources: { type: 'array', items: { type: 'string' } },
          analysis: { type: 'array', items: { type: 'object', properties: { stage: { type: 'string' }, version: { type: 'integer' }, notes: { type: 'array', items: ref('Note') } } } },
          findingCounts: { type: 'array', items: ref('FindingCount') },
        },
      },
      SearchHit: { type: 'object', required: ['article', 'snippet', 'rank'], properties: { article: ref('ArticleSummary'), snippet: { type: 'string' }, rank: { type: 'number' } } },
      Outlet: { type: 'object', properties: { name: { type: ['string', 'null'] }, articles: { type: 'integer' }, first: { type: ['string', 'null'] }, last: { type: ['string', 'null'] } } },
      Stats: {
        type: 'object',
        properties: {
          articles: { type: 'integer' },
          outlets: { type: 'integer' },
          findings: { type: 'integer' },
          failures: { type: 'integer' },
          byFormat: { type: 'object', additionalProperties: { type: 'integer' } },
          findingsByKind: { type: 'array', items: ref('FindingCount') },
        },
      },
      CorpusItem: { type: 'object', description: 'a cross-article item; its fields are the TypeScript types in src/domain/corpus.ts (ClaimGroup, QuoteGroup, TimelineEntry) and src/analyze/corpus/reuse/types.ts (ReusePair)' },
      NameKey: { type: 'object', required: ['name', 'type'], properties: { name: { type: 'string' }, type: { type: 'string', enum: ['PER', 'ORG', 'LOC', 'MISC'] } } },
      AliasDecision: {
        type: 'object',
        properties: { id: { type: 'integer' }, action: { type: 'string', enum: ['merge', 'split', 'confirm'] }, a: ref('NameKey'), b: ref('NameKey'), note: { type: ['string', 'null'] }, at: { type: 'string' } },
      },
      StorySummary: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: ['string', 'null'] },
          articles: { type: 'array', items: { type: 'string' } },
          outlets: { type: 'array', items: { type: ['string', 'null'] } },
          language: { type: ['string', 'null'] },
          first: { type: ['string', 'null'] },
          last: { type: ['string', 'null'] },
          terms: { type: 'array', items: { type: 'string' } },
          conflicts: { type: 'integer' },
          reuse: { type: 'integer' },
          timeline: { type: 'integer' },
        },
      },
      StoryBoard: {
        type: 'object',
        description: 'lists as in src/corpus/read.ts StoryBoard',
        properties: {
          story: ref('StorySummary'),
          explanation: { type: ['object', 'null'], description: 'shared actors, dates, passages and terms, and each article\'s join score' },
          articles: { type: 'array', items: ref('ArticleSummary') },
          statements: { type: 'array', items: ref('CorpusItem') },
          claims: { type: 'array', items: ref('CorpusItem') },
          quotes: { type: 'array', items: ref('CorpusItem') },
          reuse: { type: 'array', items: ref('CorpusItem') },
          timeline: { type: 'array', items: ref('CorpusItem') },
          labels: { type: 'array', items: ref('CorpusItem') },
        },
      },
      Actor: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          type: { type: 'string' },
          names: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, mentions: { type: 'integer' }, articles: { type: 'integer' } } } },
          evidence: { type: 'array', items: { type: 'object', description: 'kind, names, detail, sources (SourceRef), score' } },
          confidence: { type: 'number' },
          mentions: { type: 'integer' },
          articles: { type: 'array', items: { type: 'object', properties: { articleId: { type: 'string' }, mentions: { type: 'integer' } } } },
          decided: { type: 'boolean' },
        },
      },
      ActorView: {
        type: 'object',
        properties: {
          actor: ref('Actor'),
          mentions: { type: 'array', items: { type: 'object', properties: { outlet: { type: ['string', 'null'] }, bucket: { type: 'string' }, mentions: { type: 'integer' } } } },
          statementsBy: { type: 'array', items: ref('CorpusItem') },
          statementsAbout: { type: 'array', items: ref('CorpusItem') },
          labels: { type: 'array', items: ref('CorpusItem') },
          stories: { type: 'array', items: ref('StorySummary') },
        },
      },
      ArticlesOverTime: {
        type: 'object',
        properties: {
          bucket: { type: 'string', enum: ['day', 'month'] },
          buckets: { type: 'array', items: { type: 'object', properties: { bucket: { type: 'string' }, articles: { type: 'integer' } } } },
          undated: { type: 'integer' },
        },
      },
    },
  },
} as const;
