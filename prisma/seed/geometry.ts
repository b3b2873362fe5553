// Planar and spherical helpers for lon/lat polygons (polygon-clipping's nested arrays). Pure functions.
import { Delaunay, geoArea } from "d3";
import polygonClipping, { type MultiPolygon, type Pair, type Polygon, type Ring } from "polygon-clipping";
import type { MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon } from "geojson";

export type { MultiPolygon, Pair, Polygon, Ring };
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Mean Earth radius (IUGG), for turning steradians into km². */
export const EARTH_RADIUS_KM = 6371.0088;

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Rounds coordinates, drops repeated points and rings/polygons that collapse. */
export function roundMulti(mp: MultiPolygon, decimals = 5): MultiPolygon {
  const out: MultiPolygon = [];
  for (const polygon of mp) {
    const rings: Ring[] = [];
    for (const [r, ring] of polygon.entries()) {
      const rounded: Ring = [];
      for (const [x, y] of ring) {
        const p: Pair = [roundTo(x, decimals), roundTo(y, decimals)];
        const last = rounded[rounded.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) rounded.push(p);
      }
      const first = rounded[0];
      const last = rounded[rounded.length - 1];
      if (first && (first[0] !== last[0] || first[1] !== last[1])) rounded.push([first[0], first[1]]);
      if (rounded.length >= 4 && Math.abs(ringArea(rounded)) > 0) rings.push(rounded);
      else if (r === 0) break; // the outer ring collapsed: drop the whole polygon
    }
    if (rings.length) out.push(rings);
  }
  return out;
}

/** Signed planar area (positive = counter-clockwise) in square degrees. */
export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

export function planarArea(mp: MultiPolygon): number {
  let total = 0;
  for (const polygon of mp) polygon.forEach((ring, i) => (total += i === 0 ? Math.abs(ringArea(ring)) : -Math.abs(ringArea(ring))));
  return total;
}

export function toGeoJson(mp: MultiPolygon): GeoPolygon | GeoMultiPolygon {
  return mp.length === 1 ? { type: "Polygon", coordinates: mp[0] } : { type: "MultiPolygon", coordinates: mp };
}

/**
 * Spherical area in km². d3 winds exterior rings clockwise, the opposite of GeoJSON (and of
 * polygon-clipping's output), so rings are reversed first; a result over a hemisphere would mean the
 * winding was the other way round, so it is folded back.
 */
export function sphericalAreaKm2(mp: MultiPolygon): number {
  let steradians = 0;
  for (const polygon of mp) {
    const reversed = polygon.map((ring) => [...ring].reverse());
    let a = geoArea({ type: "Polygon", coordinates: reversed });
    if (a > 2 * Math.PI) a = 4 * Math.PI - a;
    steradians += a;
  }
  return steradians * EARTH_RADIUS_KM ** 2;
}

export function bboxOf(mp: MultiPolygon): BBox {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const polygon of mp)
    for (const [x, y] of polygon[0]) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  return [minX, minY, maxX, maxY];
}

/** Even-odd point-in-polygon over every ring (holes included); boundary points may go either way. */
export function containsPoint(mp: MultiPolygon, x: number, y: number): boolean {
  for (const polygon of mp) {
    let inside = false;
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}

function ringCentroid(ring: Ring): Pair {
  let cx = 0, cy = 0, a = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const f = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    cx += (ring[i][0] + ring[i + 1][0]) * f;
    cy += (ring[i][1] + ring[i + 1][1]) * f;
    a += f;
  }
  return a === 0 ? ring[0] : [cx / (3 * a), cy / (3 * a)];
}

/**
 * A point guaranteed inside the shape, close to its centre: the largest polygon's centroid when that
 * falls inside (a concave ward's centroid may not), otherwise the middle of the widest stretch of a
 * horizontal line through it.
 */
export function interiorPoint(mp: MultiPolygon): Pair {
  let largest = mp[0];
  let largestArea = -1;
  for (const polygon of mp) {
    const a = Math.abs(ringArea(polygon[0]));
    if (a > largestArea) {
      largest = polygon;
      largestArea = a;
    }
  }
  const c = ringCentroid(largest[0]);
  if (containsPoint([largest], c[0], c[1])) return c;
  const [, minY, , maxY] = bboxOf([largest]);
  for (const t of [0, 0.1, -0.1, 0.2, -0.2, 0.3, -0.3, 0.4, -0.4]) {
    const y = c[1] + t * (maxY - minY) + 1e-9;
    const xs: number[] = [];
    for (const ring of largest)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    xs.sort((a, b) => a - b);
    let best: Pair | null = null;
    let width = 0;
    for (let i = 0; i + 1 < xs.length; i += 2)
      if (xs[i + 1] - xs[i] > width) {
        width = xs[i + 1] - xs[i];
        best = [(xs[i] + xs[i + 1]) / 2, y];
      }
    if (best && containsPoint([largest], best[0], best[1])) return best;
  }
  return largest[0][0];
}

/**
 * Voronoi cells of the sites inside `bounds`, each clipped to `clip`. Cell i belongs to site i; a
 * site inside `clip` always gets a non-empty cell. Also returns which cells share an edge.
 */
export function clippedVoronoi(sites: Pair[], clip: MultiPolygon): { cells: MultiPolygon[]; neighbours: number[][] } {
  const [x0, y0, x1, y1] = bboxOf(clip);
  const pad = 0.01;
  const voronoi = Delaunay.from(sites).voronoi([x0 - pad, y0 - pad, x1 + pad, y1 + pad]);
  const cells: MultiPolygon[] = [];
  const neighbours: number[][] = [];
  for (let i = 0; i < sites.length; i++) {
    const raw = voronoi.cellPolygon(i) as Pair[] | null;
    cells.push(raw ? polygonClipping.intersection([raw], clip) : []);
    neighbours.push(sites.length > 1 ? [...voronoi.neighbors(i)] : []);
  }
  return { cells, neighbours };
}

export function unionAll(parts: MultiPolygon[]): MultiPolygon {
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length === 0) return [];
  const [first, ...rest] = nonEmpty;
  return rest.length ? polygonClipping.union(first, ...rest) : first;
}
