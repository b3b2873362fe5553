import { describe, expect, it } from "vitest";
import { monthDate, stackTrend, trendRows, trendTotal } from "../../../app/components/charts/trend-series";
import { formatMonth } from "../../../app/lib/format";
import type { TrendMonth } from "../../../server/overview/queries";

const month = (m: string, amounts: Partial<Record<"tuition" | "electricity" | "water" | "fee" | "other", number>>): TrendMonth => {
  const byService = {
    tuition: { count: 1, amountVnd: amounts.tuition ?? 0 },
    electricity: { count: 1, amountVnd: amounts.electricity ?? 0 },
    water: { count: 1, amountVnd: amounts.water ?? 0 },
    fee: { count: 1, amountVnd: amounts.fee ?? 0 },
    other: { count: 1, amountVnd: amounts.other ?? 0 },
  };
  return { month: m, byService, totalVnd: Object.values(amounts).reduce((a, b) => a + b, 0) };
};

describe("payments trend series", () => {
  const months = [month("2026-10", { tuition: 100, electricity: 50 }), month("2026-11", { water: 30, other: 5 })];

  it("stacks services in a fixed order, each layer on top of the previous", () => {
    const series = stackTrend(trendRows(months));
    expect(series.map((s) => s.key)).toEqual(["tuition", "electricity", "water", "fee", "other"]);
    expect(series[0][0].slice(0, 2)).toEqual([0, 100]);
    expect(series[1][0].slice(0, 2)).toEqual([100, 150]);
    expect(series[4][1][1]).toBe(35); // November's top equals its total
    expect(trendTotal(months)).toBe(185);
  });

  it("labels months in Hanoi's calendar whatever the machine's zone", () => {
    expect(formatMonth(monthDate("2026-01"), "vi")).toBe("T1/2026");
    expect(formatMonth(monthDate("2026-12"), "en")).toBe("Dec 2026");
  });
});
