// Geometry helpers for boundary polygons in WGS84 lon/lat. PostGIS is not available on PGlite,
// so everything the import computes (area, bounding box, interior point) happens here.
import { geoArea } from "d3";
import type { MultiPolygon, Polygon, Position } from "geojson";

export type AreaGeometry = Polygon | MultiPolygon;
export type Ring = Position[];
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Mean Earth radius (IUGG), the radius d3-geo's unit-sphere areas are scaled by. */
export const EARTH_RADIUS_KM = 6371.0088;

/** The polygons of a Polygon or MultiPolygon, each as [exterior, ...holes]. */
export function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function bboxOf(geometry: AreaGeometry): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygonsOf(geometry))
    for (const ring of polygon)
      for (const [lon, lat] of ring) {
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
  return [minLon, minLat, maxLon, maxLat];
}

/** Twice the signed planar area of a ring in degree units: positive when counter-clockwise. */
export function signedRingArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum;
}

/**
 * Spherical area of the region a ring encloses, in steradians, whichever way it winds.
 * d3-geo reads a counter-clockwise ring (the RFC 7946 exterior) as "everything but this",
 * giving 4π − a; administrative units are far smaller than a hemisphere, so the smaller
 * of the two readings is the one meant.
 */
export function ringSteradians(ring: Ring): number {
  const a = geoArea({ type: "Polygon", coordinates: [ring] });
  // Measuring the reversed ring rather than taking 4π − a keeps full precision.
  return a <= 2 * Math.PI ? a : geoArea({ type: "Polygon", coordinates: [[...ring].reverse()] });
}

/** Area in km² on the sphere: exteriors minus holes, independent of the file's winding order. */
export function areaKm2(geometry: AreaGeometry): number {
  let steradians = 0;
  for (const [exterior, ...holes] of polygonsOf(geometry)) {
    steradians += ringSteradians(exterior);
    for (const hole of holes) steradians -= ringSteradians(hole);
  }
  return steradians * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}

export type Winding = "rfc7946" | "d3";

/**
 * Rewinds rings: "rfc7946" gives counter-clockwise exteriors and clockwise holes (what GeoJSON
 * specifies and what is stored); "d3" gives the opposite, which d3-geo needs to draw and measure.
 */
export function rewind<G extends AreaGeometry>(geometry: G, winding: Winding): G {
  const fix = (polygon: Position[][]) =>
    polygon.map((ring, i) => {
      const ccw = signedRingArea2(ring) > 0;
      const wantCcw = (i === 0) === (winding === "rfc7946");
      return ccw === wantCcw ? ring : [...ring].reverse();
    });
  if (geometry.type === "Polygon") return { ...geometry, coordinates: fix(geometry.coordinates) };
  return { ...geometry, coordinates: geometry.coordinates.map(fix) };
}

/**
 * The stored form of an imported geometry: 2-D positions rounded to 6 decimals (about 0.1 m,
 * finer than any official boundary), RFC 7946 winding, no foreign members.
 */
export function normalizeGeometry(geometry: AreaGeometry): AreaGeometry {
  const ring = (r: Ring): Ring => r.map((p) => [round6(p[0]), round6(p[1])]);
  const clean: AreaGeometry =
    geometry.type === "Polygon"
      ? { type: "Polygon", coordinates: geometry.coordinates.map(ring) }
      : { type: "MultiPolygon", coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
  return rewind(clean, "rfc7946");
}

/** A stored geometry (the JSON column) as a Polygon or MultiPolygon, or null when it is neither. */
export function asAreaGeometry(value: unknown): AreaGeometry | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if ((type === "Polygon" || type === "MultiPolygon") && Array.isArray(coordinates)) return value as AreaGeometry;
  return null;
}
