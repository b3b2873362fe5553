import type { Locale } from "./i18n";

export const cityTimeZone = "Asia/Ho_Chi_Minh";

const tag = (locale: Locale) => (locale === "vi" ? "vi-VN" : "en-GB");

/** 1.234.567 in Vietnamese, 1,234,567 in English. */
export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** 1.234.567 ₫ — VND has no minor unit. */
export function formatVnd(value: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: "currency", currency: "VND", maximumFractionDigits: 0 }).format(value);
}

/** Large sums in words that officials read at a glance: 12,3 tỷ ₫ / 12.3 bn ₫. */
export function formatVndCompact(value: number, locale: Locale): string {
  const units = locale === "vi" ? (["nghìn", "triệu", "tỷ", "nghìn tỷ"] as const) : (["k", "m", "bn", "tn"] as const);
  const abs = Math.abs(value);
  const steps = [1e3, 1e6, 1e9, 1e12];
  let index = -1;
  for (let i = 0; i < steps.length; i++) if (abs >= steps[i]) index = i;
  if (index < 0) return formatVnd(value, locale);
  return `${formatNumber(value / steps[index], locale, abs / steps[index] < 100 ? 1 : 0)} ${units[index]} ₫`;
}

export function formatPercent(ratio: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: digits, minimumFractionDigits: digits }).format(ratio);
}

/** 26/11/2026 — day first, in the city's time zone. */
export function formatDate(date: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: cityTimeZone, day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date(date));
}

export function formatDateTime(date: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone: cityTimeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(date));
}

/** "Tháng 11/2026" / "Nov 2026" for chart axes and period labels. */
export function formatMonth(date: Date | string, locale: Locale): string {
  const d = new Date(date);
  if (locale === "vi") {
    const parts = new Intl.DateTimeFormat("vi-VN", { timeZone: cityTimeZone, month: "numeric", year: "numeric" }).formatToParts(d);
    const month = parts.find((p) => p.type === "month")?.value;
    const year = parts.find((p) => p.type === "year")?.value;
    return `T${month}/${year}`;
  }
  return new Intl.DateTimeFormat("en-GB", { timeZone: cityTimeZone, month: "short", year: "numeric" }).format(d);
}
