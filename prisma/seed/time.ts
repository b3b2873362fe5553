// Calendar arithmetic in Asia/Ho_Chi_Minh, which is UTC+7 all year (no daylight saving), so a fixed
// offset is exact and much cheaper than Intl for millions of timestamps.
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const LOCAL_OFFSET = 7 * HOUR;
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function localParts(ms: number): LocalParts {
  const d = new Date(ms + LOCAL_OFFSET);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), weekday: d.getUTCDay() };
}

/** UTC milliseconds of a local wall-clock time (fractional hours allowed). */
export function localTime(year: number, month: number, day: number, hours = 0): number {
  return Date.UTC(year, month - 1, day) + hours * HOUR - LOCAL_OFFSET;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Local midnight at or before `ms`. */
export function localMidnight(ms: number): number {
  return Math.floor((ms + LOCAL_OFFSET) / DAY) * DAY - LOCAL_OFFSET;
}

/** The local calendar date of `ms` as YYYY-MM-DD. */
export function localDate(ms: number): string {
  return new Date(ms + LOCAL_OFFSET).toISOString().slice(0, 10);
}

/** Local weekday (0 = Sunday) without allocating a Date: 1970-01-01 was a Thursday. */
export function localWeekday(ms: number): number {
  return (((Math.floor((ms + LOCAL_OFFSET) / DAY) + 4) % 7) + 7) % 7;
}

/** Adds working days (Monday–Friday), as Vietnamese processing deadlines count them. */
export function addWorkingDays(ms: number, days: number): number {
  // Whole weeks first (5 working days = 7 calendar days), then day by day.
  let t = ms + Math.floor(days / 5) * 7 * DAY;
  let left = days % 5;
  while (left > 0) {
    t += DAY;
    const wd = localWeekday(t);
    if (wd !== 0 && wd !== 6) left--;
  }
  return t;
}

export interface MonthWindow {
  year: number;
  month: number;
  /** Fraction of the year-long window elapsed at the month's middle (0 = a year ago, 1 = now). */
  progress: number;
}

/** The calendar months touching [from, to]. */
export function monthsBetween(from: number, to: number): MonthWindow[] {
  const out: MonthWindow[] = [];
  let { year, month } = localParts(from);
  const end = localParts(to);
  while (year < end.year || (year === end.year && month <= end.month)) {
    const mid = localTime(year, month, 15);
    out.push({ year, month, progress: Math.min(1, Math.max(0, (mid - from) / (to - from))) });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}
