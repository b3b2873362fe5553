// Household codes: "HN" + 8 digits, derived from the household's row id by an affine permutation of
// 0…10^8−1, so codes are unique by construction (the id comes from the table's own sequence, which is
// safe under concurrency) without looking like a counter a neighbour could guess from. The constants
// are the synthetic city generator's (prisma/seed/random.ts `scrambleDecimal`), so registered and
// generated households share one code space and can never collide.

const DIGITS = 8;
const MODULUS = 10 ** DIGITS;
/** Coprime to 10 (odd, not a multiple of 5), so the map is a bijection modulo 10^8. */
const MULTIPLIER = 7_919_183;
const SALT = 20_250_701;
const PATTERN = /^HN\d{8}$/;

/** The code of the household with row id `id` (1 ≤ id < 10^8). */
export function householdCodeFor(id: number): string {
  if (!Number.isSafeInteger(id) || id < 1 || id >= MODULUS) throw new Error(`household id out of range: ${id}`);
  // (a·n + b) mod m with exact integer arithmetic: split n to keep products below 2^53.
  const hi = Math.floor(id / 100_000);
  const lo = id % 100_000;
  const product = (((hi * MULTIPLIER) % MODULUS) * 100_000 + lo * MULTIPLIER) % MODULUS;
  return `HN${String((product + (SALT % MODULUS)) % MODULUS).padStart(DIGITS, "0")}`;
}

export function isHouseholdCode(code: string): boolean {
  return PATTERN.test(code);
}
