import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDatabase } from "../../server/db/instance";
import { tileResponse } from "../../tiles/http";

/** GET /tiles/{layer}/{z}/{x}/{y}.pbf — Mapbox Vector Tiles for the map (ward boundaries are public). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  return tileResponse(await getDatabase(), params, new URL(request.url));
}
