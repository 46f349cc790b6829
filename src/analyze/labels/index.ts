import type { EntityData, LabelFinding, LabelForm } from '../../domain/findings.js';
import type { Span } from '../../domain/span.js';
import type { ArticleStage, StageContext } from '../../domain/stage.js';
import { type ArticleView, buildView, type Mention } from '../phrases/article-view.js';
import { findReferences } from './refer-back.js';
import { type QuotedZone, quotedZones, zoneCovering } from './quotes.js';

/**
 * labels: the descriptive labels an article attaches to each entity mention (appositives, premodifiers,
 * predicate nominals, definite descriptions that refer back, scare quotes, "so-called", "alleged"), each
 * in the article's own voice or inside someone else's quoted words. It describes; it never judges: there
 * is no list of loaded words, only grammar. Labels inside indirect speech are the outlet's own wording
 * and count as its own voice; only quoted words (quote marks, direct statements) are 'quoted'.
 */

const LEADING = /^(?:(?:the|a|an|this|that|its|their|his|her)\s+)+/i;
const QUOTE_MARKS = /["“”«»„]/g;

/** Label text from token indices: contiguous runs sliced from the article, joined by one space. */
export function labelText(v: ArticleView, words: readonly number[]): string {
  const runs: string[] = [];
  let runStart = -1;
  let prev = -2;
  const flush = (): void => {
    if (runStart >= 0) runs.push(v.text.slice(v.tokens[runStart]!.start, v.tokens[prev]!.end));
  };
  for (const w of words) {
    if (w !== prev + 1) {
      flush();
      runStart = w;
    }
    prev = w;
  }
  flush();
  return normaliseLabel(runs.join(' '));
}

/** No leading article, no quote marks, single spaces; words keep their case except a capitalised article. */
export function normaliseLabel(raw: string): string {
  return raw.replace(QUOTE_MARKS, '').replace(/\s+/g, ' ').trim().replace(LEADING, '').trim();
}

function spanOf(v: ArticleView, first: number, end: number): Span {
  return { start: v.tokens[first]!.start, end: v.tokens[end - 1]!.end };
}

function voiceOf(zones: readonly QuotedZone[], s: Span): { voice: 'own' | 'quoted'; speaker: string | null } {
  const z = zoneCovering(zones, s);
  return z ? { voice: 'quoted', speaker: z.speaker } : { voice: 'own', speaker: null };
}

function make(
  v: ArticleView,
  zones: readonly QuotedZone[],
  target: Mention,
  labelSpan: Span,
  label: string,
  form: LabelForm,
  rule: string,
  own: Span,
): LabelFinding {
  const span = own;
  const { voice, speaker } = voiceOf(zones, labelSpan);
  return {
    kind: 'label',
    span,
    text: v.text.slice(span.start, span.end),
    rule,
    data: {
      target: { span: target.span, text: target.text, name: target.name },
      label,
      form,
      voice,
      quotedSpeaker: speaker,
      labelSpan,
    },
  };
}

function run(ctx: StageContext): LabelFinding[] {
  const v = buildView(ctx);
  if (v.mentions.length === 0) return [];
  const zones = quotedZones(v, ctx.prior('statements'));
  const refs = findReferences(v);
  const out: LabelFinding[] = [];
  const seen = new Set<string>();
  const push = (f: LabelFinding): void => {
    const key = `${f.data.target.name}:${f.data.labelSpan.start}:${f.data.labelSpan.end}:${f.data.form}`;
    if (f.data.label.length === 0 || seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  for (const a of refs.attached) {
    const m = v.mentions[a.mention]!;
    const labelSpan = spanOf(v, a.first, a.end);
    const span = { start: Math.min(m.span.start, labelSpan.start), end: Math.max(m.span.end, labelSpan.end) };
    push(make(v, zones, m, labelSpan, labelText(v, a.words), a.form, a.rule, span));
  }
  // Descriptions that refer back: rule `labels/description-<how>`, label span ending at the head noun.
  // The quantities stage reads these to name owners ("members of the terror group"): keep both stable.
  for (const d of refs.descriptions) {
    if (!d.target) continue;
    const words: number[] = [];
    for (let t = d.wordsStart; t < d.end; t++) words.push(t);
    const label = labelText(v, words);
    const lowers = words.map((t) => v.lower[t]);
    const form: LabelForm = d.quoted ? 'scare-quote' : lowers.includes('so-called') ? 'so-called' : lowers.includes('alleged') ? 'alleged' : 'description';
    const labelSpan = spanOf(v, d.wordsStart, d.end);
    const span = spanOf(v, d.first, d.end);
    push(make(v, zones, d.target.mention, labelSpan, label, form, `labels/description-${d.target.how}`, span));
  }
  // Descriptions the entities stage already resolved ("the Norlandic prime minister" -> a PER).
  for (const f of ctx.prior('entities')) {
    const d = f.data as EntityData | undefined;
    if (f.kind !== 'entity' || !d || d.via !== 'description' || !/^(the|this|that)\s/i.test(f.text)) continue;
    const target: Mention = { span: d.antecedent ?? f.span, text: v.text.slice((d.antecedent ?? f.span).start, (d.antecedent ?? f.span).end), name: d.name, type: d.type, via: d.via, first: 0, end: 0 };
    push(make(v, zones, target, f.span, normaliseLabel(f.text), 'description', 'labels/entity-description', f.span));
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

export const labelsStage: ArticleStage<LabelFinding> = {
  name: 'labels',
  version: 1,
  needs: ['entities', 'statements'],
  anyLanguage: false,
  run,
};
