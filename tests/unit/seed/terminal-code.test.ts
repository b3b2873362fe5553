import { describe, expect, it } from "vitest";
import { isValidTerminalCode, luhnCheckDigit, makeTerminalCode } from "../../../server/terminals/code";

describe("terminal codes", () => {
  it("are TB + 9-digit sequence + Luhn digit", () => {
    expect(makeTerminalCode(1)).toBe("TB0000000018");
    expect(makeTerminalCode(123_456_789)).toMatch(/^TB123456789\d$/);
    expect(luhnCheckDigit("7992739871")).toBe(3); // the textbook Luhn example
    expect(isValidTerminalCode(makeTerminalCode(42))).toBe(true);
    expect(() => makeTerminalCode(0)).toThrow();
    expect(() => makeTerminalCode(1_000_000_000)).toThrow();
  });

  it("rejects malformed codes", () => {
    for (const bad of ["", "TB000000001", "TB00000000188", "tb0000000018", "XX0000000018", "TB00000000a8"]) expect(isValidTerminalCode(bad)).toBe(false);
  });

  it("catches every single-digit typo", () => {
    for (const n of [1, 7, 1234, 98_765, 555_555_555, 100_000_001]) {
      const code = makeTerminalCode(n);
      for (let i = 2; i < code.length; i++)
        for (let d = 0; d <= 9; d++) {
          if (String(d) === code[i]) continue;
          const typo = code.slice(0, i) + d + code.slice(i + 1);
          expect(isValidTerminalCode(typo), typo).toBe(false);
        }
    }
  });

  it("catches every adjacent swap except 0↔9, which Luhn cannot see", () => {
    let caught = 0;
    for (let n = 1; n < 20_000; n += 37) {
      const code = makeTerminalCode(n);
      for (let i = 2; i + 1 < code.length; i++) {
        const a = code[i];
        const b = code[i + 1];
        if (a === b) continue;
        const swapped = code.slice(0, i) + b + a + code.slice(i + 2);
        const undetectable = (a === "0" && b === "9") || (a === "9" && b === "0");
        expect(isValidTerminalCode(swapped), swapped).toBe(undetectable);
        caught += undetectable ? 0 : 1;
      }
    }
    expect(caught).toBeGreaterThan(1000);
  });
});
