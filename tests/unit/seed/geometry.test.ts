import { describe, expect, it } from "vitest";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { bboxOf, clippedVoronoi, containsPoint, interiorPoint, roundMulti, sphericalAreaKm2, toGeoJson, unionAll, type MultiPolygon, type Pair } from "../../../prisma/seed/geometry";
import { hanoiOutline } from "../../../prisma/seed/outline";
import { addWorkingDays, localDate, localParts, localTime, localWeekday } from "../../../prisma/seed/time";

const square: MultiPolygon = [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]];

describe("Voronoi cells clipped to a polygon", () => {
  it("tile the clip polygon: cells hold their sites, do not overlap and add up to its area", () => {
    const sites: Pair[] = [[0.2, 0.2], [0.8, 0.3], [0.5, 0.8], [0.1, 0.9], [0.9, 0.9]];
    const { cells, neighbours } = clippedVoronoi(sites, square);
    const areas = cells.map((c) => sphericalAreaKm2(c));
    // Equal up to the curvature of the split outer edges (great-circle arcs).
    expect(areas.reduce((a, b) => a + b, 0) / sphericalAreaKm2(square)).toBeCloseTo(1, 4);
    sites.forEach((s, i) => expect(containsPoint(cells[i], s[0], s[1])).toBe(true));
    for (const [x, y] of [[0.21, 0.21], [0.79, 0.31], [0.5, 0.5]] as Pair[]) expect(cells.filter((c) => containsPoint(c, x, y))).toHaveLength(1);
    expect(neighbours[0].length).toBeGreaterThan(0);
  });

  it("clips to a concave outline", () => {
    const l: MultiPolygon = [[[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]]];
    const { cells } = clippedVoronoi([[0.5, 0.5], [1.5, 0.5], [0.5, 1.5]], l);
    const [x0, y0, x1, y1] = bboxOf(unionAll(cells));
    expect([x0, y0, x1, y1]).toEqual([0, 0, 2, 2]);
    expect(cells.some((c) => containsPoint(c, 1.5, 1.5))).toBe(false);
  });
});

describe("shape helpers", () => {
  it("finds an interior point of a concave shape whose centroid lies outside", () => {
    const c: MultiPolygon = [[[[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]]];
    const p = interiorPoint(c);
    expect(containsPoint(c, p[0], p[1])).toBe(true);
    expect(booleanPointInPolygon(p, toGeoJson(c))).toBe(true);
  });

  it("rounds to 5 decimals and drops collapsed rings", () => {
    const r = roundMulti([[[[0.123456, 0.1], [0.2, 0.1], [0.2, 0.2], [0.123456, 0.1]], [[0.15, 0.15], [0.150001, 0.15], [0.15, 0.150001], [0.15, 0.15]]]]);
    expect(r).toEqual([[[[0.12346, 0.1], [0.2, 0.1], [0.2, 0.2], [0.12346, 0.1]]]]);
  });

  it("measures spherical area whatever the winding", () => {
    // One degree square at the equator ≈ 12,364 km².
    expect(sphericalAreaKm2(square)).toBeGreaterThan(12_300);
    expect(sphericalAreaKm2(square)).toBeLessThan(12_400);
    expect(sphericalAreaKm2([[[...square[0][0]].reverse()]])).toBeCloseTo(sphericalAreaKm2(square), 3);
    const hanoi = sphericalAreaKm2([[hanoiOutline]]);
    expect(hanoi).toBeGreaterThan(3000);
    expect(hanoi).toBeLessThan(4200);
  });
});

describe("local time (UTC+7)", () => {
  it("converts and counts working days", () => {
    const t = localTime(2026, 1, 2, 9); // Friday 09:00 local
    expect(new Date(t).toISOString()).toBe("2026-01-02T02:00:00.000Z");
    expect(localParts(t)).toMatchObject({ year: 2026, month: 1, day: 2, hour: 9, weekday: 5 });
    expect(localWeekday(t)).toBe(5);
    expect(localDate(localTime(2026, 1, 1, 23.5))).toBe("2026-01-01");
    expect(localDate(addWorkingDays(t, 1))).toBe("2026-01-05"); // over the weekend to Monday
    expect(localDate(addWorkingDays(t, 5))).toBe("2026-01-09");
    expect(localDate(addWorkingDays(t, 7))).toBe("2026-01-13");
  });
});
