// The registry over tRPC, as the operator UI would call it once `terminals` is mounted in the root
// router: admins register and provision, leaders read, others are refused; registry errors keep
// their message and get the matching code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session, User } from "lucia";
import { freshDatabase } from "../../support/db";
import { createCallerFactory } from "../../../server/trpc/init";
import { terminalsRouter } from "../../../server/terminals/router";
import { buildTown, points, useTestTerminalKey } from "./town";

useTestTerminalKey();
let db: Awaited<ReturnType<typeof freshDatabase>>;
const person = (role: User["role"]): User => ({ id: `u-${role}`, email: `${role}@test.vn`, name: role, role, departmentId: null, organisationId: null, locale: "vi" });
const callerFor = (role: User["role"]) => {
  const user = person(role);
  const session: Session = { id: `s-${role}`, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), fresh: false };
  return createCallerFactory(terminalsRouter)({ db, request: new Request("http://localhost/"), user, session, locale: "vi", ip: "10.1.2.3", resHeaders: new Headers() });
};

beforeAll(async () => {
  db = await freshDatabase();
  await buildTown(db);
});
afterAll(async () => {
  await db?.drop();
});

describe("terminals router", () => {
  it("lets an admin register and provision, recording the user and address in the audit log", async () => {
    const admin = callerFor("admin");
    const household = await admin.registerHousehold({ ...points.west, address: "Số 1" });
    expect(household).toMatchObject({ wardCode: "99001" });
    const terminal = await admin.provision({ householdCode: household.code });
    expect(terminal.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.prisma.auditLog.findFirstOrThrow({ where: { action: "terminal.provision", entityId: terminal.code } })).toMatchObject({ actorKind: "user", actorId: "u-admin", ip: "10.1.2.3" });
    const leader = callerFor("leader");
    expect(await leader.state({ terminalCode: terminal.code })).toMatchObject({ state: "never", status: "provisioned" });
    expect((await leader.history({ terminalCode: terminal.code })).map((h) => h.toStatus)).toEqual(["provisioned"]);
    expect((await leader.connectivityByWard()).find((w) => w.wardCode === "99001")).toMatchObject({ total: 1, neverSeen: 1 });
  });

  it("maps registry errors to tRPC codes and refuses roles without the right", async () => {
    const admin = callerFor("admin");
    await expect(admin.registerHousehold({ ...points.outside, address: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/outside every current ward/) });
    await expect(admin.provision({ householdCode: "HN00000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor("leader").wardMetrics({ from: "2026-02-01", to: "2026-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor("leader").registerHousehold({ ...points.west, address: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor("officer").connectivityByWard()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("returns a refused CSV as a list of row errors, not as an exception", async () => {
    const result = await callerFor("admin").registerHouseholdsCsv({ csv: "address,lon,lat\n,1,2\n" });
    expect(result).toMatchObject({ ok: false, errors: [{ row: 2, field: "address" }] });
  });
});
