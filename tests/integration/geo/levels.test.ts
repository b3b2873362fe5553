// District files, and pre-2025 ward files whose wards hang under their districts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import type { Database } from "../../../server/db/client";
import { importBoundaries } from "../../../server/geo/import-boundaries";
import { fixture, seedTown, wardOfHouseholds } from "./support";

describe("importBoundaries: districts and pre-2025 wards", () => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase();
    await seedTown(db);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("imports districts from 2008-08-01 under the city, leaving wards and households alone", async () => {
    const result = await importBoundaries(db, fixture("districts.geojson"), { source: "districts.geojson", level: "district", actor: { kind: "cli" } });
    expect(result).toMatchObject({
      level: "district",
      imported: 2,
      retired: 0,
      validFrom: "2008-08-01",
      properties: { code: "ma_huyen", name: "ten_huyen", types: { loai_huyen: 2 } },
      reassigned: { households: 0, terminals: 0, outside: 0 },
    });
    const city = await db.prisma.adminUnit.findFirstOrThrow({ where: { level: "city" } });
    const districts = await db.prisma.adminUnit.findMany({ where: { level: "district" }, orderBy: { code: "asc" } });
    expect(districts.map((d) => [d.code, d.type, d.parentId, d.validFrom.toISOString().slice(0, 10), d.validTo])).toEqual([
      ["001", "quan", city.id, "2008-08-01", null],
      ["002", "huyen", city.id, "2008-08-01", null],
    ]);
    expect(await db.prisma.adminUnit.count({ where: { level: "ward", validTo: null } })).toBe(2);
  });

  it("hangs pre-2025 wards under the district the file names, else the one containing them, else the city", async () => {
    const result = await importBoundaries(db, fixture("wards-2019.geojson"), {
      source: "wards-2019.geojson",
      level: "ward",
      validFrom: "2019-12-01",
      actor: { kind: "user", id: "u-1" },
    });
    expect(result).toMatchObject({
      imported: 3,
      retired: 2,
      validFrom: "2019-12-01",
      properties: { code: "ma_xa_gso", name: "ten_xa_gso", types: { TYPE_3: 3 } },
      parents: { districtByCode: 1, districtByPoint: 1, city: 1 },
    });
    const units = await db.prisma.adminUnit.findMany({ where: { level: "ward", validTo: null }, include: { parent: true }, orderBy: { code: "asc" } });
    expect(units.map((u) => [u.code, u.type, u.parent?.code])).toEqual([
      ["00101", "phuong", "001"],
      ["00102", "xa", "002"],
      ["00103", "thi_tran", "01"],
    ]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "geo.import_boundaries", actorId: "u-1" } });
    expect(audit.actorKind).toBe("user");
  });

  it("re-assigns households to the imported wards too", async () => {
    const wards = await wardOfHouseholds(db);
    expect(wards["HH-ALPHA"]).toBe("90001"); // (105.815, 21.015) is in none of the 2019 wards
    expect(wards["HH-BETA"]).toBe("00102"); // (105.83, 21.01)
  });
});
