import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import { createLucia } from "../../../server/auth/lucia";
import { PrismaSessionAdapter } from "../../../server/auth/lucia-adapter";
import type { Database } from "../../../server/db/client";
import { makeDepartment, makeUser } from "./support";

describe("lucia sessions through the project's Prisma adapter", () => {
  let db: Database & { drop(): Promise<void> };
  let officer: { id: string; email: string };
  let departmentId: number;

  beforeAll(async () => {
    db = await freshDatabase();
    const dept = await makeDepartment(db, "SO-TTTT");
    departmentId = dept.id;
    officer = await makeUser(db, { role: "officer", departmentCode: "SO-TTTT", email: "can-bo@civic.test", name: "Nguyễn Thị Hà" });
  });
  afterAll(async () => {
    await db.drop();
  });

  it("creates a session row and validates it back with the user's attributes", async () => {
    const lucia = createLucia(db.prisma, { secureCookies: false });
    const session = await lucia.createSession(officer.id, {});
    const row = await db.prisma.session.findUnique({ where: { id: session.id } });
    expect(row?.userId).toBe(officer.id);
    // Lucia's default lifetime is replaced by the project's 8 h working day.
    const hours = (row!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);

    const { session: valid, user } = await lucia.validateSession(session.id);
    expect(valid?.id).toBe(session.id);
    expect(valid?.fresh).toBe(false);
    expect(user).toMatchObject({
      id: officer.id,
      email: "can-bo@civic.test",
      name: "Nguyễn Thị Hà",
      role: "officer",
      departmentId,
      organisationId: null,
      locale: "vi",
    });
  });

  it("stores the expiry as the right instant, so SQL (clean-up jobs, reports) sees what lucia sees", async () => {
    const lucia = createLucia(db.prisma, { secureCookies: false });
    const session = await lucia.createSession(officer.id, {});
    const [row] = await db.prisma.$queryRaw<{ hours: number }[]>`
      SELECT (extract(epoch FROM expires_at - now()) / 3600)::float8 AS hours FROM session WHERE id = ${session.id}`;
    expect(row.hours).toBeGreaterThan(7.9);
    expect(row.hours).toBeLessThanOrEqual(8);
  });

  it("does not know a session id it never issued", async () => {
    const lucia = createLucia(db.prisma, { secureCookies: false });
    expect(await lucia.validateSession("no-such-session")).toEqual({ session: null, user: null });
  });

  it("refuses an expired session and deletes it", async () => {
    const lucia = createLucia(db.prisma, { secureCookies: false });
    const session = await lucia.createSession(officer.id, {});
    await db.prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await lucia.validateSession(session.id)).toEqual({ session: null, user: null });
    expect(await db.prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("extends a session in its second half and marks it fresh (so the cookie is sent again)", async () => {
    const lucia = createLucia(db.prisma, { secureCookies: false });
    const session = await lucia.createSession(officer.id, {});
    const soon = new Date(Date.now() + 60 * 60 * 1000);
    await db.prisma.session.update({ where: { id: session.id }, data: { expiresAt: soon } });
    const { session: valid } = await lucia.validateSession(session.id);
    expect(valid?.fresh).toBe(true);
    const row = await db.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(soon.getTime() + 6 * 60 * 60 * 1000);
  });

  it("deletes one session, all of a user's sessions, and the expired ones", async () => {
    const lucia = createLucia(db.prisma, { secureCookies: false });
    const adapter = new PrismaSessionAdapter(db.prisma);
    await db.prisma.session.deleteMany({});
    const a = await lucia.createSession(officer.id, {});
    const b = await lucia.createSession(officer.id, {});
    expect((await lucia.getUserSessions(officer.id)).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());

    await lucia.invalidateSession(a.id);
    expect((await adapter.getUserSessions(officer.id)).map((s) => s.id)).toEqual([b.id]);

    await lucia.invalidateUserSessions(officer.id);
    expect(await db.prisma.session.count()).toBe(0);

    const live = await lucia.createSession(officer.id, {});
    const dead = await lucia.createSession(officer.id, {});
    await db.prisma.session.update({ where: { id: dead.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await lucia.deleteExpiredSessions();
    expect((await db.prisma.session.findMany()).map((s) => s.id)).toEqual([live.id]);
  });

  it("removes a user's sessions with the user (cascade)", async () => {
    const lucia = createLucia(db.prisma, { secureCookies: false });
    const founder = await makeUser(db, { role: "founder" });
    const session = await lucia.createSession(founder.id, {});
    await db.prisma.user.delete({ where: { id: founder.id } });
    expect(await db.prisma.session.count({ where: { id: session.id } })).toBe(0);
  });
});
