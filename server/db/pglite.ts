import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * Opens (creating on first use) the embedded database. One instance per process: PGlite has no
 * lock of its own, and two processes writing one data directory corrupt it, so we keep a pid file.
 */
export async function openPGlite(dataDir: string): Promise<PGlite> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    claimDataDir(dataDir);
  }
  const pg = await PGlite.create({ dataDir });
  // The Prisma driver adapters send and read timestamps as UTC; a session in another zone would
  // shift every Date by its offset. Local time is applied explicitly (AT TIME ZONE, Intl).
  await pg.exec("SET TIME ZONE 'UTC'");
  if (!inMemory) {
    const close = pg.close.bind(pg);
    pg.close = async () => {
      await close();
      releaseDataDir(dataDir);
    };
  }
  return pg;
}

const lockName = "civic-hub.pid";

function claimDataDir(dataDir: string): void {
  const lock = path.join(dataDir, lockName);
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(lock, "utf8").trim());
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `the embedded database in ${dataDir} is in use by process ${holder}; stop it first, or use another DATA_DIR`,
    );
  }
  writeFileSync(lock, String(process.pid));
}

function releaseDataDir(dataDir: string): void {
  const lock = path.join(dataDir, lockName);
  try {
    if (Number(readFileSync(lock, "utf8").trim()) === process.pid) rmSync(lock);
  } catch {
    // Already gone: nothing to release.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
