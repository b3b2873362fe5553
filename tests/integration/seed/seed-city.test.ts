// The generated city, checked against its own raw tables: geography, households inside their wards,
// terminal codes, rollups equal to GROUP BY over the raw data, seasons, accounts, refusal to re-seed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon } from "geojson";
import { freshDatabase } from "../../support/db";
import { seedCity, SeedRefusedError, type SeedSummary } from "../../../prisma/seed/index";
import { isValidTerminalCode } from "../../../server/terminals/code";
import { verifyPassword } from "../../../server/auth/password";
import { silentProgress } from "../../../server/cli/progress";

const now = new Date("2026-11-26T06:00:00Z");
const HOUSEHOLDS = 3_000;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let summary: SeedSummary;

async function rows<T>(sql: string): Promise<T[]> {
  return db.prisma.$queryRawUnsafe<T[]>(sql);
}

beforeAll(async () => {
  db = await freshDatabase();
  summary = await seedCity(db, { preset: "demo", seed: 7, progress: silentProgress, now, households: HOUSEHOLDS, organisations: 60 });
});
afterAll(async () => {
  await db?.drop();
});

describe("geography", () => {
  it("has the city, 30 districts, 579 old wards and 126 current wards", async () => {
    const counts = await rows<{ level: string; current: boolean; n: number }>(
      `SELECT level::text, valid_to IS NULL AS current, count(*)::int AS n FROM admin_unit GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(counts).toEqual([
      { level: "city", current: true, n: 1 },
      { level: "district", current: false, n: 30 },
      { level: "ward", current: false, n: 579 },
      { level: "ward", current: true, n: 126 },
    ]);
    const [city] = await rows<{ code: string; name: string; type: string; valid_from: string }>(`SELECT code, name, type::text, valid_from::text FROM admin_unit WHERE level = 'city'`);
    expect(city).toEqual({ code: "01", name: "Thành phố Hà Nội", type: "thanh_pho", valid_from: "2008-08-01" });
    const [hd] = await rows<{ name: string; type: string; valid_to: string }>(`SELECT name, type::text, valid_to::text FROM admin_unit WHERE code = '268'`);
    expect(hd).toEqual({ name: "Quận Hà Đông", type: "quan", valid_to: "2025-06-30" });
  });

  it("links every old ward to exactly one current ward, in full", async () => {
    const [r] = await rows<{ old: number; linked: number; multi: number; kinds: string }>(`
      SELECT (SELECT count(*) FROM admin_unit WHERE level = 'ward' AND valid_to IS NOT NULL)::int AS old,
             (SELECT count(DISTINCT from_id) FROM admin_unit_link)::int AS linked,
             (SELECT count(*) FROM (SELECT from_id FROM admin_unit_link GROUP BY from_id HAVING count(*) > 1) m)::int AS multi,
             (SELECT string_agg(DISTINCT kind::text, ',') FROM admin_unit_link) AS kinds`);
    expect(r).toEqual({ old: 579, linked: 579, multi: 0, kinds: "full" });
    const [bad] = await rows<{ n: number }>(`
      SELECT count(*)::int AS n FROM admin_unit_link l JOIN admin_unit t ON t.id = l.to_id WHERE t.valid_to IS NOT NULL OR t.valid_from <> DATE '2025-07-01'`);
    expect(bad.n).toBe(0);
  });

  it("stores GeoJSON with 5-decimal coordinates, a centre inside, an area and ascii names", async () => {
    const units = await rows<{ name: string; name_ascii: string; geometry: Polygon | MultiPolygon; center_lon: number; center_lat: number; area_km2: number; min_lon: number; max_lat: number; source: string }>(
      `SELECT name, name_ascii, geometry, center_lon, center_lat, area_km2, min_lon, max_lat, source FROM admin_unit WHERE level = 'ward'`,
    );
    for (const u of units) {
      expect(["Polygon", "MultiPolygon"]).toContain(u.geometry.type);
      const flat = JSON.stringify(u.geometry.coordinates).match(/-?\d+\.\d+/g) ?? [];
      for (const n of flat) expect(n.split(".")[1].length).toBeLessThanOrEqual(5);
      expect(booleanPointInPolygon([u.center_lon, u.center_lat], u.geometry)).toBe(true);
      expect(u.area_km2).toBeGreaterThan(0);
      expect(u.min_lon).toBeGreaterThanOrEqual(105.28);
      expect(u.max_lat).toBeLessThanOrEqual(21.39);
      expect(u.name_ascii).toMatch(/^[a-z0-9 ()\-]+$/);
      expect(u.source).toBe("synthetic");
    }
    const [area] = await rows<{ city: number; wards: number }>(
      `SELECT (SELECT area_km2 FROM admin_unit WHERE level = 'city') AS city, (SELECT sum(area_km2) FROM admin_unit WHERE level = 'ward' AND valid_to IS NULL) AS wards`,
    );
    expect(area.wards / area.city).toBeCloseTo(1, 2);
    expect(area.city).toBeGreaterThan(3000);
    expect(area.city).toBeLessThan(4200);
  });
});

describe("households and terminals", () => {
  it("places every household inside its (current) ward polygon", async () => {
    const wards = new Map(
      (await rows<{ id: number; geometry: Polygon | MultiPolygon }>(`SELECT id, geometry FROM admin_unit WHERE level = 'ward' AND valid_to IS NULL`)).map((w) => [w.id, w.geometry]),
    );
    const households = await rows<{ code: string; lon: number; lat: number; ward_id: number }>(`SELECT code, lon, lat, ward_id FROM household`);
    expect(households).toHaveLength(HOUSEHOLDS);
    const outside = households.filter((h) => !booleanPointInPolygon([h.lon, h.lat], wards.get(h.ward_id)!));
    expect(outside).toEqual([]);
    for (const h of households) expect(h.code).toMatch(/^HN\d{8}$/);
  });

  it("gives ~88 % of households a terminal with a valid, unique code and SIM details", async () => {
    const terminals = await rows<{ code: string; secret: string; sim_operator: string; sim_iccid: string; sim_msisdn: string; status: string }>(
      `SELECT code, secret, sim_operator, sim_iccid, sim_msisdn, status::text FROM terminal`,
    );
    const [withTerminal] = await rows<{ n: number }>(`SELECT count(DISTINCT household_id)::int AS n FROM terminal`);
    expect(withTerminal.n / HOUSEHOLDS).toBeGreaterThan(0.85);
    expect(withTerminal.n / HOUSEHOLDS).toBeLessThan(0.91);
    expect(new Set(terminals.map((t) => t.code)).size).toBe(terminals.length);
    for (const t of terminals) {
      expect(isValidTerminalCode(t.code)).toBe(true);
      expect(t.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(["Viettel", "VinaPhone", "MobiFone"]).toContain(t.sim_operator);
      expect(t.sim_iccid).toMatch(/^8984\d{15}$/);
      expect(t.sim_msisdn).toMatch(/^84\d{9}$/);
    }
    const retired = terminals.filter((t) => t.status === "replaced" || t.status === "decommissioned").length;
    expect(retired / terminals.length).toBeGreaterThan(0.01);
    expect(retired / terminals.length).toBeLessThan(0.1);
  });

  it("has no active terminal last seen between 6 h and 72 h ago, and ~92 % seen in the last 6 h", async () => {
    const [r] = await rows<{ recent: number; gap: number; total: number }>(`
      SELECT count(*) FILTER (WHERE last_seen_at >= TIMESTAMPTZ '${now.toISOString()}' - INTERVAL '6 hours')::int AS recent,
             count(*) FILTER (WHERE last_seen_at < TIMESTAMPTZ '${now.toISOString()}' - INTERVAL '6 hours'
                                AND last_seen_at >= TIMESTAMPTZ '${now.toISOString()}' - INTERVAL '72 hours')::int AS gap,
             count(*)::int AS total
      FROM terminal WHERE status = 'active'`);
    expect(r.gap).toBe(0);
    expect(r.recent / r.total).toBeGreaterThan(0.88);
    expect(r.recent / r.total).toBeLessThan(0.97);
    const [late] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM terminal WHERE last_seen_at > TIMESTAMPTZ '${now.toISOString()}'`);
    expect(late.n).toBe(0);
  });
});

