import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import type { Database } from "../../../server/db/client";
import { overviewKpis, paymentsTrend, wardCoverage } from "../../../server/overview/queries";
import { fixedNow, insertCity, insertDossiers, insertPayments } from "./dataset";

describe("overview queries", () => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase();
    const ids = await insertCity(db, fixedNow);
    await insertPayments(db, ids);
    await insertDossiers(db, ids);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("counts households, installed terminals and terminals seen in the last 24 hours", async () => {
    const kpis = await overviewKpis(db.prisma, fixedNow);
    expect(kpis.households).toBe(7);
    expect(kpis.terminalsInstalled).toBe(5);
    expect(kpis.terminalsActive24h).toBe(3);
    expect(kpis.asOf).toBe(fixedNow.toISOString());
    expect(kpis.monthStart).toBe("2026-11-01");
  });

  it("sums this month's payments by service from the daily rollup, in the city's calendar", async () => {
    const { paymentsThisMonth } = await overviewKpis(db.prisma, fixedNow);
    expect(paymentsThisMonth).toEqual({
      tuition: { count: 5, amountVnd: 2_500_000 },
      electricity: { count: 5, amountVnd: 2_345_678 },
      water: { count: 0, amountVnd: 0 },
      fee: { count: 0, amountVnd: 0 },
      other: { count: 1, amountVnd: 5_000_000_000_000 },
    });
  });

  it("measures the online dossier share with the month boundary at midnight in Hanoi", async () => {
    const { dossiersThisMonth } = await overviewKpis(db.prisma, fixedNow);
    expect(dossiersThisMonth).toEqual({ total: 5, onlineOrTerminal: 2, share: 0.4 });
  });

  it("moves the month boundary with Hanoi's midnight, not UTC's", async () => {
    // 2026-10-31T17:30Z is already 1 November in Hanoi: the month is November.
    const early = await overviewKpis(db.prisma, new Date("2026-10-31T17:30:00Z"));
    expect(early.monthStart).toBe("2026-11-01");
    // 2026-10-31T16:30Z is still 31 October in Hanoi: October's water payment counts.
    const late = await overviewKpis(db.prisma, new Date("2026-10-31T16:30:00Z"));
    expect(late.monthStart).toBe("2026-10-01");
    expect(late.paymentsThisMonth.water).toEqual({ count: 7, amountVnd: 700_000 });
  });

  it("gives no share (not 0 %) in a month without dossiers", async () => {
    const { dossiersThisMonth } = await overviewKpis(db.prisma, new Date("2027-03-10T00:00:00Z"));
    expect(dossiersThisMonth).toEqual({ total: 0, onlineOrTerminal: 0, share: null });
  });

  it("lists current wards only, with coverage = active terminals ÷ households", async () => {
    const wards = await wardCoverage(db.prisma);
    expect(wards).toEqual([
      { code: "00001", name: "Phường Ba Đình", households: 4, activeTerminals: 3, coverage: 0.75 },
      { code: "00002", name: "Phường Hoàn Kiếm", households: 2, activeTerminals: 1, coverage: 0.5 },
      { code: "00003", name: "Xã Sóc Sơn", households: 0, activeTerminals: 0, coverage: null },
    ]);
  });

  it("returns 12 calendar months of payments by service, gaps filled with zeros", async () => {
    const { months } = await paymentsTrend(db.prisma, 12, fixedNow);
    expect(months.map((m) => m.month)).toEqual([
      "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
      "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
    ]);
    const first = months[0];
    expect(first.byService.fee).toEqual({ count: 2, amountVnd: 40_000 });
    expect(first.totalVnd).toBe(40_000);
    const october = months[10];
    expect(october.byService.water).toEqual({ count: 7, amountVnd: 700_000 });
    expect(october.totalVnd).toBe(700_000);
    const november = months[11];
    expect(november.byService.tuition).toEqual({ count: 5, amountVnd: 2_500_000 });
    expect(november.totalVnd).toBe(2_500_000 + 2_345_678 + 5_000_000_000_000);
    expect(months.slice(1, 10).every((m) => m.totalVnd === 0)).toBe(true);
  });

  it("honours a shorter window", async () => {
    const { months } = await paymentsTrend(db.prisma, 2, fixedNow);
    expect(months.map((m) => m.month)).toEqual(["2026-10", "2026-11"]);
  });
});
