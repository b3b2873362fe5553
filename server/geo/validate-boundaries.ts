// Checks a boundary file completely before anything touches the database, and reports every
// problem at once (with the feature's index, code and name) so that a bad file can be fixed in
// one pass rather than one error per run.
import type { UnitType } from "../db/generated/client";
import { polygonsOf, signedRingArea2, type AreaGeometry } from "./geometry";
import { detectUnitType, typeProperties, typesByLevel, type ImportLevel } from "./unit-type";

export interface BoundaryFeature {
  /** Position in the file's `features` array (0-based, as in `features[12]`). */
  index: number;
  code: string;
  name: string;
  type: UnitType;
  geometry: AreaGeometry;
  properties: Record<string, unknown>;
}

export interface ValidatedBoundaries {
  features: BoundaryFeature[];
  codeProp: string;
  nameProp: string;
  /** True when the code/name properties were auto-detected rather than given. */
  detected: boolean;
  /** Where unit types came from: property name (or "name") → number of features. */
  typeSources: Record<string, number>;
}

export type ValidationResult = { ok: true; value: ValidatedBoundaries } | { ok: false; problems: string[] };

export interface ValidationOptions {
  level: ImportLevel;
  codeProp?: string;
  nameProp?: string;
}

/** Code/name property pairs of known boundary files, in the order they are tried. */
export const knownPropertyPairs: Record<ImportLevel, readonly (readonly [code: string, name: string])[]> = {
  ward: [
    ["ma_xa", "ten_xa"],
    ["ma_xa_gso", "ten_xa_gso"],
    ["code", "name"],
    ["ma", "ten"],
    ["ma_huyen", "ten_huyen"],
  ],
  district: [
    ["ma_huyen", "ten_huyen"],
    ["ma_huyen_gso", "ten_huyen_gso"],
    ["code", "name"],
    ["ma", "ten"],
    ["ma_xa", "ten_xa"],
  ],
};

const typeLabels: Record<UnitType, string> = {
  thanh_pho: "thành phố",
  quan: "quận",
  huyen: "huyện",
  thi_xa: "thị xã",
  phuong: "phường",
  xa: "xã",
  thi_tran: "thị trấn",
};

export function validateBoundaries(text: string, options: ValidationOptions): ValidationResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const shape = collectionProblem(json);
  if (shape) return { ok: false, problems: [shape] };
  const collection = json as { features: unknown[]; crs?: unknown };
  const problems: string[] = [];
  const crs = crsProblem(collection.crs);
  if (crs) problems.push(crs);

  const rawFeatures = collection.features.map((f) => (isObject(f) ? f : null));
  const propsOf = (f: Record<string, unknown> | null) => (f && isObject(f.properties) ? f.properties : {});
  const chosen = chooseProperties(rawFeatures.map(propsOf), options);
  if ("problem" in chosen) problems.push(chosen.problem);

  const features: BoundaryFeature[] = [];
  const typeSources: Record<string, number> = {};
  const byCode = new Map<string, number[]>();
  rawFeatures.forEach((raw, index) => {
    if (!raw || raw.type !== "Feature") {
      problems.push(`feature ${index}: not a GeoJSON Feature (type is ${describeType(raw?.type)})`);
      return;
    }
    const properties = propsOf(raw);
    const code = "problem" in chosen ? null : textValue(properties[chosen.code]);
    const name = "problem" in chosen ? null : textValue(properties[chosen.name]);
    const label = featureLabel(index, code, name);
    if (!("problem" in chosen)) {
      if (code === null) problems.push(`${label}: code property "${chosen.code}" is missing or empty`);
      if (name === null) problems.push(`${label}: name property "${chosen.name}" is missing or empty`);
    }
    const geometryProblems = checkGeometry(raw.geometry);
    for (const p of geometryProblems) problems.push(`${label}: ${p}`);

    let type: UnitType | null = null;
    if (name !== null) {
      const detected = detectUnitType(properties, name);
      if (!detected) {
        problems.push(
          `${label}: cannot tell the unit type: no type property (${typeProperties.join(", ")}) and the name does not start with ${options.level === "ward" ? "Phường, Xã or Thị trấn" : "Quận, Huyện, Thị xã or Thành phố"}`,
        );
      } else if (!typesByLevel[options.level].includes(detected.type)) {
        const other = options.level === "ward" ? "district" : "ward";
        problems.push(`${label}: a ${typeLabels[detected.type]} is not a ${options.level}-level unit (use --level ${other} for ${other}s)`);
      } else {
        type = detected.type;
        typeSources[detected.from] = (typeSources[detected.from] ?? 0) + 1;
      }
    }
    if (code !== null) {
      const same = byCode.get(code);
      if (same) same.push(index);
      else byCode.set(code, [index]);
    }
    if (code !== null && name !== null && type !== null && geometryProblems.length === 0)
      features.push({ index, code, name, type, geometry: raw.geometry as AreaGeometry, properties });
  });

  for (const [code, indexes] of byCode)
    if (indexes.length > 1) problems.push(`duplicate code ${code}: features ${indexes.join(", ")}`);

  if (problems.length > 0 || "problem" in chosen) return { ok: false, problems };
  return { ok: true, value: { features, codeProp: chosen.code, nameProp: chosen.name, detected: chosen.detected, typeSources } };
}

