import { addDays, fmtDay, fmtMonth, isValidYmd, pad2, pad4, toDays, weekday, type Ymd } from './calendar.js';
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
 * The year of a month (and day) written without one: the most recent past occurrence relative to the
 * reference, or the next one in a future clause. Null when the reference has no year.
 */
export function pickYear(ref: Ref, m: number, d: number | null, future: boolean): { y: number; why: string } {
  if (ref.m === null) return { y: ref.y, why: `year of the publish date (${pad4(ref.y)}); its month is unknown` };
  const refKey = ref.m * 100 + (ref.d ?? 31);
  const key = m * 100 + (d ?? (ref.m === m ? 0 : 1));
  if (future) {
    const y = key >= refKey - (d === null ? 0 : 7) ? ref.y : ref.y + 1;
    return { y, why: `future tense: next ${d === null ? fmtMonth(0, m).slice(5) : `${pad2(m)}-${pad2(d)}`} on or after the publish date` };
  }
  const y = key <= refKey || (d === null && m === ref.m) ? ref.y : ref.y - 1;
  return { y, why: `most recent ${monthDay(m, d)} on or before the publish date` };
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
