// Shared set-up for the boundary-import tests: a small town of synthetic wards, households and
// terminals (no departments needed), and a snapshot of everything an import may touch.
import { readFileSync } from "node:fs";
import type { Database } from "../../../server/db/client";

export const fixture = (name: string) => readFileSync(new URL(`../../fixtures/geo/${name}`, import.meta.url), "utf8");

const ring = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

/** Where the town's households live, relative to the wards of fixtures/geo/wards-2025.geojson. */
export const homes = {
  inAlpha: { code: "HH-ALPHA", lon: 105.815, lat: 21.015 }, // → 00001
  inAlphaHole: { code: "HH-HOLE", lon: 105.8075, lat: 21.0075 }, // in 00001's hole: outside every new ward
  inBetaExclave: { code: "HH-EXCLAVE", lon: 105.91, lat: 21.11 }, // → 00002, its second part
  inBeta: { code: "HH-BETA", lon: 105.83, lat: 21.01 }, // → 00002
  inGamma: { code: "HH-GAMMA", lon: 105.81, lat: 21.03 }, // → 00003
  farAway: { code: "HH-FAR", lon: 105.7, lat: 20.9 }, // outside every new ward
} as const;

export interface Town {
  oldWardIds: { west: number; east: number };
  householdIds: Record<keyof typeof homes, number>;
}

/**
 * Two synthetic wards covering the area (one started before 2025-07-01, one on it), six
 * households and four terminals (two in the exclave household, one of them decommissioned).
 */
export async function seedTown(db: Database): Promise<Town> {
  const p = db.prisma;
  const ward = (code: string, name: string, validFrom: string, geometry: number[][][]) =>
    p.adminUnit.create({
      data: {
        code,
        name,
        nameAscii: name.toLowerCase(),
        level: "ward",
        type: "phuong",
        validFrom: new Date(`${validFrom}T00:00:00Z`),
        geometry: { type: "Polygon", coordinates: geometry },
      },
    });
  const west = await ward("90001", "Phường Tây", "2020-01-01", [ring(105.6, 20.8, 105.83, 21.2)]);
  const east = await ward("90002", "Phường Đông", "2025-07-01", [ring(105.83, 20.8, 106, 21.2)]);
  const householdIds = {} as Record<keyof typeof homes, number>;
  for (const [key, home] of Object.entries(homes) as [keyof typeof homes, (typeof homes)[keyof typeof homes]][]) {
    const h = await p.household.create({
      data: { code: home.code, address: `${home.code} street`, lon: home.lon, lat: home.lat, wardId: home.lon < 105.83 ? west.id : east.id },
    });
    householdIds[key] = h.id;
  }
  const terminal = (code: string, key: keyof typeof homes, status: "active" | "decommissioned" = "active") =>
    p.terminal.create({
      data: { code, householdId: householdIds[key], wardId: homes[key].lon < 105.83 ? west.id : east.id, secret: "s3cret", model: "T1", firmware: "1.0", status },
    });
  await terminal("T-ALPHA", "inAlpha");
  await terminal("T-EXCLAVE-1", "inBetaExclave");
  await terminal("T-EXCLAVE-0", "inBetaExclave", "decommissioned");
  await terminal("T-FAR", "farAway");
  return { oldWardIds: { west: west.id, east: east.id }, householdIds };
}

/** Everything an import writes, fingerprinted, plus the list of tables (no scratch table may be left). */
export async function snapshot(db: Database) {
  const [row] = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`
    SELECT (SELECT count(*)::int FROM admin_unit) AS units,
           (SELECT md5(coalesce(string_agg(a::text, '|' ORDER BY a.id), '')) FROM admin_unit a) AS units_md5,
           (SELECT md5(coalesce(string_agg(h.id || ':' || h.ward_id, ',' ORDER BY h.id), '')) FROM household h) AS household_wards,
           (SELECT md5(coalesce(string_agg(t.id || ':' || t.ward_id, ',' ORDER BY t.id), '')) FROM terminal t) AS terminal_wards,
           (SELECT count(*)::int FROM audit_log) AS audit_rows,
           (SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = current_schema()) AS tables`);
  return row;
}

/** Household code → current ward code. */
export async function wardOfHouseholds(db: Database): Promise<Record<string, string>> {
  const rows = await db.prisma.household.findMany({ select: { code: true, ward: { select: { code: true } } } });
  return Object.fromEntries(rows.map((r) => [r.code, r.ward.code]));
}
