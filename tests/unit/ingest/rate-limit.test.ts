import { describe, expect, it } from "vitest";
import { TokenBuckets } from "../../../server/ingest/rate-limit";

describe("TokenBuckets", () => {
  it("allows the burst, then one request per refill interval, and says how long to wait", () => {
    const buckets = new TokenBuckets(3, 0.5);
    const t0 = 1_000_000;
    expect([buckets.take("a", t0), buckets.take("a", t0), buckets.take("a", t0)]).toEqual([0, 0, 0]);
    expect(buckets.take("a", t0)).toBeCloseTo(2);
    expect(buckets.take("a", t0 + 1000)).toBeCloseTo(1);
    expect(buckets.take("a", t0 + 2000)).toBe(0);
    expect(buckets.take("a", t0 + 2000)).toBeCloseTo(2);
    // Another key has its own bucket.
    expect(buckets.take("b", t0 + 2000)).toBe(0);
  });

  it("never stores more than the burst, and forgets buckets that have refilled", () => {
    const buckets = new TokenBuckets(2, 1);
    const t0 = 5_000_000;
    buckets.take("a", t0);
    const later = t0 + 3_600_000;
    expect([buckets.take("a", later), buckets.take("a", later)]).toEqual([0, 0]);
    expect(buckets.take("a", later)).toBeGreaterThan(0);
    buckets.take("b", later);
    expect(buckets.size).toBe(2);
    buckets.take("c", later + 10 * 60_000);
    expect(buckets.size).toBe(1);
  });
});
