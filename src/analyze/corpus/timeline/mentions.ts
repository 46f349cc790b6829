import type { SourceRef } from '../../../domain/corpus.js';
import type { StoredFinding } from '../../../domain/finding.js';
import type { DateData, EntityData } from '../../../domain/findings.js';
import type { Token } from '../../../domain/text.js';
import { tokenize } from '../../tokens/index.js';
import { describe } from './describe.js';
import type { Mention, TimelineArticleInput, TimelineParams } from './types.js';
import { parseValue, shiftDay, type DateValue } from './values.js';
import { isPremodifier, nameTerm, termOf, termsOfWords } from './words.js';

/*
 * The dated mentions of one article. Kept: DATE and TIME findings whose value is a day, month, season, year,
 * decade or century, or a year-less month or day (see values.ts); durations, sets, references (PRESENT_REF)
 * and unresolved weekdays are left out. Also left out: a date in a dateline or a metadata line ("LONDON,
 * Sept. 7 (Reuters) -", "Publish Date : 07 September 2022"): it dates the report, not an event. A date the
 * article resolves on its publish day ("on Wednesday severed ties") is kept: it dates the news itself.
 *  - Ranges: two dates joined by "-", "to", "and", "through", "until" ("1980-88", "May and June 2022") are one
 *    mention with the interval value '1980/1988'.
 *  - Event anchors: a duration "five days after <event>" dates the event phrase when the sentence, or one of
 *    the three before it that shares a word with it, has exactly one day-precision date (the reference):
 *    event = reference - 5 days. The mention is the phrase.
 *  - The event's words: the sentence part (cut at ";" and half-way to any other date of that part) around the
 *    date. A date that premodifies a noun ("the July attack", "the 2014 agreement") dates that noun: its window
 *    is the noun phrase and what follows it up to the next comma, plus two words before, and its head words
 *    count three times.
 */

interface Kept {
  readonly finding: StoredFinding & { readonly data: DateData };
  readonly date: DateValue;
  start: number;
  end: number;
  value: string;
}

const RANGE_JOIN = /^\s*(?:-|–|—|to|and|through|until|till)\s*$/i;
const EVIDENCE = /^(\d+) (day|week|month|year)\(s\) (after|before) "(.+)"/;
const HEAD_WEIGHT = 3;
const isWord = (t: string): boolean => /^[\p{L}\p{N}]/u.test(t);

function isDateFinding(f: StoredFinding): f is StoredFinding & { readonly data: DateData } {
  return f.kind === 'date' && typeof (f.data as DateData | null)?.value === 'string';
}

function isEntityFinding(f: StoredFinding): f is StoredFinding & { readonly data: EntityData } {
  return f.kind === 'entity' && typeof (f.data as EntityData | null)?.name === 'string';
}

/** A dateline ("TEHRAN, Sept. 7 (MNA) -") or a metadata line ("Publish Date : 07 September 2022 - 21:25"). */
export function inDatelineOrMeta(text: string, start: number, end: number): boolean {
  // Both shapes sit on a short line or at its start: look no further than 130 characters around the date.
  const back = text.slice(Math.max(0, start - 130), start);
  const nl = back.lastIndexOf('\n');
  if (nl < 0 && start > 130) return false;
  const ls = nl < 0 ? 0 : start - back.length + nl + 1;
  const ahead = text.slice(end, end + 130).indexOf('\n');
  const le = ahead < 0 ? (end + 130 >= text.length ? -1 : end + 130) : end + ahead;
  const line = text.slice(ls, le < 0 ? text.length : le);
  const before = text.slice(ls, start);
  const after = text.slice(end, le < 0 ? text.length : le);
  if (before.length <= 60 && !/\b\p{Ll}{3,}/u.test(before) && /^\s*(?:,?\s*\d{4})?\s*(?:\([^)]{1,40}\))?\s*(?:--|[-–—|:])/u.test(after)) return true;
  const rest = `${before} ${after}`.match(/\p{L}+/gu) ?? [];
  return line.length <= 120 && rest.length <= 4 && (rest.length === 0 || rest.some((w) => /^(?:date|dated|published|updated|posted|time)$/i.test(w)));
}

