import { useEffect, useMemo, useState } from 'react';
import { getJson, useApi, type ArticleSummary, type ArticleView } from '../api.js';
import { ClaimGroupView } from '../components/claim-group.js';
import { LabelMatrix, LabelsTable } from '../components/labels-table.js';
import { OutletTimePlot } from '../components/outlet-time-plot.js';
import { ReusePairView } from '../components/reuse-pair.js';
import { SourceLink, SourceMeta } from '../components/source-link.js';
import { StatementsTable } from '../components/statements-table.js';
import { StoryTimeline } from '../components/story-timeline.js';
import { SortableTable, type Column } from '../components/table.js';
import type { QuoteGroup, StoryBoard } from '../corpus-types.js';
import { Link } from '../router.js';

const ARTICLE_COLUMNS: Column<ArticleSummary>[] = [
  { key: 'published', label: 'published', value: (a) => a.published?.value ?? null, render: (a) => <span className="nowrap">{a.published ? `${a.published.value.replace('T', ' ')}${a.published.source === 'inferred' ? ' (inferred)' : ''}` : 'undated'}</span> },
  { key: 'outlet', label: 'outlet', value: (a) => a.outlet, render: (a) => a.outlet ?? <span className="muted">not named</span> },
  { key: 'title', label: 'title', value: (a) => a.title ?? a.id, render: (a) => <Link to={`/article/${encodeURIComponent(a.id)}`}>{a.title ?? '(untitled)'}</Link> },
  { key: 'chars', label: 'chars', value: (a) => a.chars, numeric: true },
];

/** At most this many articles outside the story are looked up to name the other side of a copied passage. */
const OUTSIDE_LOOKUPS = 12;

