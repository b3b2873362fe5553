import { describe, expect, it } from "vitest";
import { classStep, coverageClasses, sequentialColours } from "../../../app/components/map/coverage-scale";

describe("coverage colour classes", () => {
  it("picks round steps giving 5 to 7 classes over the observed range", () => {
    expect(classStep(0, 0.43, 5, 7)).toBeCloseTo(0.1);
    expect(classStep(0, 0.62, 5, 7)).toBeCloseTo(0.1); // 7 classes
    expect(classStep(0, 1, 5, 7)).toBeCloseTo(0.2);
    expect(classStep(0, 0.8, 5, 7)).toBeCloseTo(0.15); // neither 0.1 (8) nor 0.2 (4) fits
    expect(classStep(0, 0.05, 5, 7)).toBeCloseTo(0.01);
    expect(classStep(0.78, 0.898, 5, 7)).toBeCloseTo(0.02); // 78–90 %: 6 classes
  });

  it("builds contiguous classes aligned on the step that cover every value", () => {
    const scale = coverageClasses([0.12, 0.43, null, 0.3]);
    expect(scale.step).toBeCloseTo(0.05);
    expect(scale.classes).toHaveLength(7); // 10–45 %
    expect(scale.classes[0].from).toBeCloseTo(0.1);
    expect(scale.classes.at(-1)?.to).toBeCloseTo(0.45);
    scale.classes.forEach((c, i) => {
      if (i > 0) expect(c.from).toBeCloseTo(scale.classes[i - 1].to);
    });
  });

  it("spreads a narrow range over all the colours instead of one", () => {
    const values = [0.783, 0.81, 0.834, 0.85, 0.862, 0.874, 0.898];
    const scale = coverageClasses(values);
    expect(scale.classes).toHaveLength(6);
    expect(scale.classes[0].from).toBeCloseTo(0.78);
    expect(scale.classes[5].to).toBeCloseTo(0.9);
    expect(new Set(values.map((v) => scale.classOf(v))).size).toBeGreaterThanOrEqual(5);
  });

  it("puts values in the right class, boundaries upwards, the maximum in the top class", () => {
    const scale = coverageClasses([0, 0.5]); // step 0.1, 5 classes
    expect(scale.classes).toHaveLength(5);
    expect(scale.classOf(0)).toBe(0);
    expect(scale.classOf(0.0999)).toBe(0);
    expect(scale.classOf(0.1)).toBe(1);
    expect(scale.classOf(0.3)).toBe(3); // 0.3 / 0.1 is 2.9999… in floating point
    expect(scale.classOf(0.5)).toBe(4);
    expect(scale.classOf(7)).toBe(4);
    expect(scale.classOf(-0.2)).toBe(0);
  });

  it("gives missing values the no-data colour and no class", () => {
    const scale = coverageClasses([0.2, 0.6, null]);
    expect(scale.classOf(null)).toBe(-1);
    expect(scale.classOf(undefined)).toBe(-1);
    expect(scale.classOf(Number.NaN)).toBe(-1);
    expect(scale.colorOf(null, "#ccc")).toBe("#ccc");
    expect(scale.colorOf(0.2, "#ccc")).toBe(scale.classes[scale.classOf(0.2)].color);
  });

  it("still has a legend from zero when there is no spread", () => {
    expect(coverageClasses([0, 0, null]).classes).toHaveLength(5);
    expect(coverageClasses([]).classes[0].from).toBe(0);
    const single = coverageClasses([0.4, 0.4]);
    expect(single.classes[0].from).toBe(0);
    expect(single.classOf(0.4)).toBe(single.classes.length - 1);
  });

  it("runs from light to dark with distinct colours", () => {
    const colours = sequentialColours(6);
    expect(new Set(colours).size).toBe(6);
    const lightness = colours.map((c) => {
      const [r, g, b] = (c.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    });
    for (let i = 1; i < lightness.length; i++) expect(lightness[i]).toBeLessThan(lightness[i - 1]);
  });
});
