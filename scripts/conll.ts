import { readFileSync } from 'node:fs';

/** A CoNLL-2003 document: sentences of words with their gold IOB1 tags. */
export interface ConllDocument {
  readonly sentences: { readonly words: string[]; readonly tags: string[] }[];
}

export interface TypedSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Read eng.train / eng.testa / eng.testb: documents split at -DOCSTART-, sentences at blank lines. */
export function readConll(path: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (words.length > 0) doc.sentences.push({ words, tags });
    words = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.trim().split(' ');
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      if (doc.sentences.length > 0) docs.push(doc);
      doc = { sentences: [] };
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    words.push(cols[0] ?? '');
    tags.push(cols[cols.length - 1] ?? 'O');
  }
  endSentence();
  if (doc.sentences.length > 0) docs.push(doc);
  return docs;
}

/** Entity spans (token offsets) of an IOB1 or IOB2 or BILOU tag sequence, as conlleval reads chunks. */
export function tagsToSpans(tags: readonly string[]): TypedSpan[] {
  const out: TypedSpan[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const tag = tags[i] ?? 'O';
    const prefix = tag === 'O' ? 'O' : tag.slice(0, 1);
    const t = tag === 'O' ? '' : tag.slice(2);
    const continues = start >= 0 && t === type && (prefix === 'I' || prefix === 'L');
    if (!continues && start >= 0) {
      out.push({ start, end: i, type });
      start = -1;
    }
    if (prefix !== 'O' && !continues) {
      start = i;
      type = t;
    }
    if (start >= 0 && (prefix === 'L' || prefix === 'U')) {
      out.push({ start, end: i + 1, type });
      start = -1;
    }
  }
  return out;
}

export interface Score {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
}

/** Exact span + type match, micro-averaged, per type and overall (conlleval's figures). */
export class SpanScorer {
  private readonly counts = new Map<string, { gold: number; predicted: number; correct: number }>();

  add(gold: readonly TypedSpan[], predicted: readonly TypedSpan[]): void {
    const key = (s: TypedSpan): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    for (const s of gold) this.bump(s.type, 'gold');
    for (const s of predicted) {
      this.bump(s.type, 'predicted');
      if (goldKeys.has(key(s))) this.bump(s.type, 'correct');
    }
  }

  private bump(type: string, field: 'gold' | 'predicted' | 'correct'): void {
    for (const k of [type, 'ALL']) {
      const c = this.counts.get(k) ?? { gold: 0, predicted: 0, correct: 0 };
      c[field]++;
      this.counts.set(k, c);
    }
  }

  score(type = 'ALL'): Score {
    const c = this.counts.get(type) ?? { gold: 0, predicted: 0, correct: 0 };
    const precision = c.predicted ? c.correct / c.predicted : 0;
    const recall = c.gold ? c.correct / c.gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, ...c };
  }
}
