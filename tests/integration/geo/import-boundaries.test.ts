import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { freshDatabase } from "../../support/db";
import type { Database } from "../../../server/db/client";
import { importBoundaries, type BoundaryImportResult } from "../../../server/geo/import-boundaries";
import { applyAssignments, stageAssignments } from "../../../server/geo/reassign-households";
import { WardIndex } from "../../../server/geo/ward-index";
import { asAreaGeometry } from "../../../server/geo/geometry";
import { loadUnitIndex } from "../../../server/geo/load-unit-index";
import { fixture, seedTown, snapshot, wardOfHouseholds, type Town } from "./support";

const options = { source: "wards-2025.geojson", level: "ward", actor: { kind: "cli" } } as const;

describe("importBoundaries: a ward file replaces the current wards", () => {
  let db: Database & { drop(): Promise<void> };
  let town: Town;
  let first: BoundaryImportResult;

  beforeAll(async () => {
    db = await freshDatabase();
    town = await seedTown(db);
    first = await importBoundaries(db, fixture("wards-2025.geojson"), options);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("reports what it did", () => {
    expect(first).toMatchObject({
      level: "ward",
      imported: 3,
      created: 3,
      updated: 0,
      retired: 2,
      validFrom: "2025-07-01",
      source: "wards-2025.geojson",
      properties: { code: "ma_xa", name: "ten_xa", detected: true, types: { loai: 2, name: 1 } },
      parents: { city: 3, districtByCode: 0, districtByPoint: 0 },
      reassigned: { households: 4, terminals: 3, outside: 2 },
    });
  });

  it("ends the old wards the day before validFrom (valid_to is inclusive), keeping their rows", async () => {
    const old = await db.prisma.adminUnit.findMany({ where: { code: { in: ["90001", "90002"] } }, orderBy: { code: "asc" } });
    expect(old.map((u) => [u.code, u.validTo?.toISOString().slice(0, 10)])).toEqual([
      ["90001", "2025-06-30"],
      ["90002", "2025-06-30"],
    ]);
  });

  it("creates the city and hangs the new wards under it, current from 2025-07-01", async () => {
    const city = await db.prisma.adminUnit.findFirstOrThrow({ where: { level: "city" } });
    expect([city.code, city.name, city.type, city.validTo]).toEqual(["01", "Thành phố Hà Nội", "thanh_pho", null]);
    const current = await db.prisma.adminUnit.findMany({ where: { level: "ward", validTo: null }, orderBy: { code: "asc" } });
    expect(current.map((u) => [u.code, u.name, u.type, u.parentId, u.validFrom.toISOString().slice(0, 10), u.source])).toEqual([
      ["00001", "Phường Alpha", "phuong", city.id, "2025-07-01", "wards-2025.geojson"],
      ["00002", "Xã Beta", "xa", city.id, "2025-07-01", "wards-2025.geojson"],
      ["00003", "Phường Gamma Đông", "phuong", city.id, "2025-07-01", "wards-2025.geojson"],
    ]);
  });

  it("stores derived values: bbox, spherical area (hole subtracted), an interior point, ascii name, population", async () => {
    const units = await db.prisma.adminUnit.findMany({ where: { level: "ward", validTo: null }, orderBy: { code: "asc" } });
    const [alpha, beta, gamma] = units;
    expect([alpha.minLon, alpha.minLat, alpha.maxLon, alpha.maxLat]).toEqual([105.8, 21, 105.82, 21.02]);
    expect([beta.minLon, beta.minLat, beta.maxLon, beta.maxLat]).toEqual([105.82, 21, 105.92, 21.12]);
    // 0.02° square at 21°N minus a 0.005° hole; 0.02° × 0.04° for Gamma.
    expect(alpha.areaKm2).toBeCloseTo(4.6169 - 0.2886, 2);
    expect(gamma.areaKm2).toBeCloseTo(9.2309, 2);
    for (const u of units) {
      const geometry = asAreaGeometry(u.geometry);
      expect(geometry).not.toBeNull();
      if (geometry) expect(booleanPointInPolygon([u.centerLon ?? NaN, u.centerLat ?? NaN], geometry)).toBe(true);
    }
    expect(units.map((u) => u.nameAscii)).toEqual(["phuong alpha", "xa beta", "phuong gamma dong"]);
    expect(units.map((u) => u.population)).toEqual([12000, 8000, null]);
  });

  it("stores geometry rounded and wound the RFC 7946 way (the fixture's first ward is clockwise)", async () => {
    const alpha = await db.prisma.adminUnit.findFirstOrThrow({ where: { code: "00001", validTo: null } });
    expect(alpha.geometry).toEqual({
      type: "Polygon",
      coordinates: [
        [[105.8, 21], [105.82, 21], [105.82, 21.02], [105.8, 21.02], [105.8, 21]],
        [[105.805, 21.005], [105.805, 21.01], [105.81, 21.01], [105.81, 21.005], [105.805, 21.005]],
      ],
    });
  });

  it("moves households to the ward containing them; those outside every new ward keep theirs", async () => {
    expect(await wardOfHouseholds(db)).toEqual({
      "HH-ALPHA": "00001",
      "HH-HOLE": "90001",
      "HH-EXCLAVE": "00002",
      "HH-BETA": "00002",
      "HH-GAMMA": "00003",
      "HH-FAR": "90001",
    });
  });

  it("moves terminals with their household", async () => {
    const terminals = await db.prisma.terminal.findMany({ select: { code: true, ward: { select: { code: true } } }, orderBy: { code: "asc" } });
    expect(terminals.map((t) => [t.code, t.ward.code])).toEqual([
      ["T-ALPHA", "00001"],
      ["T-EXCLAVE-0", "00002"],
      ["T-EXCLAVE-1", "00002"],
      ["T-FAR", "90001"],
    ]);
  });

  it("loadUnitIndex indexes the current wards only, and agrees with every household's new ward", async () => {
    const index = await loadUnitIndex(db.prisma);
    expect(index.size).toBe(3);
    const households = await db.prisma.household.findMany({ select: { lon: true, lat: true, wardId: true, ward: { select: { code: true } } } });
    for (const h of households) expect(index.find(h.lon, h.lat) ?? "outside").toBe(h.ward.code.startsWith("9") ? "outside" : h.wardId);
    const districts = await loadUnitIndex(db.prisma, "district");
    expect(districts.size).toBe(0);
  });

  it("writes one audit row", async () => {
    const rows = await db.prisma.auditLog.findMany({ where: { action: "geo.import_boundaries" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: "cli", entity: "admin_unit" });
    expect(rows[0].details).toMatchObject({
      source: "wards-2025.geojson",
      level: "ward",
      imported: 3,
      retired: 2,
      validFrom: "2025-07-01",
      reassigned: { households: 4, terminals: 3, outside: 2 },
    });
  });

  it("is idempotent: re-importing the same file updates in place and leaves the data as it was", async () => {
    const before = await snapshot(db);
    const again = await importBoundaries(db, fixture("wards-2025.geojson"), options);
    expect(again).toMatchObject({ imported: 3, created: 0, updated: 3, retired: 0, reassigned: { households: 0, terminals: 0, outside: 2 } });
    const after = await snapshot(db);
    expect(after).toEqual({ ...before, audit_rows: (before.audit_rows as number) + 1 });
  });

  it("catches up households registered or moved between staging and the transaction", async () => {
    const units = await db.prisma.adminUnit.findMany({ where: { level: "ward", validTo: null }, select: { id: true, code: true, geometry: true } });
    const index = WardIndex.build(units.map((u) => ({ id: u.code, geometry: asAreaGeometry(u.geometry) ?? { type: "Polygon" as const, coordinates: [] } })));
    const staged = await stageAssignments(db, index);
    expect(staged?.rows).toBe(6);
    try {
      // After staging: one household is registered (in the old ward), another moves house.
      await db.prisma.household.create({ data: { code: "HH-LATE", address: "new", lon: 105.81, lat: 21.035, wardId: town.oldWardIds.west } });
      await db.prisma.household.update({ where: { id: town.householdIds.farAway }, data: { lon: 105.835, lat: 21.015 } });
      const counts = await db.prisma.$transaction((tx) => applyAssignments(tx, staged, index, new Map(units.map((u) => [u.code, u.id])), "2025-07-01"));
      expect(counts).toEqual({ households: 2, terminals: 1, outside: 1 });
    } finally {
      await staged?.drop();
    }
    const wards = await wardOfHouseholds(db);
    expect([wards["HH-LATE"], wards["HH-FAR"], wards["HH-HOLE"]]).toEqual(["00003", "00002", "90001"]);
    const tables = await snapshot(db);
    expect(tables.tables).not.toMatch(/geo_reassign_/);
  });

  it("removes scratch tables a killed import left behind, but not one a running import may be using", async () => {
    const fresh = `geo_reassign_${Math.floor(Date.now() / 1000) - 60}_cafe0001`;
    await db.exec(`CREATE TABLE geo_reassign_1000000000_dead0001 (x int); CREATE TABLE ${fresh} (x int)`);
    const staged = await stageAssignments(db, WardIndex.build<string>([]));
    await staged?.drop();
    const { tables } = await snapshot(db);
    expect(String(tables).split(",").filter((t) => t.startsWith("geo_reassign_"))).toEqual([fresh]);
    await db.exec(`DROP TABLE ${fresh}`);
  });
});
