import { useEffect } from 'react';
import { Link, useLocation } from './router.js';
import { ActorView } from './views/actor.js';
import { ActorsView } from './views/actors.js';
import { ArticleReader } from './views/article.js';
import { CorpusView } from './views/corpus.js';
import { StoriesView } from './views/stories.js';
import { StoryView } from './views/story.js';

type Route = { view: 'corpus' | 'stories' | 'actors' | 'missing' } | { view: 'article' | 'story' | 'actor'; id: string };

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** `/`, `/stories`, `/story/<id>`, `/actors`, `/actor/<id>`, `/article/<id>` (ids URL-encoded). */
export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { view: 'corpus' };
  if (path === '/stories') return { view: 'stories' };
  if (path === '/actors') return { view: 'actors' };
  const m = /^\/(article|story|actor)\/([^/]+)$/.exec(path);
  if (m) return { view: m[1] as 'article' | 'story' | 'actor', id: decode(m[2]!) };
  return { view: 'missing' };
}

const TITLES: Record<Route['view'], string> = { corpus: 'Corpus', stories: 'Stories', actors: 'Actors', article: 'Article', story: 'Story', actor: 'Actor', missing: 'Not found' };

/** The workbench: one route per view, each with a stable URL. */
export function App() {
  const location = useLocation();
  const route = routeOf(location.pathname);
  const id = 'id' in route ? route.id : null;
  useEffect(() => {
    // Views with a name (story, actor) refine the title once loaded.
    document.title = `${TITLES[route.view]}${route.view === 'article' && id ? ` ${id}` : ''} · Triangulate`;
  }, [route.view, id]);
  const current = (v: Route['view'][]) => (v.includes(route.view) ? ('page' as const) : undefined);
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
          <Link to="/" aria-current={current(['corpus'])}>
            Corpus
          </Link>
          <Link to="/stories" aria-current={current(['stories'])}>
            Stories
          </Link>
          <Link to="/actors" aria-current={current(['actors'])}>
            Actors
          </Link>
          <a href="/api/openapi.json">API</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {route.view === 'corpus' && <CorpusView params={location.params} />}
        {route.view === 'stories' && <StoriesView params={location.params} />}
        {route.view === 'actors' && <ActorsView params={location.params} />}
        {route.view === 'article' && <ArticleReader key={route.id} id={route.id} params={location.params} />}
        {route.view === 'story' && <StoryView key={route.id} id={route.id} />}
        {route.view === 'actor' && <ActorView key={route.id} id={route.id} />}
        {route.view === 'missing' && (
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
