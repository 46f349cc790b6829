import { useEffect, useState, type FormEvent } from 'react';
import { useApi, type Page } from '../api.js';
import { Pager } from '../components/pager.js';
import { SortableTable, type Column } from '../components/table.js';
import { actorHref, type Actor } from '../corpus-types.js';
import { Link, navigate, withParams } from '../router.js';

const PAGE = 30;
export const TYPE_NAMES: Record<string, string> = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other' };

const COLUMNS: Column<Actor>[] = [
  { key: 'name', label: 'actor', value: (a) => a.name, render: (a) => <Link to={actorHref(a.id)}>{a.name}</Link> },
  { key: 'type', label: 'type', value: (a) => TYPE_NAMES[a.type] ?? a.type },
  { key: 'names', label: 'also named', value: (a) => a.names.length - 1, render: (a) => <span className="muted">{a.names.filter((n) => n.name !== a.name).slice(0, 4).map((n) => n.name).join(', ') || '—'}</span> },
  { key: 'mentions', label: 'mentions', value: (a) => a.mentions, numeric: true },
  { key: 'articles', label: 'articles', value: (a) => a.articleCount ?? a.articles.length, numeric: true },
  { key: 'confidence', label: 'confidence', value: (a) => a.confidence, render: (a) => `${Math.round(a.confidence * 100)}%${a.decided ? ' (decided)' : ''}`, numeric: true },
];

/** Actors (people, organisations, places) with their names, searchable and paged; the query is in the URL. */
export function ActorsView({ params }: { params: URLSearchParams }) {
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const page = useApi<Page<Actor>>(`/api/actors${withParams('', { q, type, limit: PAGE, offset })}`);
  const [draft, setDraft] = useState({ q, type });
  useEffect(() => setDraft({ q, type }), [q, type]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(withParams('/actors', { ...draft }));
  };
  return (
    <>
      <h1>Actors</h1>
      <form className="filters" role="search" onSubmit={submit}>
        <label>
          Name
          <input type="search" name="q" value={draft.q} placeholder="any of its names" onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </label>
        <label>
          Type
          <select name="type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
            <option value="">all types</option>
            {Object.entries(TYPE_NAMES).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Find actors</button>
      </form>
      {page.state === 'loading' && <p aria-live="polite">Loading…</p>}
      {page.state === 'error' && <p role="alert">Could not list actors: {page.message}</p>}
      {page.state === 'ok' &&
        (page.data.total === 0 ? (
          <p>No actor matches.</p>
        ) : (
          <>
            <SortableTable caption={`Actors ${offset + 1}–${offset + page.data.items.length} of ${page.data.total}, most mentioned first (sorting applies to this page)`} csvName="actors.csv" rows={page.data.items} rowKey={(a) => a.id} columns={COLUMNS} />
            <Pager label="Actor pages" offset={offset} limit={PAGE} shown={page.data.items.length} total={page.data.total} onPage={(o) => navigate(withParams('/actors', { q, type, offset: o }))} />
          </>
        ))}
    </>
  );
}
