// The ward of a GPS point at registration time. Building the index reads every current ward
// polygon, so it is built once per process and kept until the set of current wards changes (a
// boundary import retires and creates rows, which changes the count or the highest id).
import type { PrismaClient } from "../db/generated/client";
import { loadUnitIndex } from "../geo/load-unit-index";
import type { WardIndex } from "../geo/ward-index";

type Reader = Pick<PrismaClient, "adminUnit" | "$queryRaw">;

export interface WardRef {
  id: number;
  code: string;
  name: string;
}

interface Cached {
  version: string;
  index: WardIndex<number>;
  wards: Map<number, WardRef>;
}

let cached: Promise<Cached> | null = null;

async function currentVersion(db: Reader): Promise<string> {
  const [row] = await db.$queryRaw<{ n: number; max_id: number | null }[]>`
    SELECT count(*)::int AS n, max(id) AS max_id FROM admin_unit WHERE level = 'ward' AND valid_to IS NULL`;
  return `${row?.n ?? 0}:${row?.max_id ?? 0}`;
}

async function build(db: Reader, version: string): Promise<Cached> {
  const [index, units] = await Promise.all([
    loadUnitIndex(db, "ward"),
    db.adminUnit.findMany({ where: { level: "ward", validTo: null }, select: { id: true, code: true, name: true } }),
  ]);
  return { version, index, wards: new Map(units.map((u) => [u.id, u])) };
}

/** The ward index over the current wards, rebuilt only when they changed since the last call. */
export async function currentWardIndex(db: Reader): Promise<{ find(lon: number, lat: number): WardRef | null; size: number }> {
  const version = await currentVersion(db);
  let entry = cached ? await cached.catch(() => null) : null;
  if (!entry || entry.version !== version) {
    const building = build(db, version);
    cached = building;
    entry = await building;
  }
  const { index, wards } = entry;
  return {
    size: index.size,
    find(lon, lat) {
      const id = index.find(lon, lat);
      return id === null ? null : (wards.get(id) ?? null);
    },
  };
}

/** Drops the cached index (tests that swap databases in one process). */
export function forgetWardIndex(): void {
  cached = null;
}
