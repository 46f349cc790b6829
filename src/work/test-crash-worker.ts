// A worker module for the pool tests only (test-* files are not built): it misbehaves on marked articles.
import { analyzeArticle } from '../analyze/pipeline.js';
import { serveAnalysis } from './worker-port.js';

serveAnalysis((article, stages) => {
  if (article.text.includes('CRASH-THROW')) setImmediate(() => { throw new Error('thrown on purpose'); });
  if (article.text.includes('CRASH-THROW')) return new Promise(() => undefined) as never;
  if (article.text.includes('CRASH-EXIT')) process.exit(7);
  if (article.text.includes('FAIL-SOFT')) throw new Error('failed on purpose');
  return analyzeArticle(article, stages);
});
