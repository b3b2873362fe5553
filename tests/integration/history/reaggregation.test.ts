import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import type { Database } from "../../../server/db/client";
import { wardMetrics } from "../../../server/citymap/ward-metrics";
import { unitDetail } from "../../../server/citymap/unit-detail";
import { linkShares, buildTransfer, type TransferUnit } from "../../../server/history/transfer";
import { asAreaGeometry } from "../../../server/geo/geometry";
import { buildTown, households, paymentDay, terminalDay, type TownIds } from "./town";

// Figures recorded under old and new wards, shown on either layout. Every expected number below is
// worked out by hand from the town in town.ts (shares: C → N1 0.75, C → N2 0.25 by area; back from
// N1: A 100 × 1 : C 400 × 0.75 = 0.25 : 0.75; from N2: B 300 × 1 : C 400 × 0.25 = 0.75 : 0.25).
describe("re-aggregation between the pre-2025 and 2025 layouts", () => {
  let db: Database & { drop(): Promise<void> };
  let ids: TownIds;
  const fresh = { registerMaxAgeMs: 0, routingMaxAgeMs: 0 };
  const byCode = <T extends { code: string }>(list: T[]) => new Map(list.map((u) => [u.code, u]));

  beforeAll(async () => {
    db = await freshDatabase();
    ids = await buildTown(db);
    // Recorded under the new wards (after 2025-07-01)…
    await paymentDay(db, ids.n1, "2026-01-10", 10, 1000);
    await paymentDay(db, ids.n2, "2026-01-10", 20, 2000);
    await terminalDay(db, ids.n1, "2026-01-10", 6, 12);
    await terminalDay(db, ids.n2, "2026-01-10", 10, 4);
    // …and under the old ones (before).
    await paymentDay(db, ids.a, "2025-05-01", 4, 400);
    await paymentDay(db, ids.c, "2025-05-01", 8, 800);
    await households(db, ids.n1, 8, 4);
    await households(db, ids.n2, 4, 4);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("measures a partial link's share as the part of the old ward's area inside the new ward", async () => {
    const units = await db.prisma.adminUnit.findMany({ select: { id: true, households: true, geometry: true } });
    const map = new Map<number, TransferUnit>(units.map((u) => [u.id, { id: u.id, households: u.households, geometry: asAreaGeometry(u.geometry) }]));
    const links = [
      { fromId: ids.a, toId: ids.n1, kind: "full" as const },
      { fromId: ids.b, toId: ids.n2, kind: "full" as const },
      { fromId: ids.c, toId: ids.n1, kind: "partial" as const },
      { fromId: ids.c, toId: ids.n2, kind: "partial" as const },
    ];
    const shares = linkShares(links, map);
    expect(shares.share.get(`${ids.a}>${ids.n1}`)).toBe(1);
    expect(shares.share.get(`${ids.c}>${ids.n1}`)).toBeCloseTo(0.75, 5);
    expect(shares.share.get(`${ids.c}>${ids.n2}`)).toBeCloseTo(0.25, 5);
    const transfer = buildTransfer(links, map, shares);
    const back = new Map(transfer.backward.get(ids.n1));
    expect(back.get(ids.a)).toBeCloseTo(0.25, 5);
    expect(back.get(ids.c)).toBeCloseTo(0.75, 5);
  });

  it("2025 layer: a full link moves the old ward's figures wholly, a partial one by its share", async () => {
    // Only the day recorded under the old wards: N1 gets all of A (4) and 3/4 of C (6), N2 1/4 of C.
    const m = await wardMetrics(db, { layer: "2025", level: "ward", from: "2025-05-01", to: "2025-05-01" }, fresh);
    const units = byCode(m.units);
    expect(m.units.map((u) => u.code)).toEqual(["N1", "N2"]);
    expect(units.get("N1")?.figures.payments).toBeCloseTo(4 + 6, 6);
    expect(units.get("N1")?.figures.amountVnd).toBeCloseTo(400 + 600, 4);
    expect(units.get("N2")?.figures.payments).toBeCloseTo(2, 6);
    expect(units.get("N2")?.figures.amountVnd).toBeCloseTo(200, 4);
    expect(units.get("N1")?.estimated).toBe(true);
  });

  it("2025 layer over both periods: own figures plus the old wards' shares; totals are conserved", async () => {
    const m = await wardMetrics(db, { layer: "2025", level: "ward", from: "2025-05-01", to: "2026-01-10" }, fresh);
    const units = byCode(m.units);
    expect(units.get("N1")?.figures.payments).toBeCloseTo(10 + 4 + 6, 6);
    expect(units.get("N2")?.figures.payments).toBeCloseTo(20 + 2, 6);
    expect(units.get("N1")?.figures.households).toBe(8);
    expect(units.get("N1")?.figures.terminals).toBe(4);
    expect(units.get("N1")?.values.coverage).toBeCloseTo(0.5, 6);
    expect(units.get("N1")?.figures.sessions).toBe(12);
    // 255 days; 6 terminal-days reported over 4 terminals.
    expect(m.days).toBe(255);
    expect(units.get("N1")?.values.activeShare).toBeCloseTo(6 / 255 / 4, 6);
    expect(m.city.payments).toBeCloseTo(42, 6);
    expect(m.unmapped.payments).toBe(0);
  });

  it("pre-2025 layer: new wards' figures go back to their old wards by households, and districts sum their wards", async () => {
    const m = await wardMetrics(db, { layer: "pre2025", level: "ward", from: "2025-05-01", to: "2026-01-10" }, fresh);
    const units = byCode(m.units);
    expect([...units.keys()].sort()).toEqual(["A", "B", "C"]);
    expect(units.get("A")?.figures.payments).toBeCloseTo(4 + 0.25 * 10, 6);
    expect(units.get("B")?.figures.payments).toBeCloseTo(0.75 * 20, 6);
    expect(units.get("C")?.figures.payments).toBeCloseTo(8 + 0.75 * 10 + 0.25 * 20, 6);
    expect(units.get("C")?.figures.amountVnd).toBeCloseTo(800 + 750 + 500, 4);
    expect(units.get("A")?.figures.households).toBeCloseTo(0.25 * 8, 6);
    expect(units.get("B")?.figures.households).toBeCloseTo(0.75 * 4, 6);
    expect(units.get("C")?.figures.households).toBeCloseTo(0.75 * 8 + 0.25 * 4, 6);
    expect(units.get("C")?.figures.sessions).toBeCloseTo(0.75 * 12 + 0.25 * 4, 6);
    expect(m.units.every((u) => u.estimated)).toBe(true);
    expect(m.city.payments).toBeCloseTo(42, 6);

    const d = await wardMetrics(db, { layer: "pre2025", level: "district", from: "2025-05-01", to: "2026-01-10" }, fresh);
    const districts = byCode(d.units);
    expect([...districts.keys()].sort()).toEqual(["D01", "D02"]);
    expect(districts.get("D01")?.figures.payments).toBeCloseTo(6.5 + 15, 6);
    expect(districts.get("D02")?.figures.payments).toBeCloseTo(20.5, 6);
    expect(districts.get("D01")?.figures.households).toBeCloseTo(2 + 3, 6);
  });

  it("the panel of an old ward shows the same weighted figures, series and its source wards", async () => {
    const detail = await unitDetail(db, { layer: "pre2025", level: "ward", code: "C", from: "2026-01-01", to: "2026-01-31" });
    expect(detail.figures.payments).toBeCloseTo(0.75 * 10 + 0.25 * 20, 6);
    expect(detail.paymentsByService.electricity.count).toBeCloseTo(12.5, 6);
    expect(detail.bucket).toBe("day");
    expect(detail.series).toHaveLength(31);
    const jan10 = detail.series.find((p) => p.start === "2026-01-10");
    expect(jan10?.payments.electricity.amountVnd).toBeCloseTo(750 + 500, 4);
    expect(jan10?.activeTerminals).toBeCloseTo(0.75 * 6 + 0.25 * 10, 6);
    expect(detail.parent).toEqual({ code: "D02", name: "Quận Hai" });
    expect(detail.estimated).toBe(true);
    expect(detail.sources.map((s) => [s.code, Number(s.weight.toFixed(6))])).toEqual([
      ["C", 1],
      ["N1", 0.75],
      ["N2", 0.25],
    ]);
  });

  it("figures of a ward no link reaches are reported as unmapped, never guessed", async () => {
    const orphan = await db.prisma.adminUnit.create({
      data: { code: "Z", name: "Phường Lẻ", nameAscii: "phuong le", level: "ward", type: "phuong", parentId: ids.d1, validFrom: new Date("2008-08-01T00:00:00Z"), validTo: new Date("2025-06-30T00:00:00Z") },
    });
    await paymentDay(db, orphan.id, "2025-05-02", 7, 700);
    const m = await wardMetrics(db, { layer: "2025", level: "ward", from: "2025-05-02", to: "2025-05-02" }, fresh);
    expect(m.unmapped.payments).toBe(7);
    expect(m.units.reduce((s, u) => s + u.figures.payments, 0)).toBe(0);
    // On its own layout it is simply a ward.
    const old = await wardMetrics(db, { layer: "pre2025", level: "ward", from: "2025-05-02", to: "2025-05-02" }, fresh);
    expect(old.units.find((u) => u.code === "Z")?.figures.payments).toBe(7);
  });
});
