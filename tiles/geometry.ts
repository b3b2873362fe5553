import type { MultiPolygon, Polygon, Position } from "geojson";

export type AreaGeometry = Polygon | MultiPolygon;

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && typeof value[0] === "number" && typeof value[1] === "number";
}

function isRing(value: unknown): value is Position[] {
  return Array.isArray(value) && value.length >= 4 && value.every(isPosition);
}

function isPolygonCoords(value: unknown): value is Position[][] {
  return Array.isArray(value) && value.length > 0 && value.every(isRing);
}

/**
 * The stored geometry column is JSON written by the seed or the boundary import; it is checked
 * again here because a malformed ring would otherwise surface as a confusing error deep inside
 * the tiler. Anything else than a (Multi)Polygon is skipped, not drawn.
 */
export function asAreaGeometry(value: unknown): AreaGeometry | null {
  if (typeof value !== "object" || value === null) return null;
  const g = value as { type?: unknown; coordinates?: unknown };
  if (g.type === "Polygon" && isPolygonCoords(g.coordinates)) return { type: "Polygon", coordinates: g.coordinates };
  if (g.type === "MultiPolygon" && Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygonCoords)) {
    return { type: "MultiPolygon", coordinates: g.coordinates };
  }
  return null;
}

/** Bounding box of several geometries, or null when there are none. */
export function boundsOf(geometries: AreaGeometry[]): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const geometry of geometries) {
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      for (const [lon, lat] of polygon[0]) {
        if (lon < west) west = lon;
        if (lon > east) east = lon;
        if (lat < south) south = lat;
        if (lat > north) north = lat;
      }
    }
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
