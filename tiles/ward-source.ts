// The ward tile set of one database, rebuilt when the set of current wards changes.
import type { Database } from "../server/db/client";
import { buildWardTiles, type WardTileSet } from "./ward-tiles";

const currentWards = { level: "ward", validTo: null } as const;

export interface VersionedWardTiles {
  /** Changes whenever a current ward is added or retired: count and highest id of current wards. */
  version: string;
  tiles: WardTileSet;
}

interface SourceState {
  checkedAt: number;
  version: Promise<string>;
  built?: { version: string; tiles: Promise<WardTileSet> };
}

const states = new WeakMap<Database, SourceState>();

async function currentVersion(db: Database): Promise<string> {
  const agg = await db.prisma.adminUnit.aggregate({ where: currentWards, _count: { _all: true }, _max: { id: true } });
  return `${agg._count._all}-${agg._max.id ?? 0}`;
}

async function loadTiles(db: Database): Promise<WardTileSet> {
  const rows = await db.prisma.adminUnit.findMany({
    where: currentWards,
    select: { id: true, code: true, name: true, geometry: true, centerLon: true, centerLat: true },
    orderBy: { id: "asc" },
  });
  return buildWardTiles(
    rows.map((r) => ({ ...r, center: r.centerLon !== null && r.centerLat !== null ? ([r.centerLon, r.centerLat] as [number, number]) : null })),
  );
}

/**
 * The tiles for the current wards. The version is looked up at most every `maxAgeMs` (a burst of
 * tile requests then costs one small query), and the tiles are built once per version: concurrent
 * callers share the same build.
 */
export async function wardTiles(db: Database, options: { maxAgeMs?: number } = {}): Promise<VersionedWardTiles> {
  const maxAgeMs = options.maxAgeMs ?? 2000;
  const now = Date.now();
  let state = states.get(db);
  if (!state || now - state.checkedAt > maxAgeMs) {
    const version = currentVersion(db);
    state = { checkedAt: now, version, built: state?.built };
    states.set(db, state);
    // A failed lookup must not be remembered.
    version.catch(() => states.delete(db));
  }
  const version = await state.version;
  if (state.built?.version !== version) {
    const tiles = loadTiles(db);
    state.built = { version, tiles };
    tiles.catch(() => {
      if (state?.built?.tiles === tiles) state.built = undefined;
    });
  }
  return { version, tiles: await state.built.tiles };
}
