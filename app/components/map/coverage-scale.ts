// Quantized, colour-blind-safe sequential classes for a ratio metric (terminal coverage).
// Class breaks are round numbers so the legend reads "80–82 %", not "79,3–81,7 %".
import { interpolateYlGnBu } from "d3";

export interface ColourClass {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound (inclusive for the top class). */
  to: number;
  color: string;
}

export interface ClassedScale {
  classes: ColourClass[];
  step: number;
  /** Index of the class a value falls in; -1 for a missing value. */
  classOf(value: number | null | undefined): number;
  /** Fill for a value; `noData` for a missing one. */
  colorOf(value: number | null | undefined, noData: string): string;
}

export interface ClassOptions {
  minClasses?: number;
  maxClasses?: number;
}

const niceFactors = [1, 2, 2.5, 5];
// Used only when no "nice" step gives between min and max classes.
const fallbackFactors = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

function stepsFor(factors: number[]): number[] {
  const steps: number[] = [];
  for (let exponent = -6; exponent <= 15; exponent++) for (const f of factors) steps.push(f * 10 ** exponent);
  return steps;
}

/** Number of step-wide classes, aligned on multiples of the step, that cover [lo, hi]. */
function classCount(lo: number, hi: number, step: number): number {
  return Math.max(1, Math.ceil(hi / step - 1e-9) - Math.floor(lo / step + 1e-9));
}

/** The smallest round step whose aligned classes cover [lo, hi] in between min and max classes. */
export function classStep(lo: number, hi: number, minClasses: number, maxClasses: number): number {
  for (const factors of [niceFactors, fallbackFactors]) {
    for (const step of stepsFor(factors)) {
      const n = classCount(lo, hi, step);
      if (n <= maxClasses) {
        if (n >= minClasses) return step;
        break;
      }
    }
  }
  return (hi - lo) / minClasses;
}

/** Samples the light end off: the palest yellow is too close to the "no data" grey and to the background. */
export function sequentialColours(n: number): string[] {
  if (n === 1) return [interpolateYlGnBu(0.6)];
  return Array.from({ length: n }, (_, i) => interpolateYlGnBu(0.15 + (0.85 * i) / (n - 1)));
}

/**
 * Classes span the observed values (not 0–100 %): when every ward sits between 78 % and 90 %,
 * leaders still need to see which wards lag. The legend states each class's range.
 */
export function coverageClasses(values: (number | null | undefined)[], options: ClassOptions = {}): ClassedScale {
  const minClasses = options.minClasses ?? 5;
  const maxClasses = options.maxClasses ?? 7;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // No spread to show (no data, or one value): fall back to a scale from zero, 0–100 % at least.
  if (!(hi > lo)) {
    lo = 0;
    hi = Number.isFinite(hi) && hi > 0 ? hi : 1;
  }
  const step = classStep(lo, hi, minClasses, maxClasses);
  const first = Math.floor(lo / step + 1e-9);
  const n = classCount(lo, hi, step);
  const colours = sequentialColours(n);
  const classes = colours.map((color, i) => ({ from: (first + i) * step, to: (first + i + 1) * step, color }));

  const classOf = (value: number | null | undefined): number => {
    if (typeof value !== "number" || !Number.isFinite(value)) return -1;
    // The epsilon keeps 0.3 / 0.1 = 2.9999… in the 30 % class, where it belongs.
    return Math.min(n - 1, Math.max(0, Math.floor(value / step + 1e-9) - first));
  };
  return {
    classes,
    step,
    classOf,
    colorOf: (value, noData) => {
      const i = classOf(value);
      return i < 0 ? noData : classes[i].color;
    },
  };
}
