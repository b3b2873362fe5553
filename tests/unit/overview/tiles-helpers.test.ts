import { describe, expect, it } from "vitest";
import { LruCache } from "../../../tiles/lru";
import { parseTileCoords } from "../../../tiles/tile-coords";
import { asAreaGeometry, boundsOf } from "../../../tiles/geometry";

describe("tile helpers", () => {
  it("evicts the least recently used entry, and a read counts as use", () => {
    const cache = new LruCache<string, number | null>(2);
    cache.set("a", 1);
    cache.set("b", null); // empty tiles are cached too
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect(cache.has("b")).toBe(false);
    expect(cache.has("a")).toBe(true);
    expect(cache.size).toBe(2);
  });

  it("parses z/x/y.pbf inside the tile grid only", () => {
    expect(parseTileCoords("0", "0", "0.pbf")).toEqual({ z: 0, x: 0, y: 0 });
    expect(parseTileCoords("12", "3253", "1802.pbf")).toEqual({ z: 12, x: 3253, y: 1802 });
    for (const [z, x, y] of [["1", "2", "0.pbf"], ["1", "0", "2.pbf"], ["25", "0", "0.pbf"], ["1", "0", "0"], ["1", "0", ".pbf"], ["1.5", "0", "0.pbf"], ["1", "-0", "0.pbf"], ["", "0", "0.pbf"]]) {
      expect(parseTileCoords(z, x, y), `${z}/${x}/${y}`).toBeNull();
    }
    expect(parseTileCoords(undefined, "0", "0.pbf")).toBeNull();
  });

  it("accepts polygons and multipolygons, and measures their bounds", () => {
    const square = { type: "Polygon", coordinates: [[[1, 2], [3, 2], [3, 4], [1, 4], [1, 2]]] };
    const polygon = asAreaGeometry(square);
    expect(polygon).not.toBeNull();
    const multi = asAreaGeometry({ type: "MultiPolygon", coordinates: [[[[5, 0], [6, 0], [6, 1], [5, 0]]]] });
    expect(multi).not.toBeNull();
    expect(boundsOf([polygon!, multi!])).toEqual([1, 0, 6, 4]);
    expect(asAreaGeometry({ type: "Point", coordinates: [1, 2] })).toBeNull();
    expect(asAreaGeometry({ type: "Polygon", coordinates: [[[1, 2], [3, 4]]] })).toBeNull(); // ring too short
    expect(asAreaGeometry("nonsense")).toBeNull();
    expect(boundsOf([])).toBeNull();
  });
});
