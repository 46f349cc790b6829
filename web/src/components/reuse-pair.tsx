import type { ArticleSummary } from '../api.js';
import { refHref, type ReusePair, type ReuseSide } from '../corpus-types.js';
import { Link } from '../router.js';
import { alignedPieces } from './alignment.js';

function Side({ side, pair, which, article, earlier, basis, outside }: { side: ReuseSide; pair: ReusePair; which: 'a' | 'b'; article: ArticleSummary | undefined; earlier: boolean; basis: string; outside: boolean }) {
  const pieces = alignedPieces(side, pair.alignment, which);
  return (
    <div className={`reuse-side${earlier ? ' earlier' : ''}`} data-article={side.articleId}>
      <div className="reuse-head">
        {earlier && (
          <span className="badge earlier-badge" title={`published first (${basis})`}>
            earlier
          </span>
        )}{' '}
        {outside && <span className="badge reach-badge">other story</span>}{' '}
        {article ? (
          <>
            <strong>{article.outlet ?? 'outlet not named'}</strong> <span className="meta">{article.published?.value.replace('T', ' ') ?? 'undated'}</span>
          </>
        ) : (
          <strong>an article outside this story</strong>
        )}
        <div className="meta">
          <Link to={refHref(side)}>{article?.title ?? side.articleId}</Link> · characters {side.span.start}–{side.span.end}
        </div>
      </div>
      <p className="reuse-text">
        {pieces.map((p) =>
          p.kind === 'changed' ? (
            <mark key={p.start} className="diff" title="differs from the other passage">
              {p.text}
            </mark>
          ) : (
            <span key={p.start} className={p.kind === 'same' ? 'same' : undefined}>
              {p.text}
            </span>
          ),
        )}
      </p>
    </div>
  );
}

/**
 * A passage found in two articles, side by side with the earlier publisher on the left (when publish dates
 * tell), words that differ highlighted on both sides, each side linked to its characters. With `members` (a
 * story board), a side in an article outside the story is marked.
 */
export function ReusePairView({ pair, articles, members }: { pair: ReusePair; articles: ReadonlyMap<string, ArticleSummary>; members?: ReadonlySet<string> }) {
  const swap = pair.direction.earlier !== null && pair.direction.earlier === pair.b.articleId;
  const left = swap ? ([pair.b, 'b'] as const) : ([pair.a, 'a'] as const);
  const right = swap ? ([pair.a, 'a'] as const) : ([pair.b, 'b'] as const);
  const basis = pair.direction.basis === 'publish-date' ? 'by publish date' : 'order unknown';
  const changed = pair.alignment.filter((o) => o.op !== 'same').length;
  return (
    <figure className="reuse-pair">
      <figcaption>
        <span className={`badge reuse-${pair.kind}`}>{pair.kind}</span> {Math.round(pair.similarity * 100)}% similar · {pair.words.same} of {Math.max(pair.words.a, pair.words.b)} words the same
        {changed > 0 ? ` · ${changed} difference(s) highlighted` : ''} · {pair.direction.earlier ? `earlier publisher ${basis}` : 'which came first cannot be told (a publish date is missing or equal)'}
      </figcaption>
      <div className="reuse-cols">
        {[left, right].map(([side, which]) => (
          <Side key={which} side={side} pair={pair} which={which} article={articles.get(side.articleId)} earlier={pair.direction.earlier === side.articleId} basis={basis} outside={members !== undefined && !members.has(side.articleId)} />
        ))}
      </div>
    </figure>
  );
}
