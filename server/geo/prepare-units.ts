// Turns a validated feature into the admin_unit values the import stores: normalised geometry
// and everything derived from it once here so that no query has to compute it later.
import type { UnitType } from "../db/generated/client";
import { areaKm2, bboxOf, normalizeGeometry, round6, type AreaGeometry, type BBox } from "./geometry";
import { interiorPoint } from "./interior-point";
import { asciiName } from "./text";
import { textValue, type BoundaryFeature } from "./validate-boundaries";

export interface PreparedUnit {
  code: string;
  name: string;
  nameAscii: string;
  type: UnitType;
  geometry: AreaGeometry;
  bbox: BBox;
  areaKm2: number;
  /** A point inside the unit (its label point), [lon, lat]. */
  center: [number, number];
  population: number | null;
  households: number | null;
  /** The parent district's code, when a pre-2025 ward file carries it. */
  districtCode: string | null;
}

const populationProperties = ["dan_so", "danso", "population", "POP", "pop"];
const householdProperties = ["so_ho", "ho_gia_dinh", "households"];
const districtCodeProperties = ["ma_huyen", "ma_huyen_gso"];

export function prepareUnit(feature: BoundaryFeature, codeProp: string): PreparedUnit {
  const geometry = normalizeGeometry(feature.geometry);
  const [lon, lat] = interiorPoint(geometry);
  const districtProp = districtCodeProperties.find((p) => p !== codeProp && textValue(feature.properties[p]) !== null);
  return {
    code: feature.code,
    name: feature.name,
    nameAscii: asciiName(feature.name),
    type: feature.type,
    geometry,
    bbox: bboxOf(geometry),
    areaKm2: Math.round(areaKm2(geometry) * 1e4) / 1e4,
    center: [round6(lon), round6(lat)],
    population: countProperty(feature.properties, populationProperties),
    households: countProperty(feature.properties, householdProperties),
    districtCode: districtProp ? textValue(feature.properties[districtProp]) : null,
  };
}

/** A head count from the first of the given properties holding a non-negative number ("105301" counts too). */
export function countProperty(properties: Record<string, unknown>, names: string[]): number | null {
  for (const name of names) {
    const raw = properties[name];
    const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim()) : raw;
    if (typeof value === "number" && Number.isFinite(value) && value >= 0 && value < 2 ** 31) return Math.round(value);
  }
  return null;
}
