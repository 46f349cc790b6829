import type { TimelineEntry } from '../corpus-types.js';
import { downloadCsv, toCsv } from './csv.js';
import { SourceLink } from './source-link.js';

const dayNumber = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t / 86_400_000;
};

/** Entries on one time axis: a dot per day, a bar per longer period (a month, a year); conflicts in red. */
function TimeStrip({ entries }: { entries: readonly TimelineEntry[] }) {
  const placed = entries.map((e) => ({ e, s: dayNumber(e.start), t: dayNumber(e.end) })).filter((p): p is { e: TimelineEntry; s: number; t: number } => p.s !== null && p.t !== null);
  if (placed.length === 0) return null;
  const min = Math.min(...placed.map((p) => p.s));
  const max = Math.max(...placed.map((p) => p.t));
  const width = 720;
  const height = 70;
  const pad = 16;
  const x = (d: number) => (max === min ? width / 2 : pad + ((d - min) / (max - min)) * (width - 2 * pad));
  const year = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  // Year ticks (every year up to 12 years, else every few years) when the entries span more than a year.
  const y0 = new Date(min * 86_400_000).getUTCFullYear();
  const y1 = new Date(max * 86_400_000).getUTCFullYear();
  const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
  const ticks = y1 > y0 ? Array.from({ length: Math.floor((y1 - y0) / step) + 1 }, (_, i) => y0 + i * step).map((yr) => ({ label: String(yr), day: Math.max(min, Date.UTC(yr, 0, 1) / 86_400_000) })) : [];
  return (
    <figure className="plot strip">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Timeline from ${year(min)} to ${year(max)}: ${placed.length} dated event(s)`}>
        <line x1={pad} x2={width - pad} y1={30} y2={30} className="axis" />
        {placed.map(({ e, s, t }, i) => {
          const y = 30 - 8 - (i % 3) * 6;
          return (
            <g key={e.id} className={e.conflict ? 'conflict' : undefined}>
              {x(t) - x(s) > 3 ? <rect x={x(s)} y={y - 2} width={x(t) - x(s)} height={4} className="period" /> : <circle cx={x(s)} cy={y} r={4} className="point" />}
              <title>{`${e.date}: ${e.event}`}</title>
            </g>
          );
        })}
        {ticks.length >= 2 ? (
          ticks.map((t) => (
            <g key={t.label}>
              <line x1={x(t.day)} x2={x(t.day)} y1={28} y2={34} className="axis" />
              <text x={x(t.day)} y={50} className="tick" textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))
        ) : (
          <>
            <text x={pad} y={50} className="tick">
              {year(min)}
            </text>
            <text x={width - pad} y={50} className="tick" textAnchor="end">
              {year(max)}
            </text>
          </>
        )}
      </svg>
      <figcaption>Events by date (bars: a month or a year; red: the sources disagree on the date).</figcaption>
    </figure>
  );
}

/**
 * A story's timeline: what happened when, by whom reported, with the date each source gives. With `story`, an
 * entry that reaches other stories (its sources include articles outside the story) is marked.
 */
export function StoryTimeline({ entries, csvName, story }: { entries: readonly TimelineEntry[]; csvName: string; story?: { id: string; articles: ReadonlySet<string> } }) {
  if (entries.length === 0) return <p className="muted">No dated events found.</p>;
  const sorted = [...entries].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const exportCsv = () =>
    downloadCsv(
      csvName,
      toCsv(
        ['date', 'event', 'conflict', 'dates', 'sources'],
        sorted.map((e) => [e.date, e.event, e.conflict ? 'yes' : 'no', e.dates.join(' '), e.sources.map((s) => `${s.source.outlet ?? '?'}: ${s.value}`).join('; ')]),
      ),
    );
  return (
    <>
      <TimeStrip entries={sorted} />
      <p>
        <button type="button" className="small secondary" onClick={exportCsv}>
          Export timeline CSV
        </button>
      </p>
      <ol className="timeline">
        {sorted.map((e) => (
          <li key={e.id} className={e.conflict ? 'conflict' : undefined}>
            <div className="when">
              <time dateTime={e.start}>{e.date}</time>
              {e.conflict && <span className="badge conflict-badge" title={`sources give ${e.dates.join(', ')}`}>dates differ</span>}
            </div>
            <div className="what">
              <div>
                {e.event}
                {story && e.story !== story.id && (
                  <>
                    {' '}
                    <span className="badge reach-badge">reaches other stories</span>
                  </>
                )}
              </div>
              <ul className="sources">
                {e.sources.map((s) => (
                  <li key={`${s.source.articleId}:${s.source.span.start}`}>
                    <span className="meta">{s.source.outlet ?? 'outlet not named'}</span> <code>{s.value}</code> <SourceLink source={s.source} />
                    {story && !story.articles.has(s.source.articleId) && <span className="meta"> (other story)</span>}
                  </li>
                ))}
              </ul>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
