import { formatNumber } from "../../lib/format";
import type { Locale } from "../../lib/i18n";

export const magnitudeUnits = ["one", "thousand", "million", "billion", "trillion"] as const;
export type MagnitudeUnit = (typeof magnitudeUnits)[number];

export interface ScaledTicks {
  /** The unit every label is expressed in, named once in the axis title ("tỷ ₫"). */
  unit: MagnitudeUnit;
  labels: string[];
}

/**
 * Axis labels in one shared unit chosen from the largest tick (70, 60, … with "tỷ ₫" above the
 * axis), with a decimal only when a tick needs one. Repeating "tỷ ₫" on every tick wastes the
 * narrow margin and makes the ticks harder to compare.
 */
export function scaledTicks(ticks: number[], locale: Locale): ScaledTicks {
  const top = Math.max(0, ...ticks.map(Math.abs));
  let power = 0;
  while (power < magnitudeUnits.length - 1 && top >= 1000 ** (power + 1)) power++;
  const divisor = 1000 ** power;
  const scaled = ticks.map((t) => t / divisor);
  const digits = scaled.every((v) => Math.abs(v - Math.round(v)) < 1e-9) ? 0 : 1;
  return { unit: magnitudeUnits[power], labels: scaled.map((v) => formatNumber(v, locale, digits)) };
}
