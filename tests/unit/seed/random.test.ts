import { expect, it } from "vitest";
import { Random, eventUuid, hashKeys, scrambleDecimal } from "../../../prisma/seed/random";

it("gives the same stream for the same keys and different streams otherwise", () => {
  const draw = (...keys: (number | string)[]) => {
    const r = new Random(...keys);
    return Array.from({ length: 5 }, () => r.next());
  };
  expect(draw(1, "households", 3, 0)).toEqual(draw(1, "households", 3, 0));
  expect(draw(1, "households", 3, 0)).not.toEqual(draw(1, "households", 3, 1));
  expect(draw(1, "households", 3, 0)).not.toEqual(draw(2, "households", 3, 0));
  expect(hashKeys(1, "a")).not.toBe(hashKeys(1, "b"));
});

it("draws distributions with the expected moments", () => {
  const r = new Random(99);
  const n = 20_000;
  let sum = 0;
  let sumSq = 0;
  let poisson = 0;
  for (let i = 0; i < n; i++) {
    const x = r.normal(10, 2);
    sum += x;
    sumSq += x * x;
    poisson += r.poisson(0.7);
  }
  const mean = sum / n;
  expect(mean).toBeCloseTo(10, 1);
  expect(Math.sqrt(sumSq / n - mean * mean)).toBeCloseTo(2, 1);
  expect(poisson / n).toBeCloseTo(0.7, 1);
  const picks = [0, 0, 0];
  const cumulative = [1, 3, 6];
  for (let i = 0; i < 6000; i++) picks[r.pickCumulative(cumulative)]++;
  expect(picks[2] / 6000).toBeCloseTo(0.5, 1);
});

it("makes unique, well-formed v4 UUIDs for every (kind, counter)", () => {
  const seen = new Set<string>();
  const malformed: string[] = [];
  const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  for (const kind of [1, 2, 3])
    for (let i = 0; i < 50_000; i++) {
      const id = eventUuid(hashKeys(5, "events"), kind, i);
      if (!uuidV4.test(id)) malformed.push(id);
      seen.add(id);
    }
  expect(malformed).toEqual([]);
  expect(seen.size).toBe(150_000);
  expect(eventUuid(1, 1, 2 ** 33)).not.toBe(eventUuid(1, 1, 0));
});

it("scrambles sequence numbers without collisions", () => {
  const seen = new Set<number>();
  let outOfRange = 0;
  for (let n = 0; n < 200_000; n++) {
    const v = scrambleDecimal(n, 8, 123);
    if (!(Number.isInteger(v) && v >= 0 && v < 1e8)) outOfRange++;
    seen.add(v);
  }
  expect(outOfRange).toBe(0);
  expect(seen.size).toBe(200_000);
  expect(scrambleDecimal(99_999_999, 8, 0)).toBeLessThan(1e8);
});
