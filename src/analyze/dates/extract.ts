import type { ParsedResult } from 'chrono-node';
import type { DateData, DateFinding } from '../../domain/findings.js';
import { isFutureContext, isPastContext, type Candidate, type LastDate, type Ref, type ResolveEnv } from './candidate.js';
import { chronoCandidates } from './chrono-pass.js';
import { runRule, type Rule } from './rule.js';
import { amount } from './rules-amount.js';
import { NAMED_RULES } from './rules-named.js';
import { CALENDAR_RULES } from './rules-calendar.js';
import { RELATIVE_RULES } from './rules-relative.js';
import { resolveYearless } from './year-less.js';

/*
 * The dates algorithm, in order:
 *  1. find: chrono-node's calendar dates and times, then our rules (relative, calendar, durations, sets);
 *  2. choose: among overlapping spans the longest wins, then the higher rule priority, then the earlier;
 *  3. resolve in text order, so that "a year earlier" and "the quarter" see the last date before them;
 *  4. year-less dates without a publish date get a year from weekday evidence in the same article, or stay 'XXXX'.
 */

export const RULES: readonly Rule[] = [amount, ...RELATIVE_RULES, ...CALENDAR_RULES, ...NAMED_RULES];

export function findCandidates(text: string, ref: Ref | null, chronoResults?: ParsedResult[]): Candidate[] {
  const out: Candidate[] = chronoCandidates(text, ref, chronoResults);
  const lower = text.toLowerCase();
  for (const rule of RULES) runRule(rule, text, out, lower);
  return out;
}

export function chooseCandidates(cands: readonly Candidate[]): Candidate[] {
  const sorted = [...cands].filter((c) => c.end > c.start).sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const taken: Candidate[] = [];
  for (const c of sorted) {
    if (!taken.some((t) => t.start < c.end && c.start < t.end)) taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

const CALENDAR_VALUE = /^\d{4}(?:-(?:Q[1-4]|H[12]|\d{2}(?:-\d{2})?))?$/;

export function extractDates(text: string, ref: Ref | null, chronoResults?: ParsedResult[]): DateFinding[] {
  let cands = findCandidates(text, ref, chronoResults);
  // A chosen span that resolves to nothing gives way to the spans it hid (at most a few rounds).
  for (let round = 0; ; round++) {
    const { findings, failed } = resolveChosen(text, ref, chooseCandidates(cands));
    if (!failed.size || round >= 3) return ref ? findings : resolveYearless(findings);
    cands = cands.filter((c) => !failed.has(c));
  }
}

function resolveChosen(text: string, ref: Ref | null, chosen: readonly Candidate[]): { findings: DateFinding[]; failed: Set<Candidate> } {
  const findings: DateFinding[] = [];
  const failed = new Set<Candidate>();
  let last: LastDate | null = null;
  for (const c of chosen) {
    // Tense is read only by the rules that need it (weekdays, year-less months and days).
    let future: boolean | undefined;
    let past: boolean | undefined;
    const env: ResolveEnv = {
      ref,
      text,
      last,
      get future(): boolean {
        future ??= isFutureContext(text, c.start, c.end);
        return future;
      },
      get past(): boolean {
        past ??= !this.future && isPastContext(text, c.start);
        return past;
      },
    };
    const r = c.resolve(env);
    if (!r) {
      failed.add(c);
      continue;
    }
    const spanText = text.slice(c.start, c.end);
    const data: DateData = { type: r.type, value: r.value, anchor: r.anchor, mod: r.mod, evidence: r.evidence, yearUnknown: r.yearUnknown };
    findings.push({ kind: 'date', span: { start: c.start, end: c.end }, text: spanText, rule: c.rule, data });
    // Anaphora refers to the last date the article states, not to another anaphor ("a year earlier" twice is not two years).
    if (r.type === 'DATE' && r.anchor !== 'event' && CALENDAR_VALUE.test(r.value)) last = { value: r.value, text: spanText };
  }
  return { findings, failed };
}
