import type { StoredFinding } from '../../../domain/finding.js';
import type { QuantityData, StatementData } from '../../../domain/findings.js';
import type { ClaimArticleInput, ClaimContext } from './types.js';
import { nameKey } from './words.js';

/** Tests only: the quantity fields of a claim, with the counted noun and the owner as plain strings. */
export type QuantitySpec = Partial<Omit<QuantityData, 'counted' | 'owner'>> & { counted?: string | null; owner?: string | null };

/** Tests only: a quantity finding with the fields the engine reads; `at` places it in the article text. */
export function quantity(article: string, n: number, text: string, at: number, d: QuantitySpec): StoredFinding {
  const span = { start: at, end: at + text.length };
  // The counted noun's own span: where its first letters occur in the phrase (the whole phrase otherwise).
  const c = typeof d.counted === 'string' ? text.toLowerCase().lastIndexOf(d.counted.toLowerCase().slice(0, 4)) : -1;
  const countedSpan = c >= 0 ? { start: at + c, end: at + text.length } : span;
  const data: QuantityData = {
    value: d.value ?? null,
    low: d.low ?? d.value ?? null,
    high: d.high ?? d.value ?? null,
    approximator: d.approximator ?? null,
    vague: d.vague ?? false,
    unit: d.unit ?? null,
    counted: typeof d.counted === 'string' ? { span: countedSpan, text: d.counted, lemma: d.counted } : null,
    owner: typeof d.owner === 'string' ? { span, text: d.owner, name: d.owner } : null,
  };
  return { id: `${article}:quantities:${n}`, articleId: article, stage: 'quantities', stageVersion: 1, kind: 'quantity', span, text, rule: 'quantities/test', data };
}

export function statement(article: string, n: number, content: string, at: number, speaker: string | null, type: 'PER' | 'ORG' | 'DOC' | null = 'PER'): StoredFinding {
  const span = { start: at, end: at + content.length };
  const data: StatementData = {
    mode: 'direct',
    source: null,
    cue: null,
    content: { span, text: content },
    speaker: speaker === null ? null : { name: speaker, entity: type === 'DOC' ? null : span, type, via: type === 'DOC' ? 'document' : 'name' },
    medium: null,
    addressee: null,
  };
  return { id: `${article}:statements:${n}`, articleId: article, stage: 'statements', stageVersion: 1, kind: 'statement', span, text: content, rule: 'statements/test', data };
}

/**
 * Tests only: an article whose text is its claims' phrases, one line each ("Reports say <phrase>."), so that spans are real.
 * Each entry: [phrase, quantity fields].
 */
export function article(id: string, claims: [string, QuantitySpec][], opts: { published?: string | null; outlet?: string } = {}): ClaimArticleInput {
  let text = '';
  const findings: StoredFinding[] = [];
  claims.forEach(([phrase, d], n) => {
    text += 'Reports say ';
    const at = text.length;
    text += `${phrase}.\n`;
    findings.push(quantity(id, n, phrase, at, d));
  });
  return { id, outlet: opts.outlet ?? `outlet-${id}`, published: opts.published ?? '2024-03-01', text, findings };
}

/** Tests only: actors are normalised names; one story for all, or per-article stories. */
export function simpleContext(stories: Readonly<Record<string, string>> | string | null = 'story-1'): ClaimContext {
  return {
    actorOf: (name) => `actor:${nameKey(name)}`,
    storyOf: (id) => (stories === null || typeof stories === 'string' ? stories : (stories[id] ?? null)),
  };
}
