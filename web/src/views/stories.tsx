import { useApi, type Page } from '../api.js';
import { Pager } from '../components/pager.js';
import { SortableTable, type Column } from '../components/table.js';
import { storyHref, type StorySummary } from '../corpus-types.js';
import { Link, navigate, withParams } from '../router.js';

const PAGE = 25;

export const STORY_COLUMNS: Column<StorySummary>[] = [
  { key: 'title', label: 'story', value: (s) => s.title ?? s.id, render: (s) => <Link to={storyHref(s.id)}>{s.title ?? '(untitled story)'}</Link> },
  { key: 'articles', label: 'articles', value: (s) => s.articles.length, numeric: true },
  { key: 'outlets', label: 'outlets', value: (s) => [...new Set(s.outlets.map((o) => o ?? '(not named)'))].join(', '), render: (s) => <span className="outlets">{[...new Set(s.outlets.map((o) => o ?? '(not named)'))].join(', ')}</span> },
  { key: 'first', label: 'first', value: (s) => s.first, render: (s) => <span className="nowrap">{s.first ?? '—'}</span> },
  { key: 'last', label: 'last', value: (s) => s.last, render: (s) => <span className="nowrap">{s.last ?? '—'}</span> },
  { key: 'conflicts', label: 'conflicts', value: (s) => s.conflicts, numeric: true },
  { key: 'reuse', label: 'copied', value: (s) => s.reuse, numeric: true },
  { key: 'timeline', label: 'events', value: (s) => s.timeline, numeric: true },
  { key: 'terms', label: 'terms', value: (s) => s.terms.join(' '), render: (s) => <span className="muted">{s.terms.slice(0, 6).join(', ')}</span> },
];

/** Stories, largest first, paged; the page offset is in the URL. */
export function StoriesView({ params }: { params: URLSearchParams }) {
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const page = useApi<Page<StorySummary>>(`/api/stories?limit=${PAGE}&offset=${offset}`);
  return (
    <>
      <h1>Stories</h1>
      <p className="muted">Articles clustered into one-event stories. Open a story for its board: articles by outlet, timeline, statements, numbers, copied passages and labels.</p>
      {page.state === 'loading' && <p aria-live="polite">Loading…</p>}
      {page.state === 'error' && <p role="alert">Could not list stories: {page.message}</p>}
      {page.state === 'ok' &&
        (page.data.total === 0 ? (
          <p>No stories yet: run <code>triangulate analyze</code> to cluster the articles.</p>
        ) : (
          <>
            <SortableTable caption={`Stories ${offset + 1}–${offset + page.data.items.length} of ${page.data.total} (sorting applies to this page)`} csvName="stories.csv" rows={page.data.items} rowKey={(s) => s.id} columns={STORY_COLUMNS} />
            <Pager label="Story pages" offset={offset} limit={PAGE} shown={page.data.items.length} total={page.data.total} onPage={(o) => navigate(withParams('/stories', { offset: o }))} />
          </>
        ))}
    </>
  );
}
