// Writes the synthetic map to admin_unit / admin_unit_link with explicit ids (sequences are set
// afterwards), so later phases can refer to wards without reading them back.
import type { Database } from "../../server/db/client";
import { copyRows, type Cell } from "./csv";
import { cityFacts } from "./hanoi-districts";
import { toGeoJson } from "./geometry";
import type { CityGeography, Shape } from "./geography";
import { nameAscii } from "./names";

export interface UnitIds {
  city: number;
  districts: number[];
  oldWards: number[];
  newWards: number[];
}

export function unitIds(geo: CityGeography): UnitIds {
  let next = 1;
  const city = next++;
  const districts = geo.districts.map(() => next++);
  const oldWards = geo.oldWards.map(() => next++);
  const newWards = geo.newWards.map(() => next++);
  return { city, districts, oldWards, newWards };
}

const columns = [
  "id", "code", "name", "name_ascii", "level", "type", "parent_id", "valid_from", "valid_to", "population", "households",
  "area_km2", "geometry", "min_lon", "min_lat", "max_lon", "max_lat", "center_lon", "center_lat", "source", "created_at",
] as const;

function row(id: number, code: string, name: string, level: string, type: string, parentId: number | null, validFrom: string, validTo: string | null, population: number, households: number, shape: Shape, now: Date): Cell[] {
  const [minLon, minLat, maxLon, maxLat] = shape.bbox;
  return [
    id, code, name, nameAscii(name), level, type, parentId, validFrom, validTo, population, households,
    Math.round(shape.areaKm2 * 1000) / 1000, JSON.stringify(toGeoJson(shape.polygon)), minLon, minLat, maxLon, maxLat, shape.center[0], shape.center[1], "synthetic", now,
  ];
}

export async function writeGeography(db: Database, geo: CityGeography, ids: UnitIds, now: Date): Promise<number> {
  const { validFrom, oldValidTo, newValidFrom } = cityFacts;
  const rows: Cell[][] = [row(ids.city, cityFacts.code, cityFacts.name, "city", "thanh_pho", null, validFrom, null, geo.city.population, geo.city.households, geo.city, now)];
  geo.districts.forEach((d, i) => {
    const population = geo.oldWards.filter((w) => w.district === i).reduce((s, w) => s + w.population, 0);
    const households = geo.oldWards.filter((w) => w.district === i).reduce((s, w) => s + w.households, 0);
    rows.push(row(ids.districts[i], d.fact.code, d.name, "district", d.fact.type, ids.city, validFrom, oldValidTo, population, households, d, now));
  });
  geo.oldWards.forEach((w, i) => rows.push(row(ids.oldWards[i], w.code, w.name, "ward", w.type, ids.districts[w.district], validFrom, oldValidTo, w.population, w.households, w, now)));
  geo.newWards.forEach((w, i) => rows.push(row(ids.newWards[i], w.code, w.name, "ward", w.type, ids.city, newValidFrom, null, w.population, w.households, w, now)));
  await copyRows(db, "admin_unit", columns, rows);
  await db.exec(`SELECT setval(pg_get_serial_sequence('admin_unit', 'id'), (SELECT max(id) FROM admin_unit))`);
  const links = geo.oldWards.map((w, i) => [ids.oldWards[i], ids.newWards[w.newWard], "full"]);
  await copyRows(db, "admin_unit_link", ["from_id", "to_id", "kind"], links);
  return rows.length;
}