describe("activity and rollups", () => {
  it("payment_daily equals the successful payments grouped by ward, local day and service", async () => {
    const [diff] = await rows<{ n: number; raw: number }>(`
      WITH raw AS (
        SELECT ward_id, (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, service, count(*)::int AS count, sum(amount_vnd)::bigint AS amount_vnd
        FROM payment WHERE status = 'success' GROUP BY 1, 2, 3
      )
      SELECT (SELECT count(*) FROM (
                (SELECT ward_id, day, service, count, amount_vnd FROM raw EXCEPT SELECT ward_id, day, service, count, amount_vnd FROM payment_daily)
                UNION ALL
                (SELECT ward_id, day, service, count, amount_vnd FROM payment_daily EXCEPT SELECT ward_id, day, service, count, amount_vnd FROM raw)) d)::int AS n,
             (SELECT count(*) FROM raw)::int AS raw`);
    expect(diff.raw).toBeGreaterThan(1000);
    expect(diff.n).toBe(0);
  });

  it("terminal_daily counts sessions for every day and today's heartbeats from the raw table", async () => {
    const [sessions] = await rows<{ n: number }>(`
      WITH raw AS (SELECT ward_id, (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, count(*)::int AS c FROM service_session GROUP BY 1, 2)
      SELECT count(*)::int AS n FROM raw FULL JOIN (SELECT ward_id, day, service_sessions FROM terminal_daily WHERE service_sessions > 0) t USING (ward_id, day)
      WHERE raw.c IS DISTINCT FROM t.service_sessions`);
    expect(sessions.n).toBe(0);
    const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const [beats] = await rows<{ n: number; raw: number }>(`
      WITH raw AS (SELECT ward_id, count(DISTINCT terminal_id)::int AS a, count(*)::int AS h FROM heartbeat
                   WHERE (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = DATE '${today}' GROUP BY 1),
           tail AS (SELECT * FROM terminal_daily WHERE day = DATE '${today}' AND active_terminals > 0)
      SELECT count(*) FILTER (WHERE raw.a IS DISTINCT FROM tail.active_terminals OR raw.h IS DISTINCT FROM tail.heartbeats)::int AS n,
             coalesce(sum(raw.h), 0)::int AS raw
      FROM raw FULL JOIN tail USING (ward_id)`);
    expect(beats.raw).toBeGreaterThan(0);
    expect(beats.n).toBe(0);
    // Yesterday is the synthesised nightly rollup: at least as many terminals as its raw remainder shows.
    const [yesterday] = await rows<{ short: number }>(`
      WITH raw AS (SELECT ward_id, count(DISTINCT terminal_id)::int AS a FROM heartbeat
                   WHERE (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = DATE '${today}' - 1 GROUP BY 1)
      SELECT count(*)::int AS short FROM raw LEFT JOIN terminal_daily t ON t.ward_id = raw.ward_id AND t.day = DATE '${today}' - 1
      WHERE coalesce(t.active_terminals, 0) < raw.a * 0.9`);
    expect(yesterday.short).toBe(0);
    const [old] = await rows<{ beats: number }>(
      `SELECT count(*)::int AS beats FROM heartbeat WHERE at < TIMESTAMPTZ '${now.toISOString()}' - INTERVAL '24 hours'`,
    );
    expect(old.beats).toBe(0);
    const [history] = await rows<{ days: number }>(`SELECT count(DISTINCT day)::int AS days FROM terminal_daily WHERE active_terminals > 0`);
    expect(history.days).toBeGreaterThan(300);
  });

  it("has seasons: electricity dearer in summer, tuition peaking in September, adoption rising", async () => {
    const months = await rows<{ month: number; service: string; n: number; avg: number }>(`
      SELECT extract(month FROM at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS month, service::text, count(*)::int AS n, avg(amount_vnd)::float AS avg
      FROM payment WHERE status = 'success' GROUP BY 1, 2`);
    const get = (service: string, m: number) => months.find((r) => r.service === service && r.month === m)!;
    const summer = [6, 7, 8].map((m) => get("electricity", m).avg);
    const winter = [12, 1, 2].map((m) => get("electricity", m).avg);
    expect(Math.min(...summer)).toBeGreaterThan(Math.max(...winter) * 1.3);
    const tuition = months.filter((r) => r.service === "tuition").sort((a, b) => b.n - a.n);
    expect(tuition[0].month).toBe(9);
    const amounts = await rows<{ service: string; lo: number; hi: number }>(`SELECT service::text, min(amount_vnd)::float AS lo, max(amount_vnd)::float AS hi FROM payment GROUP BY 1`);
    const range = (s: string) => amounts.find((a) => a.service === s)!;
    expect(range("electricity").lo).toBeGreaterThanOrEqual(300_000);
    expect(range("electricity").hi).toBeLessThanOrEqual(2_500_000);
    expect(range("water").lo).toBeGreaterThanOrEqual(80_000);
    expect(range("water").hi).toBeLessThanOrEqual(400_000);
    const [status] = await rows<{ ok: number }>(`SELECT avg((status = 'success')::int)::float AS ok FROM payment`);
    expect(status.ok).toBeGreaterThan(0.95);
    expect(status.ok).toBeLessThan(0.99);
    const [trend] = await rows<{ early: number; late: number }>(`
      SELECT count(*) FILTER (WHERE at < TIMESTAMPTZ '${now.toISOString()}' - INTERVAL '300 days')::int AS early,
             count(*) FILTER (WHERE at >= TIMESTAMPTZ '${now.toISOString()}' - INTERVAL '65 days' AND at < TIMESTAMPTZ '${now.toISOString()}' - INTERVAL '30 days')::int AS late
      FROM payment WHERE service = 'electricity'`);
    expect(trend.late).toBeGreaterThan(trend.early * 1.5);
  });

  it("writes 3 dossiers per household with a rising online share and consistent fields", async () => {
    const [d] = await rows<{ n: number; early: number; late: number; terminal_no_code: number; bad_due: number; resolved_late_share: number }>(`
      SELECT count(*)::int AS n,
             avg((channel = 'online')::int) FILTER (WHERE received_at < TIMESTAMPTZ '${now.toISOString()}' - INTERVAL '270 days')::float AS early,
             avg((channel = 'online')::int) FILTER (WHERE received_at >= TIMESTAMPTZ '${now.toISOString()}' - INTERVAL '90 days')::float AS late,
             count(*) FILTER (WHERE channel = 'terminal' AND household_code IS NULL)::int AS terminal_no_code,
             count(*) FILTER (WHERE due_at <= received_at OR (resolved_at IS NOT NULL AND resolved_at < received_at))::int AS bad_due,
             avg((resolved_at > due_at)::int) FILTER (WHERE status = 'resolved')::float AS resolved_late_share
      FROM dossier`);
    expect(d.n).toBe(HOUSEHOLDS * 3);
    expect(d.late).toBeGreaterThan(d.early + 0.1);
    expect(d.terminal_no_code).toBe(0);
    expect(d.bad_due).toBe(0);
    expect(d.resolved_late_share).toBeLessThan(0.2);
    const [fk] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM dossier d WHERE d.household_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM household h WHERE h.code = d.household_code)`);
    expect(fk.n).toBe(0);
  });
});

describe("reference data, accounts and audit", () => {
  it("has departments, ward committees, services, datasets and organisations", async () => {
    const [r] = await rows<{ depts: number; committees: number; services: number; datasets: number; updates: number; orgs: number; approved: number }>(`
      SELECT (SELECT count(*) FROM department WHERE kind = 'department')::int AS depts,
             (SELECT count(*) FROM department d JOIN admin_unit u ON u.id = d.unit_id WHERE d.kind = 'ward_committee' AND u.valid_to IS NULL)::int AS committees,
             (SELECT count(*) FROM public_service)::int AS services,
             (SELECT count(*) FROM dataset)::int AS datasets,
             (SELECT count(*) FROM dataset_update)::int AS updates,
             (SELECT count(*) FROM organisation)::int AS orgs,
             (SELECT count(*) FROM organisation WHERE status = 'approved')::int AS approved`);
    expect(r.depts).toBeGreaterThanOrEqual(15);
    expect(r.committees).toBe(126);
    expect(r.services).toBeGreaterThanOrEqual(40);
    expect(r.datasets).toBe(8);
    expect(r.updates).toBeGreaterThan(300);
    expect(r.orgs).toBe(60);
    expect(r.approved / r.orgs).toBeGreaterThan(0.6);
  });

  it("creates one account per role with working passwords, and one audit row", async () => {
    expect(summary.accounts.map((a) => a.role).sort()).toEqual(["admin", "founder", "leader", "officer"]);
    for (const account of summary.accounts) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
      if (account.role === "officer") expect(user.departmentId).not.toBeNull();
      if (account.role === "founder") expect(user.organisationId).not.toBeNull();
    }
    const audit = await db.prisma.auditLog.findMany({ where: { action: "seed.city" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorKind).toBe("system");
  });

  it("keeps the schema's indexes after the bulk load", async () => {
    const [r] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname IN ('payment_event_id_key', 'payment_ward_id_at_idx', 'household_code_key', 'terminal_code_key', 'heartbeat_event_id_key', 'dossier_ward_id_received_at_idx')`);
    expect(r.n).toBe(6);
  });

  it("refuses to seed a database that already has data, and changes nothing", async () => {
    const before = await db.prisma.household.count();
    await expect(seedCity(db, { preset: "demo", seed: 8, progress: silentProgress, now, households: 100 })).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await db.prisma.household.count()).toBe(before);
    expect(await db.prisma.auditLog.count({ where: { action: "seed.city" } })).toBe(1);
  });
});
