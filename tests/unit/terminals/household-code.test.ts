import { describe, expect, it } from "vitest";
import { householdCodeFor, isHouseholdCode } from "../../../server/terminals/household-code";
import { householdCode as generatedCode } from "../../../prisma/seed/households";

describe("household codes", () => {
  it("are the generator's codes for the same ids, so registered and generated households share one code space", () => {
    for (const id of [1, 2, 999, 2_500_000, 12_345_678, 99_999_999]) expect(householdCodeFor(id)).toBe(generatedCode(id));
  });

  it("are HN + 8 digits and distinct for distinct ids", () => {
    const seen = new Set<string>();
    for (let id = 1; id <= 200_000; id++) seen.add(householdCodeFor(id));
    expect(seen.size).toBe(200_000);
    expect([...seen].every(isHouseholdCode)).toBe(true);
    expect(isHouseholdCode("HN1234567")).toBe(false);
    expect(() => householdCodeFor(0)).toThrow();
    expect(() => householdCodeFor(100_000_000)).toThrow();
  });
});
