// GET /tiles/terminals/{z}/{x}/{y}.pbf — terminal clusters. Unlike ward boundaries these are
// household locations (single points from zoom 14), so only admins and leaders get them.
import type { Database } from "../server/db/client";
import { sessionFromRequest } from "../server/auth/session";
import { parseTileCoords } from "./tile-coords";
import { terminalClusters } from "./cluster-source";

export interface ClusterTileParams {
  z?: string;
  x?: string;
  y?: string;
}

const readers = new Set(["admin", "leader"]);

export async function terminalTileResponse(db: Database, request: Request, params: ClusterTileParams): Promise<Response> {
  const { user } = await sessionFromRequest(db, request);
  if (!user) return text(401, "sign in first: terminal locations are for admins and leaders");
  if (!readers.has(user.role)) return text(403, "terminal locations are for admins and leaders");
  const coords = parseTileCoords(params.z, params.x, params.y);
  if (!coords) return text(400, "malformed tile address; expected /tiles/terminals/{z}/{x}/{y}.pbf inside the tile grid");
  const { version, tiles } = await terminalClusters(db);
  const headers = {
    // Personal data: never in a shared cache. The version lets a client tell tiles of different builds apart.
    "Cache-Control": "private, max-age=30",
    "X-Tiles-Version": version,
  };
  const bytes = tiles.getTile(coords.z, coords.x, coords.y);
  if (!bytes) return new Response(null, { status: 204, headers });
  return new Response(new Uint8Array(bytes), { headers: { ...headers, "Content-Type": "application/x-protobuf", "Content-Length": String(bytes.byteLength) } });
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
