// How a metric's value reads: shares in %, rates with two decimals, amounts in compact VND.
import { metricKind, type CityMetric } from "../../../server/citymap/metric-names";
import { formatNumber, formatPercent, formatVndCompact } from "../../lib/format";
import type { Locale } from "../../lib/i18n";

export function formatMetric(metric: CityMetric, value: number | null | undefined, locale: Locale, noData: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return noData;
  switch (metricKind[metric]) {
    case "share":
      return formatPercent(value, locale, 1);
    case "rate":
      return formatNumber(value, locale, 2);
    case "vnd":
      return formatVndCompact(value, locale);
  }
}

/** A legend bound: shares with as few decimals as the breaks need. */
export function formatBound(metric: CityMetric, value: number, locale: Locale): string {
  switch (metricKind[metric]) {
    case "share": {
      const pct = value * 100;
      return `${formatNumber(pct, locale, Number.isInteger(Math.round(pct * 10) / 10) ? 0 : 1)}%`;
    }
    case "rate":
      return formatNumber(value, locale, value >= 10 ? 0 : value >= 1 ? 1 : 2);
    case "vnd":
      return formatVndCompact(value, locale);
  }
}

/** A count that may be an estimate (a split ward's share): whole numbers, "≈" when fractional. */
export function formatCount(value: number, locale: Locale): string {
  const rounded = Math.round(value);
  return Math.abs(value - rounded) > 1e-6 ? `≈ ${formatNumber(rounded, locale)}` : formatNumber(rounded, locale);
}

/** "01/11" (vi) or "1 Nov" (en) for a YYYY-MM-DD day on a chart axis. */
export function shortDay(day: string, locale: Locale): string {
  const date = new Date(`${day}T12:00:00+07:00`);
  return locale === "vi"
    ? new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit" }).format(date)
    : new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "numeric", month: "short" }).format(date);
}

/** "01/11/2026" for a YYYY-MM-DD day. */
export function longDay(day: string, locale: Locale): string {
  const date = new Date(`${day}T12:00:00+07:00`);
  return new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(date);
}
