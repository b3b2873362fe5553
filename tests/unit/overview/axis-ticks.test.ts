import { describe, expect, it } from "vitest";
import { scaledTicks } from "../../../app/components/charts/axis-ticks";

describe("chart axis ticks", () => {
  it("expresses every tick in the unit of the largest one", () => {
    expect(scaledTicks([0, 10e9, 20e9, 70e9], "vi")).toEqual({ unit: "billion", labels: ["0", "10", "20", "70"] });
    expect(scaledTicks([0, 500e6, 1e9], "vi")).toEqual({ unit: "billion", labels: ["0,0", "0,5", "1,0"] });
    expect(scaledTicks([0, 2.5e6, 5e6], "en")).toEqual({ unit: "million", labels: ["0.0", "2.5", "5.0"] });
    expect(scaledTicks([0, 200, 400], "vi")).toEqual({ unit: "one", labels: ["0", "200", "400"] });
    expect(scaledTicks([0, 2e15], "vi").unit).toBe("trillion");
  });

  it("groups thousands the Vietnamese way inside a unit", () => {
    expect(scaledTicks([0, 1500e12], "vi").labels[1]).toBe("1.500");
  });
});
