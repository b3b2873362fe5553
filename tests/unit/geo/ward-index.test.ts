import { describe, expect, it } from "vitest";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon } from "geojson";
import { WardIndex } from "../../../server/geo/ward-index";

const ring = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const withHole: Polygon = { type: "Polygon", coordinates: [ring(105.8, 21, 105.82, 21.02), ring(105.805, 21.005, 105.81, 21.01)] };
const twoParts: MultiPolygon = { type: "MultiPolygon", coordinates: [[ring(105.82, 21, 105.84, 21.02)], [ring(105.9, 21.1, 105.92, 21.12)]] };
const plain: Polygon = { type: "Polygon", coordinates: [ring(105.8, 21.02, 105.84, 21.04)] };

describe("WardIndex", () => {
  const index = WardIndex.build([
    { id: 1, geometry: withHole },
    { id: 2, geometry: twoParts },
    { id: 3, geometry: plain },
  ]);

  it("finds the ward containing a point", () => {
    expect(index.size).toBe(3);
    expect(index.find(105.815, 21.015)).toBe(1);
    expect(index.find(105.83, 21.01)).toBe(2);
    expect(index.find(105.81, 21.03)).toBe(3);
  });

  it("finds a ward by the second part of its MultiPolygon", () => {
    expect(index.find(105.91, 21.11)).toBe(2);
  });

  it("answers null outside every ward, in a hole, and for non-finite input", () => {
    expect(index.find(105.7, 20.9)).toBeNull();
    expect(index.find(105.86, 21.06)).toBeNull(); // inside the overall bbox, between parts
    expect(index.find(105.8075, 21.0075)).toBeNull(); // in ward 1's hole
    expect(index.find(Number.NaN, 21)).toBeNull();
  });

  it("fills a hole with the enclave ward listed in it", () => {
    const enclave = WardIndex.build([
      { id: "outer", geometry: withHole },
      { id: "enclave", geometry: { type: "Polygon", coordinates: [ring(105.805, 21.005, 105.81, 21.01)] } },
    ]);
    expect(enclave.find(105.8075, 21.0075)).toBe("enclave");
    expect(enclave.find(105.815, 21.015)).toBe("outer");
  });

  it("counts a point on a shared edge for the ward listed first, whatever the tree order", () => {
    expect(index.find(105.82, 21.01)).toBe(1);
    const reversed = WardIndex.build([
      { id: 2, geometry: twoParts },
      { id: 1, geometry: withHole },
    ]);
    expect(reversed.find(105.82, 21.01)).toBe(2);
  });

  it("works empty", () => {
    expect(WardIndex.build([]).find(105.8, 21)).toBeNull();
  });

  it("agrees with a brute-force scan on a grid of irregular wards", () => {
    // 20 × 20 jittered cells, each a 5-gon: enough parts for the tree to have several levels.
    const wards: { id: number; geometry: Polygon }[] = [];
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 20; i++)
      for (let j = 0; j < 20; j++) {
        const x = 105.3 + i * 0.035;
        const y = 20.6 + j * 0.04;
        const pts = [[x, y], [x + 0.03, y + rand() * 0.005], [x + 0.033, y + 0.03], [x + 0.01, y + 0.036], [x - rand() * 0.004, y + 0.02]];
        wards.push({ id: i * 20 + j, geometry: { type: "Polygon", coordinates: [[...pts, pts[0]]] } });
      }
    const grid = WardIndex.build(wards);
    for (let k = 0; k < 5000; k++) {
      const lon = 105.28 + rand() * 0.74;
      const lat = 20.56 + rand() * 0.83;
      const expected = wards.find((w) => booleanPointInPolygon([lon, lat], w.geometry))?.id ?? null;
      expect(grid.find(lon, lat)).toBe(expected);
    }
  });
});
