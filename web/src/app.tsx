import { useEffect } from 'react';
import { Link, useLocation } from './router.js';
import { ArticleReader } from './views/article.js';
import { CorpusView } from './views/corpus.js';

/** The workbench: one route per view, each with a stable URL. */
export function App() {
  const location = useLocation();
  const article = /^\/article\/([^/]+)\/?$/.exec(location.pathname);
  const view = location.pathname === '/' ? 'corpus' : article ? 'article' : 'missing';
  useEffect(() => {
    document.title = view === 'article' ? `Article ${article?.[1]} · Triangulate` : 'Corpus · Triangulate';
  }, [view, article?.[1]]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Triangulate
        </Link>
        <nav aria-label="Views">
          <Link to="/" aria-current={view === 'corpus' ? 'page' : undefined}>
            Corpus
          </Link>
          <a href="/api/openapi.json">API</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {view === 'corpus' && <CorpusView params={location.params} />}
        {view === 'article' && article && <ArticleReader key={article[1]} id={decodeURIComponent(article[1]!)} params={location.params} />}
        {view === 'missing' && (
          <section>
            <h1>Not found</h1>
            <p>
              No view at this address. <Link to="/">Go to the corpus</Link>.
            </p>
          </section>
        )}
      </main>
    </>
  );
}
