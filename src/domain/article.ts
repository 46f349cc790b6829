import type { Note } from './note.js';
import type { Span } from './span.js';

/** The input formats we read. One reader per format in src/ingest. */
export type ArticleFormat = 'text' | 'html' | 'rss' | 'atom' | 'rdf' | 'warc' | 'json' | 'jsonl';

/** How precisely the publish time is known. A date alone is 'day', never midnight of that day. */
export type PublishedPrecision = 'minute' | 'day' | 'month' | 'year';

/** Where the publish time came from, most trusted first. */
export type PublishedSource =
  | 'json-ld' // schema.org datePublished
  | 'meta' // <meta property="article:published_time"> and friends
  | 'feed' // RSS pubDate / Atom published / dc:date
  | 'warc' // WARC-Date of the capture (an upper bound, flagged in notes)
  | 'header-line' // "Publish Date : 07 September 2022 - 21:25" in copy-pasted text
  | 'html-text' // a date printed in the page body near the title
  | 'url' // /2022/09/07/ in the URL
  | 'input' // given by the user (JSON field, CLI flag)
  | 'inferred'; // derived by analysis from the article's own relative dates (see `why`)

export interface Published {
  /**
   * ISO 8601 truncated to the precision: '2022-09-07T21:25' (minute), '2022-09-07' (day),
   * '2022-09' (month), '2022' (year). Local time as the source wrote it; `utcOffset` when known.
   */
  readonly value: string;
  readonly precision: PublishedPrecision;
  readonly source: PublishedSource;
  /** Offset from UTC in minutes when the source states it ('+03:30' -> 210); null when unknown. */
  readonly utcOffset: number | null;
  /** The raw string it was read from, for provenance. */
  readonly raw: string | null;
  /** For 'inferred' (and other non-obvious sources): the reasoning, in words. */
  readonly why?: string;
}

/** "TEHRAN (Tasnim) –": the place line at the start of the body. Its span is into `Article.text`. */
export interface Dateline {
  readonly text: string;
  readonly place: string;
  readonly agency: string | null;
  readonly span: Span;
}

/**
 * One news article as read from its source. `text` is the clean body that every finding's span points
 * into; `raw` keeps the original bytes for provenance (the file, the feed item, the WARC payload).
 */
export interface Article {
  /** 'a' + 16 hex chars of SHA-256 over the normalised text: the same article ingested twice is one article. */
  readonly id: string;
  /** Path or URL it was read from; '#item-3' / '#record-12' / '#line-40' address a part of a container. */
  readonly source: string;
  readonly format: ArticleFormat;
  /** The page's canonical URL when known (meta, feed link, WARC target URI). */
  readonly url: string | null;
  /** Site or agency name ('kayhan.ir', 'Tasnim'); null when the source does not say. */
  readonly outlet: string | null;
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: Published | null;
  readonly dateline: Dateline | null;
  /** BCP 47 primary tag ('en', 'fa') when stated or detected; null when unknown. */
  readonly language: string | null;
  readonly text: string;
  /** Other identifiers the source prints (e.g. `news-id: 106685`). */
  readonly meta: Readonly<Record<string, string>>;
  readonly raw: Uint8Array;
  /** Encoding the raw bytes were decoded from ('utf-8', 'windows-1256', ...). */
  readonly encoding: string;
  readonly notes: readonly Note[];
}

/** What a reader produces; ingest derives the id. */
export type ArticleDraft = Omit<Article, 'id'>;

/** The fields listings show, without the text and bytes. */
export type ArticleSummary = Pick<Article, 'id' | 'source' | 'format' | 'url' | 'outlet' | 'title' | 'published' | 'language'> & {
  readonly chars: number;
};
