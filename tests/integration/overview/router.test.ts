import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Session, User } from "lucia";
import { freshDatabase } from "../../support/db";
import type { Database } from "../../../server/db/client";
import type { Role } from "../../../server/db/generated/client";
import { createCaller } from "../../../server/trpc/root";
import { insertCity, insertDossiers, insertPayments } from "./dataset";

describe("overview router", () => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase();
    // Figures relative to the real clock: the procedures measure "now" themselves.
    const ids = await insertCity(db, new Date());
    await insertPayments(db, ids);
    await insertDossiers(db, ids);
  });
  afterAll(async () => {
    await db.drop();
  });

  function callerAs(role: Role | null) {
    const user: User | null = role
      ? { id: `u-${role}`, email: `${role}@test.vn`, name: role, role, departmentId: null, organisationId: null, locale: "vi" }
      : null;
    const session: Session | null = user ? { id: `s-${role}`, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), fresh: false } : null;
    return createCaller({ db, request: new Request("http://localhost/"), user, session, locale: "vi", ip: "test", resHeaders: new Headers() });
  }

  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
      return "OK";
    } catch (error) {
      if (error instanceof TRPCError) return error.code;
      throw error;
    }
  }

  it("answers leaders and admins", async () => {
    for (const role of ["leader", "admin"] as const) {
      const caller = callerAs(role);
      const kpis = await caller.overview.kpis();
      expect(kpis.households).toBe(7);
      expect(kpis.terminalsInstalled).toBe(5);
      expect(kpis.terminalsActive24h).toBe(3);
      const wards = await caller.overview.wardCoverage();
      expect(wards.map((w) => [w.code, w.coverage])).toEqual([["00001", 0.75], ["00002", 0.5], ["00003", null]]);
      const trend = await caller.overview.paymentsTrend();
      expect(trend.months).toHaveLength(12);
    }
  });

  it("refuses officers and founders, and asks anonymous visitors to sign in", async () => {
    for (const role of ["officer", "founder"] as const) {
      const caller = callerAs(role);
      expect(await codeOf(caller.overview.kpis())).toBe("FORBIDDEN");
      expect(await codeOf(caller.overview.wardCoverage())).toBe("FORBIDDEN");
      expect(await codeOf(caller.overview.paymentsTrend())).toBe("FORBIDDEN");
    }
    const anonymous = callerAs(null);
    expect(await codeOf(anonymous.overview.kpis())).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.overview.wardCoverage())).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.overview.paymentsTrend())).toBe("UNAUTHORIZED");
  });

  it("validates the trend window", async () => {
    const caller = callerAs("leader");
    expect((await caller.overview.paymentsTrend({ months: 3 })).months).toHaveLength(3);
    expect(await codeOf(caller.overview.paymentsTrend({ months: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.overview.paymentsTrend({ months: 2.5 }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.overview.paymentsTrend({ months: 37 }))).toBe("BAD_REQUEST");
  });
});
