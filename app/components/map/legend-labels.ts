import { formatNumber } from "../../lib/format";
import type { Locale } from "../../lib/i18n";

/** Fewest decimals (0–2) that show a class step in percent exactly: 10 % → 0, 2,5 % → 1. */
export function percentDigits(step: number): number {
  for (let digits = 0; digits <= 2; digits++) {
    const scaled = step * 100 * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return digits;
  }
  return 2;
}

/** "10–20%" in the locale's digits; the % sign once, after the range. */
export function percentRange(from: number, to: number, locale: Locale, digits: number): string {
  return `${formatNumber(from * 100, locale, digits)}–${formatNumber(to * 100, locale, digits)}%`;
}
