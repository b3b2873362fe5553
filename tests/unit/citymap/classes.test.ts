import { describe, expect, it } from "vitest";
import { metricClasses, roundSignificant, sequentialColours } from "../../../app/components/citymap/classes";

describe("choropleth classes", () => {
  it("rounds breaks to two significant digits", () => {
    expect(roundSignificant(0.8234)).toBe(0.82);
    expect(roundSignificant(226_714_652)).toBe(230_000_000);
    expect(roundSignificant(1.149)).toBe(1.1);
    expect(roundSignificant(0.0456)).toBe(0.046);
    expect(roundSignificant(0)).toBe(0);
  });

  it("quantile classes: about as many units in each, bounds spanning the data, colours light to dark", () => {
    const values = Array.from({ length: 100 }, (_, i) => 0.5 + i / 250); // 0.5 … 0.896
    const scale = metricClasses(values);
    expect(scale.classes).toHaveLength(5);
    expect(scale.classes[0].from).toBe(0.5);
    expect(scale.classes.at(-1)?.to).toBeCloseTo(0.896, 9);
    expect(scale.classes.map((c) => c.count).reduce((a, b) => a + b, 0)).toBe(100);
    for (const c of scale.classes) expect(c.count).toBeGreaterThanOrEqual(15);
    for (let i = 1; i < scale.classes.length; i++) expect(scale.classes[i].from).toBeGreaterThan(scale.classes[i - 1].from);
    expect(scale.classes.map((c) => c.color)).toEqual(sequentialColours(5));
    // Every value lands in the class whose range holds it.
    for (const v of values) {
      const c = scale.classes[scale.classOf(v)];
      expect(v).toBeGreaterThanOrEqual(c.from);
      expect(v <= c.to).toBe(true);
    }
  });

  it("skewed data (amounts) still spreads units over the classes", () => {
    const values = [1e6, 2e6, 3e6, 4e6, 5e6, 6e6, 7e6, 8e6, 9e6, 5e9];
    const scale = metricClasses(values);
    expect(scale.classes.length).toBe(5);
    expect(scale.classOf(5e9)).toBe(4);
    expect(scale.classOf(1e6)).toBe(0);
  });

  it("few distinct values give few classes; missing values are 'no data'", () => {
    expect(metricClasses([0.5, 0.5, 0.5]).classes).toHaveLength(1);
    expect(metricClasses([0.2, 0.8, 0.2, 0.8]).classes).toHaveLength(2);
    const scale = metricClasses([null, 0.3, undefined, 0.6]);
    expect(scale.classOf(null)).toBe(-1);
    expect(scale.colorOf(null, "#ccc")).toBe("#ccc");
    expect(metricClasses([null, null]).classes).toHaveLength(0);
    expect(metricClasses([]).colorOf(1, "#ccc")).toBe("#ccc");
  });
});
