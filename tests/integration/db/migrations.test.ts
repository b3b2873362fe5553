import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import { diffMigrationsToSchema, isEmptyDiff, readMigrations } from "../../../server/db/migrate";
import type { Database } from "../../../server/db/client";

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
    const sql = await diffMigrationsToSchema(db.adapterFactory);
    expect(isEmptyDiff(sql), `schema.prisma and prisma/migrations disagree; run npm run migration:create -- <name>:\n${sql}`).toBe(true);
  });

  it("notices when the schema and the migrations disagree", () => {
    expect(isEmptyDiff("-- This is an empty migration.")).toBe(true);
    expect(isEmptyDiff('ALTER TABLE "household" ADD COLUMN "x" INTEGER;')).toBe(false);
  });
});
