import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { freshDatabase } from "../../support/db";
import { createContext } from "../../../server/trpc/context";
import { createCaller } from "../../../server/trpc/root";
import {
  assertDepartmentScope,
  createCallerFactory,
  departmentProcedure,
  leaderProcedure,
  roleProcedure,
  router,
} from "../../../server/trpc/init";
import type { Database } from "../../../server/db/client";
import { makeDepartment, makeRequest, makeUser, sessionCookie } from "./support";

// A tiny router that exercises the guards the way capability routers use them.
const guarded = router({
  cityWide: leaderProcedure.query(() => "ok"),
  officersOnly: roleProcedure("officer").query(() => "ok"),
  department: departmentProcedure.input(z.object({ departmentId: z.number().int() })).query(({ ctx, input }) => {
    assertDepartmentScope(ctx.user, input.departmentId);
    return "ok";
  }),
});
const guardedCaller = createCallerFactory(guarded);

type Who = "admin" | "leader" | "officer" | "founder" | "anonymous";
type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN";

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) return error.code;
    throw error;
  }
}

describe("roles and scopes through createCaller", () => {
  let db: Database & { drop(): Promise<void> };
  const cookies = {} as Record<Who, string | undefined>;
  let ownDepartment: number;
  let otherDepartment: number;

  beforeAll(async () => {
    db = await freshDatabase();
    ownDepartment = (await makeDepartment(db, "SO-YT")).id;
    otherDepartment = (await makeDepartment(db, "SO-TNMT")).id;
    for (const role of ["admin", "leader", "officer", "founder"] as const) {
      const user = await makeUser(db, { role, email: `${role}@roles.test`, departmentCode: role === "officer" ? "SO-YT" : undefined });
      cookies[role] = await sessionCookie(db, user.email, user.password);
    }
    cookies.anonymous = undefined;
  });
  afterAll(async () => {
    await db.drop();
  });

  const contextFor = (who: Who) => createContext(makeRequest("http://civic.test/", { cookie: cookies[who] }), db);

  it("auth.me answers the signed-in user with role and scope, and null for anonymous", async () => {
    const officer = await createCaller(await contextFor("officer")).auth.me();
    expect(officer).toMatchObject({ email: "officer@roles.test", role: "officer", departmentId: ownDepartment });
    expect(await createCaller(await contextFor("leader")).auth.me()).toMatchObject({ role: "leader", departmentId: null });
    expect(await createCaller(await contextFor("anonymous")).auth.me()).toBeNull();
  });

  it("auth.me is null for a forged or logged-out session, and the stale cookie is cleared", async () => {
    const ctx = await createContext(makeRequest("http://civic.test/", { cookie: "civic_session=forged" }), db);
    expect(await createCaller(ctx).auth.me()).toBeNull();
    expect(ctx.resHeaders.get("set-cookie")).toMatch(/^civic_session=;/);
  });

  const table: [string, (who: Who) => Promise<Outcome>, Record<Who, Outcome>][] = [
    [
      "leaderProcedure",
      async (who) => outcome(async () => guardedCaller(await contextFor(who)).cityWide()),
      { admin: "ok", leader: "ok", officer: "FORBIDDEN", founder: "FORBIDDEN", anonymous: "UNAUTHORIZED" },
    ],
    [
      "roleProcedure('officer')",
      async (who) => outcome(async () => guardedCaller(await contextFor(who)).officersOnly()),
      { admin: "FORBIDDEN", leader: "FORBIDDEN", officer: "ok", founder: "FORBIDDEN", anonymous: "UNAUTHORIZED" },
    ],
    [
      "departmentProcedure + assertDepartmentScope, own department",
      async (who) => outcome(async () => guardedCaller(await contextFor(who)).department({ departmentId: ownDepartment })),
      { admin: "ok", leader: "ok", officer: "ok", founder: "FORBIDDEN", anonymous: "UNAUTHORIZED" },
    ],
    [
      "departmentProcedure + assertDepartmentScope, another department",
      async (who) => outcome(async () => guardedCaller(await contextFor(who)).department({ departmentId: otherDepartment })),
      { admin: "ok", leader: "ok", officer: "FORBIDDEN", founder: "FORBIDDEN", anonymous: "UNAUTHORIZED" },
    ],
  ];

  it.each(table)("%s allows and refuses the right roles", async (_name, call, expected) => {
    const actual = {} as Record<Who, Outcome>;
    for (const who of Object.keys(expected) as Who[]) actual[who] = await call(who);
    expect(actual).toEqual(expected);
  });

  it("assertDepartmentScope refuses a missing user outright", () => {
    expect(() => assertDepartmentScope(null, ownDepartment)).toThrow(expect.objectContaining({ code: "UNAUTHORIZED" }));
  });

  it("auth.login through the caller sets the cookie on the response; logout clears it", async () => {
    const user = await makeUser(db, { role: "leader" });
    const ctx = await contextFor("anonymous");
    await createCaller(ctx).auth.login({ email: user.email.toUpperCase(), password: user.password });
    const cookie = ctx.resHeaders.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^civic_session=[^;]+;/);

    const signedIn = await createContext(makeRequest("http://civic.test/", { cookie: cookie.split(";")[0] }), db);
    expect(await createCaller(signedIn).auth.me()).toMatchObject({ id: user.id });
    await createCaller(signedIn).auth.logout();
    expect(signedIn.resHeaders.get("set-cookie")).toMatch(/^civic_session=;/);

    const after = await createContext(makeRequest("http://civic.test/", { cookie: cookie.split(";")[0] }), db);
    expect(await createCaller(after).auth.me()).toBeNull();
  });

  it("auth.login through the caller: wrong password is UNAUTHORIZED, bad input is BAD_REQUEST", async () => {
    const caller = createCaller(await contextFor("anonymous"));
    await expect(caller.auth.login({ email: "leader@roles.test", password: "sai" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.auth.login({ email: "not-an-email", password: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("auth.setLocale needs a session, stores the choice and audits it", async () => {
    await expect(createCaller(await contextFor("anonymous")).auth.setLocale({ locale: "en" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const ctx = await contextFor("founder");
    await createCaller(ctx).auth.setLocale({ locale: "en" });
    const founder = await db.prisma.user.findUniqueOrThrow({ where: { email: "founder@roles.test" } });
    expect(founder.locale).toBe("en");
    expect(await db.prisma.auditLog.count({ where: { action: "user.set_locale", actorId: founder.id } })).toBe(1);
    // The stored preference decides the language when no cookie says otherwise.
    expect((await contextFor("founder")).locale).toBe("en");
  });
});
