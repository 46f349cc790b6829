import { actorHref, type QuotedStatement } from '../corpus-types.js';
import { Link } from '../router.js';
import { SourceLink } from './source-link.js';
import { SortableTable, type Column } from './table.js';

const COLUMNS: Column<QuotedStatement>[] = [
  {
    key: 'speaker',
    label: 'speaker',
    value: (s) => s.speaker,
    render: (s) => (s.speaker === null ? <span className="muted">not named</span> : s.speakerActor ? <Link to={actorHref(s.speakerActor)}>{s.speaker}</Link> : s.speaker),
  },
  { key: 'cue', label: 'cue', value: (s) => s.cue ?? null, render: (s) => s.cue ?? <span className="muted">—</span> },
  { key: 'content', label: 'content', value: (s) => s.content, render: (s) => <SourceLink source={s.source} label={s.content} className="statement-link" /> },
  { key: 'mode', label: 'mode', value: (s) => s.mode },
  { key: 'outlet', label: 'outlet', value: (s) => s.source.outlet },
  { key: 'published', label: 'published', value: (s) => s.source.published, render: (s) => <span className="nowrap">{s.source.published?.replace('T', ' ') ?? 'undated'}</span> },
];

/** Who said what, where: each content links to the statement's characters in its article. */
export function StatementsTable({ caption, statements, csvName }: { caption: string; statements: readonly QuotedStatement[]; csvName: string }) {
  if (statements.length === 0) return <p className="muted">{caption}: none found.</p>;
  // The cue column shows when the API sends cues.
  const columns = statements.some((s) => s.cue) ? COLUMNS : COLUMNS.filter((c) => c.key !== 'cue');
  return <SortableTable caption={caption} csvName={csvName} rows={statements} rowKey={(s) => `${s.source.articleId}:${s.source.span.start}:${s.source.span.end}`} columns={columns} />;
}
