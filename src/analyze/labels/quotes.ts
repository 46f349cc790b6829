import type { AnyFinding } from '../../domain/finding.js';
import type { StatementData } from '../../domain/findings.js';
import type { Span } from '../../domain/span.js';
import type { ArticleView } from '../phrases/article-view.js';

/** A stretch of text between quotation marks, by tokens: `open` and `close` are the mark tokens. */
export interface QuoteSegment {
  readonly open: number;
  /** The closing mark's token, or one past the paragraph's last token when the quote never closes. */
  readonly close: number;
  readonly closed: boolean;
}

const PARTNER: Readonly<Record<string, readonly string[]>> = {
  '“': ['”', '"'],
  '„': ['“', '”', '"'],
  '«': ['»'],
  '‘': ['’'],
  '"': ['"', '”'],
};

/**
 * Quotation marks paired within each paragraph, each opening mark with its own closing marks. An
 * opening mark with no partner runs to the paragraph's end (quotes that go on over several paragraphs
 * repeat only the opening mark). Never throws on unbalanced marks.
 */
export function quoteSegments(v: ArticleView): QuoteSegment[] {
  const out: QuoteSegment[] = [];
  let open = -1;
  let closers: readonly string[] = [];
  for (let i = 0; i <= v.tokens.length; i++) {
    const tok = v.tokens[i];
    if ((!tok || (tok.newlineBefore && i > 0)) && open >= 0) {
      out.push({ open, close: i, closed: false });
      open = -1;
    }
    if (!tok) break;
    if (open < 0) {
      const partners = PARTNER[tok.text];
      if (partners) {
        open = i;
        closers = partners;
      }
    } else if (closers.includes(tok.text)) {
      out.push({ open, close: i, closed: true });
      open = -1;
    }
  }
  return out;
}

/** A zone of someone else's words: a quote segment or a direct statement's content, with its speaker. */
export interface QuotedZone {
  readonly span: Span;
  readonly speaker: string | null;
  /** True when the zone is a pair of quote marks around a few words, not a statement. */
  readonly short: boolean;
}

function isStatement(d: unknown): d is StatementData {
  return typeof d === 'object' && d !== null && typeof (d as StatementData).mode === 'string' && typeof (d as StatementData).content === 'object';
}

/**
 * Where the article quotes others: quote segments (their speaker taken from the statement that covers
 * them) and the content of direct statements. Indirect speech is not a quoted zone: its words are the
 * outlet's own paraphrase.
 */
export function quotedZones(v: ArticleView, statements: readonly AnyFinding[]): QuotedZone[] {
  const stmts = statements.filter((s) => s.kind === 'statement' && isStatement(s.data));
  const speakerCovering = (span: Span): string | null => {
    for (const s of stmts) {
      const d = s.data as StatementData;
      const c = d.content.span;
      if ((c.start <= span.start && span.end <= c.end) || (s.span.start <= span.start && span.end <= s.span.end)) return d.speaker?.name ?? null;
    }
    return null;
  };
  const zones: QuotedZone[] = [];
  for (const q of quoteSegments(v)) {
    const start = v.tokens[q.open]!.end;
    const end = q.close < v.tokens.length ? v.tokens[q.close]!.start : (v.tokens[q.close - 1]?.end ?? start);
    const span = { start, end };
    zones.push({ span, speaker: speakerCovering(span), short: q.closed && q.close - q.open <= 7 });
  }
  for (const s of stmts) {
    const d = s.data as StatementData;
    // Content that carries its own quote marks is covered by the segments above, and may span the
    // attribution between two quotes ("...," X said. "..."); only unmarked direct content is added.
    if (d.mode === 'direct' && !/["“”«»„]/.test(d.content.text)) zones.push({ span: d.content.span, speaker: d.speaker?.name ?? null, short: false });
  }
  return zones;
}

export function zoneCovering(zones: readonly QuotedZone[], span: Span): QuotedZone | null {
  let best: QuotedZone | null = null;
  for (const z of zones) {
    if (z.span.start <= span.start && span.end <= z.span.end) {
      if (!best || z.span.end - z.span.start < best.span.end - best.span.start) best = z;
    }
  }
  return best;
}
