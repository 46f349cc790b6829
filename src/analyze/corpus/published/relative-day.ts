import type { DateFinding } from '../../../domain/findings.js';
import { addDays, fmtDay, parseDayValue, type Ymd } from '../../dates/calendar.js';
import type { DatedEvent, PublishedInput } from './events.js';
import { matchEvent } from './match.js';
import { clauseAround, contentWords, sentenceBounds } from './words.js';

/*
 * "Open Assembly Watch said yesterday that it had documented more than 200 arrests": a day relative to the
 * publish date ("yesterday", "today", "last night") on an event another article dates. Two kinds of dated event:
 *  - the corpus's dated events that date the sentence itself (not a date attached to a noun: "Tuesday's march"
 *    dates the march, not the statement about it);
 *  - an article's own statement: the clause names the outlet of another article (the speaker is the outlet)
 *    and shares its words: that statement is dated by that article's publish date.
 * Each yields a publish day (the event's day minus the offset) when one day stands out; used to confirm or refute.
 */

const OFFSETS: readonly [RegExp, number][] = [
  [/^the day before yesterday$/i, 2],
  [/^yesterday(?: (?:morning|afternoon|evening))?$/i, 1],
  [/^last night$/i, 1],
  [/^(?:today|tonight|this (?:morning|afternoon|evening))$/i, 0],
];

export interface RelativeDayEvidence {
  readonly day: Ymd;
  readonly why: string;
}

function offsetOf(f: DateFinding): number | null {
  for (const [re, n] of OFFSETS) if (re.test(f.text.trim())) return n;
  return null;
}

/**
 * The names an outlet goes by: its whole name and each part between dashes, bars or colons ("Open Assembly
 * Watch – Statements" -> "Open Assembly Watch"), kept when it has two content words or is an acronym ("TPA").
 */
function outletNames(outlet: string): Set<string>[] {
  const parts = [outlet, ...outlet.split(/\s+[–—|:-]\s+|\s*[|:]\s*/)];
  const out: Set<string>[] = [];
  for (const part of parts) {
    const words = contentWords(part);
    if (words.size >= 2 || (words.size === 1 && /^\p{Lu}{2,}$/u.test(part.trim()))) out.push(words);
  }
  return out;
}

function ownStatements(inputs: readonly PublishedInput[], selfId: string, clause: ReadonlySet<string>): DatedEvent[] {
  const out: DatedEvent[] = [];
  for (const { article } of inputs) {
    if (article.id === selfId || !article.outlet || article.published?.source === 'inferred') continue;
    const day = article.published && article.published.precision !== 'year' && article.published.precision !== 'month' ? parseDayValue(article.published.value) : null;
    const outlet = outletNames(article.outlet).find((name) => [...name].every((w) => clause.has(w)));
    if (!day || !outlet) continue;
    const text = article.text;
    const seen = new Set<number>();
    for (let i = 0; i < text.length; ) {
      const s = sentenceBounds(text, i, i);
      if (!seen.has(s.start)) {
        seen.add(s.start);
        const words = contentWords(text.slice(s.start, s.end));
        for (const w of outlet) words.add(w);
        out.push({ articleId: article.id, day, words, kind: 'stated', possessive: false, label: `"${article.outlet}" published "${text.slice(s.start, s.end).trim().slice(0, 80)}" on ${fmtDay(day)}` });
      }
      i = Math.max(s.end + 1, i + 1);
    }
  }
  return out;
}

export function relativeDayEvidence(input: PublishedInput, events: readonly DatedEvent[], inputs: readonly PublishedInput[]): RelativeDayEvidence[] {
  const out: RelativeDayEvidence[] = [];
  const self = input.article.id;
  for (const f of input.dates) {
    const back = offsetOf(f);
    if (back === null) continue;
    const clause = clauseAround(input.article.text, f.span.start, f.span.end);
    const words = contentWords(clause);
    for (const w of contentWords(f.text)) words.delete(w);
    if (words.size < 3) continue;
    const pool = [...events.filter((e) => e.articleId !== self && e.kind === 'stated' && !e.possessive), ...ownStatements(inputs, self, words)];
    const r = matchEvent(words, null, pool, 3, 0.6);
    if (!r || !('match' in r)) continue;
    const m = r.match;
    const day = addDays(m.event.day, back);
    out.push({ day, why: `"${f.text}" in "${clause.trim()}": ${m.event.label}, sharing ${m.shared.map((w) => `'${w}'`).join(', ')}; ${back ? `+${back} day(s) ` : ''}-> published ${fmtDay(day)}` });
  }
  return out;
}
