/*
 * A short description of the event a date belongs to, in the source's own words: the clause around the date
 * (the sentence cut at , ; : and dashes, widened to the next clause when too short), without the date and its
 * preposition, preceded by the sentence's subject when the clause starts after it ("Ostrevia … severed
 * diplomatic ties with Tehran"), cut to a number of words and stripped of dangling function words. Nothing is
 * reworded: every word comes from the text, "…" marks what was left out.
 */

import { isPremodifier } from './words.js';

const CUT = /[,;:]\s|\s(?:--|[-–—])\s|[“”"()]/g;
const LEAD = /(?:\b(?:in|on|since|during|at|by|from|of|until|till|through|around|about|early|late|mid|the|between|and|to|over|for)\s+)+$/i;
const DANGLING = /^(?:in|on|since|during|at|by|from|of|until|the|a|an|and|or|but|to|with|for|over|after|before|which|that|who|as|its|their|his|her|when|while)$/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu;

function chunksOf(sentence: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = 0;
  for (const m of sentence.matchAll(CUT)) {
    const i = m.index ?? 0;
    if (i > at) out.push({ start: at, end: i });
    at = i + m[0].length;
  }
  if (at < sentence.length) out.push({ start: at, end: sentence.length });
  return out.filter((c) => /[\p{L}\p{N}]/u.test(sentence.slice(c.start, c.end)));
}

const words = (s: string): string[] => s.match(WORD) ?? [];

function trim(ws: string[], max: number): string[] {
  let out = ws.slice(0, max);
  while (out.length > 1 && DANGLING.test(out[out.length - 1]!.replace(/[.,]$/, ''))) out = out.slice(0, -1);
  while (out.length > 1 && DANGLING.test(out[0]!) && !/^(?:the|a|an)$/i.test(out[0]!)) out = out.slice(1);
  return out.map((w, i) => (i === out.length - 1 ? w.replace(/[.,]+$/, '') : w));
}

/**
 * `sentence` is the sentence text; `at`/`end` the date's offsets inside it; `max` the number of words.
 */
export function describe(sentence: string, at: number, end: number, max: number): string {
  const chunks = chunksOf(sentence);
  let k = chunks.findIndex((c) => c.start <= at && at < c.end);
  if (k < 0) k = chunks.findIndex((c) => c.end > at);
  if (k < 0) return words(sentence).slice(0, max).join(' ');
  const c = chunks[k]!;
  let after = sentence.slice(Math.min(c.end, Math.max(end, c.start)), c.end).replace(/^\s*['’]s\b/, '');
  // "the July attack" dates the attack: keep "the"; "in July" dates the clause: drop "in".
  const premodifier = isPremodifier(sentence, at, end);
  const lead0 = sentence.slice(c.start, Math.max(c.start, at));
  const before = premodifier ? lead0 : lead0.replace(LEAD, '');
  let next = k + 1;
  while (words(before).length + words(after).length < 4 && next < chunks.length) {
    const n = chunks[next++]!;
    after = `${after} ${sentence.slice(n.start, n.end)}`;
  }
  // A long lead-up: the words nearest the date carry the event ("... Mike Pence in the camp in Durres in May").
  const lead = words(before);
  let ws = lead.length > max ? [...lead.slice(0, 3), '…', ...lead.slice(lead.length - (max - 3))] : [...lead, ...words(after)];
  // A clause after the subject ("Ostrevia, which ..., on Wednesday severed ties"): name the subject first.
  if (k > 0) {
    const subject = chunks.slice(0, k).find((x) => {
      const t = sentence.slice(x.start, x.end).trim();
      return t !== t.toUpperCase() && /^\p{Lu}/u.test(t) && words(t).length <= 4;
    });
    const startsLower = /^\p{Ll}/u.test((ws[0] ?? '').trim());
    if (subject && startsLower) ws = [...words(sentence.slice(subject.start, subject.end)), '…', ...ws];
  }
  const out = trim(ws.filter((w) => w.trim()), max).join(' ');
  // Nothing but the date in its clause ("2016."): the sentence itself, date included.
  return out && out !== '…' ? out : trim(words(sentence), max).join(' ');
}
