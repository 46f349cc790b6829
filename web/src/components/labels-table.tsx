import { actorHref, type LabelRow } from '../corpus-types.js';
import { Link } from '../router.js';
import { SourceLink } from './source-link.js';
import { SortableTable, type Column } from './table.js';

const outletOf = (r: LabelRow) => r.outlet ?? '(not named)';

/**
 * The outlet x actor table of labels: one row per actor, one column per outlet, each cell the labels that
 * outlet gives the actor, own voice plain and quoted ones marked with who is quoted. Each label links to its span.
 */
export function LabelMatrix({ rows, caption }: { rows: readonly LabelRow[]; caption: string }) {
  if (rows.length === 0) return <p className="muted">No labels found.</p>;
  const outlets = [...new Set(rows.map(outletOf))].sort();
  const actors = new Map<string, { name: string; id: string | null; cells: Map<string, LabelRow[]> }>();
  for (const r of rows) {
    const key = r.actorId ?? r.actor;
    const a = actors.get(key) ?? { name: r.actor, id: r.actorId, cells: new Map<string, LabelRow[]>() };
    const cell = a.cells.get(outletOf(r)) ?? [];
    cell.push(r);
    a.cells.set(outletOf(r), cell);
    actors.set(key, a);
  }
  const ordered = [...actors.values()].sort((x, y) => sizeOf(y.cells) - sizeOf(x.cells) || x.name.localeCompare(y.name));
  return (
    <div className="table-wrap">
      <table className="label-matrix">
        <caption>
          <span>{caption}</span> <span className="legend-inline">plain: the outlet's own voice; <span className="quoted-label">marked</span>: inside a quote (speaker named)</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">actor</th>
            {outlets.map((o) => (
              <th key={o} scope="col">
                {o}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ordered.map((a) => (
            <tr key={a.id ?? a.name}>
              <th scope="row">{a.id ? <Link to={actorHref(a.id)}>{a.name}</Link> : a.name}</th>
              {outlets.map((o) => (
                <td key={o}>
                  <ul className="labels">
                    {dedupe(a.cells.get(o) ?? []).map((r) => (
                      <li key={`${r.source.articleId}:${r.source.span.start}`} className={r.voice === 'quoted' ? 'quoted-label' : 'own-label'}>
                        <SourceLink source={r.source} label={r.label} />
                        {r.voice === 'quoted' && <span className="meta"> (quoted{r.quotedSpeaker ? `: ${r.quotedSpeaker}` : ''})</span>}
                      </li>
                    ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const sizeOf = (cells: Map<string, LabelRow[]>) => [...cells.values()].reduce((n, c) => n + c.length, 0);

/** One entry per label, voice and speaker in a cell (the first occurrence links to its span). */
function dedupe(rows: readonly LabelRow[]): LabelRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.label.toLowerCase()}|${r.voice}|${r.quotedSpeaker ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const COLUMNS: Column<LabelRow>[] = [
  { key: 'outlet', label: 'outlet', value: (r) => r.outlet },
  { key: 'actor', label: 'actor', value: (r) => r.actor, render: (r) => (r.actorId ? <Link to={actorHref(r.actorId)}>{r.actor}</Link> : r.actor) },
  { key: 'label', label: 'label', value: (r) => r.label, render: (r) => <SourceLink source={r.source} label={r.label} /> },
  { key: 'voice', label: 'voice', value: (r) => r.voice },
  { key: 'speaker', label: 'quoted speaker', value: (r) => r.quotedSpeaker },
  { key: 'form', label: 'form', value: (r) => r.form },
];

/** Every label as a flat row (sortable, exportable). */
export function LabelsTable({ rows, caption, csvName }: { rows: readonly LabelRow[]; caption: string; csvName: string }) {
  if (rows.length === 0) return null;
  return <SortableTable caption={caption} csvName={csvName} rows={rows} rowKey={(r) => `${r.source.articleId}:${r.source.span.start}:${r.source.span.end}:${r.actor}`} columns={COLUMNS} />;
}

/** One actor's labels per outlet: the outlet's own words apart from the words it quotes. */
export function LabelsByOutlet({ rows, name }: { rows: readonly LabelRow[]; name: string }) {
  if (rows.length === 0) return <p className="muted">No labels found for {name}.</p>;
  const outlets = new Map<string, LabelRow[]>();
  for (const r of rows) outlets.set(outletOf(r), [...(outlets.get(outletOf(r)) ?? []), r]);
  const list = (items: readonly LabelRow[]) =>
    items.length === 0 ? (
      <span className="muted">—</span>
    ) : (
      <ul className="labels">
        {dedupe(items).map((r) => (
          <li key={`${r.source.articleId}:${r.source.span.start}`} className={r.voice === 'quoted' ? 'quoted-label' : 'own-label'}>
            <SourceLink source={r.source} label={r.label} />
            {r.voice === 'quoted' && r.quotedSpeaker && <span className="meta"> ({r.quotedSpeaker})</span>}
          </li>
        ))}
      </ul>
    );
  return (
    <div className="table-wrap">
      <table className="label-matrix">
        <caption>
          <span>How each outlet describes {name}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">outlet</th>
            <th scope="col">in its own voice</th>
            <th scope="col">inside quotes of others</th>
          </tr>
        </thead>
        <tbody>
          {[...outlets].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([outlet, items]) => (
            <tr key={outlet}>
              <th scope="row">{outlet}</th>
              <td>{list(items.filter((r) => r.voice === 'own'))}</td>
              <td>{list(items.filter((r) => r.voice === 'quoted'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
