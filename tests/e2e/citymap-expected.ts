// Expected figures for tests/e2e/citymap.spec.ts, computed straight from the database with our own
// SQL over the raw tables (household, terminal, payment, service_session) — not the rollups and not
// the app's query modules — so the map's panel is compared with an independent path.
//
// Called by scripts/e2e-prepare.ts after the seed: `await writeCitymapExpected(db)`.
import { writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "../../server/db/client";

export const citymapExpectedFile = path.resolve(process.env.CITYMAP_EXPECTED_FILE ?? "tests/e2e/.data/citymap-expected.json");

export interface ExpectedWard {
  name: string;
  households: number;
  /** Terminals with status 'active'. */
  terminals: number;
  /** Successful payments in the range (local days, Asia/Ho_Chi_Minh). */
  payments: number;
  amountVnd: number;
  /** Public-service sessions in the range. */
  sessions: number;
}

export interface ExpectedCitymap {
  /** The map's default range at preparation time: the 30 local days ending today. */
  from: string;
  to: string;
  /** Current (2025) wards, pre-2025 wards and districts. */
  wardCount: number;
  oldWardCount: number;
  districtCount: number;
  /** By ward code, for every current ward. */
  wards: Record<string, ExpectedWard>;
}

export async function expectedCitymap(db: Database): Promise<ExpectedCitymap> {
  const [range] = await db.prisma.$queryRawUnsafe<{ from: string; to: string }[]>(
    `SELECT to_char((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 29, 'YYYY-MM-DD') AS "from", to_char((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS "to"`,
  );
  const rows = await db.prisma.$queryRawUnsafe<{ code: string; name: string; households: bigint; terminals: bigint; payments: bigint; amount: bigint; sessions: bigint }[]>(
    `WITH r AS (SELECT ($1::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS starts, ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS ends)
     SELECT u.code, u.name,
       (SELECT count(*) FROM household h WHERE h.ward_id = u.id) AS households,
       (SELECT count(*) FROM terminal t WHERE t.ward_id = u.id AND t.status = 'active') AS terminals,
       (SELECT count(*) FROM payment p, r WHERE p.ward_id = u.id AND p.status = 'success' AND p.at >= r.starts AND p.at < r.ends) AS payments,
       (SELECT coalesce(sum(p.amount_vnd), 0) FROM payment p, r WHERE p.ward_id = u.id AND p.status = 'success' AND p.at >= r.starts AND p.at < r.ends) AS amount,
       (SELECT count(*) FROM service_session s, r WHERE s.ward_id = u.id AND s.at >= r.starts AND s.at < r.ends) AS sessions
     FROM admin_unit u WHERE u.level = 'ward' AND u.valid_to IS NULL ORDER BY u.code`,
    range.from,
    range.to,
  );
  const [counts] = await db.prisma.$queryRawUnsafe<{ old_wards: bigint; districts: bigint }[]>(
    `SELECT count(*) FILTER (WHERE level = 'ward') AS old_wards, count(*) FILTER (WHERE level = 'district') AS districts
       FROM admin_unit WHERE valid_from <= DATE '2025-06-30' AND (valid_to IS NULL OR valid_to >= DATE '2025-06-30')`,
  );
  const wards: Record<string, ExpectedWard> = {};
  for (const r of rows) {
    wards[r.code] = { name: r.name, households: Number(r.households), terminals: Number(r.terminals), payments: Number(r.payments), amountVnd: Number(r.amount), sessions: Number(r.sessions) };
  }
  return { from: range.from, to: range.to, wardCount: rows.length, oldWardCount: Number(counts.old_wards), districtCount: Number(counts.districts), wards };
}

export async function writeCitymapExpected(db: Database, file = citymapExpectedFile): Promise<ExpectedCitymap> {
  const expected = await expectedCitymap(db);
  writeFileSync(file, `${JSON.stringify(expected, null, 2)}\n`);
  return expected;
}

export function readCitymapExpected(file = citymapExpectedFile): ExpectedCitymap {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`${file} is missing: scripts/e2e-prepare.ts must call writeCitymapExpected(db) after seeding`);
  }
  return JSON.parse(text) as ExpectedCitymap;
}
