import type { AnyFinding } from '../../../domain/finding.js';
import type { DateFinding, EntityFinding, EntityType, StatementFinding } from '../../../domain/findings.js';
import type { StageContext } from '../../../domain/stage.js';
import type { Note } from '../../../domain/note.js';
import { makeArticle } from '../../../../test/support/article.js';
import { tokenize } from '../../tokens/index.js';

/**
 * Test support for the labels and quantities stages: a StageContext over a text with hand-made prior
 * findings, so the tables of cases do not depend on the entities, dates and statements models.
 */

/** Entity surfaces: [surface, type, article-level name]. Every whole-word occurrence becomes a mention. */
export type EntitySpec = readonly [string, EntityType, string?];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function entityFindings(text: string, specs: readonly EntitySpec[]): EntityFinding[] {
  const out: EntityFinding[] = [];
  const taken: boolean[] = [];
  // Longer surfaces first, so "Free Wing Organization" wins over "Wing".
  const sorted = [...specs].sort((a, b) => b[0].length - a[0].length);
  for (const [surface, type, name] of sorted) {
    const re = new RegExp(`(?<![\\p{L}\\d])${escape(surface)}(?![\\p{L}\\d])`, 'gu');
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + surface.length;
      let free = true;
      for (let i = start; i < end; i++) if (taken[i]) free = false;
      if (!free) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      out.push({
        kind: 'entity',
        span: { start, end },
        text: surface,
        rule: 'test/entity',
        data: { type, name: name ?? surface, antecedent: null, via: 'model', titles: [], confidence: 1 },
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** A date finding on every occurrence of each surface. */
export function dateFindings(text: string, surfaces: readonly string[]): DateFinding[] {
  const out: DateFinding[] = [];
  for (const s of surfaces) {
    for (const m of text.matchAll(new RegExp(escape(s), 'g'))) {
      out.push({
        kind: 'date',
        span: { start: m.index, end: m.index + s.length },
        text: s,
        rule: 'test/date',
        data: { type: 'DATE', value: 'XXXX', anchor: 'none', mod: null, evidence: null, yearUnknown: true },
      });
    }
  }
  return out;
}

/** A statement whose content is the first occurrence of `content`, spoken by `speaker`. */
export function statementFinding(text: string, content: string, speaker: string, mode: 'direct' | 'indirect' = 'direct'): StatementFinding {
  const start = text.indexOf(content);
  if (start < 0) throw new Error(`content not in text: ${content}`);
  const span = { start, end: start + content.length };
  return {
    kind: 'statement',
    span,
    text: content,
    rule: 'test/statement',
    data: { mode, source: null, cue: null, content: { span, text: content }, speaker: { name: speaker, entity: null, type: 'PER', via: 'name' }, medium: null, addressee: null },
  };
}

export function fakeContext(text: string, prior: Record<string, readonly AnyFinding[]> = {}): StageContext & { notes: Note[] } {
  const notes: Note[] = [];
  return {
    article: makeArticle(text),
    tokens: tokenize(text),
    prior: (stage) => prior[stage] ?? [],
    note: (code, message, span) => notes.push(span ? { code, message, by: 'test', span } : { code, message, by: 'test' }),
    notes,
  };
}
