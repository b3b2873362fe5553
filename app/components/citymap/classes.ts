// Colour classes for a choropleth metric: quantile breaks (each class holds about as many units),
// rounded to two significant digits so the legend reads "0,82–0,91" rather than "0,8234–0,9117",
// coloured with d3-scale-chromatic's YlGnBu — sequential and safe for the common colour-vision
// deficiencies. Adapted to the data: the classes span what the units actually show, and there are
// fewer classes when there are fewer distinct values. Pure.
import { interpolateYlGnBu, quantileSorted } from "d3";

export interface ColourClass {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound (inclusive for the last class). */
  to: number;
  color: string;
  /** Units in the class. */
  count: number;
}

export interface MetricScale {
  classes: ColourClass[];
  /** Index of the class of a value; -1 when the value is missing. */
  classOf(value: number | null | undefined): number;
  colorOf(value: number | null | undefined, noData: string): string;
}

/** x rounded to `digits` significant digits. */
export function roundSignificant(x: number, digits = 2): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const power = Math.floor(Math.log10(Math.abs(x))) - (digits - 1);
  const factor = 10 ** power;
  // Round through the factor's reciprocal when it is an integer: 0.1 × 8 = 0.8000000000000002.
  return power < 0 ? Math.round(x * 10 ** -power) / 10 ** -power : Math.round(x / factor) * factor;
}

/** n colours from light to dark, the palest yellow left out (too close to the "no data" grey). */
export function sequentialColours(n: number): string[] {
  if (n <= 1) return [interpolateYlGnBu(0.6)];
  return Array.from({ length: n }, (_, i) => interpolateYlGnBu(0.15 + (0.85 * i) / (n - 1)));
}

export function metricClasses(values: (number | null | undefined)[], maxClasses = 5): MetricScale {
  const sorted = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return { classes: [], classOf: () => -1, colorOf: (_, noData) => noData };
  }
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const distinct = new Set(sorted).size;
  const k = Math.max(1, Math.min(maxClasses, distinct));
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) {
    const b = roundSignificant(quantileSorted(sorted, i / k) ?? min);
    // Strictly inside (min, max] and increasing: a repeated or out-of-range break is no class.
    if (b > min && b <= max && (breaks.length === 0 || b > breaks[breaks.length - 1])) breaks.push(b);
  }
  const bounds = [min, ...breaks, max];
  const n = bounds.length - 1 || 1;
  const colours = sequentialColours(n);
  const classOf = (value: number | null | undefined): number => {
    if (typeof value !== "number" || !Number.isFinite(value)) return -1;
    for (let i = 0; i < breaks.length; i++) if (value < breaks[i]) return i;
    return breaks.length;
  };
  const classes: ColourClass[] = colours.map((color, i) => ({ from: bounds[i], to: bounds[Math.min(i + 1, bounds.length - 1)], color, count: 0 }));
  for (const v of sorted) classes[classOf(v)].count++;
  return {
    classes,
    classOf,
    colorOf: (value, noData) => {
      const i = classOf(value);
      return i < 0 ? noData : classes[i].color;
    },
  };
}
