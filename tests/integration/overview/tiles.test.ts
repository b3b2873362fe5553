import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { freshDatabase } from "../../support/db";
import type { Database } from "../../../server/db/client";
import { wardTiles } from "../../../tiles/ward-source";
import { styleResponse, tileResponse } from "../../../tiles/http";
import { insertCity, square, type Ids } from "./dataset";

/** Slippy-map tile containing a point. */
function tileAt(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

function decode(bytes: Uint8Array, layerName = "wards"): { code: string; name: string; type: number }[] {
  const layer = new VectorTile(new PbfReader(bytes)).layers[layerName];
  const out: { code: string; name: string; type: number }[] = [];
  for (let i = 0; i < layer.length; i++) {
    const feature = layer.feature(i);
    out.push({ code: String(feature.properties.code), name: String(feature.properties.name), type: feature.type });
  }
  return out;
}

describe("ward vector tiles", () => {
  let db: Database & { drop(): Promise<void> };
  let ids: Ids;
  beforeAll(async () => {
    db = await freshDatabase();
    ids = await insertCity(db, new Date());
  });
  afterAll(async () => {
    await db.drop();
  });

  it("holds the current wards, with code and name, and not the retired one", async () => {
    const { tiles } = await wardTiles(db, { maxAgeMs: 0 });
    expect(tiles.featureCount).toBe(3);
    // Wards A–C are 0.02° squares from 105.80° E; the retired one starts at 105.86° E.
    expect(tiles.bounds).toEqual([105.8, 21.0, 105.86, 21.02]);
    const { z, x, y } = tileAt(105.83, 21.01, 10);
    const bytes = tiles.getTile(z, x, y);
    expect(bytes).not.toBeNull();
    const features = decode(bytes as Uint8Array);
    expect(features.map((f) => f.code).sort()).toEqual(["00001", "00002", "00003"]);
    expect(features.find((f) => f.code === "00002")?.name).toBe("Phường Hoàn Kiếm");
    expect(features.every((f) => f.type === 3)).toBe(true); // polygons
    // One label point per ward, in its own layer (at z8 all three centres share a tile).
    const wide = tileAt(105.83, 21.01, 8);
    const labels = decode(tiles.getTile(wide.z, wide.x, wide.y) as Uint8Array, "ward_labels");
    expect(labels.map((f) => f.code).sort()).toEqual(["00001", "00002", "00003"]);
    expect(labels.every((f) => f.type === 1)).toBe(true);
  });

  it("answers the tile route with protobuf, 204 for empty tiles, 400 and 404 for bad addresses", async () => {
    const { version } = await wardTiles(db, { maxAgeMs: 0 });
    const { z, x, y } = tileAt(105.81, 21.01, 12);
    const url = new URL(`http://localhost/tiles/wards/${z}/${x}/${y}.pbf?v=${version}`);
    const ok = await tileResponse(db, { layer: "wards", z: String(z), x: String(x), y: `${y}.pbf` }, url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("application/x-protobuf");
    expect(ok.headers.get("Cache-Control")).toContain("immutable");
    expect(decode(new Uint8Array(await ok.arrayBuffer())).map((f) => f.code)).toContain("00001");

    const empty = await tileResponse(db, { layer: "wards", z: "10", x: "0", y: "0.pbf" }, new URL("http://localhost/tiles/wards/10/0/0.pbf"));
    expect(empty.status).toBe(204);
    expect(empty.headers.get("Cache-Control")).toBe("public, max-age=60");

    const bad = (z: string, x: string, y: string) => tileResponse(db, { layer: "wards", z, x, y }, new URL("http://localhost/"));
    expect((await bad("a", "0", "0.pbf")).status).toBe(400);
    expect((await bad("2", "4", "0.pbf")).status).toBe(400); // x outside a 4×4 grid
    expect((await bad("2", "0", "0.png")).status).toBe(400);
    expect((await bad("-1", "0", "0.pbf")).status).toBe(400);
    expect((await bad("30", "0", "0.pbf")).status).toBe(400);
    expect((await bad("01", "0", "0.pbf")).status).toBe(400);
    const unknown = await tileResponse(db, { layer: "roads", z: "1", x: "0", y: "0.pbf" }, new URL("http://localhost/"));
    expect(unknown.status).toBe(404);
  });

  it("serves a style with no remote URLs, pointing at versioned tiles and the wards' bounds", async () => {
    const response = await styleResponse(db);
    const body = await response.text();
    expect(body).not.toMatch(/https?:\/\//);
    const style = JSON.parse(body) as { glyphs?: string; sprite?: string; sources: { wards: { tiles: string[]; bounds: number[]; promoteId: string } } };
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const { version } = await wardTiles(db, { maxAgeMs: 0 });
    expect(style.sources.wards.tiles).toEqual([`/tiles/wards/{z}/{x}/{y}.pbf?v=${version}`]);
    expect(style.sources.wards.bounds).toEqual([105.8, 21.0, 105.86, 21.02]);
    expect(style.sources.wards.promoteId).toBe("code");
  });

  it("rebuilds when the set of current wards changes", async () => {
    const before = await wardTiles(db, { maxAgeMs: 0 });
    const again = await wardTiles(db, { maxAgeMs: 0 });
    expect(again.tiles).toBe(before.tiles); // built once per version

    // A new ward appears east of the others…
    await db.prisma.adminUnit.create({
      data: { code: "00004", name: "Phường Mới", nameAscii: "phuong moi", level: "ward", type: "phuong", parentId: ids.city, validFrom: new Date("2026-01-01"), geometry: square(105.9, 21.0) },
    });
    const added = await wardTiles(db, { maxAgeMs: 0 });
    expect(added.version).not.toBe(before.version);
    expect(added.tiles.featureCount).toBe(4);
    const { z, x, y } = tileAt(105.91, 21.01, 12);
    expect(decode(added.tiles.getTile(z, x, y) as Uint8Array).map((f) => f.code)).toContain("00004");

    // …and one is retired: it leaves the tiles.
    await db.prisma.adminUnit.update({ where: { id: ids.wardC }, data: { validTo: new Date("2026-07-01") } });
    const retired = await wardTiles(db, { maxAgeMs: 0 });
    expect(retired.version).not.toBe(added.version);
    expect(retired.tiles.featureCount).toBe(3);
    const wide = tileAt(105.83, 21.01, 8);
    expect(decode(retired.tiles.getTile(wide.z, wide.x, wide.y) as Uint8Array).map((f) => f.code).sort()).toEqual(["00001", "00002", "00004"]);
  });

  it("skips geometries that are not polygons instead of failing", async () => {
    await db.prisma.adminUnit.create({
      data: { code: "00005", name: "Hỏng", nameAscii: "hong", level: "ward", type: "phuong", validFrom: new Date("2026-01-01"), geometry: { type: "Point", coordinates: [105.8, 21] } },
    });
    const { tiles } = await wardTiles(db, { maxAgeMs: 0 });
    expect(tiles.featureCount).toBe(3);
  });
});
