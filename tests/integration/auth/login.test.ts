import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import { login, logout } from "../../../server/auth/service";
import type { Database } from "../../../server/db/client";
import { makeRequest, makeUser, uniqueIp } from "./support";

describe("login", () => {
  let db: Database & { drop(): Promise<void> };
  let leader: { id: string; email: string; password: string };

  beforeAll(async () => {
    db = await freshDatabase();
    leader = await makeUser(db, { role: "leader", email: "lanh-dao@civic.test", password: "mat-khau-lanh-dao-1" });
  });
  afterAll(async () => {
    await db.drop();
  });

  it("with the right password sets an HttpOnly, SameSite=Lax session cookie, not Secure over http", async () => {
    const result = await login(db, makeRequest("http://civic.test/login"), { email: leader.email, password: leader.password });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.userId).toBe(leader.id);
    expect(result.setCookie).toMatch(/^civic_session=[^;]+;/);
    expect(result.setCookie).toMatch(/;\s*HttpOnly(;|$)/i);
    expect(result.setCookie).toMatch(/;\s*SameSite=Lax(;|$)/i);
    expect(result.setCookie).toMatch(/;\s*Path=\/(;|$)/i);
    expect(result.setCookie).not.toMatch(/;\s*Secure(;|$)/i);

    const sessionId = result.setCookie.split(";")[0].split("=")[1];
    const row = await db.prisma.session.findUnique({ where: { id: sessionId } });
    expect(row?.userId).toBe(leader.id);
    const audit = await db.prisma.auditLog.findFirst({ where: { action: "auth.login", actorId: leader.id } });
    expect(audit).toMatchObject({ actorKind: "user", entity: "user", entityId: leader.id });
  });

  it("timestamps its audit rows with the real time of the attempt", async () => {
    const ip = uniqueIp();
    await login(db, makeRequest(undefined, { ip }), { email: leader.email, password: "sai-mat-khau-2" });
    const [row] = await db.prisma.$queryRaw<{ seconds: number }[]>`
      SELECT abs(extract(epoch FROM now() - at))::float8 AS seconds FROM audit_log WHERE ip = ${ip}`;
    expect(row.seconds).toBeLessThan(60);
  });

  it("marks the cookie Secure when the request came over https", async () => {
    const result = await login(db, makeRequest("https://civic.test/login"), { email: leader.email, password: leader.password });
    expect(result.ok && result.setCookie).toMatch(/;\s*Secure(;|$)/i);
  });

  it("marks the cookie Secure behind a TLS-terminating proxy (X-Forwarded-Proto: https)", async () => {
    const behindProxy = makeRequest("http://127.0.0.1:3000/login", { headers: { "x-forwarded-proto": "https" } });
    const result = await login(db, behindProxy, { email: leader.email, password: leader.password });
    expect(result.ok && result.setCookie).toMatch(/;\s*Secure(;|$)/i);

    const plainProxy = makeRequest("http://127.0.0.1:3000/login", { headers: { "x-forwarded-proto": "http" } });
    const plain = await login(db, plainProxy, { email: leader.email, password: leader.password });
    expect(plain.ok && plain.setCookie).not.toMatch(/;\s*Secure(;|$)/i);
  });

  it("with a wrong password answers invalid, creates no session, and writes an audit row", async () => {
    const ip = uniqueIp();
    const sessionsBefore = await db.prisma.session.count();
    const result = await login(db, makeRequest(undefined, { ip }), { email: leader.email, password: "sai-mat-khau" });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await db.prisma.session.count()).toBe(sessionsBefore);
    const rows = await db.prisma.auditLog.findMany({ where: { action: "auth.login_failed", ip } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: "user", actorId: leader.id, entity: "user", entityId: leader.id, details: { email: leader.email } });
  });

  it("answers an unknown e-mail exactly like a wrong password, and audits it", async () => {
    const ip = uniqueIp();
    const result = await login(db, makeRequest(undefined, { ip }), { email: "khong-ton-tai@civic.test", password: "whatever-123" });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    const row = await db.prisma.auditLog.findFirst({ where: { action: "auth.login_failed", ip } });
    expect(row).toMatchObject({ actorId: null, details: { email: "khong-ton-tai@civic.test" } });
  });

  it("refuses the 11th attempt on an account within the window, even with the right password", async () => {
    const target = await makeUser(db, { role: "founder", password: "mat-khau-dung-123" });
    const ip = uniqueIp();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const result = await login(db, makeRequest(undefined, { ip }), { email: target.email, password: `sai-${attempt}` });
      expect(result, `attempt ${attempt}`).toEqual({ ok: false, reason: "invalid" });
    }
    const eleventh = await login(db, makeRequest(undefined, { ip }), { email: target.email, password: target.password });
    expect(eleventh.ok).toBe(false);
    if (eleventh.ok) return;
    expect(eleventh.reason).toBe("rate_limited");
    expect(eleventh.retryAfterSeconds).toBeGreaterThan(800);
    expect(eleventh.retryAfterSeconds).toBeLessThanOrEqual(900);
    // The limit is per account: changing address does not help.
    const elsewhere = await login(db, makeRequest(undefined, { ip: uniqueIp() }), { email: target.email, password: target.password });
    expect(elsewhere).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("limits one address trying many accounts", async () => {
    const ip = uniqueIp();
    const results = [];
    for (let i = 0; i < 51; i++) {
      results.push(await login(db, makeRequest(undefined, { ip }), { email: `doan-mo-${i}@civic.test`, password: "doan-bua" }));
    }
    expect(results.slice(0, 50).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[50]).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("does not count successful sign-ins against a shared office address", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 60; i++) {
      const result = await login(db, makeRequest(undefined, { ip }), { email: leader.email, password: leader.password });
      expect(result.ok, `sign-in ${i + 1}`).toBe(true);
    }
  });

  it("logout deletes the session, clears the cookie and writes an audit row", async () => {
    const result = await login(db, makeRequest(), { email: leader.email, password: leader.password });
    if (!result.ok) throw new Error("login failed");
    const sessionId = result.setCookie.split(";")[0].split("=")[1];
    const cleared = await logout(db, makeRequest(), sessionId, leader.id);
    expect(cleared).toMatch(/^civic_session=;/);
    expect(cleared).toMatch(/Max-Age=0/i);
    expect(await db.prisma.session.count({ where: { id: sessionId } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: "auth.logout", actorId: leader.id } })).toBe(1);
  });
});
