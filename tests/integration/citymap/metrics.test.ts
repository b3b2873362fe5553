import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Session, User } from "lucia";
import { freshDatabase } from "../../support/db";
import type { Database } from "../../../server/db/client";
import type { Role } from "../../../server/db/generated/client";
import { seedCity } from "../../../prisma/seed/index";
import { silentProgress } from "../../../server/cli/progress";
import { createCaller } from "../../../server/trpc/root";

// The map's figures against our own SQL over the raw tables (payment, service_session, household,
// terminal) — not the rollups the procedures read — for a 30-day range of a seeded city.
describe("citymap.wardMetrics and citymap.unitDetail", () => {
  let db: Database & { drop(): Promise<void> };
  const now = new Date("2026-11-20T05:00:00Z");
  const range = { from: "2026-10-15", to: "2026-11-13" };

  function callerAs(role: Role | null) {
    const user: User | null = role ? { id: `u-${role}`, email: `${role}@test.vn`, name: role, role, departmentId: null, organisationId: null, locale: "vi" } : null;
    const session: Session | null = user ? { id: `s-${role}`, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), fresh: false } : null;
    return createCaller({ db, request: new Request("http://localhost/map"), user, session, locale: "vi", ip: "test", resHeaders: new Headers() });
  }

  /** Raw-table figures per current ward over the range (local days in Asia/Ho_Chi_Minh). */
  async function handFigures() {
    const rows = await db.prisma.$queryRawUnsafe<{ code: string; households: bigint; terminals: bigint; payments: bigint; amount: bigint; sessions: bigint; active_days: bigint }[]>(
      `WITH r AS (SELECT ($1::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS starts, ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS ends)
       SELECT u.code,
         (SELECT count(*) FROM household h WHERE h.ward_id = u.id) AS households,
         (SELECT count(*) FROM terminal t WHERE t.ward_id = u.id AND t.status = 'active') AS terminals,
         (SELECT count(*) FROM payment p, r WHERE p.ward_id = u.id AND p.status = 'success' AND p.at >= r.starts AND p.at < r.ends) AS payments,
         (SELECT coalesce(sum(amount_vnd), 0) FROM payment p, r WHERE p.ward_id = u.id AND p.status = 'success' AND p.at >= r.starts AND p.at < r.ends) AS amount,
         (SELECT count(*) FROM service_session s, r WHERE s.ward_id = u.id AND s.at >= r.starts AND s.at < r.ends) AS sessions,
         -- Raw heartbeats are kept for 24 h only, so past days' activity exists only as the rollup.
         (SELECT coalesce(sum(active_terminals), 0) FROM terminal_daily d WHERE d.ward_id = u.id AND d.day BETWEEN $1::date AND $2::date) AS active_days
       FROM admin_unit u WHERE u.level = 'ward' AND u.valid_to IS NULL ORDER BY u.code`,
      range.from,
      range.to,
    );
    return rows.map((r) => ({
      code: r.code,
      households: Number(r.households),
      terminals: Number(r.terminals),
      payments: Number(r.payments),
      amountVnd: Number(r.amount),
      sessions: Number(r.sessions),
      activeTerminalDays: Number(r.active_days),
    }));
  }

  beforeAll(async () => {
    db = await freshDatabase();
    await seedCity(db, { preset: "demo", seed: 1, households: 2000, progress: silentProgress, now });
  });
  afterAll(async () => {
    await db.drop();
  });

  it("2025 wards: every figure equals hand SQL over the raw tables, and the metrics follow from them", async () => {
    const result = await callerAs("leader").citymap.wardMetrics({ layer: "2025", level: "ward", ...range });
    const expected = await handFigures();
    expect(result.days).toBe(30);
    expect(result.units.map((u) => ({ code: u.code, ...u.figures }))).toEqual(expected);
    expect(expected.reduce((s, e) => s + e.payments, 0)).toBeGreaterThan(0);
    for (const unit of result.units) {
      const e = expected.find((x) => x.code === unit.code);
      if (!e) throw new Error(`no hand figures for ${unit.code}`);
      expect(unit.estimated).toBe(false);
      expect(unit.values.coverage).toBe(e.households ? e.terminals / e.households : null);
      expect(unit.values.paymentsPerHousehold).toBe(e.households ? e.payments / e.households : null);
      expect(unit.values.sessionsPerHousehold).toBe(e.households ? e.sessions / e.households : null);
      expect(unit.values.paymentsValue).toBe(e.amountVnd);
      expect(unit.values.activeShare).toBe(e.terminals ? e.activeTerminalDays / 30 / e.terminals : null);
    }
  });

  it("pre-2025 wards and districts carry the same city totals, each old ward a households share of its new ward", async () => {
    const caller = callerAs("admin");
    const current = await caller.citymap.wardMetrics({ layer: "2025", level: "ward", ...range });
    const old = await caller.citymap.wardMetrics({ layer: "pre2025", level: "ward", ...range });
    const districts = await caller.citymap.wardMetrics({ layer: "pre2025", level: "district", ...range });
    expect(old.units).toHaveLength(579);
    expect(districts.units).toHaveLength(30);
    for (const key of ["households", "terminals", "payments", "amountVnd", "sessions"] as const) {
      const total = current.units.reduce((s, u) => s + u.figures[key], 0);
      expect(old.units.reduce((s, u) => s + u.figures[key], 0)).toBeCloseTo(total, 3);
      expect(districts.units.reduce((s, u) => s + u.figures[key], 0)).toBeCloseTo(total, 3);
    }
    // The seed's old wards are whole parts of new wards: each gets hh(old) ÷ Σ hh(siblings) of its new ward.
    const [link] = await db.prisma.$queryRawUnsafe<{ old_code: string; new_code: string; share: number }[]>(
      `SELECT o.code AS old_code, n.code AS new_code, o.households::float8 / sum(o.households) OVER (PARTITION BY l.to_id) AS share
       FROM admin_unit_link l JOIN admin_unit o ON o.id = l.from_id JOIN admin_unit n ON n.id = l.to_id ORDER BY o.code LIMIT 1`,
    );
    const oldUnit = old.units.find((u) => u.code === link.old_code);
    const newUnit = current.units.find((u) => u.code === link.new_code);
    expect(oldUnit?.figures.payments).toBeCloseTo((newUnit?.figures.payments ?? NaN) * link.share, 6);
    expect(oldUnit?.estimated).toBe(true);
    // A district is the sum of its wards.
    const district = districts.units[0];
    const [{ codes }] = await db.prisma.$queryRawUnsafe<{ codes: string[] }[]>(
      `SELECT array_agg(w.code) AS codes FROM admin_unit w JOIN admin_unit d ON d.id = w.parent_id WHERE d.code = $1 AND d.level = 'district'`,
      district.code,
    );
    const sum = old.units.filter((u) => codes.includes(u.code)).reduce((s, u) => s + u.figures.amountVnd, 0);
    expect(district.figures.amountVnd).toBeCloseTo(sum, 3);
  });

  it("unitDetail of a 2025 ward equals the raw tables: KPIs, the series' sums and the top services", async () => {
    const code = "95007";
    const detail = await callerAs("leader").citymap.unitDetail({ layer: "2025", code, ...range });
    const [{ code: _code, ...hand }] = (await handFigures()).filter((e) => e.code === code);
    expect(detail.figures).toEqual(hand);
    expect(detail.bucket).toBe("day");
    expect(detail.series).toHaveLength(30);
    const seriesPayments = detail.series.reduce((s, p) => s + Object.values(p.payments).reduce((a, x) => a + x.count, 0), 0);
    expect(seriesPayments).toBe(hand.payments);
    const [active] = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM terminal t JOIN admin_unit u ON u.id = t.ward_id WHERE u.code = $1 AND u.valid_to IS NULL AND t.status = 'active' AND t.last_seen_at >= now() - make_interval(mins => $2)`,
      code,
      detail.inactivityMinutes,
    );
    expect(detail.activeNow).toBe(Number(active.n));
    const top = await db.prisma.$queryRawUnsafe<{ code: string; n: bigint }[]>(
      `SELECT ps.code, count(*) AS n FROM service_session s JOIN public_service ps ON ps.id = s.service_id JOIN admin_unit u ON u.id = s.ward_id
       WHERE u.code = $1 AND u.valid_to IS NULL
         AND s.at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AND s.at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
       GROUP BY ps.id, ps.code ORDER BY n DESC, ps.id LIMIT 8`,
      code,
      range.from,
      range.to,
    );
    expect(detail.topServices.map((s) => [s.code, s.sessions])).toEqual(top.map((t) => [t.code, Number(t.n)]));
    expect(detail.topServices.length).toBeGreaterThan(0);

    const year = await callerAs("leader").citymap.unitDetail({ layer: "2025", code, from: "2025-11-21", to: "2026-11-20" });
    expect(year.bucket).toBe("week");
    expect(year.series[0]).toMatchObject({ start: "2025-11-21", end: "2025-11-23", days: 3 });
    expect(year.series.reduce((s, p) => s + p.days, 0)).toBe(365);
  });

  it("only admins and leaders may read; anonymous callers must sign in", async () => {
    const input = { layer: "2025" as const, level: "ward" as const, ...range };
    const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));
    expect(await codeOf(callerAs(null).citymap.wardMetrics(input))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerAs("officer").citymap.wardMetrics(input))).toBe("FORBIDDEN");
    expect(await codeOf(callerAs("founder").citymap.unitDetail({ ...input, code: "95001" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerAs("officer").citymap.setup())).toBe("FORBIDDEN");
    expect(await codeOf(callerAs("leader").citymap.setup())).toBe("OK");
    expect(await codeOf(callerAs("leader").citymap.unitDetail({ ...input, code: "00000" }))).toBe("NOT_FOUND");
  });

  it("bad ranges and combinations are BAD_REQUEST with a message that says what to fix", async () => {
    const caller = callerAs("leader");
    const messageOf = (p: Promise<unknown>) =>
      p.then(
        () => "OK",
        (e: unknown) => (e instanceof TRPCError ? `${e.code}: ${(JSON.parse(e.message) as { message: string }[]).map((i) => i.message).join("; ")}` : String(e)),
      );
    expect(await messageOf(caller.citymap.wardMetrics({ layer: "2025", from: "2026-11-10", to: "2026-11-01" }))).toBe("BAD_REQUEST: from (2026-11-10) must be on or before to (2026-11-01)");
    expect(await messageOf(caller.citymap.wardMetrics({ layer: "2025", from: "2024-01-01", to: "2026-01-02" }))).toBe("BAD_REQUEST: the range covers 733 days; at most 731 (two years) are allowed");
    expect(await messageOf(caller.citymap.wardMetrics({ layer: "2025", from: "2026-02-30", to: "2026-03-01" }))).toBe("BAD_REQUEST: from is not a calendar date");
    expect(await messageOf(caller.citymap.wardMetrics({ layer: "2025", from: "26-02-01", to: "2026-03-01" }))).toBe("BAD_REQUEST: from must be a date written YYYY-MM-DD");
    expect(await messageOf(caller.citymap.wardMetrics({ layer: "2025", level: "district", ...range }))).toBe(
      "BAD_REQUEST: the 2025 layer has no districts: since 2025-07-01 wards report directly to the city; choose level ward or layer pre2025",
    );
    expect(await messageOf(caller.citymap.wardMetrics({ layer: "2025", from: "2024-11-21", to: "2026-11-20" }))).toBe("OK");
  });
});
