import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { freshDatabase } from "../../support/db";
import { createUser } from "../../../server/auth/service";
import type { Database } from "../../../server/db/client";
import { makeDepartment } from "./support";

describe("createUser", () => {
  let db: Database & { drop(): Promise<void> };
  let departmentId: number;

  beforeAll(async () => {
    db = await freshDatabase();
    departmentId = (await makeDepartment(db, "SO-GDDT")).id;
  });
  afterAll(async () => {
    await db.drop();
  });

  it("stores an argon2id hash (never the password), binds an officer to the department, and audits", async () => {
    const created = await createUser(
      db,
      { email: "  Can-Bo.GD@Civic.Test ", name: "Lê Văn Giáo", password: "mat-khau-giao-duc", role: "officer", departmentCode: "SO-GDDT" },
      { kind: "cli" },
    );
    expect(created).toMatchObject({ email: "can-bo.gd@civic.test", role: "officer" });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ name: "Lê Văn Giáo", departmentId, locale: "vi" });
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row.passwordHash).not.toContain("mat-khau-giao-duc");

    const audit = await db.prisma.auditLog.findMany({ where: { action: "user.create", entityId: created.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "cli", actorId: null, entity: "user", details: { email: "can-bo.gd@civic.test", role: "officer", departmentId } });
  });

  it("rejects an officer without a department, and writes nothing", async () => {
    const before = await db.prisma.auditLog.count();
    await expect(
      createUser(db, { email: "no-dept@civic.test", name: "X", password: "mat-khau-du-dai", role: "officer" }, { kind: "cli" }),
    ).rejects.toThrow(/officer must be bound to a department/);
    await expect(
      createUser(db, { email: "no-dept@civic.test", name: "X", password: "mat-khau-du-dai", role: "officer" }, { kind: "cli" }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await db.prisma.user.count({ where: { email: "no-dept@civic.test" } })).toBe(0);
    expect(await db.prisma.auditLog.count()).toBe(before);
  });

  it("rejects an unknown department code", async () => {
    await expect(
      createUser(db, { email: "wrong-dept@civic.test", name: "X", password: "mat-khau-du-dai", role: "officer", departmentCode: "SO-KHONG-CO" }, { kind: "cli" }),
    ).rejects.toThrow(/no department with code SO-KHONG-CO/);
  });

  it("rejects a duplicate e-mail, whatever its case, and keeps the first account", async () => {
    const first = await createUser(db, { email: "lanh-dao@civic.test", name: "Phạm Minh", password: "mat-khau-lanh-dao", role: "leader" }, { kind: "cli" });
    await expect(
      createUser(db, { email: "LANH-DAO@civic.test", name: "Kẻ trùng", password: "mat-khau-khac-1", role: "admin" }, { kind: "cli" }),
    ).rejects.toThrow(/already exists/);
    const rows = await db.prisma.user.findMany({ where: { email: "lanh-dao@civic.test" } });
    expect(rows.map((r) => [r.id, r.role, r.name])).toEqual([[first.id, "leader", "Phạm Minh"]]);
  });

  it("rejects a password shorter than 10 characters and an invalid e-mail", async () => {
    await expect(createUser(db, { email: "short@civic.test", name: "X", password: "123456789", role: "admin" }, { kind: "cli" })).rejects.toBeInstanceOf(ZodError);
    await expect(createUser(db, { email: "not-an-email", name: "X", password: "mat-khau-du-dai", role: "admin" }, { kind: "cli" })).rejects.toBeInstanceOf(ZodError);
  });

  it("records who created the account", async () => {
    const admin = await createUser(db, { email: "quan-tri@civic.test", name: "Quản trị", password: "mat-khau-quan-tri", role: "admin" }, { kind: "cli" });
    const founder = await createUser(
      db,
      { email: "sang-lap@civic.test", name: "Nhà sáng lập", password: "mat-khau-sang-lap", role: "founder", locale: "en" },
      { kind: "user", id: admin.id },
    );
    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: founder.id } });
    expect(row).toMatchObject({ actorKind: "user", actorId: admin.id });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: founder.id } })).locale).toBe("en");
  });
});
