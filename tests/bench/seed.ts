import { mkdtempSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../../server/db/client";
import { applyMigrations } from "../../server/db/migrate";
import { createUser } from "../../server/auth/service";
import { terminalProgress } from "../../server/cli/progress";
import { seedCity } from "../../prisma/seed/index";
import { timed, type Figure } from "./stats";

export const benchLeader = { email: "lanh-dao@bench.civichub.test", password: "bench-leader-password-1" };

/** Opens a fresh PGlite directory and applies the migrations: the fixed cost under every seed. */
async function openAndMigrate(dataDir: string) {
  const db = await openDatabase({ kind: "pglite", dataDir });
  await applyMigrations(db.adapterFactory);
  return db;
}

/**
 * The demo seed on a fresh embedded database, as `npm start` does it on first start. Leaves the
 * seeded directory (plus a bench leader account) for the start and page-load measurements.
 */
export async function benchSeed(root: string): Promise<{ figure: Figure; dataDir: string; counts: Record<string, number> }> {
  const empty = await timed(() => openAndMigrate(mkdtempSync(path.join(root, "empty-"))));
  await empty.value.close();

  const dataDir = mkdtempSync(path.join(root, "demo-"));
  const db = await openAndMigrate(dataDir);
  try {
    const seeded = await timed(() => seedCity(db, { preset: "demo", seed: 1, progress: terminalProgress(false) }));
    await createUser(db, { ...benchLeader, name: "Lãnh đạo (bench)", role: "leader" }, { kind: "system" });
    return {
      dataDir,
      counts: seeded.value.counts,
      figure: {
        name: "demo seed on PGlite (seedCity, preset demo)",
        value: seeded.ms / 1000,
        unit: "s",
        baseline: { name: "empty PGlite: create + migrate", value: empty.ms / 1000, unit: "s" },
        notes: Object.entries(seeded.value.counts)
          .filter(([key]) => ["households", "terminals", "payments", "heartbeats", "dossiers"].includes(key))
          .map(([key, n]) => `${key} ${n.toLocaleString("en")}`)
          .join(", "),
      },
    };
  } finally {
    await db.close();
  }
}
