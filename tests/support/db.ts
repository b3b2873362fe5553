import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, openPGliteDatabase, type Database } from "../../server/db/client";
import { openPGlite } from "../../server/db/pglite";
import { applyMigrations } from "../../server/db/migrate";

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or — in the
 * integration-postgres project (TEST_DATABASE_URL set) — a new database on that server,
 * dropped again by `drop()`.
 */
export async function freshDatabase(): Promise<Database & { drop(): Promise<void> }> {
  if (process.env.CIVIC_TEST_DB === "postgres") {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error("CIVIC_TEST_DB=postgres needs TEST_DATABASE_URL");
    const name = `civic_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ kind: "postgres", url: url.toString() });
    await applyMigrations(db.adapterFactory);
    return {
      ...db,
      async drop() {
        await db.close();
        const again = new pg.Client({ connectionString: serverUrl });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await again.end();
      },
    };
  }
  const db = openPGliteDatabase(await openPGlite("memory://"));
  await applyMigrations(db.adapterFactory);
  return { ...db, drop: () => db.close() };
}

export const testDbKind = (): "pglite" | "postgres" => (process.env.CIVIC_TEST_DB === "postgres" ? "postgres" : "pglite");
