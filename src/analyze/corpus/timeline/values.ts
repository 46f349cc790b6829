/*
 * TimeML date values as day ranges, for placing mentions on a timeline and comparing them.
 *
 * Kept: days ('2022-09-07', times cut to their day), months, seasons ('2016-SU'), quarters, halves, ISO weeks,
 * years, decades ('198X'), centuries ('19XX'), year-less months and days ('XXXX-06', 'XXXX-06-20') and
 * intervals of two of these ('1980/1988'). Not kept (null): durations, sets, PRESENT_REF and other references,
 * unresolved weekdays ('XXXX-WXX-5') and anything else.
 *
 * Compatible = one contains the other ('2016' contains '2016-12'); a year-less value is compatible with a
 * known one when some year makes one contain the other ('XXXX-06-20' and '2023-06-20', or '2023').
 */

export interface DateRange {
  /** First and last ISO day. */
  readonly start: string;
  readonly end: string;
}

export interface DateValue {
  /** The value as kept (times cut to their day). */
  readonly value: string;
  /** Null when the year is unknown. */
  readonly range: DateRange | null;
  /** For year-less values: month and day (day null for 'XXXX-06'). */
  readonly yearless: { readonly month: number; readonly day: number | null } | null;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 30;
}

export const isoDay = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

const monthRange = (y: number, m1: number, m2: number): DateRange => ({ start: isoDay(y, m1, 1), end: isoDay(y, m2, daysInMonth(y, m2)) });

/** Days since 1970-01-01 of an ISO day, and back. */
export function dayNumber(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

export function fromDayNumber(n: number): string {
  const d = new Date(n * 86_400_000);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function isoWeek(y: number, w: number): DateRange {
  // The Monday of ISO week 1 is the Monday on or before January 4.
  const jan4 = dayNumber(isoDay(y, 1, 4));
  const weekday = ((new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7) + 1;
  const monday = jan4 - (weekday - 1) + (w - 1) * 7;
  return { start: fromDayNumber(monday), end: fromDayNumber(monday + 6) };
}

const SEASONS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], AU: [9, 11] };

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function single(v: string): DateValue | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+.*)?$/.exec(v))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) return null;
    const day = isoDay(y, mo, d);
    return { value: day, range: { start: day, end: day }, yearless: null };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 ? { value: v, range: monthRange(y, mo, mo), yearless: null } : null;
  }
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(v))) {
    const y = Number(m[1]);
    if (m[2] === 'WI') return { value: v, range: { start: isoDay(y, 12, 1), end: isoDay(y + 1, 2, daysInMonth(y + 1, 2)) }, yearless: null };
    const [a, b] = SEASONS[m[2]!]!;
    return { value: v, range: monthRange(y, a, b), yearless: null };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) {
    const q = Number(m[2]);
    return { value: v, range: monthRange(Number(m[1]), q * 3 - 2, q * 3), yearless: null };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(v))) {
    const h = Number(m[2]);
    return { value: v, range: monthRange(Number(m[1]), h * 6 - 5, h * 6), yearless: null };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(v))) {
    const w = Number(m[2]);
    return w >= 1 && w <= 53 ? { value: v, range: isoWeek(Number(m[1]), w), yearless: null } : null;
  }
  if ((m = /^(\d{4})$/.exec(v))) return { value: v, range: monthRange(Number(m[1]), 1, 12), yearless: null };
  if ((m = /^(\d{3})X$/.exec(v))) {
    const y = Number(m[1]) * 10;
    return { value: v, range: { start: isoDay(y, 1, 1), end: isoDay(y + 9, 12, 31) }, yearless: null };
  }
  if ((m = /^(\d{2})XX$/.exec(v))) {
    const y = Number(m[1]) * 100;
    return { value: v, range: { start: isoDay(y, 1, 1), end: isoDay(y + 99, 12, 31) }, yearless: null };
  }
  if ((m = /^XXXX-(\d{2})-(\d{2})$/.exec(v))) {
    const [mo, d] = [Number(m[1]), Number(m[2])];
    return validDay(2000, mo, d) ? { value: v, range: null, yearless: { month: mo, day: d } } : null;
  }
  if ((m = /^XXXX-(\d{2})$/.exec(v))) {
    const mo = Number(m[1]);
    return mo >= 1 && mo <= 12 ? { value: v, range: null, yearless: { month: mo, day: null } } : null;
  }
  return null;
}

/** A kept value, or null for what does not go on a timeline. */
export function parseValue(value: string): DateValue | null {
  const parts = value.split('/');
  if (parts.length === 1) return single(value);
  if (parts.length !== 2) return null;
  const a = single(parts[0]!);
  const b = single(parts[1]!);
  if (!a?.range || !b?.range || a.range.start > b.range.end) return null;
  return { value: `${a.value}/${b.value}`, range: { start: a.range.start, end: b.range.end }, yearless: null };
}

export const contains = (outer: DateRange, inner: DateRange): boolean => outer.start <= inner.start && inner.end <= outer.end;

/** The range of a year-less value in year `y` (null for February 29 of a common year). */
export function inYear(v: DateValue, y: number): DateRange | null {
  const yl = v.yearless;
  if (!yl) return v.range;
  if (yl.day === null) return monthRange(y, yl.month, yl.month);
  return validDay(y, yl.month, yl.day) ? { start: isoDay(y, yl.month, yl.day), end: isoDay(y, yl.month, yl.day) } : null;
}

/** Years in which a year-less value is compatible with a known range (one contains the other). */
export function fittingYears(v: DateValue, known: DateRange): number[] {
  const out: number[] = [];
  const y0 = Number(known.start.slice(0, 4));
  const y1 = Number(known.end.slice(0, 4));
  for (let y = y0; y <= y1 && y - y0 <= 200; y++) {
    const r = inYear(v, y);
    if (r && (contains(known, r) || contains(r, known))) out.push(y);
  }
  return out;
}

export function compatible(a: DateValue, b: DateValue): boolean {
  if (a.range && b.range) return contains(a.range, b.range) || contains(b.range, a.range);
  if (a.range) return fittingYears(b, a.range).length > 0;
  if (b.range) return fittingYears(a, b.range).length > 0;
  const [x, y] = [a.yearless!, b.yearless!];
  return x.month === y.month && (x.day === null || y.day === null || x.day === y.day);
}

/** Length of a range in days (year-less values count as their length in a common year). */
export function spanDays(v: DateValue): number {
  const r = v.range ?? inYear(v, 2001);
  return r ? dayNumber(r.end) - dayNumber(r.start) + 1 : 1;
}

/** Shift an ISO day by a signed amount of days, weeks, months or years (month ends clamp). */
export function shiftDay(iso: string, n: number, unit: string): string {
  if (unit === 'day') return fromDayNumber(dayNumber(iso) + n);
  if (unit === 'week') return fromDayNumber(dayNumber(iso) + 7 * n);
  const months = unit === 'month' ? n : unit === 'year' ? 12 * n : 0;
  const total = Number(iso.slice(0, 4)) * 12 + (Number(iso.slice(5, 7)) - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return isoDay(y, m, Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m)));
}
