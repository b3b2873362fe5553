// Seeded randomness for the synthetic city. Every stream is a d3 LCG (`d3.randomLcg`) whose seed is
// hashed from (seed, stream name, keys…) — e.g. (seed, "households", ward, block) — so a block's data
// does not depend on how much was generated before it or on how rows are chunked for COPY, and the
// same --seed and `now` always give the same city.
import { randomLcg, randomNormal } from "d3";

/** lowbias32 (Chris Wellons): a bijective 32-bit integer mixer. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function stringKey(text: string): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 32-bit key from a seed and any mix of names and integers (integers are taken mod 2^32). */
export function hashKeys(...keys: (number | string)[]): number {
  let h = 0x9e3779b9;
  for (const key of keys) {
    const k = typeof key === "string" ? stringKey(key) : Math.trunc(key) >>> 0;
    h = mix32(h ^ mix32(k + 0x632be5ab));
  }
  return h;
}

export class Random {
  readonly next: () => number;
  /** One d3 standard normal per stream, scaled per call: building a d3 distribution per draw (as
   * `randomNormal.source(next)(mu, sigma)()` would) allocates closures millions of times. */
  private readonly standardNormal: () => number;

  constructor(...keys: (number | string)[]) {
    // d3.randomLcg treats seeds in [0, 1) as fractions; our keys are integers, so 0 is the only such case.
    this.next = randomLcg(hashKeys(...keys));
    this.standardNormal = randomNormal.source(this.next)(0, 1);
  }

  /** A uniform float in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(mu: number, sigma: number): number {
    return mu + sigma * this.standardNormal();
  }

  /** Log-normal with the given median and log-space sigma. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.standardNormal());
  }

  /**
   * Poisson by multiplying uniforms (Knuth), fine for the small rates used here; d3.randomPoisson
   * builds fresh gamma and binomial samplers for every rate, which is costly when the rate changes
   * on every draw. Large rates fall back to a rounded normal.
   */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An index drawn from cumulative weights (ascending, last = total). */
  pickCumulative(cumulative: ArrayLike<number>): number {
    const target = this.next() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A 32-bit unsigned integer. */
  uint32(): number {
    return Math.floor(this.next() * 0x100000000) >>> 0;
  }
}

export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += Math.max(0, w);
    out[i] = sum;
  });
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex8 = (n: number) => HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
const hex4 = (n: number) => HEX[(n >>> 8) & 255] + HEX[n & 255];
const hex3 = (n: number) => HEX[(n >>> 8) & 15].slice(1) + HEX[n & 255];

/**
 * A deterministic UUID (version-4 layout) for the counter-th event of a kind.
 * Not drawn from the LCG directly: a 32-bit LCG has only 2^32 states, so millions of ids drawn from
 * several streams would collide. Two of the four words are bijections of (kind, counter), which makes
 * every id unique by construction; the other two only make it look random. Counters up to 2^40.
 */
export function eventUuid(seedKey: number, kind: number, counter: number): string {
  const lo = counter >>> 0;
  const hi = Math.floor(counter / 0x100000000) & 0xff;
  const w0 = mix32(lo ^ seedKey);
  const w1 = mix32(((kind << 8) | hi) ^ mix32(seedKey + 1));
  const w2 = mix32((w0 ^ w1) + mix32(seedKey + 2));
  const w3 = mix32((w1 + w0) ^ mix32(seedKey + 3));
  const variant = HEX[8 | (w3 >>> 30)][1];
  return `${hex8(w0)}-${hex4(w2 >>> 16)}-4${hex3(w2)}-${variant}${hex3(w3 >>> 16)}-${hex8(w1)}${hex4(w3)}`;
}

/**
 * A bijection of [0, 10^digits) used to turn sequence numbers into codes that look random but can
 * never collide (multiplication by a unit modulo 10^digits, then an offset).
 */
export function scrambleDecimal(n: number, digits: number, salt: number): number {
  const modulus = 10 ** digits;
  const multiplier = 7_919_183; // coprime to 10 (odd, not a multiple of 5)
  // (a·n + b) mod m with exact integer arithmetic: split n to keep products below 2^53.
  const nHi = Math.floor(n / 100_000);
  const nLo = n % 100_000;
  const product = (((nHi * multiplier) % modulus) * 100_000 + nLo * multiplier) % modulus;
  return (product + (salt % modulus)) % modulus;
}
