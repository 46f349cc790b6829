import { useEffect, useState, type FormEvent } from 'react';
import { useApi, type ArticleSummary, type Loaded, type ArticlesOverTime, type Outlet, type Page, type Stats } from '../api.js';
import { ActorPicker } from '../components/actor-picker.js';
import { Snippet } from '../components/snippet.js';
import { SortableTable, type Column } from '../components/table.js';
import { TimelinePlot } from '../components/timeline-plot.js';
import { actorHref, type StorySummary } from '../corpus-types.js';
import { Link, navigate, withParams } from '../router.js';
import { STORY_COLUMNS } from './stories.js';

const PAGE = 25;
const OUTLET_PAGE = 15;
const STORY_PAGE = 8;

interface Filters {
  q: string;
  outlet: string;
  from: string;
  to: string;
  actor: string;
  offset: number;
  bucket: string;
}

function filtersOf(params: URLSearchParams): Filters {
  return {
    q: params.get('q') ?? '',
    outlet: params.get('outlet') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    actor: params.get('actor') ?? '',
    offset: Math.max(0, Number(params.get('offset') ?? 0) || 0),
    bucket: params.get('bucket') ?? '',
  };
}

const go = (f: Filters) => navigate(withParams('/', { ...f }));

/** The corpus: totals, articles over time, outlets, search and the paged article list. All state is in the URL. */
export function CorpusView({ params }: { params: URLSearchParams }) {
  const filters = filtersOf(params);
  const stats = useApi<Stats>('/api/stats');
  const [outletOffset, setOutletOffset] = useState(0);
  const outlets = useApi<Page<Outlet>>(`/api/outlets?limit=${OUTLET_PAGE}&offset=${outletOffset}`);
  // Names for the outlet filter: the 500 outlets with most articles (any other name can be typed).
  const outletNames = useApi<Page<Outlet>>('/api/outlets?limit=500');
  // Per month by default; per day when the dated articles fall within two months (a single story, say).
  const months = useApi<ArticlesOverTime>(`/api/timeline/articles${withParams('', { bucket: 'month', outlet: filters.outlet })}`);
  const autoBucket = months.state === 'ok' && months.data.buckets.length <= 2 ? 'day' : 'month';
  const bucket = filters.bucket === 'day' || filters.bucket === 'month' ? filters.bucket : months.state === 'ok' ? autoBucket : null;
  const timeline = useApi<ArticlesOverTime>(bucket ? `/api/timeline/articles${withParams('', { bucket, outlet: filters.outlet })}` : null);
  const query = { q: filters.q, outlet: filters.outlet, from: filters.from, to: filters.to, limit: PAGE, offset: filters.offset };
  // With an actor and no search words: the actor's articles (/api/articles?actor=, most mentions first; the
  // outlet and date filters do not apply there). With search words: /api/search?actor= (text search within them).
  const byActor = filters.actor !== '' && filters.q === '';
  const plain = useApi<Page<ArticleSummary>>(filters.actor && filters.q ? null : `/api/articles${withParams('', byActor ? { actor: filters.actor, limit: PAGE, offset: filters.offset } : query)}`);
  const hits = useApi<Page<{ article: ArticleSummary; snippet: string }>>(filters.actor && filters.q ? `/api/search${withParams('', { ...query, actor: filters.actor })}` : null);
  const list: Loaded<Page<ArticleSummary>> = !(filters.actor && filters.q) ? plain : hits.state === 'ok' ? { state: 'ok', data: { ...hits.data, items: hits.data.items.map((h) => ({ ...h.article, snippet: h.snippet })) } } : hits;
  const stories = useApi<Page<StorySummary>>(`/api/stories?limit=${STORY_PAGE}`);
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [params.toString()]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...draft, offset: 0 });
  };
  const pickBucket = (bucket: string) => go({ ...filters, from: bucket, to: bucket, offset: 0 });

  return (
    <>
      <h1>Corpus</h1>
      {stats.state === 'ok' && (
        <dl className="stats" aria-label="Totals">
          <div><dt>articles</dt><dd>{stats.data.articles}</dd></div>
          <div><dt>outlets</dt><dd>{stats.data.outlets}</dd></div>
          <div><dt>findings</dt><dd>{stats.data.findings}</dd></div>
          {stats.data.findingsByKind.map((k) => (
            <div key={`${k.stage}/${k.kind}`}><dt>{k.kind}</dt><dd>{k.findings}</dd></div>
          ))}
          {stats.data.failures > 0 && <div><dt>files not read</dt><dd>{stats.data.failures}</dd></div>}
        </dl>
      )}

      <section aria-labelledby="search-h">
        <h2 id="search-h">Search and filter</h2>
        <form className="filters" role="search" onSubmit={submit}>
          <label>
            Search text
            <input type="search" name="q" value={draft.q} placeholder='words, "a phrase", a OR b' onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
          </label>
          <label>
            Outlet
            <input name="outlet" list="outlet-names" value={draft.outlet} placeholder="all outlets" onChange={(e) => setDraft({ ...draft, outlet: e.target.value })} />
            <datalist id="outlet-names">
              {outletNames.state === 'ok' &&
                outletNames.data.items.filter((o) => o.name !== null).map((o) => (
                  <option key={o.name} value={o.name!}>
                    {`${o.articles} article(s)`}
                  </option>
                ))}
            </datalist>
          </label>
          <label>
            From
            <input name="from" value={draft.from} placeholder="YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" size={11} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </label>
          <label>
            To
            <input name="to" value={draft.to} placeholder="YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" size={11} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </label>
          <ActorPicker value={draft.actor} onChange={(actor) => setDraft((d) => ({ ...d, actor }))} />
          <button type="submit">Search</button>
          {(filters.q || filters.outlet || filters.from || filters.to || filters.actor) && (
            <button type="button" className="secondary" onClick={() => go({ ...filters, q: '', outlet: '', from: '', to: '', actor: '', offset: 0 })}>
              Clear
            </button>
          )}
        </form>
      </section>

      <section aria-labelledby="stories-h">
        <h2 id="stories-h">Stories</h2>
        {stories.state === 'error' && <p className="muted">Stories are not available: {stories.message}</p>}
        {stories.state === 'ok' &&
          (stories.data.total === 0 ? (
            <p className="muted">No stories yet: run <code>triangulate analyze</code> to cluster the articles.</p>
          ) : (
            <>
              <SortableTable caption={`The ${stories.data.items.length} largest of ${stories.data.total} stories`} csvName="stories.csv" rows={stories.data.items} rowKey={(s) => s.id} columns={STORY_COLUMNS} />
              <p>
                <Link to="/stories">All {stories.data.total} stories</Link>
              </p>
            </>
          ))}
      </section>

      <div className="columns">
        <section aria-labelledby="list-h" className="wide">
          <h2 id="list-h">{filters.q ? `Articles matching “${filters.q}”` : byActor ? 'Articles that mention the actor' : 'Articles'}</h2>
          {byActor && (
            <p className="muted">
              The articles that mention the chosen actor, most mentions first{filters.outlet || filters.from || filters.to ? ' (the outlet and date filters apply only with search words)' : ''}; <Link to={actorHref(filters.actor)}>its actor page</Link> lists its statements, labels and stories.
            </p>
          )}
          {list.state === 'loading' && <p aria-live="polite">Loading…</p>}
          {list.state === 'error' && <p role="alert">Could not list articles: {list.message}</p>}
          {list.state === 'ok' && <ArticleList page={list.data} withSnippets={filters.q !== ''} sortNote={byActor ? 'most mentions first' : null} onPage={(offset) => go({ ...filters, offset })} />}
        </section>

        <aside className="narrow">
          <section aria-labelledby="time-h">
            <h2 id="time-h">Articles over time</h2>
            <div className="toggle" role="group" aria-label="Bucket">
              {(['month', 'day'] as const).map((b) => (
                <button key={b} type="button" aria-pressed={bucket === b} onClick={() => go({ ...filters, bucket: b })}>
                  per {b}
                </button>
              ))}
            </div>
            {timeline.state === 'ok' && bucket && <TimelinePlot data={timeline.data} onPick={pickBucket} />}
          </section>
          <section aria-labelledby="outlets-h">
            <h2 id="outlets-h">Outlets</h2>
            {outlets.state === 'ok' && (
              <>
                <SortableTable
                  caption={`Outlets ${outlets.data.total === 0 ? 0 : outletOffset + 1}–${outletOffset + outlets.data.items.length} of ${outlets.data.total}, most articles first`}
                  csvName="outlets.csv"
                  rows={outlets.data.items}
                  rowKey={(o) => o.name ?? '(none)'}
                  columns={OUTLET_COLUMNS}
                />
                {outlets.data.total > OUTLET_PAGE && (
                  <nav className="pager" aria-label="Outlet pages">
                    <button type="button" disabled={outletOffset === 0} onClick={() => setOutletOffset(Math.max(0, outletOffset - OUTLET_PAGE))}>
                      Previous outlets
                    </button>
                    <button type="button" disabled={outletOffset + OUTLET_PAGE >= outlets.data.total} onClick={() => setOutletOffset(outletOffset + OUTLET_PAGE)}>
                      Next outlets
                    </button>
                  </nav>
                )}
              </>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}

const OUTLET_COLUMNS: Column<Outlet>[] = [
  {
    key: 'name',
    label: 'outlet',
    value: (o) => o.name,
    render: (o) => (o.name === null ? <span className="muted">(not named)</span> : <Link to={withParams('/', { outlet: o.name })}>{o.name}</Link>),
  },
  { key: 'articles', label: 'articles', value: (o) => o.articles, numeric: true },
  { key: 'first', label: 'first', value: (o) => o.first, render: (o) => <span className="nowrap">{o.first?.slice(0, 10)}</span> },
  { key: 'last', label: 'last', value: (o) => o.last, render: (o) => <span className="nowrap">{o.last?.slice(0, 10)}</span> },
];

const ARTICLE_COLUMNS: Column<ArticleSummary>[] = [
  { key: 'published', label: 'published', value: (a) => a.published?.value ?? null, render: (a) => <PublishedCell a={a} /> },
  { key: 'outlet', label: 'outlet', value: (a) => a.outlet },
  { key: 'title', label: 'title', value: (a) => a.title ?? a.id, render: (a) => <Link to={`/article/${a.id}`}>{a.title ?? '(untitled)'}</Link> },
  { key: 'format', label: 'format', value: (a) => a.format },
  { key: 'chars', label: 'chars', value: (a) => a.chars, numeric: true },
  { key: 'id', label: 'id', value: (a) => a.id, render: (a) => <code title={a.id}>{a.id.slice(0, 9)}</code> },
];

function PublishedCell({ a }: { a: ArticleSummary }) {
  if (!a.published) return <span className="muted">undated</span>;
  return (
    <span className="nowrap" title={a.published.why ?? `from ${a.published.source}`}>
      {a.published.value.replace('T', ' ')}
      {a.published.source === 'inferred' ? ' (inferred)' : ''}
    </span>
  );
}

function ArticleList({ page, withSnippets, sortNote, onPage }: { page: Page<ArticleSummary>; withSnippets: boolean; sortNote: string | null; onPage: (offset: number) => void }) {
  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = page.offset + page.items.length;
  const pager = (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={page.offset === 0} onClick={() => onPage(Math.max(0, page.offset - page.limit))}>
        Previous
      </button>
      <span>
        {from}–{to} of {page.total}
      </span>
      <button type="button" disabled={to >= page.total} onClick={() => onPage(page.offset + page.limit)}>
        Next
      </button>
    </nav>
  );
  if (page.total === 0) return <p>No article matches.</p>;
  if (withSnippets) {
    return (
      <>
        <ol className="hits" start={from}>
          {page.items.map((a) => (
            <li key={a.id}>
              <Link to={`/article/${a.id}`} className="hit-title">{a.title ?? '(untitled)'}</Link>
              <div className="meta">
                {a.outlet ?? 'outlet not named'} · {a.published?.value.replace('T', ' ') ?? 'undated'}
              </div>
              {a.snippet && <Snippet text={a.snippet} />}
            </li>
          ))}
        </ol>
        {pager}
      </>
    );
  }
  return (
    <>
      <SortableTable caption={`Articles ${from}–${to} of ${page.total}${sortNote ? `, ${sortNote}` : ''} (sorting applies to this page)`} csvName="articles.csv" rows={page.items} rowKey={(a) => a.id} columns={ARTICLE_COLUMNS} />
      {pager}
    </>
  );
}
