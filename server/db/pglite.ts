import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";

/** Opens (creating on first use) the embedded database. One instance per process. */
export async function openPGlite(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({ dataDir });
  await pg.exec("SET TIME ZONE 'Asia/Ho_Chi_Minh'");
  return pg;
}
