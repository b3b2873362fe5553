import { describe, expect, it } from "vitest";
import { parseInstant } from "../../../server/ingest/time";

describe("parseInstant", () => {
  it("reads ISO 8601 instants with Z or an offset, to the millisecond", () => {
    expect(parseInstant("2026-01-01T00:00:00Z")).toBe(Date.UTC(2026, 0, 1));
    expect(parseInstant("2026-01-01T07:00:00+07:00")).toBe(Date.UTC(2026, 0, 1));
    expect(parseInstant("2026-01-01T07:00+0700")).toBe(Date.UTC(2026, 0, 1));
    expect(parseInstant("2025-12-31T19:30:00-04:30")).toBe(Date.UTC(2026, 0, 1));
    expect(parseInstant("2026-01-01T00:00:00.1234567Z")).toBe(Date.UTC(2026, 0, 1, 0, 0, 0, 123));
    expect(parseInstant("2024-02-29T12:00:00Z")).toBe(Date.UTC(2024, 1, 29, 12));
  });

  it("refuses impossible dates, missing offsets and other forms", () => {
    for (const bad of ["2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T10:60:00Z", "2026-01-01T10:00:00", "2026-01-01", "1767225600", "2026-01-01 10:00:00Z", "2026-01-01T10:00:00+15:00", ""]) {
      expect(parseInstant(bad), bad).toBeNull();
    }
  });
});
