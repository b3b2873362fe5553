import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../../server/auth/rate-limit";

describe("RateLimiter (fixed window per key)", () => {
  const minute = 60_000;

  it("lets `limit` attempts through and refuses the next with the seconds left in the window", () => {
    const limiter = new RateLimiter(3, minute);
    const t0 = 1_000_000;
    expect([limiter.hit("a", t0), limiter.hit("a", t0 + 1), limiter.hit("a", t0 + 2)]).toEqual([0, 0, 0]);
    expect(limiter.hit("a", t0 + 10_000)).toBe(50);
    expect(limiter.hit("a", t0 + 59_001)).toBe(1);
  });

  it("opens again when the window has passed", () => {
    const limiter = new RateLimiter(1, minute);
    expect(limiter.hit("a", 0)).toBe(0);
    expect(limiter.hit("a", minute - 1)).toBeGreaterThan(0);
    expect(limiter.hit("a", minute)).toBe(0);
    expect(limiter.hit("a", minute + 1)).toBeGreaterThan(0);
  });

  it("counts keys separately", () => {
    const limiter = new RateLimiter(1, minute);
    expect(limiter.hit("a", 0)).toBe(0);
    expect(limiter.hit("b", 0)).toBe(0);
    expect(limiter.hit("a", 1)).toBeGreaterThan(0);
    expect(limiter.hit("b", 1)).toBeGreaterThan(0);
  });

  it("forgets a key on reset", () => {
    const limiter = new RateLimiter(1, minute);
    limiter.hit("a", 0);
    expect(limiter.hit("a", 1)).toBeGreaterThan(0);
    limiter.reset("a");
    expect(limiter.hit("a", 2)).toBe(0);
  });

  it("takes back one attempt on refund, within the window only", () => {
    const limiter = new RateLimiter(2, minute);
    limiter.hit("a", 0);
    limiter.hit("a", 1);
    limiter.refund("a", 2);
    expect(limiter.hit("a", 3)).toBe(0);
    expect(limiter.hit("a", 4)).toBeGreaterThan(0);
    // A refund after the window closed must not carry a negative count into the next one.
    limiter.refund("a", minute + 5);
    limiter.refund("a", minute + 5);
    expect(limiter.hit("a", minute + 6)).toBe(0);
    expect(limiter.hit("a", minute + 7)).toBe(0);
    expect(limiter.hit("a", minute + 8)).toBeGreaterThan(0);
  });
});
