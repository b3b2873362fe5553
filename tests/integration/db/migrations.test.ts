import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import { openPGlite } from "../../../server/db/pglite";
import { applyMigrations, diffMigrationsToSchema, isEmptyDiff, readMigrations } from "../../../server/db/migrate";
import { openDatabase, openPGliteDatabase, type Database } from "../../../server/db/client";

describe("committed migrations", () => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it("are recorded in _prisma_migrations like `prisma migrate deploy`", async () => {
    const rows = await db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    const onDisk = readMigrations().migrationDirectories.map((d) => d.path);
    expect(onDisk.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("produce exactly schema.prisma (the diff is empty)", async () => {
    // The diff depends only on the files, and the wasm engine cannot introspect PostgreSQL through
    // @prisma/adapter-pg ("Column type 'char' could not be deserialized"), so it runs on a scratch
    // PGlite in both passes; the migrations' result on PostgreSQL is compared column by column below.
    const scratch = await openDatabase({ kind: "pglite", dataDir: "memory://" });
    const sql = await diffMigrationsToSchema(scratch.adapterFactory).finally(() => scratch.close());
    expect(isEmptyDiff(sql), `schema.prisma and prisma/migrations disagree; run npm run migration:create -- <name>:\n${sql}`).toBe(true);
  });

  it("build the same tables, columns and indexes here as on embedded PGlite", async () => {
    const reference = await migratedPGlite();
    try {
      expect(await describeSchema(db)).toEqual(await describeSchema(reference));
    } finally {
      await reference.close();
    }
  });

  it("notices when the schema and the migrations disagree", () => {
    expect(isEmptyDiff("-- This is an empty migration.")).toBe(true);
    expect(isEmptyDiff('ALTER TABLE "household" ADD COLUMN "x" INTEGER;')).toBe(false);
  });
});

async function migratedPGlite(): Promise<Database> {
  const db = openPGliteDatabase(await openPGlite("memory://"));
  await applyMigrations(db.adapterFactory);
  return db;
}

/** Columns and indexes of the public schema, in a form that compares across PostgreSQL versions. */
async function describeSchema(db: Database) {
  const columns = await db.prisma.$queryRaw<{ t: string; c: string; type: string; nullable: string; def: string | null }[]>`
    SELECT table_name AS t, column_name AS c, udt_name AS type, is_nullable AS nullable, column_default AS def
    FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`;
  const indexes = await db.prisma.$queryRaw<{ name: string; def: string }[]>`
    SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`;
  return { columns, indexes };
}
