import { addDays, fmtDay, isValidYmd, pad2, pad4, toDays, weekday, type Ymd } from './calendar.js';
import { refDay, type Ref } from './candidate.js';

/**
 * "on Wednesday" in news is the nearest such weekday on or before the publish date (TimeML convention, and
 * what 85% of TempEval-3 train weekdays are); in a future clause ("will meet on Friday") the next one on or after.
 * "last Friday" is strictly before, "next Friday" strictly after.
 */
export function resolveWeekday(ref: Ref | null, wd: number, future: boolean, modifier: 'last' | 'next' | 'this' | null): Ymd | null {
  const day = refDay(ref);
  if (!day) return null;
  const today = weekday(day);
  if (modifier === 'last') return addDays(day, -(((today - wd + 7) % 7) || 7));
  if (modifier === 'next') return addDays(day, ((wd - today + 7) % 7) || 7);
  if (future) return addDays(day, (wd - today + 7) % 7);
  return addDays(day, -((today - wd + 7) % 7));
}

/**
 * The year of a month (and day) written without one. A future clause takes the next occurrence, a past
 * clause the most recent one on or before the publish date; otherwise the nearest occurrence (within six
 * months either way), which is what TempEval-3 train annotates for dates like "by Jan. 14" or "in April".
 */
export function pickYear(ref: Ref, m: number, d: number | null, future: boolean, past = false): { y: number; why: string } {
  if (ref.m === null) return { y: ref.y, why: `year of the publish date (${pad4(ref.y)}); its month is unknown` };
  const what = monthDay(m, d);
  // Offset of the same-year occurrence from the reference, in months (fractional with the day).
  const diff = m - ref.m + (d === null || ref.d === null ? 0 : (d - ref.d) / 31);
  if (future) {
    const y = diff >= (d === null ? 0 : -0.25) ? ref.y : ref.y + 1;
    return { y, why: `future tense: the next ${what} on or after the publish date` };
  }
  if (past || diff > 6 || (d === null && diff < 0)) {
    const y = diff <= 0 ? ref.y : ref.y - 1;
    return { y, why: past ? `past tense: the most recent ${what} on or before the publish date` : `the most recent ${what} before the publish date` };
  }
  return { y: ref.y, why: diff <= 0 ? `the most recent ${what} on or before the publish date` : `the ${what} nearest to the publish date` };
}

function monthDay(m: number, d: number | null): string {
  return d === null ? `month ${pad2(m)}` : `${pad2(m)}-${pad2(d)}`;
}

export function dayValue(y: number, m: number, d: number): string | null {
  return isValidYmd(y, m, d) ? fmtDay({ y, m, d }) : null;
}

/** Years in [from, to] in which month-day falls on weekday `wd` (1 = Monday). */
export function yearsWithWeekday(m: number, d: number, wd: number, from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) if (isValidYmd(y, m, d) && weekday({ y, m, d }) === wd) out.push(y);
  return out;
}

export function daysBetween(a: Ymd, b: Ymd): number {
  return toDays(b) - toDays(a);
}
