// Connectivity per terminal and per ward, and the ward metrics read from the rollups, on a town
// whose every figure is known.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import { connectivityByWard, terminalConnectivity } from "../../../server/terminals/connectivity";
import { wardMetrics } from "../../../server/terminals/ward-metrics";
import { decommissionTerminal } from "../../../server/terminals/provision";
import { registerHousehold } from "../../../server/terminals/register";
import { createIngestHandler } from "../../../server/ingest/handler";
import { buildTown, newTerminal, points, useTestTerminalKey, type TestTerminal, type Town } from "./town";
import { batch, heartbeat, payment, session, signedRequest } from "../ingest/client";

useTestTerminalKey();
const MIN = 60_000;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let town: Town;
// A fixed clock at local noon yesterday, so every event of the town falls on one local day.
const day = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
const now = Date.parse(`${day}T12:00:00+07:00`);
let t: Record<"fresh" | "stale" | "silent" | "retired" | "east", TestTerminal>;

beforeAll(async () => {
  db = await freshDatabase();
  town = await buildTown(db);
  const handler = createIngestHandler({ db, clock: () => now });
  t = {
    fresh: await newTerminal(db, points.west, 1),
    stale: await newTerminal(db, points.west, 2),
    silent: await newTerminal(db, points.west, 3),
    retired: await newTerminal(db, points.west, 4),
    east: await newTerminal(db, points.east, 5),
  };
  await registerHousehold(db, { ...points.west, address: "Số 6, no terminal" }, { kind: "system" });
  const send = async (terminal: TestTerminal, events: unknown[]) => expect((await handler(signedRequest(terminal, batch(events), { timestamp: Math.floor(now / 1000) }))).status).toBe(200);
  await send(t.fresh, [heartbeat(now - 20 * MIN), heartbeat(now - 5 * MIN), payment(now - 6 * MIN, { service: "electricity", amountVnd: 500_000 }), payment(now - 7 * MIN, { service: "water", amountVnd: 120_000 })]);
  await send(t.stale, [heartbeat(now - 40 * MIN), payment(now - 41 * MIN, { service: "electricity", amountVnd: 300_000, status: "failed" }), session(town.services.birth, now - 42 * MIN)]);
  await send(t.retired, [heartbeat(now - 2 * MIN)]);
  await decommissionTerminal(db, { terminalCode: t.retired.code }, { kind: "system" });
  await send(t.east, [heartbeat(now - 1 * MIN), payment(now - 3 * MIN, { service: "tuition", amountVnd: 2_000_000 })]);
});
afterAll(async () => {
  await db?.drop();
});

describe("connectivity", () => {
  it("per terminal: active within the timeout, then inactive since last activity + timeout; never before the first event", async () => {
    const at = new Date(now);
    expect(await terminalConnectivity(db, t.fresh.code, at)).toEqual({ code: t.fresh.code, status: "active", state: "active", lastActivityAt: new Date(now - 5 * MIN), offlineSince: null });
    expect(await terminalConnectivity(db, t.stale.code, at)).toEqual({ code: t.stale.code, status: "active", state: "inactive", lastActivityAt: new Date(now - 40 * MIN), offlineSince: new Date(now - 25 * MIN) });
    expect(await terminalConnectivity(db, t.silent.code, at)).toMatchObject({ status: "provisioned", state: "never", lastActivityAt: null, offlineSince: null });
    expect(await terminalConnectivity(db, t.stale.code, at, 60)).toMatchObject({ state: "active" });
  });

  it("per ward: installed terminals by state; retired ones are not counted; every current ward listed", async () => {
    const byWard = await connectivityByWard(db, new Date(now));
    expect(byWard).toEqual([
      { wardId: town.wards.west.id, wardCode: "99001", wardName: "Phường Tây", total: 3, active: 1, inactive: 1, neverSeen: 1 },
      { wardId: town.wards.east.id, wardCode: "99002", wardName: "Phường Đông", total: 1, active: 1, inactive: 0, neverSeen: 0 },
    ]);
    const later = await connectivityByWard(db, new Date(now + 60 * MIN));
    expect(later.map((w) => [w.active, w.inactive])).toEqual([[0, 2], [0, 1]]);
  });
});

describe("wardMetrics", () => {
  it("reads coverage, active share, payments per household and bill shares from the rollups", async () => {
    const metrics = await wardMetrics(db, { from: day, to: day, now: new Date(now) });
    const west = metrics.find((m) => m.wardCode === "99001")!;
    const east = metrics.find((m) => m.wardCode === "99002")!;
    // West: 5 households (4 with terminals, one retired), 3 installed terminals, 1 active.
    expect(west).toMatchObject({ households: 5, terminals: 3, activeTerminals: 1, coverage: 3 / 5, activeShare: 1 / 3, serviceSessions: 1 });
    expect(west.payments).toEqual({ count: 2, amountVnd: 620_000 });
    expect(west.byService.electricity).toEqual({ count: 1, amountVnd: 500_000 });
    expect(west.byService.water).toEqual({ count: 1, amountVnd: 120_000 });
    expect(west.paymentsPerHousehold).toBeCloseTo(2 / 5);
    expect(west.billShare.electricity).toBeCloseTo(1 / (5 * (1 / (365.2425 / 12))));
    expect(west.billShare.tuition).toBeNull();
    expect(east).toMatchObject({ households: 1, terminals: 1, activeTerminals: 1, coverage: 1, activeShare: 1, payments: { count: 1, amountVnd: 2_000_000 } });
    // Active terminals that day come from terminal_daily: 3 west terminals reported (one since retired), 1 east.
    expect(west.meanDailyActiveTerminals).toBe(3);
    expect(east.meanDailyActiveTerminals).toBe(1);
    // A range without any activity.
    const quiet = await wardMetrics(db, { from: "2020-01-01", to: "2020-01-31", now: new Date(now) });
    expect(quiet.find((m) => m.wardCode === "99001")).toMatchObject({ payments: { count: 0, amountVnd: 0 }, meanDailyActiveTerminals: 0, paymentsPerHousehold: 0 });
  });

  it("refuses a range that is not two dates in order", async () => {
    await expect(wardMetrics(db, { from: "2026-02-01", to: "2026-01-01", now: new Date() })).rejects.toThrow("from ≤ to");
  });
});
