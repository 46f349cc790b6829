import { useMemo, useState } from 'react';
import { useApi, type ArticleView, type Finding, type Page, type Span } from '../api.js';
import { FindingDetails } from '../components/finding-details.js';
import { HighlightedText } from '../components/highlighted-text.js';
import { SortableTable, type Column } from '../components/table.js';
import { Link, navigate, withParams } from '../router.js';

/** `?span=120-164` -> {start: 120, end: 164}; null when absent or malformed. */
export function parseSpan(value: string | null): Span | null {
  const m = /^(\d+)-(\d+)$/.exec(value ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end >= start ? { start, end } : null;
}

const FINDING_COLUMNS: Column<Finding>[] = [
  { key: 'start', label: 'start', value: (f) => f.span.start, numeric: true, render: (f) => <Link to={`/article/${f.articleId}?span=${f.span.start}-${f.span.end}`}>{f.span.start}</Link> },
  { key: 'end', label: 'end', value: (f) => f.span.end, numeric: true },
  { key: 'kind', label: 'kind', value: (f) => f.kind },
  { key: 'text', label: 'text', value: (f) => f.text },
  { key: 'rule', label: 'rule', value: (f) => f.rule },
];

/** The article reader: metadata, reading notes, the text with findings highlighted by kind, and details. */
export function ArticleReader({ id, params }: { id: string; params: URLSearchParams }) {
  const view = useApi<ArticleView>(`/api/articles/${encodeURIComponent(id)}`);
  const findings = useApi<Page<Finding>>(`/api/articles/${encodeURIComponent(id)}/findings?limit=5000`);
  const target = useMemo(() => parseSpan(params.get('span')), [params.get('span')]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [picked, setPicked] = useState<readonly Finding[] | null>(null);

  const all = findings.state === 'ok' ? findings.data.items : [];
  const kinds = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of all) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
    return [...counts].sort((a, b) => a[0].localeCompare(b[0]));
  }, [all]);
  const visible = useMemo(() => all.filter((f) => !hidden.has(f.kind)), [all, hidden]);
  // The selected finding is in the URL (?finding=ID), so a shared link opens its details.
  const linked = params.get('finding');
  const selection = picked ?? all.filter((f) => f.id === linked);
  const select = (fs: readonly Finding[]) => {
    setPicked(fs);
    navigate(withParams(window.location.pathname, { span: params.get('span'), finding: fs[0]?.id }), { replace: true });
  };

  if (view.state === 'loading') return <p aria-live="polite">Loading…</p>;
  if (view.state === 'error') {
    return (
      <section>
        <h1>Article not available</h1>
        <p role="alert">{view.message}</p>
        <p>
          <Link to="/">Back to the corpus</Link>
        </p>
      </section>
    );
  }
  const { article, sources, analysis } = view.data;
  const notes = [...article.notes, ...analysis.flatMap((a) => a.notes)];
  const toggle = (kind: string) => {
    const next = new Set(hidden);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setHidden(next);
  };
  const targetText = target ? article.text.slice(target.start, target.end) : '';

  return (
    <div className="reader">
      <div className="reader-main">
        <p className="crumbs">
          <Link to="/">Corpus</Link> › article <code>{article.id}</code>
        </p>
        <h1>{article.title ?? '(untitled)'}</h1>
        <dl className="meta-grid">
          <div><dt>outlet</dt><dd>{article.outlet ?? 'not named'}</dd></div>
          <div>
            <dt>published</dt>
            <dd>
              {article.published ? `${article.published.value} (${article.published.precision}, from ${article.published.source})` : 'undated'}
              {article.published?.why && <span className="muted"> — {article.published.why}</span>}
            </dd>
          </div>
          {article.byline && <div><dt>byline</dt><dd>{article.byline}</dd></div>}
          {article.dateline && <div><dt>dateline</dt><dd>{article.dateline.text}</dd></div>}
          <div><dt>language</dt><dd>{article.language ?? 'unknown'}</dd></div>
          <div><dt>format</dt><dd>{article.format}, {article.encoding}, {article.raw.bytes} bytes</dd></div>
          {article.url && <div><dt>url</dt><dd className="break">{article.url}</dd></div>}
          <div><dt>{sources.length > 1 ? 'sources' : 'source'}</dt><dd className="break">{sources.join(' · ')}</dd></div>
        </dl>

        <details className="notes" open={notes.length > 0 && notes.length <= 5}>
          <summary>Reading notes ({notes.length})</summary>
          {notes.length === 0 ? (
            <p className="muted">Nothing to note: the article was read and analysed without warnings.</p>
          ) : (
            <ul>
              {notes.map((n, i) => (
                <li key={i}>
                  <code>{n.by}</code> <strong>{n.code}</strong>: {n.message}
                  {n.span && <> <Link to={`/article/${article.id}?span=${n.span.start}-${n.span.end}`}>{`${n.span.start}–${n.span.end}`}</Link></>}
                </li>
              ))}
            </ul>
          )}
        </details>

        <fieldset className="legend">
          <legend>Highlight</legend>
          {kinds.length === 0 && findings.state === 'ok' && <span className="muted">No findings: run <code>triangulate analyze</code>.</span>}
          {kinds.map(([kind, n]) => (
            <label key={kind} className={`badge k-${kind}`}>
              <input type="checkbox" checked={!hidden.has(kind)} onChange={() => toggle(kind)} /> {kind} ({n})
            </label>
          ))}
        </fieldset>

        {target && (
          <p className="target-note" role="status">
            Marked: characters {target.start}–{target.end} {targetText ? <>“<span className="target-text">{targetText.length > 120 ? `${targetText.slice(0, 120)}…` : targetText}</span>”</> : '(outside the text)'}{' '}
            <Link to={`/article/${article.id}`}>clear</Link>
          </p>
        )}
        <section aria-label="Article text">
          <HighlightedText text={article.text} findings={visible} target={target} selected={selection[0]?.id ?? null} onSelect={select} />
        </section>

        {all.length > 0 && (
          <details className="all-findings">
            <summary>All findings as a table ({visible.length})</summary>
            <SortableTable caption={`${visible.length} finding(s) shown`} csvName={`findings-${article.id}.csv`} rows={visible} rowKey={(f) => f.id} columns={FINDING_COLUMNS} />
          </details>
        )}
      </div>
      <aside className="reader-side">
        <FindingDetails findings={selection} onClose={() => select([])} />
      </aside>
    </div>
  );
}
