// HTTP answers for the map: the style and the ward tiles. Kept out of the Remix routes so the
// integration tests can call them directly with a test database.
import type { Database } from "../server/db/client";
import { parseTileCoords } from "./tile-coords";
import { wardTiles } from "./ward-source";
import { wardMapStyle } from "./style";

export const wardTilesPath = "/tiles/wards/{z}/{x}/{y}.pbf";

export interface TileParams {
  layer?: string;
  z?: string;
  x?: string;
  y?: string;
}

export async function tileResponse(db: Database, params: TileParams, url: URL): Promise<Response> {
  if (params.layer !== "wards") return text(404, `no tile layer named "${params.layer ?? ""}"; available: wards`);
  const coords = parseTileCoords(params.z, params.x, params.y);
  if (!coords) return text(400, "malformed tile address; expected /tiles/wards/{z}/{x}/{y}.pbf inside the tile grid");
  const { version, tiles } = await wardTiles(db);
  // A URL carrying the current version never changes content (a new ward set gets a new style
  // and therefore new URLs); any other URL may be stale soon.
  const cacheControl = url.searchParams.get("v") === version ? "public, max-age=86400, immutable" : "public, max-age=60";
  const bytes = tiles.getTile(coords.z, coords.x, coords.y);
  if (!bytes) return new Response(null, { status: 204, headers: { "Cache-Control": cacheControl } });
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": "application/x-protobuf", "Cache-Control": cacheControl, "Content-Length": String(bytes.byteLength) },
  });
}

export async function styleResponse(db: Database): Promise<Response> {
  const { version, tiles } = await wardTiles(db);
  const style = wardMapStyle({ wardTilesUrl: `${wardTilesPath}?v=${encodeURIComponent(version)}`, bounds: tiles.bounds });
  return Response.json(style, { headers: { "Cache-Control": "no-cache" } });
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
