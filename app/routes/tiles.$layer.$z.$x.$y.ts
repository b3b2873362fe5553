import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDatabase } from "../../server/db/instance";
import { tileResponse } from "../../tiles/http";
import { terminalTileResponse } from "../../tiles/cluster-http";
import { isUnitTileLayer, unitTileResponse } from "../../tiles/unit-tiles";

/** GET /tiles/{layer}/{z}/{x}/{y}.pbf — Mapbox Vector Tiles for the map (ward boundaries are public). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  // Terminal clusters (leaders only) and the pre-2025 units have their own handlers; the rest as before.
  if (params.layer === "terminals") return terminalTileResponse(await getDatabase(), request, params);
  if (isUnitTileLayer(params.layer)) return unitTileResponse(await getDatabase(), params.layer, params, new URL(request.url));
  return tileResponse(await getDatabase(), params, new URL(request.url));
}
