import type { ActorMentions } from '../corpus-types.js';
import { downloadCsv, toCsv } from './csv.js';

/** Months from the first to the last (gaps filled) when that is at most `cap` months; else the months given. */
function monthsOf(buckets: readonly string[], cap = 48): string[] {
  const dated = [...new Set(buckets.filter((b) => /^\d{4}-\d{2}$/.test(b)))].sort();
  if (dated.length < 2) return dated;
  const out: string[] = [];
  const [y0, m0] = dated[0]!.split('-').map(Number) as [number, number];
  const last = dated[dated.length - 1]!;
  for (let i = 0; i < cap; i++) {
    const d = new Date(Date.UTC(y0, m0 - 1 + i, 1)).toISOString().slice(0, 7);
    out.push(d);
    if (d >= last) return out;
  }
  return dated;
}

/** Mentions per outlet and month as a shaded grid (darker: more mentions); undated articles in their own column. */
export function MentionsHeatmap({ rows, name }: { rows: readonly ActorMentions[]; name: string }) {
  if (rows.length === 0) return <p className="muted">No mentions.</p>;
  const months = monthsOf(rows.map((r) => r.bucket));
  const columns = rows.some((r) => r.bucket === 'undated') ? [...months, 'undated'] : months;
  const outlets = [...new Set(rows.map((r) => r.outlet ?? '(not named)'))];
  const count = new Map(rows.map((r) => [`${r.outlet ?? '(not named)'}|${r.bucket}`, r.mentions]));
  const totals = new Map(outlets.map((o) => [o, columns.reduce((n, c) => n + (count.get(`${o}|${c}`) ?? 0), 0)]));
  outlets.sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  const max = Math.max(...rows.map((r) => r.mentions));
  const exportCsv = () =>
    downloadCsv(
      `mentions-${name}.csv`,
      toCsv(
        ['outlet', 'bucket', 'mentions'],
        rows.map((r) => [r.outlet, r.bucket, r.mentions]),
      ),
    );
  return (
    <div className="table-wrap">
      <table className="heatmap">
        <caption>
          <span>Mentions of {name} per outlet and month (darker: more)</span>
          <button type="button" className="small" onClick={exportCsv}>
            Export CSV
          </button>
        </caption>
        <thead>
          <tr>
            <th scope="col">outlet</th>
            {columns.map((c) => (
              <th key={c} scope="col" className="num">
                {c}
              </th>
            ))}
            <th scope="col" className="num">
              total
            </th>
          </tr>
        </thead>
        <tbody>
          {outlets.map((o) => (
            <tr key={o}>
              <th scope="row">{o}</th>
              {columns.map((c) => {
                const n = count.get(`${o}|${c}`) ?? 0;
                const level = n === 0 ? 0 : Math.max(1, Math.ceil((n / max) * 4));
                return (
                  <td key={c} className={`num heat-${level}`}>
                    {n || ''}
                  </td>
                );
              })}
              <td className="num">{totals.get(o)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
