import type { AnyFinding, Part } from '../../domain/finding.js';
import type { EntityFinding, SpeakerRef, StatementFinding } from '../../domain/findings.js';
import type { Span } from '../../domain/span.js';
import type { ArticleStage, StageContext } from '../../domain/stage.js';
import { FrameFinder, type Draft, type Unit } from './frames.js';
import { findQuotes, type Quote } from './quotes.js';
import { SpeakerResolver, type PriorSpeaker } from './speaker.js';

/**
 * statements: every attribution of speech or thought, direct ("“...,” Vell said."), indirect ("Vell told
 * Der Spiegel that ...") and mixed ("He hoped that Norland would “make up for ...”"), with spans for
 * source, cue and content, the medium and addressee when stated, and the speaker resolved to an entity
 * of the article where the text supports it.
 *
 * Order (frames.ts), each step leaving alone the cues and quotations the earlier ones used:
 *   1. "Name: content" headline and transcript lines (they would otherwise read as sentences);
 *   2. quotation frames ("“...,” Vell said." / "Vell said: “...”"), continuing into the next quotation;
 *   3. cue frames per sentence: a closing frame first ("..., Press TV reported."), then "X said (that) ...",
 *      "According to X, ...", participles ("..., adding that"), passives ("It was announced that");
 *   4. nominal frames ("Trump's claim that ...") and questions ("When asked whether ...").
 * Then speakers, in text order so that a pronoun can refer back to an earlier speaker (speaker.ts).
 */

/** Sentences, merged where a quotation runs across a sentence boundary. */
function unitsOf(ctx: StageContext, quotes: readonly Quote[]): Unit[] {
  const text = ctx.article.text;
  const base: Unit[] = ctx.tokens.sentences.length > 0 ? ctx.tokens.sentences.map((s) => ({ start: s.start, end: s.end })) : linesOf(text);
  const units: Unit[] = [];
  let qi = 0;
  for (const s of base) {
    const prev = units[units.length - 1];
    while (qi < quotes.length && quotes[qi]!.end <= (prev?.end ?? 0)) qi++;
    const crossing = prev !== undefined && quotes.slice(qi, qi + 4).some((q) => q.start < prev.end && q.end > prev.end && !q.multiParagraph);
    // "..., Mitch McConnell, R-Ky., said.": a sentence split after an abbreviation goes on with a comma or a lowercase word.
    const glued = prev !== undefined && /^[,;)\p{Ll}]/u.test(text.charAt(s.start)) && !text.slice(prev.end, s.start).includes('\n');
    if (prev && (crossing || glued)) units[units.length - 1] = { start: prev.start, end: Math.max(prev.end, s.end) };
    else units.push({ start: s.start, end: s.end });
  }
  return units;
}

function linesOf(text: string): Unit[] {
  const out: Unit[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

const part = (text: string, s: Span | null): Part | null => (s && s.end > s.start ? { span: { start: s.start, end: s.end }, text: text.slice(s.start, s.end) } : null);

function toFinding(text: string, d: Draft, speaker: SpeakerRef | null): StatementFinding {
  const spans = [d.source, d.cue, d.content].filter((s): s is Span => s !== null);
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return {
    kind: 'statement',
    span: { start, end },
    text: text.slice(start, end),
    rule: d.rule,
    data: {
      mode: d.mode,
      source: part(text, d.source),
      cue: part(text, d.cue),
      content: part(text, d.content)!,
      speaker,
      medium: part(text, d.medium),
      addressee: part(text, d.addressee),
    },
  };
}

export function findStatements(ctx: StageContext): StatementFinding[] {
  const text = ctx.article.text;
  const scan = findQuotes(text);
  for (const at of scan.unbalanced) ctx.note('unbalanced-quote', 'a quotation mark without its partner; the quotation was not used', { start: at, end: at + 1 });
  const units = unitsOf(ctx, scan.quotes);
  const entities = ctx.prior('entities').filter((f: AnyFinding): f is EntityFinding => f.kind === 'entity');
  const names = entities.filter((e) => e.data.type === 'PER' || e.data.type === 'ORG').map((e) => e.span);
  const drafts = new FrameFinder(text, units, scan.quotes, names).find();
  const resolver = new SpeakerResolver(text, entities, units.map((u) => u.start));
  // Resolve in text order so that "he" can refer to an earlier speaker.
  const order = drafts.map((d, i) => ({ d, i, at: (d.source ?? d.cue).start })).sort((a, b) => a.at - b.at);
  const speakers = new Map<number, SpeakerRef | null>();
  const prior: PriorSpeaker[] = [];
  for (const { d, i, at } of order) {
    let speaker: SpeakerRef | null = null;
    if (d.source) speaker = resolver.resolve(d.source, prior);
    else if (d.sameSpeakerAs !== null) speaker = speakers.get(d.sameSpeakerAs) ?? null;
    speakers.set(i, speaker);
    if (speaker && speaker.via !== 'unresolved') prior.push({ at, speaker });
  }
  return drafts.map((d, i) => toFinding(text, d, speakers.get(i) ?? null)).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

export const statementsStage: ArticleStage<StatementFinding> = {
  name: 'statements',
  version: 4,
  needs: ['entities'],
  anyLanguage: false,
  run: findStatements,
};
