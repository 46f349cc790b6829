/**
 * Calendar arithmetic on plain dates (no time zone, no clock): days since the epoch, weekdays, ISO weeks,
 * quarters, and the TimeML value strings built from them.
 */

export interface Ymd {
  readonly y: number;
  readonly m: number; // 1-12
  readonly d: number; // 1-31
}

export function toDays(t: Ymd): number {
  return Math.floor(Date.UTC(t.y, t.m - 1, t.d) / 86_400_000);
}

export function fromDays(n: number): Ymd {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(t: Ymd, n: number): Ymd {
  return fromDays(toDays(t) + n);
}

/** Add months, clamping the day to the month's length. */
export function addMonths(t: Ymd, n: number): Ymd {
  const total = t.y * 12 + (t.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return { y, m, d: Math.min(t.d, daysInMonth(y, m)) };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** 1 = Monday ... 7 = Sunday (ISO). */
export function weekday(t: Ymd): number {
  const w = new Date(Date.UTC(t.y, t.m - 1, t.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week: the year it belongs to and its number. */
export function isoWeek(t: Ymd): { year: number; week: number } {
  const thursday = addDays(t, 4 - weekday(t));
  const jan1 = toDays({ y: thursday.y, m: 1, d: 1 });
  return { year: thursday.y, week: Math.floor((toDays(thursday) - jan1) / 7) + 1 };
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
export const pad4 = (n: number): string => (n < 0 ? `-${String(-n).padStart(4, '0')}` : String(n).padStart(4, '0'));

export function fmtDay(t: Ymd): string {
  return `${pad4(t.y)}-${pad2(t.m)}-${pad2(t.d)}`;
}
export function fmtMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}
export function fmtWeek(t: Ymd): string {
  const w = isoWeek(t);
  return `${pad4(w.year)}-W${pad2(w.week)}`;
}
export function fmtTime(t: Ymd, hour: number, minute: number | null): string {
  return `${fmtDay(t)}T${pad2(hour)}${minute === null ? '' : `:${pad2(minute)}`}`;
}
export { pad2 };

export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

export function weekdayName(t: Ymd): string {
  const n = WEEKDAY_NAMES[weekday(t) - 1] ?? '';
  return n.charAt(0).toUpperCase() + n.slice(1);
}

/** Parse a TimeML / ISO date value back to a day when it names one ('2022-09-07', '2022-09-07T21:25'). */
export function parseDayValue(value: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidYmd(y, mo, d) ? { y, m: mo, d } : null;
}
