import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { freshDatabase } from "../../support/db";
import type { Database } from "../../../server/db/client";
import { seedCity } from "../../../prisma/seed/index";
import { silentProgress } from "../../../server/cli/progress";
import { terminalClusters } from "../../../tiles/cluster-source";
import { terminalTileResponse } from "../../../tiles/cluster-http";
import { unitTileResponse, unitTiles } from "../../../tiles/unit-tiles";
import { clusterExtent } from "../../../tiles/terminal-clusters";
import { terminalClusterMaxZoom, terminalLayer } from "../../../tiles/cluster-constants";
import { makeUser, sessionCookie } from "../auth/support";

const lonToX = (lon: number, z: number) => ((lon + 180) / 360) * 2 ** z;
const latToY = (lat: number, z: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return (0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI) * 2 ** z;
};

interface Decoded {
  count: number;
  clusters: number;
  singles: number;
}

/** Terminals a tile accounts for: point_count of clusters plus lone points, those positioned inside the tile only (the buffer repeats neighbours'). */
function decode(bytes: Uint8Array | null): Decoded {
  const out = { count: 0, clusters: 0, singles: 0 };
  if (!bytes) return out;
  const layer = new VectorTile(new PbfReader(bytes)).layers[terminalLayer];
  for (let i = 0; i < layer.length; i++) {
    const feature = layer.feature(i);
    const [[point]] = feature.loadGeometry();
    if (point.x < 0 || point.y < 0 || point.x >= clusterExtent || point.y >= clusterExtent) continue;
    const n = Number(feature.properties.point_count ?? 1);
    out.count += n;
    if (feature.properties.cluster) out.clusters++;
    else out.singles++;
  }
  return out;
}

