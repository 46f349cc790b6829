import { useEffect, useRef, useState } from 'react';
import { getJson, useApi, type Page } from '../api.js';
import { DecisionList, MergeForm, useDecide, type Decide } from '../components/alias-actions.js';
import { LabelsByOutlet, LabelsTable } from '../components/labels-table.js';
import { MentionsHeatmap } from '../components/mentions-heatmap.js';
import { SourceLink } from '../components/source-link.js';
import { StatementsTable } from '../components/statements-table.js';
import { SortableTable, type Column } from '../components/table.js';
import { actorHref, type Actor, type ActorView as ActorData, type MergeEvidence } from '../corpus-types.js';
import { Link, navigate } from '../router.js';
import { STORY_COLUMNS } from './stories.js';
import { TYPE_NAMES } from './actors.js';

/** After a decision the actor may have a new id (its display name changed): find it again by name. */
async function relocate(id: string, actor: Actor): Promise<string | null> {
  try {
    await getJson(`/api/actors/${encodeURIComponent(id)}`);
    return id;
  } catch {
    const page = await getJson<Page<Actor>>(`/api/actors?q=${encodeURIComponent(actor.name)}&type=${actor.type}&limit=20`).catch(() => null);
    return page?.items.find((a) => a.names.some((n) => n.name === actor.name))?.id ?? null;
  }
}

/** An actor: its names and why they were merged (with merge and split), mentions over time, statements, labels, stories. */
export function ActorView({ id }: { id: string }) {
  const [version, setVersion] = useState(0);
  const view = useApi<ActorData>(`/api/actors/${encodeURIComponent(id)}`, version);
  const [notice, setNotice] = useState<string | null>(null);
  const actor = view.state === 'ok' ? view.data.actor : null;
  const [pending, setPending] = useState<{ action: string; name: string } | null>(null);
  const { decide, busy, error } = useDecide((d) => {
    if (!actor) return;
    void relocate(id, actor).then((next) => {
      if (next === null) setNotice(`The actor was recomputed; “${actor.name}” is no longer an actor of its own.`);
      else setPending({ action: d.action, name: d.b.name });
      if (next !== null && next !== id) navigate(actorHref(next), { replace: true });
      else setVersion((v) => v + 1);
    });
  });
  // Once the recomputed actor is back: say what the decision changed (a split pair may stay linked through other names).
  const reloading = useRef(false);
  useEffect(() => {
    if (!pending) return;
    // Wait for the reload that the decision started, not the data shown before it.
    if (view.state === 'loading') reloading.current = true;
    if (!reloading.current || view.state !== 'ok') return;
    reloading.current = false;
    const has = view.data.actor.names.some((n) => n.name === pending.name);
    setNotice(
      pending.action === 'split'
        ? has
          ? `Decision saved; the actor was recomputed, and “${pending.name}” is still linked to it through other names (see the evidence below: split those pairs too).`
          : `Decision saved; the actor was recomputed without “${pending.name}”.`
        : `Decision saved; the actor was recomputed${has ? ` with “${pending.name}”` : ''}.`,
    );
    setPending(null);
  }, [pending, view]);
  useEffect(() => {
    if (actor) document.title = `${actor.name} · Actor · Triangulate`;
  }, [actor?.name]);

  if (view.state === 'loading' && !actor) return <p aria-live="polite">Loading…</p>;
  if (view.state === 'error') {
    return (
      <section>
        <h1>Actor not available</h1>
        {notice && <p role="status">{notice}</p>}
        <p role="alert">{view.message}</p>
        <p>
          <Link to="/actors">All actors</Link>
        </p>
      </section>
    );
  }
  if (view.state !== 'ok') return <p aria-live="polite">Loading…</p>;
  const { mentions, statementsBy, statementsAbout, labels, stories } = view.data;
  const a = view.data.actor;
  return (
    <div className="actor">
      <p className="crumbs">
        <Link to="/actors">Actors</Link> › <code>{a.id}</code>
      </p>
      <h1>{a.name}</h1>
      <dl className="stats" aria-label="Actor totals">
        <div><dt>type</dt><dd className="small-dd">{TYPE_NAMES[a.type] ?? a.type}</dd></div>
        <div><dt>names</dt><dd>{a.names.length}</dd></div>
        <div><dt>mentions</dt><dd>{a.mentions}</dd></div>
        <div><dt>articles</dt><dd>{a.articleCount ?? a.articles.length}</dd></div>
        <div><dt>merge confidence</dt><dd>{Math.round(a.confidence * 100)}%</dd></div>
        {a.decided && <div><dt>shaped by</dt><dd className="small-dd">analyst decision</dd></div>}
      </dl>
      {notice && <p role="status" className="notice">{notice}</p>}
      {error && <p role="alert">Decision not saved: {error}</p>}

      <div className="columns">
        <section aria-labelledby="names-h">
          <h2 id="names-h">Names and aliases</h2>
          <NamesTable actor={a} decide={decide} busy={busy} />
          <h3>Evidence for each merge</h3>
          {a.evidence.length === 0 ? <p className="muted">One name: nothing was merged.</p> : <EvidenceList actor={a} decide={decide} busy={busy} />}
        </section>
        <section aria-labelledby="decide-h">
          <h2 id="decide-h">Merge and split</h2>
          <MergeForm actor={a} decide={decide} busy={busy} />
          <h3>Decisions about these names</h3>
          <DecisionList actor={a} version={version} onChange={() => setVersion((v) => v + 1)} />
        </section>
      </div>

      <section aria-labelledby="mentions-h">
        <h2 id="mentions-h">Mentions per outlet over time</h2>
        <MentionsHeatmap rows={mentions} name={a.name} />
      </section>

      <section aria-labelledby="by-h">
        <h2 id="by-h">Statements by {a.name}</h2>
        <StatementsTable caption={`${statementsBy.length} statement(s) by ${a.name}`} statements={statementsBy} csvName="statements-by.csv" />
      </section>
      <section aria-labelledby="about-h">
        <h2 id="about-h">Statements about {a.name}</h2>
        <StatementsTable caption={`${statementsAbout.length} statement(s) mentioning ${a.name}`} statements={statementsAbout} csvName="statements-about.csv" />
      </section>

      <section aria-labelledby="labels-h">
        <h2 id="labels-h">Labels per outlet</h2>
        <LabelsByOutlet rows={labels} name={a.name} />
        {labels.length > 0 && (
          <details>
            <summary>All labels as a table ({labels.length})</summary>
            <LabelsTable rows={labels} caption={`${labels.length} label(s)`} csvName="actor-labels.csv" />
          </details>
        )}
      </section>

      <section aria-labelledby="stories-h">
        <h2 id="stories-h">Stories</h2>
        {stories.length === 0 ? <p className="muted">In no story.</p> : <SortableTable caption={`${stories.length} story(ies) that mention ${a.name}`} csvName="actor-stories.csv" rows={stories} rowKey={(s) => s.id} columns={STORY_COLUMNS} />}
      </section>
    </div>
  );
}

