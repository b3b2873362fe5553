// Polygon tiles for the pre-2025 layout — its wards and its districts — built exactly like the
// current wards' (ward-tiles.ts: same source layers "wards" and "ward_labels", `code` to join
// metrics on), from the units valid on the last pre-2025 day. The current wards keep their own
// source (ward-source.ts, /tiles/wards/…), which is the 2025 layer.
import type { Database } from "../server/db/client";
import { layerPredicate, type UnitLevelChoice } from "../server/history/layers";
import { buildWardTiles, type WardTileSet } from "./ward-tiles";
import { parseTileCoords } from "./tile-coords";
import type { TileParams } from "./http";

export const unitTileLayers = {
  "pre2025-wards": { layer: "pre2025", level: "ward" },
  "pre2025-districts": { layer: "pre2025", level: "district" },
} as const satisfies Record<string, { layer: "pre2025"; level: UnitLevelChoice }>;

export type UnitTileLayerName = keyof typeof unitTileLayers;

export function isUnitTileLayer(name: unknown): name is UnitTileLayerName {
  return typeof name === "string" && Object.hasOwn(unitTileLayers, name);
}

export const unitTilesPath = (name: UnitTileLayerName) => `/tiles/${name}/{z}/{x}/{y}.pbf`;

interface SourceState {
  checkedAt: number;
  version: Promise<string>;
  built?: { version: string; tiles: Promise<WardTileSet> };
}

const states = new WeakMap<Database, Map<UnitTileLayerName, SourceState>>();

async function readVersion(db: Database, name: UnitTileLayerName): Promise<string> {
  const { layer, level } = unitTileLayers[name];
  const [row] = await db.prisma.$queryRaw<{ v: string }[]>`
    SELECT (SELECT count(*) || '-' || coalesce(max(u.id), 0) FROM admin_unit u WHERE ${layerPredicate(layer, level)})
      || '-' || (SELECT coalesce(max(id), 0) FROM audit_log WHERE entity = 'admin_unit') AS v`;
  return row.v;
}

async function loadTiles(db: Database, name: UnitTileLayerName): Promise<WardTileSet> {
  const { layer, level } = unitTileLayers[name];
  const rows = await db.prisma.$queryRaw<{ id: number; code: string; name: string; geometry: unknown; center_lon: number | null; center_lat: number | null }[]>`
    SELECT u.id, u.code, u.name, u.geometry, u.center_lon, u.center_lat FROM admin_unit u WHERE ${layerPredicate(layer, level)} ORDER BY u.id`;
  return buildWardTiles(rows.map((r) => ({ id: r.id, code: r.code, name: r.name, geometry: r.geometry, center: r.center_lon !== null && r.center_lat !== null ? [r.center_lon, r.center_lat] : null })));
}

/** The tiles of one pre-2025 unit set, rebuilt when its units change (checked every `maxAgeMs`). */
export async function unitTiles(db: Database, name: UnitTileLayerName, options: { maxAgeMs?: number } = {}): Promise<{ version: string; tiles: WardTileSet }> {
  const maxAgeMs = options.maxAgeMs ?? 2000;
  let byName = states.get(db);
  if (!byName) states.set(db, (byName = new Map()));
  let state = byName.get(name);
  const now = Date.now();
  if (!state || now - state.checkedAt > maxAgeMs) {
    const version = readVersion(db, name);
    state = { checkedAt: now, version, built: state?.built };
    byName.set(name, state);
    const map = byName;
    version.catch(() => map.delete(name));
  }
  const current = state;
  const version = await current.version;
  if (current.built?.version !== version) {
    const tiles = loadTiles(db, name);
    current.built = { version, tiles };
    tiles.catch(() => {
      if (current.built?.tiles === tiles) current.built = undefined;
    });
  }
  return { version, tiles: await current.built.tiles };
}

/** GET /tiles/pre2025-wards|pre2025-districts/{z}/{x}/{y}.pbf — boundaries are public, like the current wards'. */
export async function unitTileResponse(db: Database, name: UnitTileLayerName, params: TileParams, url: URL): Promise<Response> {
  const coords = parseTileCoords(params.z, params.x, params.y);
  if (!coords) return new Response(`malformed tile address; expected /tiles/${name}/{z}/{x}/{y}.pbf inside the tile grid`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { version, tiles } = await unitTiles(db, name);
  const cacheControl = url.searchParams.get("v") === version ? "public, max-age=86400, immutable" : "public, max-age=60";
  const bytes = tiles.getTile(coords.z, coords.x, coords.y);
  if (!bytes) return new Response(null, { status: 204, headers: { "Cache-Control": cacheControl } });
  return new Response(new Uint8Array(bytes), { headers: { "Content-Type": "application/x-protobuf", "Cache-Control": cacheControl, "Content-Length": String(bytes.byteLength) } });
}

/** The current version of a unit set, for its tile URL, without building its tiles. */
export function unitTilesVersion(db: Database, name: UnitTileLayerName): Promise<string> {
  return readVersion(db, name);
}
