// Writes imported units in one statement. Per-row Prisma updates cost ~30 ms each on PGlite
// (every call returns the row, geometry included), which made re-importing 584 wards take
// 15 s; one INSERT … ON CONFLICT over a JSON array does the same in well under a second, and
// makes a re-import of the same (code, valid_from) an in-place update by construction.
import type { Prisma, UnitLevel } from "../db/generated/client";
import type { PreparedUnit } from "./prepare-units";

type Tx = Prisma.TransactionClient;

interface UnitRow {
  code: string;
  name: string;
  name_ascii: string;
  type: string;
  parent_id: number;
  population: number | null;
  households: number | null;
  area_km2: number;
  geometry: PreparedUnit["geometry"];
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  center_lon: number;
  center_lat: number;
}

export interface WriteUnitsInput {
  units: PreparedUnit[];
  level: UnitLevel;
  /** YYYY-MM-DD */
  validFrom: string;
  source: string;
  parentOf: (unit: PreparedUnit) => number;
}

/**
 * Inserts the units, or — for a (code, valid_from) already present — updates it in place and
 * makes it current again. Population and households missing from the file keep their stored
 * values. Returns code → id.
 */
export async function upsertUnits(tx: Tx, input: WriteUnitsInput): Promise<Map<string, number>> {
  const rows: UnitRow[] = input.units.map((u) => ({
    code: u.code,
    name: u.name,
    name_ascii: u.nameAscii,
    type: u.type,
    parent_id: input.parentOf(u),
    population: u.population,
    households: u.households,
    area_km2: u.areaKm2,
    geometry: u.geometry,
    min_lon: u.bbox[0],
    min_lat: u.bbox[1],
    max_lon: u.bbox[2],
    max_lat: u.bbox[3],
    center_lon: u.center[0],
    center_lat: u.center[1],
  }));
  const written = await tx.$queryRawUnsafe<{ id: number; code: string }[]>(
    `INSERT INTO admin_unit (code, name, name_ascii, level, type, parent_id, valid_from, valid_to, population, households, area_km2,
                             geometry, min_lon, min_lat, max_lon, max_lat, center_lon, center_lat, source)
     SELECT v.code, v.name, v.name_ascii, $2::"UnitLevel", v.type::"UnitType", v.parent_id, $3::date, NULL, v.population, v.households, v.area_km2,
            v.geometry, v.min_lon, v.min_lat, v.max_lon, v.max_lat, v.center_lon, v.center_lat, $4
       FROM jsonb_to_recordset($1::jsonb) AS v(code text, name text, name_ascii text, type text, parent_id integer, population integer,
            households integer, area_km2 double precision, geometry jsonb, min_lon double precision, min_lat double precision,
            max_lon double precision, max_lat double precision, center_lon double precision, center_lat double precision)
     ON CONFLICT (code, valid_from) DO UPDATE SET
            name = EXCLUDED.name, name_ascii = EXCLUDED.name_ascii, type = EXCLUDED.type, parent_id = EXCLUDED.parent_id,
            valid_to = NULL, population = COALESCE(EXCLUDED.population, admin_unit.population),
            households = COALESCE(EXCLUDED.households, admin_unit.households), area_km2 = EXCLUDED.area_km2,
            geometry = EXCLUDED.geometry, min_lon = EXCLUDED.min_lon, min_lat = EXCLUDED.min_lat, max_lon = EXCLUDED.max_lon,
            max_lat = EXCLUDED.max_lat, center_lon = EXCLUDED.center_lon, center_lat = EXCLUDED.center_lat, source = EXCLUDED.source
     RETURNING id, code`,
    JSON.stringify(rows),
    input.level,
    input.validFrom,
    input.source,
  );
  return new Map(written.map((r) => [r.code, r.id]));
}
