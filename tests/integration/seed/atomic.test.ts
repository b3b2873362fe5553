// A seed that fails half-way leaves no half city behind (rolled back on PGlite, wiped on PostgreSQL),
// and the bulk tables keep their indexes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import { seedCity } from "../../../prisma/seed/index";
import { silentProgress } from "../../../server/cli/progress";
import type { Database } from "../../../server/db/client";

let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
});

it("leaves an empty database when the seed fails part-way", async () => {
  // Fails on the first dossier chunk, after geography, households, terminals and payments were written.
  const failing: Database = {
    ...db,
    async copyCsv(table, columns, csv) {
      if (table === "dossier") throw new Error("disk full (simulated)");
      return db.copyCsv(table, columns, csv);
    },
  };
  await expect(seedCity(failing, { preset: "demo", seed: 3, progress: silentProgress, now: new Date("2026-06-01T00:00:00Z"), households: 400, organisations: 10 })).rejects.toThrow(
    "disk full (simulated)",
  );
  const [counts] = await db.prisma.$queryRawUnsafe<Record<string, number>[]>(`
    SELECT (SELECT count(*) FROM admin_unit)::int AS units, (SELECT count(*) FROM household)::int AS households,
           (SELECT count(*) FROM terminal)::int AS terminals, (SELECT count(*) FROM payment)::int AS payments,
           (SELECT count(*) FROM department)::int AS departments, (SELECT count(*) FROM app_user)::int AS users`);
  expect(counts).toEqual({ units: 0, households: 0, terminals: 0, payments: 0, departments: 0, users: 0 });
  const [idx] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname IN ('payment_event_id_key', 'household_code_key', 'dossier_ward_id_received_at_idx')`);
  expect(idx.n).toBe(3);
  // And the database can then be seeded normally.
  const summary = await seedCity(db, { preset: "demo", seed: 3, progress: silentProgress, now: new Date("2026-06-01T00:00:00Z"), households: 400, organisations: 10 });
  expect(summary.counts.households).toBe(400);
});
