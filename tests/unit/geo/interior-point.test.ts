import { describe, expect, it } from "vitest";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon } from "geojson";
import { interiorPoint, scanlinePoint } from "../../../server/geo/interior-point";

const ring = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe("interiorPoint", () => {
  it("is inside a C-shaped unit whose centroid is not", () => {
    // A "C": the bounding box centre and the centroid both fall in the notch.
    const c: Polygon = {
      type: "Polygon",
      coordinates: [[[105.8, 21], [105.9, 21], [105.9, 21.02], [105.82, 21.02], [105.82, 21.08], [105.9, 21.08], [105.9, 21.1], [105.8, 21.1], [105.8, 21]]],
    };
    const p = interiorPoint(c);
    expect(booleanPointInPolygon(p, c)).toBe(true);
    expect(booleanPointInPolygon([105.85, 21.05], c)).toBe(false);
  });

  it("avoids a hole in the middle", () => {
    const donut: Polygon = { type: "Polygon", coordinates: [ring(105.8, 21, 105.9, 21.1), ring(105.82, 21.02, 105.88, 21.08)] };
    const p = interiorPoint(donut);
    expect(booleanPointInPolygon(p, donut)).toBe(true);
    expect(booleanPointInPolygon(p, { type: "Polygon", coordinates: [ring(105.82, 21.02, 105.88, 21.08)] })).toBe(false);
  });

  it("lies near the middle of a square, and in the largest part of a MultiPolygon", () => {
    const [lon, lat] = interiorPoint({ type: "Polygon", coordinates: [ring(105.8, 21, 105.82, 21.02)] });
    expect(lon).toBeCloseTo(105.81, 3);
    expect(lat).toBeCloseTo(21.01, 3);
    const multi: MultiPolygon = { type: "MultiPolygon", coordinates: [[ring(106, 21, 106.001, 21.001)], [ring(105.8, 21, 105.9, 21.1)]] };
    const q = interiorPoint(multi);
    expect(booleanPointInPolygon(q, { type: "Polygon", coordinates: [ring(105.8, 21, 105.9, 21.1)] })).toBe(true);
  });

  it("works for a long thin sliver", () => {
    const sliver: Polygon = { type: "Polygon", coordinates: [[[105.8, 21], [106.2, 21.00001], [106.2, 21.00002], [105.8, 21], [105.8, 21]]] };
    expect(booleanPointInPolygon(interiorPoint(sliver), sliver)).toBe(true);
  });

  it("scanline fallback respects holes", () => {
    const p = scanlinePoint([ring(0, 0, 10, 10), ring(1, 1, 9, 9)]);
    expect(p).not.toBeNull();
    const [x, y] = p as [number, number];
    const inHole = x > 1 && x < 9 && y > 1 && y < 9;
    expect(inHole).toBe(false);
    expect(x > 0 && x < 10 && y > 0 && y < 10).toBe(true);
  });
});