/** Summaries of articles outside the story (the other side of copied passages), fetched one by one; failures are left out. */
function useOutsideArticles(ids: readonly string[]): ReadonlyMap<string, ArticleSummary> {
  const [found, setFound] = useState<ReadonlyMap<string, ArticleSummary>>(new Map());
  const key = ids.join(',');
  useEffect(() => {
    if (ids.length === 0) return;
    let live = true;
    void Promise.all(ids.map((id) => getJson<ArticleView>(`/api/articles/${encodeURIComponent(id)}`).then((v) => v.article, () => null))).then((views) => {
      if (!live) return;
      setFound(new Map(views.filter((a): a is ArticleView['article'] => a !== null).map(({ id, source, format, url, outlet, title, published, language, chars }) => [id, { id, source, format, url, outlet, title, published, language, chars }])));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return found;
}

const SECTIONS = [
  ['articles', 'Articles'],
  ['why', 'Why together'],
  ['timeline', 'Timeline'],
  ['statements', 'Statements'],
  ['numbers', 'Numbers'],
  ['quotes', 'Same statement, different words'],
  ['reuse', 'Copied passages'],
  ['labels', 'Labels'],
] as const;

/** The story board: everything the corpus stages found about one story, each finding linked to its characters. */
export function StoryView({ id }: { id: string }) {
  const board = useApi<StoryBoard>(`/api/stories/${encodeURIComponent(id)}`);
  const title = board.state === 'ok' ? (board.data.story.title ?? 'Untitled story') : null;
  useEffect(() => {
    if (title) document.title = `${title} · Story · Triangulate`;
  }, [title]);
  const inStory = useMemo(() => new Map(board.state === 'ok' ? board.data.articles.map((a) => [a.id, a]) : []), [board]);
  const outsideIds = useMemo(() => (board.state === 'ok' ? [...new Set(board.data.reuse.flatMap((p) => [p.a.articleId, p.b.articleId]).filter((id) => !inStory.has(id)))].slice(0, OUTSIDE_LOOKUPS) : []), [board, inStory]);
  const outside = useOutsideArticles(outsideIds);
  const articles = useMemo(() => new Map([...outside, ...inStory]), [inStory, outside]);
  if (board.state === 'loading') return <p aria-live="polite">Loading…</p>;
  if (board.state === 'error') {
    return (
      <section>
        <h1>Story not available</h1>
        <p role="alert">{board.message}</p>
        <p>
          <Link to="/stories">All stories</Link>
        </p>
      </section>
    );
  }
  const { story, explanation, statements, claims, quotes, reuse, timeline, labels } = board.data;
  const nameOf = (id: string) => {
    const a = articles.get(id);
    return a?.outlet ? `${a.outlet} (${id.slice(0, 9)})` : `article ${id.slice(0, 9)}`;
  };
  const members = new Set(story.articles);
  // The board holds every group that involves an article of the story, also groups that reach other stories
  // (corpus-wide groups, story null): those are marked where they are shown.
  const reaching = claims.filter((g) => g.story !== story.id).length;
  const claimsOrdered = [...claims].sort((a, b) => Number(b.conflict) - Number(a.conflict) || b.claims.length - a.claims.length);
  const conflictCount = claimsOrdered.filter((c) => c.conflict).length;
  return (
    <div className="board">
      <p className="crumbs">
        <Link to="/stories">Stories</Link> › story <code>{story.id}</code>
      </p>
      <h1>{story.title ?? 'Untitled story'}</h1>
      <dl className="stats" aria-label="Story totals">
        <div><dt>articles</dt><dd>{story.articles.length}</dd></div>
        <div><dt>outlets</dt><dd>{new Set(story.outlets).size}</dd></div>
        <div><dt>first</dt><dd className="small-dd">{story.first ?? '—'}</dd></div>
        <div><dt>last</dt><dd className="small-dd">{story.last ?? '—'}</dd></div>
        <div><dt>statements</dt><dd>{statements.length}</dd></div>
        <div><dt>number conflicts</dt><dd>{conflictCount}</dd></div>
        <div><dt>copied passages</dt><dd>{reuse.length}</dd></div>
        <div><dt>timeline</dt><dd>{timeline.length}</dd></div>
      </dl>
      <nav className="section-nav" aria-label="Sections of the story board">
        {SECTIONS.map(([key, label]) => (
          <a key={key} href={`#${key}`}>
            {label}
          </a>
        ))}
      </nav>

      <section id="articles" aria-labelledby="articles-h">
        <h2 id="articles-h">Articles by outlet and publish time</h2>
        <OutletTimePlot articles={board.data.articles} />
        <SortableTable caption={`${board.data.articles.length} article(s)`} csvName={`story-${story.id}-articles.csv`} rows={board.data.articles} rowKey={(a) => a.id} columns={ARTICLE_COLUMNS} />
      </section>

      <section id="why" aria-labelledby="why-h">
        <h2 id="why-h">Why these articles belong together</h2>
        {explanation === null ? (
          <p className="muted">No explanation stored for this story.</p>
        ) : (
          <dl className="explain">
            {explanation.actors.length > 0 && (
              <div><dt>shared actors</dt><dd>{explanation.actors.map((a) => `${a.name} (${a.articles.length})`).join(', ')}</dd></div>
            )}
            {explanation.dates.length > 0 && (
              <div><dt>shared days</dt><dd>{explanation.dates.map((d) => `${d.value} (${d.articles.length})`).join(', ')}</dd></div>
            )}
            {explanation.terms.length > 0 && (
              <div><dt>shared terms</dt><dd>{explanation.terms.map((t) => t.term).join(', ')}</dd></div>
            )}
            {explanation.passages.length > 0 && (
              <div><dt>shared passages</dt><dd>{explanation.passages.map((p) => `${nameOf(p.a)} – ${nameOf(p.b)}: ${p.words} words`).join('; ')}</dd></div>
            )}
          </dl>
        )}
      </section>

      <section id="timeline" aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        <StoryTimeline entries={timeline} csvName={`story-${story.id}-timeline.csv`} story={{ id: story.id, articles: members }} />
      </section>

      <section id="statements" aria-labelledby="statements-h">
        <h2 id="statements-h">Statements</h2>
        <StatementsTable caption={`${statements.length} statement(s): who said what, in which outlet`} statements={statements} csvName={`story-${story.id}-statements.csv`} />
      </section>

      <section id="numbers" aria-labelledby="numbers-h">
        <h2 id="numbers-h">Numbers, grouped by what they measure</h2>
        {reaching > 0 && <p className="muted">Groups marked “reaches other stories” also hold claims from articles outside this story.</p>}
        {claimsOrdered.length === 0 ? <p className="muted">No numbers stated by two or more sources.</p> : claimsOrdered.map((g) => <ClaimGroupView key={g.id} group={g} story={{ id: story.id, articles: members }} />)}
      </section>

      <section id="quotes" aria-labelledby="quotes-h">
        <h2 id="quotes-h">The same statement reported differently</h2>
        {quotes.length === 0 ? <p className="muted">No statement reported with different wording or speakers.</p> : quotes.map((q) => <QuoteGroupView key={q.id} group={q} story={{ id: story.id, articles: members }} />)}
      </section>

      <section id="reuse" aria-labelledby="reuse-h">
        <h2 id="reuse-h">Copied passages</h2>
        {reuse.length === 0 ? <p className="muted">No passage found in an article of this story and another article.</p> : reuse.map((p) => <ReusePairView key={`${p.a.articleId}:${p.a.span.start}:${p.b.articleId}:${p.b.span.start}`} pair={p} articles={articles} members={members} />)}
      </section>

      <section id="labels" aria-labelledby="labels-h">
        <h2 id="labels-h">Labels: how each outlet describes each actor</h2>
        <LabelMatrix rows={labels} caption="Outlet × actor" />
        {labels.length > 0 && (
          <details>
            <summary>All labels as a table ({labels.length})</summary>
            <LabelsTable rows={labels} caption={`${labels.length} label(s)`} csvName={`story-${story.id}-labels.csv`} />
          </details>
        )}
      </section>
    </div>
  );
}

function QuoteGroupView({ group, story }: { group: QuoteGroup; story: { id: string; articles: ReadonlySet<string> } }) {
  const outside = group.statements.filter((s) => !story.articles.has(s.source.articleId)).length;
  return (
    <article className="quote-group" data-group={group.id}>
      <p className="meta">
        {group.statements.length} reports · {Math.round(group.similarity * 100)}% word overlap at least
        {group.wordingDiffers ? ' · wording differs' : ''}
        {group.speakersDiffer ? ' · speakers differ' : ''}
        {group.story !== story.id && (
          <>
            {' · '}
            <span className="badge reach-badge">reaches other stories</span> {outside} of these reports are in articles outside this story
          </>
        )}
      </p>
      <ul>
        {group.statements.map((s) => (
          <li key={`${s.source.articleId}:${s.source.span.start}`}>
            <strong>{s.speaker ?? 'speaker not named'}</strong> {s.cue ? <span className="cue">{s.cue}</span> : null} <SourceMeta source={s.source} />: <SourceLink source={s.source} label={s.content} />
            {!story.articles.has(s.source.articleId) && <span className="meta"> (other story)</span>}
          </li>
        ))}
      </ul>
    </article>
  );
}
