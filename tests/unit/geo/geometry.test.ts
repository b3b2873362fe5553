import { describe, expect, it } from "vitest";
import { geoArea } from "d3";
import type { Polygon } from "geojson";
import { areaKm2, asAreaGeometry, bboxOf, EARTH_RADIUS_KM, normalizeGeometry, rewind, signedRingArea2 } from "../../../server/geo/geometry";

const rad = Math.PI / 180;
/** Exact area of a latitude/longitude cell on the sphere: R² Δλ (sin φ₁ − sin φ₀). */
const cellKm2 = (lat0: number, lat1: number, dLon: number) => EARTH_RADIUS_KM ** 2 * dLon * rad * (Math.sin(lat1 * rad) - Math.sin(lat0 * rad));
const ccw = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const square = (x0: number, y0: number, x1: number, y1: number, clockwise = false): Polygon => ({
  type: "Polygon",
  coordinates: [clockwise ? ccw(x0, y0, x1, y1).reverse() : ccw(x0, y0, x1, y1)],
});

describe("areaKm2", () => {
  it("measures a known 0.02° square in Hanoi like the exact spherical cell", () => {
    expect(areaKm2(square(105.8, 21, 105.82, 21.02))).toBeCloseTo(cellKm2(21, 21.02, 0.02), 6);
    expect(cellKm2(21, 21.02, 0.02)).toBeCloseTo(4.617, 3);
  });

  it("measures a 1° square at the equator within 0.01% (great-circle edges bulge a little)", () => {
    const area = areaKm2(square(0, 0, 1, 1));
    expect(Math.abs(area / cellKm2(0, 1, 1) - 1)).toBeLessThan(1e-4);
  });

  it("does not depend on the winding order (raw d3.geoArea does)", () => {
    const cw = areaKm2(square(105.8, 21, 105.82, 21.02, true));
    const ccwArea = areaKm2(square(105.8, 21, 105.82, 21.02, false));
    expect(cw).toBeCloseTo(ccwArea, 9);
    // What the helper protects against: d3 reads an RFC 7946 exterior as the rest of the globe.
    expect(geoArea(square(105.8, 21, 105.82, 21.02, false))).toBeGreaterThan(12);
  });

  it("subtracts holes and adds MultiPolygon parts", () => {
    const outer = ccw(105.8, 21, 105.82, 21.02);
    const hole = ccw(105.805, 21.005, 105.81, 21.01);
    const withHole = areaKm2({ type: "Polygon", coordinates: [outer, hole] });
    expect(withHole).toBeCloseTo(cellKm2(21, 21.02, 0.02) - cellKm2(21.005, 21.01, 0.005), 6);
    const two = areaKm2({ type: "MultiPolygon", coordinates: [[outer], [ccw(106, 21, 106.01, 21.01)]] });
    expect(two).toBeCloseTo(cellKm2(21, 21.02, 0.02) + cellKm2(21, 21.01, 0.01), 6);
  });
});

describe("winding, bbox and normalisation", () => {
  it("rewinds to RFC 7946 (ccw exterior, cw holes) and to d3's opposite convention", () => {
    const polygon: Polygon = { type: "Polygon", coordinates: [ccw(0, 0, 10, 10).reverse(), ccw(2, 2, 4, 4)] };
    const rfc = rewind(polygon, "rfc7946");
    expect(signedRingArea2(rfc.coordinates[0])).toBeGreaterThan(0);
    expect(signedRingArea2(rfc.coordinates[1])).toBeLessThan(0);
    const d3 = rewind(polygon, "d3");
    expect(signedRingArea2(d3.coordinates[0])).toBeLessThan(0);
    expect(signedRingArea2(d3.coordinates[1])).toBeGreaterThan(0);
    expect(geoArea(d3)).toBeLessThan(0.1);
  });

  it("rounds to 6 decimals, drops altitudes and foreign members", () => {
    const geometry = normalizeGeometry({
      type: "Polygon",
      bbox: [0, 0, 1, 1],
      coordinates: [[[105.12345678, 21.98765432, 12], [105.2, 21.9], [105.2, 22], [105.12345678, 21.98765432, 12]]],
    } as Polygon);
    expect(geometry).toEqual({ type: "Polygon", coordinates: [[[105.123457, 21.987654], [105.2, 21.9], [105.2, 22], [105.123457, 21.987654]]] });
  });

  it("computes the bounding box over every part", () => {
    expect(bboxOf({ type: "MultiPolygon", coordinates: [[ccw(105.8, 21, 105.82, 21.02)], [ccw(105.9, 21.1, 105.92, 21.12)]] })).toEqual([105.8, 21, 105.92, 21.12]);
  });
});

describe("asAreaGeometry", () => {
  it("accepts stored Polygons and MultiPolygons only", () => {
    const polygon = square(0, 0, 1, 1);
    expect(asAreaGeometry(polygon)).toBe(polygon);
    expect(asAreaGeometry({ type: "MultiPolygon", coordinates: [] })).not.toBeNull();
    expect(asAreaGeometry({ type: "Point", coordinates: [0, 0] })).toBeNull();
    expect(asAreaGeometry({ type: "Polygon" })).toBeNull();
    expect(asAreaGeometry(null)).toBeNull();
    expect(asAreaGeometry([polygon])).toBeNull();
  });
});
