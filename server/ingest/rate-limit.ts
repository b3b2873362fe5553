// A token bucket per terminal, in memory: each request takes a token; tokens refill at a steady
// rate up to the burst size. Only authenticated requests take tokens, so nobody can exhaust a
// terminal's budget by forging requests in its name.

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = 0;

  constructor(
    readonly burst: number,
    readonly perSecond: number,
  ) {}

  /** Takes a token; returns 0 when allowed, else the seconds to wait before a token is there. */
  take(key: string, now = Date.now()): number {
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return (1 - tokens) / this.perSecond;
  }

  /** Drops buckets that have refilled completely: they hold nothing a fresh bucket would not. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const full = (this.burst / this.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= full) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}