function sentenceIndexOf(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

function keptDates(input: TimelineArticleInput): Kept[] {
  const out: Kept[] = [];
  const dates = input.findings.filter(isDateFinding).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (const f of dates) {
    if (f.data.type !== 'DATE' && f.data.type !== 'TIME') continue;
    const date = parseValue(f.data.value);
    if (!date) continue;
    if (inDatelineOrMeta(input.text, f.span.start, f.span.end)) continue;
    const prev = out[out.length - 1];
    if (prev && date.range && prev.date.range && RANGE_JOIN.test(input.text.slice(prev.end, f.span.start)) && prev.date.range.end < date.range.start && !prev.value.includes('/')) {
      const joined = parseValue(`${prev.value}/${date.value}`);
      if (joined) {
        out[out.length - 1] = { ...prev, date: joined, end: f.span.end, value: joined.value };
        continue;
      }
    }
    out.push({ finding: f, date, start: f.span.start, end: f.span.end, value: date.value });
  }
  return out;
}

/** Every dated mention of one article (see the header). */
export function mentionsOf(input: TimelineArticleInput, params: TimelineParams): Mention[] {
  const text = input.text;
  const { tokens, sentences } = tokenize(text);
  const starts = sentences.map((s) => s.start);
  const kept = keptDates(input);
  const dateSpans = input.findings.filter(isDateFinding).map((f) => f.span);
  const entities = input.findings.filter(isEntityFinding);
  const dateToken = tokens.map((t) => dateSpans.some((s) => t.start < s.end && s.start < t.end));
  const firstTokenAt = (offset: number): number => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const sentenceRange = (i: number) => sentences[i] ?? { start: 0, end: text.length, firstToken: 0, endToken: tokens.length };

  const termsIn = (start: number, end: number, heads: ReadonlySet<number> = new Set()): Map<string, number> => {
    const terms = new Map<string, number>();
    for (let i = firstTokenAt(start); i < tokens.length && tokens[i]!.end <= end; i++) {
      const t = tokens[i]!;
      if (dateToken[i] || !isWord(t.text)) continue;
      const w = heads.has(i) ? HEAD_WEIGHT : 1;
      for (const term of termsOfWords([t.text])) terms.set(term, (terms.get(term) ?? 0) + w);
    }
    for (const e of entities) {
      if (e.span.start >= start && e.span.end <= end) {
        const k = nameTerm(e.data.name);
        terms.set(k, (terms.get(k) ?? 0) + 1);
      }
    }
    return terms;
  };

  const source = (start: number, end: number, findingId: string | null, rule: string): SourceRef => ({
    articleId: input.id,
    outlet: input.outlet,
    published: input.published,
    span: { start, end },
    text: text.slice(start, end),
    findingId,
    rule,
  });

  const out: Mention[] = [];
  for (const k of kept) {
    const si = sentenceIndexOf(starts, k.start);
    const s = sentenceRange(si);
    const sentence = text.slice(s.start, s.end);
    // The part of the sentence between semicolons, then half-way to the neighbouring dates in it.
    let ws = s.start;
    let we = s.end;
    const semi = [...sentence.matchAll(/;/g)].map((m) => s.start + (m.index ?? 0));
    for (const p of semi) {
      if (p < k.start) ws = Math.max(ws, p + 1);
      else if (p >= k.end) we = Math.min(we, p);
    }
    for (const o of kept) {
      if (o === k || o.end <= ws || o.start >= we) continue;
      if (o.end <= k.start) ws = Math.max(ws, Math.floor((o.end + k.start) / 2));
      else if (o.start >= k.end) we = Math.min(we, Math.ceil((k.end + o.start) / 2));
    }
    // A premodifying date ("the July attack", "July cyberattacks", "the 2014 agreement").
    const ti = firstTokenAt(k.end);
    const nextTok = ti >= 0 ? tokens[ti] : undefined;
    const heads = new Set<number>();
    if (nextTok && nextTok.end <= we && isPremodifier(text, k.start, k.end)) {
      let j = ti;
      while (j < tokens.length && tokens[j]!.end <= we && /^\p{Ll}/u.test(tokens[j]!.text) && termOf(tokens[j]!.text) !== null && j - ti < 3) heads.add(j++);
      const comma = text.slice(k.end, we).search(/[,;:]/);
      if (comma >= 0) we = k.end + comma;
      let before = firstTokenAt(k.start) - 1;
      let words = 0;
      while (before >= 0 && tokens[before]!.start >= ws && words < 2) {
        if (termOf(tokens[before]!.text) !== null) words++;
        before--;
      }
      ws = Math.max(ws, tokens[before + 1]?.start ?? ws);
    }
    const terms = termsIn(ws, we, heads);
    out.push({
      key: `${input.id}@${k.start}`,
      articleId: input.id,
      sentence: si,
      date: k.date,
      mod: k.finding.data.mod,
      terms,
      event: describe(sentence, k.start - s.start, k.end - s.start, params.eventWords),
      source: source(k.start, k.end, k.finding.id, k.finding.rule),
      sentenceText: sentence,
    });
  }
  out.push(...anchoredMentions(input, kept, starts, sentenceRange, termsIn, source, params));
  return out;
}

/** "issued five days after <event>": the event phrase, dated from the sentence's own reference day. */
function anchoredMentions(
  input: TimelineArticleInput,
  kept: readonly Kept[],
  starts: readonly number[],
  sentenceRange: (i: number) => { start: number; end: number },
  termsIn: (start: number, end: number) => Map<string, number>,
  source: (start: number, end: number, findingId: string | null, rule: string) => SourceRef,
  params: TimelineParams,
): Mention[] {
  const text = input.text;
  const out: Mention[] = [];
  const days = kept.filter((k) => k.date.range && k.date.range.start === k.date.range.end);
  for (const f of input.findings.filter(isDateFinding)) {
    if (f.data.type !== 'DURATION' || f.data.anchor !== 'event' || !f.data.evidence) continue;
    const m = EVIDENCE.exec(f.data.evidence);
    if (!m) continue;
    const phrase = m[4]!;
    const at = text.indexOf(phrase, f.span.end);
    if (at < 0 || at - f.span.end > 40) continue;
    const pe = at + phrase.length;
    const si = sentenceIndexOf(starts, f.span.start);
    const own = sentenceRange(si);
    const outside = (start: number, end: number) => new Set([...termsIn(start, end).keys()]);
    const ownWords = new Set([...outside(own.start, f.span.start), ...outside(pe, own.end)]);
    let ref: Kept | null = null;
    for (let back = 0; back <= 3 && si - back >= 0 && !ref; back++) {
      const s = sentenceRange(si - back);
      const inS = days.filter((d) => d.start >= s.start && d.end <= s.end && (d.end <= at || d.start >= pe));
      if (inS.length !== 1) continue;
      if (back > 0 && ![...outside(s.start, s.end)].some((w) => ownWords.has(w))) continue;
      ref = inS[0]!;
    }
    if (!ref?.date.range) continue;
    const n = Number(m[1]) * (m[3] === 'after' ? -1 : 1);
    const value = shiftDay(ref.date.range.start, n, m[2]!);
    const date = parseValue(value);
    if (!date) continue;
    const sentence = text.slice(own.start, own.end);
    out.push({
      key: `${input.id}@${at}`,
      articleId: input.id,
      sentence: si,
      date,
      mod: null,
      terms: termsIn(at, pe),
      event: describe(phrase, phrase.length, phrase.length, params.eventWords),
      source: source(at, pe, f.id, 'timeline/event-anchor'),
      sentenceText: sentence,
    });
  }
  return out;
}
