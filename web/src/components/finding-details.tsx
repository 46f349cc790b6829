import type { Finding } from '../api.js';
import { Link } from '../router.js';

const isPart = (v: unknown): v is { span: { start: number; end: number }; text: string } =>
  typeof v === 'object' && v !== null && 'span' in v && 'text' in v && typeof (v as { text: unknown }).text === 'string';
const isSpan = (v: unknown): v is { start: number; end: number } =>
  typeof v === 'object' && v !== null && Object.keys(v).length === 2 && typeof (v as { start?: unknown }).start === 'number' && typeof (v as { end?: unknown }).end === 'number';

/** A finding's data, generically: objects as definition lists, parts and spans as links to their characters. */
function DataView({ value, articleId }: { value: unknown; articleId: string }) {
  if (value === null || value === undefined) return <span className="muted">none</span>;
  if (isSpan(value)) return <Link to={`/article/${articleId}?span=${value.start}-${value.end}`}>{`${value.start}–${value.end}`}</Link>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">none</span>;
    return (
      <ul className="data-list">
        {value.map((v, i) => (
          <li key={i}>
            <DataView value={v} articleId={articleId} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'object') {
    const part = isPart(value);
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !part || (k !== 'span' && k !== 'text'));
    const link = part ? (
      <span className="part">
        “{value.text}” <Link to={`/article/${articleId}?span=${value.span.start}-${value.span.end}`}>{`${value.span.start}–${value.span.end}`}</Link>
      </span>
    ) : null;
    if (entries.length === 0) return link;
    return (
      <>
        {link}
        <dl className="data">
          {entries.map(([k, v]) => (
            <div key={k} className="data-row">
              <dt>{k}</dt>
              <dd>
                <DataView value={v} articleId={articleId} />
              </dd>
            </div>
          ))}
        </dl>
      </>
    );
  }
  return <span>{String(value)}</span>;
}

/** The findings over the characters the reader selected, innermost first. */
export function FindingDetails({ findings, onClose }: { findings: readonly Finding[]; onClose: () => void }) {
  return (
    <section className="details" aria-labelledby="details-h" aria-live="polite">
      <div className="details-head">
        <h2 id="details-h">Finding details</h2>
        {findings.length > 0 && (
          <button type="button" className="small secondary" onClick={onClose}>
            Close
          </button>
        )}
      </div>
      {findings.length === 0 && <p className="muted">Select a highlighted passage (click, or Tab then Enter) to see what was found there and by which rule.</p>}
      {findings.map((f) => (
        <article key={f.id} className={`finding k-${f.kind}`} data-finding={f.id}>
          <h3>
            <span className={`badge k-${f.kind}`}>{f.kind}</span> <q>{f.text}</q>
          </h3>
          <dl className="data">
            <div className="data-row">
              <dt>span</dt>
              <dd>
                <Link to={`/article/${f.articleId}?span=${f.span.start}-${f.span.end}`}>{`${f.span.start}–${f.span.end}`}</Link>
              </dd>
            </div>
            <div className="data-row">
              <dt>rule</dt>
              <dd>
                <code>{f.rule}</code>
              </dd>
            </div>
            <div className="data-row">
              <dt>stage</dt>
              <dd>
                {f.stage} v{f.stageVersion}
              </dd>
            </div>
          </dl>
          <h4>data</h4>
          <DataView value={f.data} articleId={f.articleId} />
        </article>
      ))}
    </section>
  );
}