/** Caps a problem list for display: the first `max` lines and "… and N more". */
export function capProblems(problems: string[], max = 50): string[] {
  if (problems.length <= max) return problems;
  return [...problems.slice(0, max), `… and ${problems.length - max} more`];
}

function collectionProblem(json: unknown): string | null {
  if (Array.isArray(json)) return "the file is a JSON array; expected a GeoJSON FeatureCollection";
  if (!isObject(json)) return `the file is a JSON ${json === null ? "null" : typeof json}; expected a GeoJSON FeatureCollection`;
  if (json.type === "Feature") return "the file is a single GeoJSON Feature; expected a FeatureCollection";
  if (json.type !== "FeatureCollection") return `not a GeoJSON FeatureCollection (type is ${describeType(json.type)})`;
  if (!Array.isArray(json.features)) return 'the FeatureCollection has no "features" array';
  if (json.features.length === 0) return "the FeatureCollection has no features";
  return null;
}

/** Only WGS84 lon/lat is accepted; a projected file (VN-2000, UTM) must be reprojected first. */
function crsProblem(crs: unknown): string | null {
  if (!isObject(crs) || !isObject(crs.properties) || typeof crs.properties.name !== "string") return null;
  const name = crs.properties.name;
  if (/CRS84|EPSG:+4326$|EPSG::4326|EPSG\/0\/4326/i.test(name)) return null;
  return `coordinate reference system ${name} is not WGS84 longitude/latitude; reproject the file to EPSG:4326 first`;
}

type ChosenProperties = { code: string; name: string; detected: boolean } | { problem: string };

/**
 * Uses the given code/name properties, or the first known pair every feature has; failing that,
 * the pair most features have (the others are then reported as missing a code or name).
 */
export function chooseProperties(properties: Record<string, unknown>[], options: ValidationOptions): ChosenProperties {
  if (options.codeProp && options.nameProp) return { code: options.codeProp, name: options.nameProp, detected: false };
  const pairs = knownPropertyPairs[options.level].map(([code, name]) => [options.codeProp ?? code, options.nameProp ?? name] as const);
  let best: { code: string; name: string; count: number } | null = null;
  for (const [code, name] of pairs) {
    const count = properties.filter((p) => textValue(p[code]) !== null && textValue(p[name]) !== null).length;
    if (count === properties.length) return { code, name, detected: true };
    if (count > 0 && (!best || count > best.count)) best = { code, name, count };
  }
  if (best) return { code: best.code, name: best.name, detected: true };
  const seen = new Set<string>();
  for (const p of properties) for (const key of Object.keys(p)) seen.add(key);
  const tried = [...new Set(pairs.map(([c, n]) => `${c}/${n}`))].join(", ");
  const have = seen.size ? [...seen].slice(0, 30).join(", ") + (seen.size > 30 ? ", …" : "") : "none";
  return {
    problem: `cannot find the code and name properties (tried ${tried}); the features have these properties: ${have}. Name them with --code-prop and --name-prop`,
  };
}

