// What the map page needs before it can draw: versioned tile addresses (a new version, a new URL,
// so browsers may cache tiles for good), the city's extent, and the days that have data.
import type { Database } from "../db/client";
import { wardTiles } from "../../tiles/ward-source";
import { wardTilesPath } from "../../tiles/http";
import { unitTilesPath, unitTilesVersion } from "../../tiles/unit-tiles";
import { clusterVersion } from "../../tiles/cluster-source";
import { terminalTilesPath } from "../../tiles/cluster-constants";
import { defaultCityBounds } from "../../tiles/constants";
import type { Bounds } from "../../tiles/geometry";

export interface MapSetup {
  tiles: { "2025-ward": string; "pre2025-ward": string; "pre2025-district": string; terminals: string };
  bounds: Bounds;
  /** Today in the city (Asia/Ho_Chi_Minh), YYYY-MM-DD: presets end here. */
  today: string;
  /** First and last day present in the terminal rollup, or null without data. */
  dataFrom: string | null;
  dataTo: string | null;
}

export function cityToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const withVersion = (path: string, version: string) => `${path}?v=${encodeURIComponent(version)}`;

export async function mapSetup(db: Database): Promise<MapSetup> {
  const [wards, preWards, preDistricts, terminals, [range]] = await Promise.all([
    wardTiles(db),
    unitTilesVersion(db, "pre2025-wards"),
    unitTilesVersion(db, "pre2025-districts"),
    clusterVersion(db),
    db.prisma.$queryRaw<{ first: string | null; last: string | null }[]>`
      SELECT to_char(min(day), 'YYYY-MM-DD') AS first, to_char(max(day), 'YYYY-MM-DD') AS last FROM terminal_daily`,
  ]);
  return {
    tiles: {
      "2025-ward": withVersion(wardTilesPath, wards.version),
      "pre2025-ward": withVersion(unitTilesPath("pre2025-wards"), preWards),
      "pre2025-district": withVersion(unitTilesPath("pre2025-districts"), preDistricts),
      terminals: withVersion(terminalTilesPath, terminals),
    },
    bounds: wards.tiles.bounds ?? defaultCityBounds,
    today: cityToday(),
    dataFrom: range?.first ?? null,
    dataTo: range?.last ?? null,
  };
}