describe("terminal cluster tiles", () => {
  let db: Database & { drop(): Promise<void> };
  let points: { lon: number; lat: number }[];

  const activePoints = () =>
    db.prisma.$queryRawUnsafe<{ lon: number; lat: number }[]>(`SELECT h.lon, h.lat FROM terminal t JOIN household h ON h.id = t.household_id WHERE t.status = 'active'`);

  beforeAll(async () => {
    db = await freshDatabase();
    await seedCity(db, { preset: "demo", seed: 2, households: 2000, progress: silentProgress, now: new Date("2026-11-20T05:00:00Z") });
    points = await activePoints();
  });
  afterAll(async () => {
    await db.drop();
  });

  it("one tile holding the whole city counts every active terminal", async () => {
    const { tiles } = await terminalClusters(db, { checkEveryMs: 0, waitForFresh: true });
    expect(tiles.count).toBe(points.length);
    expect(points.length).toBeGreaterThan(1000);
    const z = 7;
    const xs = new Set(points.map((p) => Math.floor(lonToX(p.lon, z))));
    const ys = new Set(points.map((p) => Math.floor(latToY(p.lat, z))));
    expect(xs.size * ys.size).toBe(1);
    const decoded = decode(tiles.getTile(z, [...xs][0], [...ys][0]));
    expect(decoded.count).toBe(points.length);
    // Clustered: far fewer features than terminals.
    expect(decoded.clusters + decoded.singles).toBeLessThan(points.length / 10);
  });

  it("at zoom 10–13 the tiles' counts add up to the terminals in each tile's area; from zoom 14 every terminal is a point", async () => {
    const { tiles } = await terminalClusters(db);
    for (const z of [10, 12, 13, 14, 16]) {
      // Expected per tile: the active terminals whose (rounded) tile position falls in that tile.
      const expected = new Map<string, number>();
      for (const p of points) {
        const x = lonToX(p.lon, z);
        const y = latToY(p.lat, z);
        let tx = Math.floor(x);
        let ty = Math.floor(y);
        // Mirror the encoder's rounding to tile units at the right/bottom edge.
        if (Math.round(clusterExtent * (x - tx)) >= clusterExtent) tx++;
        if (Math.round(clusterExtent * (y - ty)) >= clusterExtent) ty++;
        expected.set(`${tx}/${ty}`, (expected.get(`${tx}/${ty}`) ?? 0) + 1);
      }
      const keys = z >= 14 ? [...expected.keys()].slice(0, 25) : [...expected.keys()];
      let total = 0;
      for (const key of keys) {
        const [x, y] = key.split("/").map(Number);
        const decoded = decode(tiles.getTile(z, x, y));
        if (z <= 13) expect(decoded.count, `clusters in ${z}/${key} vs the terminals located there`).toBeGreaterThan(0);
        if (z > terminalClusterMaxZoom) {
          expect(decoded.clusters).toBe(0);
          expect(decoded.count, `tile ${z}/${key}`).toBe(expected.get(key));
        }
        total += decoded.count;
      }
      if (z <= terminalClusterMaxZoom) expect(total, `zoom ${z}`).toBe(points.length);
    }
  });

  it("a decommissioned terminal leaves the tiles once the version check sees it", async () => {
    const before = await terminalClusters(db, { checkEveryMs: 0, waitForFresh: true });
    const terminal = await db.prisma.terminal.findFirstOrThrow({ where: { status: "active" }, orderBy: { id: "asc" } });
    await db.prisma.terminal.update({ where: { id: terminal.id }, data: { status: "decommissioned", decommissionedAt: new Date() } });
    await db.prisma.terminalStatusChange.create({ data: { terminalId: terminal.id, fromStatus: "active", toStatus: "decommissioned", actorKind: "system" } });
    // Within the check interval the previous index keeps answering…
    expect((await terminalClusters(db, { checkEveryMs: 60_000 })).version).toBe(before.version);
    const after = await terminalClusters(db, { checkEveryMs: 0, waitForFresh: true });
    expect(after.version).not.toBe(before.version);
    expect(after.tiles.count).toBe(before.tiles.count - 1);
    const z = 7;
    const p = points[0];
    expect(decode(after.tiles.getTile(z, Math.floor(lonToX(p.lon, z)), Math.floor(latToY(p.lat, z)))).count).toBe(points.length - 1);
  });

  it("terminal tiles are for admins and leaders only; cached, private and versioned", async () => {
    const leader = await makeUser(db, { role: "leader" });
    const department = await db.prisma.department.findFirstOrThrow({ orderBy: { id: "asc" } });
    const officer = await makeUser(db, { role: "officer", departmentCode: department.code });
    const p = points[1];
    const params = { z: "12", x: String(Math.floor(lonToX(p.lon, 12))), y: `${Math.floor(latToY(p.lat, 12))}.pbf` };
    const request = (cookie?: string) => new Request("http://civic.test/tiles/terminals/12/1/1.pbf", { headers: cookie ? { cookie } : {} });
    expect((await terminalTileResponse(db, request(), params)).status).toBe(401);
    expect((await terminalTileResponse(db, request(await sessionCookie(db, officer.email, officer.password)), params)).status).toBe(403);
    const ok = await terminalTileResponse(db, request(await sessionCookie(db, leader.email, leader.password)), params);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/x-protobuf");
    expect(ok.headers.get("cache-control")).toContain("private");
    expect(decode(new Uint8Array(await ok.arrayBuffer())).count).toBeGreaterThan(0);
    const bad = await terminalTileResponse(db, request(await sessionCookie(db, leader.email, leader.password)), { z: "12", x: "99999", y: "1.pbf" });
    expect(bad.status).toBe(400);
  });

  it("pre-2025 ward and district tiles carry the old units, with their codes to join metrics on", async () => {
    const wards = await unitTiles(db, "pre2025-wards", { maxAgeMs: 0 });
    const districts = await unitTiles(db, "pre2025-districts", { maxAgeMs: 0 });
    expect(wards.tiles.featureCount).toBe(579);
    expect(districts.tiles.featureCount).toBe(30);
    const p = points[0];
    const z = 9;
    const response = await unitTileResponse(db, "pre2025-districts", { z: String(z), x: String(Math.floor(lonToX(p.lon, z))), y: `${Math.floor(latToY(p.lat, z))}.pbf` }, new URL(`http://civic.test/x?v=${districts.version}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("immutable");
    const layer = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer()))).layers.wards;
    const codes = Array.from({ length: layer.length }, (_, i) => String(layer.feature(i).properties.code));
    const known = await db.prisma.adminUnit.findMany({ where: { level: "district" }, select: { code: true } });
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => known.some((k) => k.code === c))).toBe(true);
  });
});
