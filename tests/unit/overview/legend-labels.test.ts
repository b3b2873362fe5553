import { describe, expect, it } from "vitest";
import { percentDigits, percentRange } from "../../../app/components/map/legend-labels";

describe("legend labels", () => {
  it("uses as few decimals as the step needs", () => {
    expect(percentDigits(0.1)).toBe(0);
    expect(percentDigits(0.15)).toBe(0);
    expect(percentDigits(0.025)).toBe(1);
    expect(percentDigits(0.0025)).toBe(2);
  });

  it("writes ranges with Vietnamese decimal commas and English points", () => {
    expect(percentRange(0, 0.1, "vi", 0)).toBe("0–10%");
    expect(percentRange(0.025, 0.05, "vi", 1)).toBe("2,5–5,0%");
    expect(percentRange(0.025, 0.05, "en", 1)).toBe("2.5–5.0%");
  });
});
