// Same seed and `now` → the same city, byte for byte in the fingerprinted columns; another seed →
// another city. Re-seeding uses --force, which also proves the wipe leaves nothing behind.
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import { seedCity } from "../../../prisma/seed/index";
import { silentProgress } from "../../../server/cli/progress";

const now = new Date("2026-03-10T02:30:00Z");
let db: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function seedAndFingerprint(seed: number, force: boolean): Promise<Record<string, string>> {
  await seedCity(db, { preset: "demo", seed, force, progress: silentProgress, now, households: 1_500, organisations: 40 });
  const [row] = await db.prisma.$queryRawUnsafe<Record<string, string>[]>(`
    SELECT
      (SELECT md5(string_agg(code || ':' || name || ':' || md5(geometry::text), ',' ORDER BY code, valid_from)) FROM admin_unit) AS units,
      (SELECT md5(string_agg(code || ':' || lon || ':' || lat || ':' || ward_id || ':' || address, ',' ORDER BY id)) FROM household) AS households,
      (SELECT md5(string_agg(code || ':' || secret || ':' || status || ':' || coalesce(last_seen_at::text, ''), ',' ORDER BY id)) FROM terminal) AS terminals,
      (SELECT md5(string_agg(event_id::text || ':' || amount_vnd || ':' || at::text, ',' ORDER BY event_id)) FROM payment) AS payments,
      (SELECT md5(string_agg(event_id::text || ':' || at::text, ',' ORDER BY event_id)) FROM heartbeat) AS heartbeats,
      (SELECT md5(string_agg(id || ':' || channel || ':' || status, ',' ORDER BY id)) FROM dossier) AS dossiers,
      (SELECT md5(string_agg(ward_id || ':' || day || ':' || active_terminals || ':' || heartbeats || ':' || service_sessions, ',' ORDER BY ward_id, day)) FROM terminal_daily) AS terminal_daily,
      (SELECT md5(string_agg(slug, ',' ORDER BY id)) FROM organisation) AS organisations,
      (SELECT count(*)::text FROM app_user) AS users`);
  return row;
}

it("is deterministic for a seed and `now`, and different for another seed", async () => {
  const first = await seedAndFingerprint(11, false);
  const other = await seedAndFingerprint(12, true);
  const again = await seedAndFingerprint(11, true);
  expect(again).toEqual(first);
  expect(first.users).toBe("4");
  for (const key of ["households", "terminals", "payments", "heartbeats", "dossiers", "terminal_daily", "units", "organisations"]) {
    expect(other[key], key).not.toBe(first[key]);
  }
  // The wipe restarts identities, so ids start from 1 again.
  const [ids] = await db.prisma.$queryRawUnsafe<{ min: number }[]>(`SELECT min(id)::int AS min FROM household`);
  expect(ids.min).toBe(1);
});
