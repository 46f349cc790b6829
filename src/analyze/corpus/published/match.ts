import { fmtDay, weekday, type Ymd } from '../../dates/calendar.js';
import { MONTH_SRC, parseMonth, parseWeekday, WEEKDAY_SRC } from '../../dates/lexicon.js';
import type { DatedEvent } from './events.js';

/*
 * Which dated event of the corpus a phrase describes. A candidate is scored by the share of the phrase's
 * content words it has; a phrase that names a weekday or a day ("Tuesday's march", "the June 20 raid") only
 * accepts events on that day. When two different days match comparably, the answer is "don't know".
 */

/** Two days whose best scores are closer than this are a tie: ambiguous. */
export const TIE_MARGIN = 0.25;

export interface DayConstraint {
  readonly weekdays: ReadonlySet<number>;
  readonly monthDays: readonly { m: number; d: number }[];
  readonly text: string;
}

export function constraintOf(phrase: string): DayConstraint | null {
  const weekdays = new Set<number>();
  const names: string[] = [];
  for (const m of phrase.matchAll(new RegExp(`\\b${WEEKDAY_SRC}\\b`, 'gi'))) {
    const wd = parseWeekday(m[0]);
    if (wd) {
      weekdays.add(wd);
      names.push(m[0]);
    }
  }
  const monthDays: { m: number; d: number }[] = [];
  const md = new RegExp(`\\b(${MONTH_SRC})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_SRC})(?![\\p{L}])`, 'giu');
  for (const m of phrase.matchAll(md)) {
    const month = parseMonth(m[1] ?? m[4] ?? '');
    const d = Number(m[2] ?? m[3]);
    if (month && d >= 1 && d <= 31) {
      monthDays.push({ m: month, d });
      names.push(m[0]);
    }
  }
  return weekdays.size || monthDays.length ? { weekdays, monthDays, text: names.join(', ') } : null;
}

export function fits(day: Ymd, c: DayConstraint | null): boolean {
  if (!c) return true;
  if (c.weekdays.size && !c.weekdays.has(weekday(day))) return false;
  if (c.monthDays.length && !c.monthDays.some((x) => x.m === day.m && x.d === day.d)) return false;
  return true;
}

export interface Match {
  readonly event: DatedEvent;
  readonly shared: readonly string[];
  readonly score: number;
  /** Candidates that matched as well but fell on a day the phrase rules out. */
  readonly rejected: number;
}

export type MatchResult = { readonly match: Match } | { readonly ambiguous: readonly Match[] } | null;

/**
 * The event a phrase refers to among `pool` (already limited to other articles), or null when nothing matches
 * well enough, or `ambiguous` when two days match comparably. `minShared`/`minScore` are the bar a candidate
 * must clear before the day constraint is applied.
 */
/** Higher score first; at equal score a derived event (its words are the event's own), then by label: order-free. */
function better(a: Omit<Match, 'rejected'>, b: Omit<Match, 'rejected'>): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.event.kind !== b.event.kind) return a.event.kind === 'derived';
  return a.event.label < b.event.label;
}

export function matchEvent(words: ReadonlySet<string>, constraint: DayConstraint | null, pool: readonly DatedEvent[], minShared: number, minScore: number): MatchResult {
  if (!words.size) return null;
  const scored = pool
    .map((event) => {
      const shared = [...words].filter((w) => event.words.has(w));
      return { event, shared, score: shared.length / words.size, rejected: 0 };
    })
    .filter((x) => x.shared.length >= minShared && x.score >= minScore);
  const ok = scored.filter((x) => fits(x.event.day, constraint));
  const rejected = scored.length - ok.length;
  const bestByDay = new Map<string, Match>();
  for (const x of ok) {
    const key = fmtDay(x.event.day);
    const prev = bestByDay.get(key);
    if (!prev || better(x, prev)) bestByDay.set(key, { ...x, rejected });
  }
  const days = [...bestByDay.entries()].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1)).map(([, m]) => m);
  const best = days[0];
  if (!best) return null;
  const rivals = days.slice(1).filter((m) => m.score >= best.score - TIE_MARGIN);
  return rivals.length ? { ambiguous: [best, ...rivals] } : { match: best };
}
