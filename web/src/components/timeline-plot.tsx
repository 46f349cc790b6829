import type { ArticlesOverTime } from '../api.js';

/** Every day or month from the first bucket to the last, zero where nothing was published (days: up to about 3 years). */
export function fillGaps(data: ArticlesOverTime): { bucket: string; articles: number }[] {
  const { buckets } = data;
  if (buckets.length < 2) return buckets;
  const counts = new Map(buckets.map((b) => [b.bucket, b.articles]));
  const out: { bucket: string; articles: number }[] = [];
  const first = buckets[0]!.bucket;
  const last = buckets[buckets.length - 1]!.bucket;
  const day = data.bucket === 'day';
  const cursor = new Date(`${day ? first : `${first}-01`}T00:00:00Z`);
  if (Number.isNaN(cursor.getTime())) return buckets;
  for (let i = 0; i < 1200; i++) {
    const key = cursor.toISOString().slice(0, day ? 10 : 7);
    out.push({ bucket: key, articles: counts.get(key) ?? 0 });
    if (key >= last) return out;
    if (day) cursor.setUTCDate(cursor.getUTCDate() + 1);
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return buckets;
}

/** Articles per bucket as an inline SVG bar chart; each bar is a button that filters the list to its period. */
export function TimelinePlot({ data, onPick }: { data: ArticlesOverTime; onPick: (bucket: string) => void }) {
  const buckets = fillGaps(data);
  if (buckets.length === 0) return <p className="muted">No dated articles to plot.</p>;
  const width = 640;
  const height = 160;
  const pad = { left: 32, right: 8, top: 8, bottom: 28 };
  const max = Math.max(...buckets.map((b) => b.articles));
  const slot = (width - pad.left - pad.right) / buckets.length;
  const bar = Math.max(2, Math.min(40, slot * 0.8));
  const y = (n: number) => pad.top + (height - pad.top - pad.bottom) * (1 - n / max);
  const labelEvery = Math.ceil(buckets.length / 8);
  const summary = `Articles per ${data.bucket}: ${data.buckets.map((b) => `${b.bucket}: ${b.articles}`).join(', ')}${data.undated ? `; ${data.undated} without a ${data.bucket}` : ''}`;
  return (
    <figure className="plot">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={summary}>
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} className="axis" />
        <text x={pad.left - 6} y={y(max) + 4} className="tick" textAnchor="end">
          {max}
        </text>
        <text x={pad.left - 6} y={y(0)} className="tick" textAnchor="end">
          0
        </text>
        {buckets.map((b, i) => {
          const x = pad.left + i * slot + (slot - bar) / 2;
          return (
            <g key={b.bucket}>
              {b.articles > 0 && <rect
                x={x}
                y={y(b.articles)}
                width={bar}
                height={y(0) - y(b.articles)}
                className="bar"
                tabIndex={0}
                role="button"
                aria-label={`${b.bucket}: ${b.articles} article(s); show them`}
                onClick={() => onPick(b.bucket)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onPick(b.bucket))}
              >
                <title>{`${b.bucket}: ${b.articles}`}</title>
              </rect>}
              {i % labelEvery === 0 && (
                <text x={x + bar / 2} y={height - 10} className="tick" textAnchor="middle">
                  {b.bucket}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        Articles per {data.bucket}
        {data.undated > 0 ? ` (${data.undated} without a ${data.bucket === 'day' ? 'publish day' : 'publish month'} not shown)` : ''}. Select a bar to list its articles.
      </figcaption>
    </figure>
  );
}
