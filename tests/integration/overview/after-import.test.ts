import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import type { Session, User } from "lucia";
import type { FeatureCollection, Polygon } from "geojson";
import { freshDatabase } from "../../support/db";
import type { Database } from "../../../server/db/client";
import { seedCity } from "../../../prisma/seed/index";
import { silentProgress } from "../../../server/cli/progress";
import { importBoundaries, BoundaryImportError } from "../../../server/geo/import-boundaries";
import { createCaller } from "../../../server/trpc/root";
import { wardTiles } from "../../../tiles/ward-source";

// The foundation's promise end to end: importing a boundary file replaces the synthetic wards,
// and what the map reads (ward coverage and ward tiles) shows the imported ones.
describe("after importing official-style boundaries over the demo city", () => {
  let db: Database & { drop(): Promise<void> };
  let grid: FeatureCollection<Polygon>;
  const leader: User = { id: "u-leader", email: "leader@test.vn", name: "Leader", role: "leader", departmentId: null, organisationId: null, locale: "vi" };
  const session: Session = { id: "s-leader", userId: leader.id, expiresAt: new Date(Date.now() + 3_600_000), fresh: false };
  const caller = () => createCaller({ db, request: new Request("http://localhost/"), user: leader, session, locale: "vi", ip: "test", resHeaders: new Headers() });

  beforeAll(async () => {
    db = await freshDatabase();
    await seedCity(db, { preset: "demo", seed: 3, households: 1500, progress: silentProgress });
    // A 3×3 grid of "wards" covering every synthetic ward: each household falls in exactly one.
    const box = await db.prisma.adminUnit.aggregate({
      where: { level: "ward", validTo: null },
      _min: { minLon: true, minLat: true },
      _max: { maxLon: true, maxLat: true },
    });
    const [x0, y0, x1, y1] = [box._min.minLon!, box._min.minLat!, box._max.maxLon! + 1e-4, box._max.maxLat! + 1e-4];
    const features: FeatureCollection<Polygon>["features"] = [];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const [a, b] = [x0 + ((x1 - x0) * i) / 3, x0 + ((x1 - x0) * (i + 1)) / 3];
        const [c, d] = [y0 + ((y1 - y0) * j) / 3, y0 + ((y1 - y0) * (j + 1)) / 3];
        features.push({
          type: "Feature",
          properties: { ma_xa: `0${i}${j}01`, ten_xa: `Phường Ô Lưới ${i * 3 + j + 1}` },
          geometry: { type: "Polygon", coordinates: [[[a, c], [b, c], [b, d], [a, d], [a, c]]] },
        });
      }
    }
    grid = { type: "FeatureCollection", features };
  });
  afterAll(async () => {
    await db.drop();
  });

  it("the map's ward layer and figures switch from the synthetic wards to the imported ones", async () => {
    const before = await caller().overview.wardCoverage();
    expect(before.length).toBe(126);
    expect(before.every((w) => w.code.startsWith("95"))).toBe(true);
    const householdsBefore = before.reduce((sum, w) => sum + w.households, 0);
    const activeBefore = before.reduce((sum, w) => sum + w.activeTerminals, 0);

    const result = await importBoundaries(db, JSON.stringify(grid), { source: "grid.geojson", level: "ward", actor: { kind: "cli" } });
    expect(result.imported).toBe(9);
    expect(result.reassigned.outside).toBe(0);

    const after = await caller().overview.wardCoverage();
    expect(after.map((w) => w.code).sort()).toEqual(grid.features.map((f) => String(f.properties?.ma_xa)).sort());
    // Every household and active terminal now counts in exactly one imported ward.
    expect(after.reduce((sum, w) => sum + w.households, 0)).toBe(householdsBefore);
    expect(after.reduce((sum, w) => sum + w.activeTerminals, 0)).toBe(activeBefore);

    const { tiles } = await wardTiles(db, { maxAgeMs: 0 });
    expect(tiles.featureCount).toBe(9);
    const z = 9;
    const centre = grid.features[4].geometry.coordinates[0][0];
    const x = Math.floor(((centre[0] + 180) / 360) * 2 ** z);
    const rad = (centre[1] * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
    const layer = new VectorTile(new PbfReader(tiles.getTile(z, x, y) as Uint8Array)).layers.wards;
    const codes = Array.from({ length: layer.length }, (_, i) => String(layer.feature(i).properties.code));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code) => code.endsWith("01") && !code.startsWith("95"))).toBe(true);
  });

  it("an invalid boundary file leaves the map exactly as it was", async () => {
    const before = await caller().overview.wardCoverage();
    const broken = structuredClone(grid);
    broken.features[2].properties = { ma_xa: "00001", ten_xa: "" };
    await expect(importBoundaries(db, JSON.stringify(broken), { source: "broken.geojson", level: "ward", actor: { kind: "cli" } })).rejects.toBeInstanceOf(BoundaryImportError);
    expect(await caller().overview.wardCoverage()).toEqual(before);
  });
});
