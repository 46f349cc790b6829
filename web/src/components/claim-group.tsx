import type { ClaimGroup, QuantityClaim } from '../corpus-types.js';
import { SourceLink } from './source-link.js';
import { SortableTable, type Column } from './table.js';

const fmt = (n: number | null) => (n === null ? '?' : n.toLocaleString('en-US'));

/** A claim's value as stated: '≈ 3,000', '2,000–2,500', '> 2,000', 'hundreds'. */
export function claimValue(c: QuantityClaim): string {
  const approx = c.approximator ? `${c.approximator} ` : '';
  const unit = c.unit ? ` ${c.unit}` : '';
  if (c.value !== null) return `${approx}${fmt(c.value)}${unit}`;
  if (c.low !== null && c.high !== null && c.low !== c.high) return `${approx}${fmt(c.low)}–${fmt(c.high)}${unit}`;
  return c.vague ? `${approx}(vague)` : c.source.text;
}

const lowOf = (c: QuantityClaim) => c.low ?? c.value;
const highOf = (c: QuantityClaim) => c.high ?? c.value;

/** The claims of a group on one scale (logarithmic when values span more than 20x): a dot per stated value, a bar per range. */
function RangeStrip({ group }: { group: ClaimGroup }) {
  const points = group.claims.filter((c) => lowOf(c) !== null && highOf(c) !== null);
  if (points.length < 2) return null;
  const min = Math.min(...points.map((c) => lowOf(c)!));
  const max = Math.max(...points.map((c) => highOf(c)!));
  if (max === min) return null;
  const log = min > 0 && max / min > 20;
  const f = (v: number) => (log ? Math.log10(v) : v);
  const width = 820;
  const row = 18;
  const pad = { left: 300, right: 20, top: 6, bottom: 24 };
  const height = pad.top + pad.bottom + row * points.length;
  const x = (v: number) => (max === min ? (pad.left + width - pad.right) / 2 : pad.left + ((f(v) - f(min)) / (f(max) - f(min))) * (width - pad.left - pad.right));
  const ticks = log ? Array.from({ length: Math.floor(Math.log10(max)) - Math.ceil(Math.log10(min)) + 1 }, (_, i) => 10 ** (Math.ceil(Math.log10(min)) + i)) : [];
  const label = (c: QuantityClaim) => {
    const s = `${c.source.outlet ?? 'not named'}: ${c.source.text}`;
    return s.length > 46 ? `${s.slice(0, 45)}…` : s;
  };
  return (
    <svg className="range-strip" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Stated values from ${fmt(min)} to ${fmt(max)}${log ? ' on a logarithmic scale' : ''}`}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={pad.top} y2={height - pad.bottom} className="grid" />
          <text x={x(t)} y={height - 8} className="tick" textAnchor="middle">
            {fmt(t)}
          </text>
        </g>
      ))}
      {points.map((c, i) => {
        const y = pad.top + row * i + row / 2;
        const lo = x(lowOf(c)!);
        const hi = x(highOf(c)!);
        return (
          <g key={`${c.source.articleId}:${c.source.span.start}`}>
            <text x={pad.left - 8} y={y + 4} className="tick row-label" textAnchor="end">
              {label(c)}
            </text>
            {hi - lo > 1 && <line x1={lo} x2={hi} y1={y} y2={y} className="range" />}
            <circle cx={c.value !== null ? x(c.value) : (lo + hi) / 2} cy={y} r={4} className="point">
              <title>{`${c.source.outlet ?? 'outlet not named'}: ${c.source.text} (${claimValue(c)})`}</title>
            </circle>
          </g>
        );
      })}
      {(!log || ticks.length < 2) && (
        <>
          <text x={pad.left} y={height - 8} className="tick">
            {fmt(min)}
          </text>
          <text x={width - pad.right} y={height - 8} className="tick" textAnchor="end">
            {fmt(max)}
          </text>
        </>
      )}
    </svg>
  );
}

const CLAIM_COLUMNS: Column<QuantityClaim>[] = [
  { key: 'text', label: 'claim', value: (c) => c.source.text, render: (c) => <SourceLink source={c.source} /> },
  { key: 'value', label: 'value', value: (c) => c.value ?? c.low, render: (c) => claimValue(c), numeric: true },
  { key: 'outlet', label: 'outlet', value: (c) => c.source.outlet },
  { key: 'published', label: 'published', value: (c) => c.source.published, render: (c) => <span className="nowrap">{c.source.published?.replace('T', ' ') ?? 'undated'}</span> },
  { key: 'speaker', label: 'said by', value: (c) => c.speaker, render: (c) => c.speaker ?? <span className="muted">article's voice</span> },
  { key: 'sentence', label: 'sentence', value: (c) => c.sentence, render: (c) => <span className="sentence">{c.sentence}</span> },
];

/** Numbers that measure the same thing, their spread, and whether they conflict (and why). */
export function ClaimGroupView({ group, story }: { group: ClaimGroup; story?: { id: string; articles: ReadonlySet<string> } }) {
  const outlets = new Set(group.claims.map((c) => c.source.outlet ?? '(not named)')).size;
  // A group that reaches other stories (corpus-wide, or another story's) shown on a story board: the story's own
  // claims first, the others marked.
  const wide = story !== undefined && group.story !== story.id;
  const inStory = (c: QuantityClaim) => !story || story.articles.has(c.source.articleId);
  const claims = wide ? [...group.claims].sort((x, y) => Number(inStory(y)) - Number(inStory(x))) : group.claims;
  const columns = wide ? [...CLAIM_COLUMNS, { key: 'here', label: 'this story', value: (c: QuantityClaim) => (inStory(c) ? 'yes' : 'no') }] : CLAIM_COLUMNS;
  return (
    <article className={`claim-group${group.conflict ? ' conflict' : ''}`} data-measure={group.measure} aria-labelledby={`claim-${group.id}`}>
      <h3 id={`claim-${group.id}`}>
        {group.conflict ? <span className="badge conflict-badge">conflict</span> : <span className="badge agree-badge">consistent</span>} {group.measure}
      </h3>
      <p className="meta">
        {group.claims.length} claim(s) from {outlets} outlet(s) · stated {fmt(group.spread.low)}
        {group.spread.high !== group.spread.low ? ` to ${fmt(group.spread.high)}` : ''} · {group.why}
      </p>
      {wide && (
        <p className="meta">
          <span className="badge reach-badge">reaches other stories</span> {group.claims.filter(inStory).length} of these claims are in this story's articles; the others come from articles outside it.
        </p>
      )}
      <RangeStrip group={group} />
      <SortableTable caption={`Claims: ${group.measure}`} csvName={`claims-${group.id}.csv`} rows={claims} rowKey={(c) => `${c.source.articleId}:${c.source.span.start}`} columns={columns} />
    </article>
  );
}