function NamesTable({ actor, decide, busy }: { actor: Actor; decide: Decide; busy: boolean }) {
  const columns: Column<Actor['names'][number]>[] = [
    { key: 'name', label: 'name', value: (n) => n.name },
    { key: 'mentions', label: 'mentions', value: (n) => n.mentions, numeric: true },
    { key: 'articles', label: 'articles', value: (n) => n.articles, numeric: true },
    {
      key: 'action',
      label: 'action',
      value: () => null,
      render: (n) =>
        n.name === actor.name ? (
          <span className="muted">display name</span>
        ) : (
          <button type="button" className="small secondary" disabled={busy} onClick={() => void decide('split', { name: actor.name, type: actor.type }, { name: n.name, type: actor.type }, 'split in the workbench')} aria-label={`Split “${n.name}” from ${actor.name}`}>
            Split
          </button>
        ),
    },
  ];
  return <SortableTable caption={`${actor.names.length} name(s), most mentioned first`} csvName="names.csv" rows={actor.names} rowKey={(n) => n.name} columns={columns} />;
}

function EvidenceList({ actor, decide, busy }: { actor: Actor; decide: Decide; busy: boolean }) {
  const key = (e: MergeEvidence) => ({ a: { name: e.names[0], type: actor.type }, b: { name: e.names[1], type: actor.type } });
  return (
    <ul className="evidence">
      {actor.evidence.map((e, i) => (
        <li key={`${e.kind}:${e.names.join('|')}:${i}`}>
          <div>
            <span className="badge">{e.kind}</span> “{e.names[0]}” = “{e.names[1]}” <span className="muted">score {e.score.toFixed(2)}</span>
          </div>
          <div>{e.detail}</div>
          {e.sources.length > 0 && (
            <ul className="sources">
              {e.sources.slice(0, 5).map((s) => (
                <li key={`${s.articleId}:${s.span.start}`}>
                  <span className="meta">{s.outlet ?? 'outlet not named'}</span> <SourceLink source={s} />
                </li>
              ))}
              {e.sources.length > 5 && <li className="muted">and {e.sources.length - 5} more</li>}
            </ul>
          )}
          <div className="actions">
            <button type="button" className="small secondary" disabled={busy} onClick={() => void decide('confirm', key(e).a, key(e).b)} aria-label={`Confirm that “${e.names[0]}” and “${e.names[1]}” are the same`}>
              Confirm
            </button>{' '}
            <button type="button" className="small secondary" disabled={busy} onClick={() => void decide('split', key(e).a, key(e).b, 'split in the workbench')} aria-label={`Split “${e.names[0]}” and “${e.names[1]}”`}>
              Split
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
