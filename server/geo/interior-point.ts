// A point guaranteed to lie inside a polygon, for a unit's map label and its "centre".
// A centroid can fall outside a crescent-shaped commune or inside a hole; the pole of
// inaccessibility (the interior point farthest from the boundary, found by the polylabel
// cell search) cannot, and it is where a label reads best.
import type { Position } from "geojson";
import { polygonsOf, signedRingArea2, type AreaGeometry } from "./geometry";

type Point = [number, number];

/**
 * Interior point of a Polygon or MultiPolygon (of its largest part), as [lon, lat].
 * Longitudes are scaled by cos(latitude) for the search so that "far from the boundary"
 * means metres, not degrees.
 */
export function interiorPoint(geometry: AreaGeometry): Point {
  const parts = polygonsOf(geometry);
  let largest = parts[0];
  let largestArea = -Infinity;
  for (const part of parts) {
    const area = Math.abs(signedRingArea2(part[0]));
    if (area > largestArea) {
      largest = part;
      largestArea = area;
    }
  }
  const midLat = (Math.min(...largest[0].map((p) => p[1])) + Math.max(...largest[0].map((p) => p[1]))) / 2;
  const k = Math.cos((midLat * Math.PI) / 180) || 1;
  const scaled = largest.map((ring) => ring.map((p): Point => [p[0] * k, p[1]]));
  const best = poleOfInaccessibility(scaled) ?? scanlinePoint(scaled) ?? scaled[0][0];
  return [best[0] / k, best[1]];
}

/** Signed distance from a point to the polygon's boundary: positive inside, negative outside. */
export function signedDistance(x: number, y: number, polygon: Point[][]): number {
  let inside = false;
  let minSq = Infinity;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[j];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      minSq = Math.min(minSq, segmentDistanceSq(x, y, ax, ay, bx, by));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq);
}

function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax;
  let y = ay;
  let dx = bx - x;
  let dy = by - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

interface Cell {
  x: number;
  y: number;
  h: number;
  d: number;
  max: number;
}

function cell(x: number, y: number, h: number, polygon: Point[][]): Cell {
  const d = signedDistance(x, y, polygon);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** Cell search for the interior point farthest from the boundary (the polylabel algorithm). */
function poleOfInaccessibility(polygon: Point[][]): Point | null {
  const outer = polygon[0];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const size = Math.min(maxX - minX, maxY - minY);
  if (!(size > 0)) return null;
  // Start from at most ~50 cells along the long side, and cap the work: a sliver would
  // otherwise be covered by thousands of tiny cells. The scanline fallback handles what is left.
  const cellSize = Math.max(size, Math.max(maxX - minX, maxY - minY) / 50);
  let budget = 20_000;
  // A thousandth of the unit's width (metres for a ward), but never finer than ~0.1 m: slivers
  // would otherwise be searched to sub-millimetre precision for nothing.
  const precision = Math.max(size / 1000, 1e-6);
  const queue = new MaxHeap<Cell>((a, b) => a.max - b.max);
  const h = cellSize / 2;
  for (let x = minX; x < maxX; x += cellSize) for (let y = minY; y < maxY; y += cellSize) queue.push(cell(x + h, y + h, h, polygon));
  let best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0, polygon);
  for (let c = queue.pop(); c && budget-- > 0; c = queue.pop()) {
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const q = c.h / 2;
    queue.push(cell(c.x - q, c.y - q, q, polygon));
    queue.push(cell(c.x + q, c.y - q, q, polygon));
    queue.push(cell(c.x - q, c.y + q, q, polygon));
    queue.push(cell(c.x + q, c.y + q, q, polygon));
  }
  return best.d > 0 ? [best.x, best.y] : null;
}

/**
 * Fallback for slivers the cell search cannot resolve: the middle of the widest inside
 * stretch of a horizontal line through the polygon (even-odd rule, so holes are respected).
 */
export function scanlinePoint(polygon: Position[][]): Point | null {
  const ys = polygon[0].map((p) => p[1]);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  for (const f of [0.5, 0.25, 0.75, 0.125, 0.375, 0.625, 0.875]) {
    const y = minY + (maxY - minY) * f;
    const xs: number[] = [];
    for (const ring of polygon)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[j];
        if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
      }
    xs.sort((a, b) => a - b);
    let bestWidth = 0;
    let best: Point | null = null;
    for (let i = 0; i + 1 < xs.length; i += 2)
      if (xs[i + 1] - xs[i] > bestWidth) {
        bestWidth = xs[i + 1] - xs[i];
        best = [(xs[i] + xs[i + 1]) / 2, y];
      }
    if (best) return best;
  }
  return null;
}

/** A small binary max-heap; the cell search pops the most promising cell first. */
class MaxHeap<T> {
  private items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i], items[parent]) <= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop() as T;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.compare(items[l], items[m]) > 0) m = l;
        if (r < items.length && this.compare(items[r], items[m]) > 0) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return top;
  }
}
