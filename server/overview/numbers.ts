/**
 * Counts and sums come back from PostgreSQL as BigInt (count(*), sum(bigint)::bigint). The
 * overview sends them to the browser as JSON, so they become numbers here — exact up to 2^53,
 * which is far beyond any city's VND totals (9 × 10^15 ₫). Anything larger is a bug, not a figure.
 */
export function toSafeNumber(value: bigint | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === "bigint" ? Number(value) : value;
  if (!Number.isSafeInteger(n) && Number.isInteger(n)) throw new RangeError(`figure too large for a JavaScript number: ${String(value)}`);
  return n;
}

/** a ÷ b, or null when there is nothing to divide by (shown as "no data", never as 0 %). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
