// Households and in-service terminals per ward, from the registers. These are the only figures of
// the choropleth not kept in a rollup; counting them is a scan of two large tables at city scale
// (2.5 M rows each), so the counts are shared by every request for a few seconds. New
// registrations therefore reach the map within `maxAgeMs`.
import type { Database } from "../db/client";

export interface RegisterCounts {
  households: number;
  /** Terminals with status 'active' (installed and in service), as on the overview. */
  terminals: number;
}

interface Cached {
  at: number;
  value: Promise<Map<number, RegisterCounts>>;
}

const cache = new WeakMap<Database, Cached>();

async function readCounts(db: Database): Promise<Map<number, RegisterCounts>> {
  const rows = await db.prisma.$queryRaw<{ ward_id: number; households: bigint; terminals: bigint }[]>`
    SELECT ward_id, sum(h)::bigint AS households, sum(t)::bigint AS terminals FROM (
      SELECT ward_id, count(*) AS h, 0 AS t FROM household GROUP BY ward_id
      UNION ALL
      SELECT ward_id, 0, count(*) FROM terminal WHERE status = 'active' GROUP BY ward_id
    ) x GROUP BY ward_id`;
  return new Map(rows.map((r) => [r.ward_id, { households: Number(r.households), terminals: Number(r.terminals) }]));
}

export async function registerCounts(db: Database, options: { maxAgeMs?: number } = {}): Promise<Map<number, RegisterCounts>> {
  const maxAgeMs = options.maxAgeMs ?? 5000;
  const now = Date.now();
  const hit = cache.get(db);
  if (hit && now - hit.at <= maxAgeMs) return hit.value;
  const value = readCounts(db);
  cache.set(db, { at: now, value });
  value.catch(() => {
    if (cache.get(db)?.value === value) cache.delete(db);
  });
  return value;
}