/** Problems of one feature's geometry, each counted once with its first example. */
export function checkGeometry(geometry: unknown): string[] {
  if (geometry === null || geometry === undefined) return ["has no geometry"];
  if (!isObject(geometry)) return ["geometry is not an object"];
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")
    return [`geometry type ${describeType(geometry.type, false)} is not allowed; expected Polygon or MultiPolygon`];
  const polygons = polygonList(geometry.type, geometry.coordinates);
  if (typeof polygons === "string") return [polygons];

  const issues = new Map<string, { count: number; first: string }>();
  const note = (kind: string, where: string) => {
    const seen = issues.get(kind);
    if (seen) seen.count++;
    else issues.set(kind, { count: 1, first: where });
  };
  let badPositions = 0;
  let firstBadPosition = "";
  let outOfRange = 0;
  let firstOutOfRange = "";
  let swapped = true;
  // A flat sliver part next to real ones is harmless; a geometry that encloses nothing is not.
  let withArea = 0;
  polygons.forEach((polygon, p) => {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      note("polygon-empty", ringName(polygons.length, p, -1));
      return;
    }
    polygon.forEach((ring: unknown, r) => {
      const where = ringName(polygons.length, p, r);
      if (!Array.isArray(ring)) {
        note("ring-not-array", where);
        return;
      }
      let ringOk = true;
      for (const position of ring as unknown[]) {
        if (!Array.isArray(position) || position.length < 2 || !position.every((n) => typeof n === "number" && Number.isFinite(n))) {
          if (badPositions++ === 0) firstBadPosition = `${JSON.stringify(position)} in ${where}`;
          ringOk = false;
          continue;
        }
        const [lon, lat] = position as number[];
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
          if (outOfRange++ === 0) firstOutOfRange = `[${lon}, ${lat}]`;
          if (!(Math.abs(lon) <= 90 && Math.abs(lat) <= 180)) swapped = false;
        }
      }
      if (ring.length < 4) note("ring-short", `${where} has ${ring.length}`);
      else if (ringOk && !samePosition(ring[0] as number[], ring[ring.length - 1] as number[])) note("ring-open", where);
      else if (ringOk && r === 0 && signedRingArea2(ring as number[][]) !== 0) withArea++;
    });
  });

  const problems: string[] = [];
  const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);
  for (const [kind, { count, first: example }] of issues) {
    const first = count === 1 ? example : `first: ${example}`;
    if (kind === "polygon-empty") problems.push(`${plural(count, "a polygon has", "polygons have")} no rings (${first})`);
    if (kind === "ring-not-array") problems.push(`${plural(count, "a ring is", "rings are")} not an array of positions (${first})`);
    if (kind === "ring-short") problems.push(`${plural(count, "a ring has", "rings have")} fewer than 4 positions (${first})`);
    if (kind === "ring-open") problems.push(`${plural(count, "a ring is", "rings are")} not closed: the first and last positions differ (${first})`);
  }
  if (issues.size === 0 && badPositions === 0 && withArea === 0) problems.push("the geometry encloses no area");
  if (badPositions > 0)
    problems.push(`${plural(badPositions, "a position is", "positions are")} not [longitude, latitude] numbers (first: ${firstBadPosition})`);
  if (outOfRange > 0) {
    const hint = swapped ? "; longitude and latitude look swapped (GeoJSON is [longitude, latitude])" : "";
    problems.push(
      `${plural(outOfRange, "a coordinate is", "coordinates are")} outside longitude −180…180 / latitude −90…90 (first: ${firstOutOfRange})${hint}`,
    );
  }
  return problems;
}

function polygonList(type: "Polygon" | "MultiPolygon", coordinates: unknown): unknown[][] | string {
  if (!Array.isArray(coordinates) || coordinates.length === 0) return `${type} has no coordinates`;
  if (type === "Polygon") return [coordinates];
  return coordinates.map((polygon: unknown) => (Array.isArray(polygon) ? polygon : []));
}

function ringName(parts: number, p: number, r: number): string {
  const ring = r < 0 ? "" : r === 0 ? "exterior ring" : `hole ${r}`;
  if (parts === 1 && p === 0) return ring || "polygon";
  return r < 0 ? `part ${p}` : `part ${p} ${ring}`;
}

function samePosition(a: number[], b: number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** A code or name: a non-empty trimmed string, or a number written out (some files store codes as numbers). */
export function textValue(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function featureLabel(index: number, code: string | null, name: string | null): string {
  const parts = [code !== null ? `code ${code}` : null, name].filter((p) => p !== null);
  return parts.length ? `feature ${index} (${parts.join(", ")})` : `feature ${index}`;
}

function describeType(type: unknown, quote = true): string {
  if (type === undefined) return "missing";
  return typeof type === "string" && !quote ? type : JSON.stringify(type);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
