import type { Article } from '../domain/article.js';
import type { SourceRef } from '../domain/corpus.js';
import type { StoredFinding } from '../domain/finding.js';
import type { Span } from '../domain/span.js';

/**
 * One article as the cross-article stages read it: its own fields and every stored finding. The engines take
 * narrower views of it (`id`, `outlet`, `published`, `text`, `findings`), so one object serves them all.
 */
export interface CorpusArticle {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly text: string;
  readonly findings: readonly StoredFinding[];
  /** What decides whether the incremental engines must see the article again: publish value and stage versions. */
  readonly fingerprint: string;
}

export function corpusArticle(article: Article, findings: readonly StoredFinding[], versions: readonly { stage: string; version: number }[]): CorpusArticle {
  const published = article.published?.value ?? null;
  const stages = [...versions].sort((a, b) => (a.stage < b.stage ? -1 : 1)).map((v) => `${v.stage}@${v.version}`);
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    published,
    language: article.language,
    text: article.text,
    findings,
    fingerprint: `${published ?? '-'}|${stages.join(',')}`,
  };
}

export function findingsOf<K extends string>(a: CorpusArticle, kind: K): StoredFinding[] {
  return a.findings.filter((f) => f.kind === kind);
}

/** A SourceRef for characters of an article (from a finding, or a span with the rule that chose it). */
export function sourceRef(a: Pick<CorpusArticle, 'id' | 'outlet' | 'published' | 'text'>, span: Span, rule: string, findingId: string | null = null): SourceRef {
  return { articleId: a.id, outlet: a.outlet, published: a.published, span, text: a.text.slice(span.start, span.end), findingId, rule };
}

export function refOfFinding(a: Pick<CorpusArticle, 'id' | 'outlet' | 'published' | 'text'>, f: StoredFinding): SourceRef {
  return { articleId: a.id, outlet: a.outlet, published: a.published, span: f.span, text: f.text, findingId: f.id, rule: f.rule };
}
