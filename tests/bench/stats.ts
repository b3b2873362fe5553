export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** A measured figure with, for context, a baseline measured in the same run on the same machine. */
export interface Figure {
  name: string;
  value: number;
  unit: "s" | "ms";
  samples?: number[];
  baseline: { name: string; value: number; unit: "s" | "ms"; samples?: number[] };
  notes?: string;
}

export interface Skipped {
  name: string;
  reason: string;
}
