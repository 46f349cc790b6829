import { ENTITY_TYPES, labelsToSpans } from '../src/analyze/entities/labels.js';
import { type ConllDocument, type Score, SpanScorer, type TypedSpan, tagsToSpans } from './conll.js';

/** Score a tagger that returns BILOU label ids for a whole document (flattened over its sentences). */
export function scoreModel(docs: readonly ConllDocument[], tag: (sentences: string[][]) => ArrayLike<number>, scorer = new SpanScorer()): Score & { scorer: SpanScorer } {
  for (const d of docs) {
    const sentences = d.sentences.map((s) => s.words);
    const labels = tag(sentences);
    let off = 0;
    for (const s of d.sentences) {
      const slice = Array.from({ length: s.words.length }, (_, i) => labels[off + i] ?? 0);
      const pred: TypedSpan[] = labelsToSpans(slice).map((x) => ({ start: x.start, end: x.end, type: ENTITY_TYPES[x.type] ?? 'MISC' }));
      scorer.add(tagsToSpans(s.tags), pred);
      off += s.words.length;
    }
  }
  return { ...scorer.score(), scorer };
}
