import type { MouseEvent } from 'react';
import type { ArticleSummary } from '../api.js';
import { navigate } from '../router.js';

const time = (a: ArticleSummary) => {
  const t = a.published ? Date.parse(a.published.value.length === 4 ? `${a.published.value}-01-01` : a.published.value) : NaN;
  return Number.isNaN(t) ? null : t;
};
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * A story's articles as dots: one lane per outlet, publish time across (undated articles in their own column
 * at the right). Each dot is a link to its article.
 */
export function OutletTimePlot({ articles }: { articles: readonly ArticleSummary[] }) {
  const outlets = [...new Set(articles.map((a) => a.outlet ?? '(not named)'))].sort();
  const times = articles.map(time).filter((t): t is number => t !== null);
  const hasUndated = times.length < articles.length;
  const width = 720;
  const lane = 30;
  const pad = { left: 150, right: hasUndated ? 90 : 20, top: 10, bottom: 30 };
  const height = pad.top + pad.bottom + lane * outlets.length;
  const min = times.length ? Math.min(...times) : 0;
  const max = times.length ? Math.max(...times) : 0;
  const span = Math.max(1, max - min);
  const x = (t: number | null) => (t === null ? width - pad.right / 2 - 10 : times.length === 1 ? (pad.left + width - pad.right) / 2 : pad.left + ((t - min) / span) * (width - pad.left - pad.right - 20) + 10);
  const placed = new Map<string, number>();
  const follow = (e: MouseEvent, id: string) => {
    e.preventDefault();
    navigate(`/article/${encodeURIComponent(id)}`);
    window.scrollTo(0, 0);
  };
  return (
    <figure className="plot lanes">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={`Articles of the story by outlet and publish time: ${articles.length} article(s) from ${outlets.length} outlet(s)`}>
        {outlets.map((o, i) => (
          <g key={o}>
            <line x1={pad.left} x2={width - 4} y1={pad.top + lane * i + lane / 2} y2={pad.top + lane * i + lane / 2} className="lane" />
            <text x={pad.left - 8} y={pad.top + lane * i + lane / 2 + 4} textAnchor="end" className="tick lane-label">
              {o.length > 22 ? `${o.slice(0, 21)}…` : o}
            </text>
          </g>
        ))}
        <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom + 4} y2={height - pad.bottom + 4} className="axis" />
        {times.length > 0 && (
          <>
            <text x={x(min)} y={height - 10} className="tick" textAnchor="middle">
              {day(min)}
            </text>
            {max > min && (
              <text x={x(max)} y={height - 10} className="tick" textAnchor="middle">
                {day(max)}
              </text>
            )}
          </>
        )}
        {hasUndated && (
          <text x={x(null)} y={height - 10} className="tick" textAnchor="middle">
            undated
          </text>
        )}
        {articles.map((a) => {
          const row = outlets.indexOf(a.outlet ?? '(not named)');
          const t = time(a);
          const key = `${row}:${Math.round(x(t))}`;
          const n = placed.get(key) ?? 0;
          placed.set(key, n + 1);
          const label = `${a.title ?? '(untitled)'}, ${a.outlet ?? 'outlet not named'}, ${a.published?.value ?? 'undated'}`;
          return (
            <a key={a.id} href={`/article/${encodeURIComponent(a.id)}`} onClick={(e) => follow(e, a.id)} aria-label={label}>
              <circle cx={x(t) + n * 12} cy={pad.top + lane * row + lane / 2} r={7} className={t === null ? 'dot undated' : 'dot'}>
                <title>{label}</title>
              </circle>
            </a>
          );
        })}
      </svg>
      <figcaption>One lane per outlet, publish time across; select a dot to read the article.</figcaption>
    </figure>
  );
}
