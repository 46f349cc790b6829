// Entry of the analysis worker threads (src/work/pool.ts starts them): the per-article pipeline, nothing else.
import { analyzeArticle } from '../analyze/pipeline.js';
import { serveAnalysis } from './worker-port.js';

serveAnalysis(analyzeArticle);
