/*
 * What the engine reads from one article: its findings by kind, the sentence around a span, who speaks at a
 * span, which entity type a span has, and the years named near a span.
 */
import type { StoredFinding } from '../../../domain/finding.js';
import type { DateData, EntityData, EntityType, QuantityData, StatementData } from '../../../domain/findings.js';
import type { Span } from '../../../domain/span.js';
import type { SourceRef } from '../../../domain/corpus.js';
import { tokenize } from '../../tokens/index.js';
import type { ClaimArticleInput } from './types.js';

export type Typed<D> = StoredFinding & { readonly data: D };

export class ArticleView {
  readonly quantities: Typed<QuantityData>[] = [];
  readonly statements: Typed<StatementData>[] = [];
  private readonly entities: Typed<EntityData>[] = [];
  private readonly dates: Typed<DateData>[] = [];
  /** Sentences by paragraph start (offsets relative to the paragraph). */
  private readonly paragraphs = new Map<number, readonly { start: number; end: number }[]>();

  constructor(readonly input: ClaimArticleInput) {
    for (const f of input.findings) {
      if (f.kind === 'quantity') this.quantities.push(f as Typed<QuantityData>);
      else if (f.kind === 'statement') this.statements.push(f as Typed<StatementData>);
      else if (f.kind === 'entity') this.entities.push(f as Typed<EntityData>);
      else if (f.kind === 'date') this.dates.push(f as Typed<DateData>);
    }
  }

  ref(span: Span, finding: StoredFinding | null, rule: string): SourceRef {
    const a = this.input;
    return { articleId: a.id, outlet: a.outlet, published: a.published, span, text: a.text.slice(span.start, span.end), findingId: finding?.id ?? null, rule };
  }

  /** The sentence holding `span`: its paragraph is tokenized and split (cheap: one paragraph, not the article). */
  sentence(span: Span): Span {
    const text = this.input.text;
    const pStart = text.lastIndexOf('\n', Math.max(0, span.start - 1)) + 1;
    let pEnd = text.indexOf('\n', span.end);
    if (pEnd < 0) pEnd = text.length;
    let sentences = this.paragraphs.get(pStart);
    if (!sentences) {
      sentences = tokenize(text.slice(pStart, pEnd)).sentences;
      this.paragraphs.set(pStart, sentences);
    }
    let start = pEnd;
    let end = pStart;
    for (const s of sentences) {
      if (s.end + pStart > span.start && s.start + pStart < span.end) {
        start = Math.min(start, s.start + pStart);
        end = Math.max(end, s.end + pStart);
      }
    }
    return start < end ? { start, end } : { start: span.start, end: span.end };
  }

  /** The speaker of the statement whose content holds `span` (the innermost one), or null in the article's voice. */
  speakerAt(span: Span): string | null {
    let best: Typed<StatementData> | null = null;
    for (const s of this.statements) {
      const c = s.data.content.span;
      if (c.start <= span.start && span.end <= c.end && (!best || c.end - c.start < best.data.content.span.end - best.data.content.span.start)) best = s;
    }
    return best?.data.speaker?.name ?? null;
  }

  /** The type of the entity mention at `span` (overlapping it), when there is one. */
  entityTypeAt(span: Span | null | undefined): EntityType | null {
    if (!span) return null;
    for (const e of this.entities) if (e.span.start < span.end && span.start < e.span.end) return e.data.type;
    return null;
  }

  /** The type of an entity of that article-level name anywhere in the article. */
  entityTypeOf(name: string): EntityType | null {
    for (const e of this.entities) if (e.data.name === name) return e.data.type;
    return null;
  }

  /** The entity mentions (name and type) inside `span` (the claim's sentence). */
  entitiesIn(span: Span): { name: string; type: EntityType }[] {
    const out: { name: string; type: EntityType }[] = [];
    for (const e of this.entities) if (e.span.start >= span.start && e.span.end <= span.end) out.push({ name: e.data.name, type: e.data.type });
    return out;
  }

  /** Years of DATE findings inside `span` (the claim's sentence), when date findings were given. */
  yearsIn(span: Span): string[] {
    const out = new Set<string>();
    for (const d of this.dates) {
      if (d.span.start >= span.start && d.span.end <= span.end && /^\d{4}/.test(d.data.value)) out.add(d.data.value.slice(0, 4));
    }
    return [...out];
  }
}
