import { useState, type FormEvent } from 'react';
import { sendJson, useApi, type Page } from '../api.js';
import type { Actor, AliasDecision, NameKey } from '../corpus-types.js';
import { withParams } from '../router.js';

export type Decide = (action: AliasDecision['action'], a: NameKey, b: NameKey, note?: string) => Promise<void>;

/** POST a decision; `done` runs after the server has recomputed the actors. */
export function useDecide(done: (decision: { action: AliasDecision['action']; a: NameKey; b: NameKey }) => void): { decide: Decide; busy: boolean; error: string | null } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decide: Decide = async (action, a, b, note) => {
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', '/api/aliases/decisions', { action, a, b, ...(note ? { note } : {}) });
      done({ action, a, b });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { decide, busy, error };
}

/** Find another actor by name and merge it into this one (an analyst's decision, kept across re-analysis). */
export function MergeForm({ actor, decide, busy }: { actor: Actor; decide: Decide; busy: boolean }) {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const found = useApi<Page<Actor>>(query === null ? null : `/api/actors${withParams('', { q: query, limit: 10 })}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) setQuery(q.trim());
  };
  const others = found.state === 'ok' ? found.data.items.filter((o) => o.id !== actor.id) : [];
  return (
    <div className="merge">
      <form className="filters" onSubmit={submit}>
        <label>
          Find an actor to merge into {actor.name}
          <input type="search" name="merge-q" value={q} onChange={(e) => setQ(e.target.value)} placeholder="a name" />
        </label>
        <button type="submit" className="secondary">
          Find
        </button>
      </form>
      {query !== null && found.state === 'ok' && others.length === 0 && <p className="muted">No other actor named like “{query}”.</p>}
      {others.length > 0 && (
        <ul className="merge-candidates">
          {others.map((o) => (
            <li key={o.id}>
              <strong>{o.name}</strong> <span className="muted">({o.type}, {o.mentions} mentions in {o.articles.length} article(s))</span>{' '}
              <button type="button" className="small" disabled={busy} onClick={() => void decide('merge', { name: actor.name, type: actor.type }, { name: o.name, type: o.type }, 'merged in the workbench')}>
                Merge into {actor.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The decisions that concern this actor's names, each with an undo. */
export function DecisionList({ actor, version, onChange }: { actor: Actor; version: number; onChange: () => void }) {
  const decisions = useApi<AliasDecision[]>('/api/aliases/decisions', version);
  const [error, setError] = useState<string | null>(null);
  const names = new Set(actor.names.map((n) => n.name));
  const mine = decisions.state === 'ok' ? decisions.data.filter((d) => names.has(d.a.name) || names.has(d.b.name)) : [];
  const undo = async (id: number) => {
    setError(null);
    try {
      await sendJson('DELETE', `/api/aliases/decisions/${id}`);
      onChange();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  if (decisions.state === 'error') return <p role="alert">Could not list decisions: {decisions.message}</p>;
  return (
    <>
      {error && <p role="alert">{error}</p>}
      {mine.length === 0 ? (
        <p className="muted">No analyst decision about these names.</p>
      ) : (
        <ul className="decisions">
          {mine.map((d) => (
            <li key={d.id}>
              <strong>{d.action}</strong> “{d.a.name}” and “{d.b.name}” <span className="muted">{d.at.slice(0, 16).replace('T', ' ')}{d.note ? ` — ${d.note}` : ''}</span>{' '}
              <button type="button" className="small secondary" onClick={() => void undo(d.id)}>
                Undo
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
