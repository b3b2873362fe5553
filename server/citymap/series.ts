// Time buckets of a range for the panel's charts: one per day up to `dailySeriesMaxDays`, else one
// per ISO week (Monday to Sunday; the first and last may be cut by the range). Pure.
import { dailySeriesMaxDays } from "./metric-names";
import { daysInRange } from "./inputs";

export interface Bucket {
  /** First and last day of the bucket inside the range, YYYY-MM-DD. */
  start: string;
  end: string;
  days: number;
}

export type BucketSize = "day" | "week";

const DAY_MS = 86_400_000;
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function bucketSizeFor(from: string, to: string): BucketSize {
  return daysInRange(from, to) <= dailySeriesMaxDays ? "day" : "week";
}

export function buckets(from: string, to: string, size: BucketSize = bucketSizeFor(from, to)): Bucket[] {
  const first = Date.parse(`${from}T00:00:00Z`);
  const last = Date.parse(`${to}T00:00:00Z`);
  const out: Bucket[] = [];
  let start = first;
  while (start <= last) {
    let end = start;
    if (size === "week") {
      const weekday = (new Date(start).getUTCDay() + 6) % 7; // Monday = 0
      end = Math.min(last, start + (6 - weekday) * DAY_MS);
    }
    out.push({ start: dayText(start), end: dayText(end), days: Math.round((end - start) / DAY_MS) + 1 });
    start = end + DAY_MS;
  }
  return out;
}

/** Index of the bucket holding each day of the range, keyed YYYY-MM-DD. */
export function bucketIndex(list: Bucket[]): Map<string, number> {
  const map = new Map<string, number>();
  list.forEach((b, i) => {
    for (let t = Date.parse(`${b.start}T00:00:00Z`); t <= Date.parse(`${b.end}T00:00:00Z`); t += DAY_MS) map.set(dayText(t), i);
  });
  return map;
}
