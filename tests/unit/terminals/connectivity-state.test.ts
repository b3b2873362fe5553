import { describe, expect, it } from "vitest";
import { inactivityMinutes, terminalState } from "../../../server/terminals/connectivity";

describe("terminalState", () => {
  const now = new Date("2026-06-15T05:00:00Z");
  it("is active up to the timeout, inactive after, never without activity", () => {
    expect(terminalState(new Date("2026-06-15T04:45:00Z"), now, 15)).toEqual({ state: "active", lastActivityAt: new Date("2026-06-15T04:45:00Z"), offlineSince: null });
    expect(terminalState(new Date("2026-06-15T04:44:59Z"), now, 15)).toEqual({ state: "inactive", lastActivityAt: new Date("2026-06-15T04:44:59Z"), offlineSince: new Date("2026-06-15T04:59:59Z") });
    expect(terminalState(null, now, 15)).toEqual({ state: "never", lastActivityAt: null, offlineSince: null });
  });

  it("takes the timeout from TERMINAL_INACTIVITY_MINUTES, default 15", () => {
    expect(inactivityMinutes({})).toBe(15);
    expect(inactivityMinutes({ TERMINAL_INACTIVITY_MINUTES: "5" })).toBe(5);
    expect(() => inactivityMinutes({ TERMINAL_INACTIVITY_MINUTES: "soon" })).toThrow(/positive number/);
  });
});
