import { refHref, type SourceRef } from '../corpus-types.js';
import { Link } from '../router.js';

/** A finding's characters as a link to them in their article (the reader marks and scrolls to the span). */
export function SourceLink({ source, label, className }: { source: Pick<SourceRef, 'articleId' | 'span' | 'text'>; label?: string; className?: string }) {
  const text = label ?? source.text;
  return (
    <Link to={refHref(source)} className={className ?? 'source-link'} title={`characters ${source.span.start}–${source.span.end} of article ${source.articleId}`}>
      {text.length > 240 ? `${text.slice(0, 240)}…` : text}
    </Link>
  );
}

/** Outlet and publish value of a source, as lists show them. */
export function SourceMeta({ source }: { source: Pick<SourceRef, 'outlet' | 'published'> }) {
  return (
    <span className="meta">
      {source.outlet ?? <span className="muted">outlet not named</span>} · {source.published?.replace('T', ' ') ?? <span className="muted">undated</span>}
    </span>
  );
}
