import { beforeAll, describe, expect, it } from "vitest";
import { apportion, buildGeography, growGroups, type CityGeography } from "../../../prisma/seed/geography";
import { hanoiDistricts } from "../../../prisma/seed/hanoi-districts";
import { containsPoint } from "../../../prisma/seed/geometry";

let geo: CityGeography;
beforeAll(() => {
  geo = buildGeography(1);
});

describe("the synthetic map", () => {
  it("has 30 real districts, 579 old wards with their real per-district counts, 126 new wards", () => {
    expect(hanoiDistricts).toHaveLength(30);
    expect(hanoiDistricts.map((d) => d.code).slice(0, 3)).toEqual(["001", "002", "003"]);
    expect(hanoiDistricts.find((d) => d.code === "250")?.name).toBe("Mê Linh");
    expect(geo.oldWards).toHaveLength(579);
    expect(geo.newWards).toHaveLength(126);
    geo.districts.forEach((d, i) => expect(geo.oldWards.filter((w) => w.district === i)).toHaveLength(d.fact.wards));
    expect(geo.oldWards.filter((w) => w.type === "thi_tran")).toHaveLength(21);
  });

  it("uses synthetic 9xxxx ward codes and unique names", () => {
    for (const w of geo.oldWards) expect(w.code).toMatch(/^9[0-4]\d{3}$/);
    for (const w of geo.newWards) expect(w.code).toMatch(/^95\d{3}$/);
    expect(new Set(geo.oldWards.map((w) => w.name)).size).toBe(579);
    expect(new Set(geo.newWards.map((w) => w.name)).size).toBe(126);
  });

  it("merges 2–7 old wards of one district into each new ward, all contiguous", () => {
    for (const w of geo.newWards) {
      expect(w.members.length).toBeGreaterThanOrEqual(1);
      expect(w.members.length).toBeLessThanOrEqual(8);
      expect(new Set(w.members.map((m) => geo.oldWards[m].district))).toEqual(new Set([w.district]));
      expect(w.polygon).toHaveLength(1); // one piece: the group was contiguous
      expect(w.population).toBe(w.members.reduce((s, m) => s + geo.oldWards[m].population, 0));
    }
    const assigned = geo.oldWards.map((w) => w.newWard);
    expect(assigned.every((n) => n >= 0)).toBe(true);
  });

  it("keeps district populations and sites inside their cells, denser in the core", () => {
    geo.districts.forEach((d, i) => {
      const pop = geo.oldWards.filter((w) => w.district === i).reduce((s, w) => s + w.population, 0);
      expect(pop).toBe(d.fact.population);
    });
    for (const w of geo.oldWards) expect(containsPoint(w.polygon, w.site[0], w.site[1])).toBe(true);
    const density = (code: string) => {
      const i = geo.districts.findIndex((d) => d.fact.code === code);
      return geo.districts[i].fact.population / geo.districts[i].areaKm2;
    };
    expect(density("006")).toBeGreaterThan(10 * density("271")); // Đống Đa vs Ba Vì
  });

  it("is deterministic", () => {
    const again = buildGeography(1);
    expect(again.newWards.map((w) => w.polygon)).toEqual(geo.newWards.map((w) => w.polygon));
    expect(buildGeography(2).oldWards.map((w) => w.site)).not.toEqual(geo.oldWards.map((w) => w.site));
  });
});

describe("helpers", () => {
  it("apportions exactly", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(126, hanoiDistricts.map((d) => d.wards), 1).reduce((a, b) => a + b, 0)).toBe(126);
  });

  it("grows contiguous groups along neighbour links", () => {
    // A path 0-1-2-3-4-5 split in two groups: each is a contiguous run.
    const sites: [number, number][] = [0, 1, 2, 3, 4, 5].map((x) => [x, 0]);
    const neighbours = sites.map((_, i) => [i - 1, i + 1].filter((j) => j >= 0 && j < 6));
    const owner = growGroups(sites, neighbours, 2, 0);
    expect(owner).toEqual([0, 0, 0, 1, 1, 1]);
  });
});
