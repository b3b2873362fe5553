// Issue 3's promise end to end: signed events sent to the device API show up in the map's ward
// figures; a replayed batch does not change them; a forged one is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session, User } from "lucia";
import { freshDatabase } from "../../support/db";
import { setDatabase } from "../../../server/db/instance";
import { createCaller } from "../../../server/trpc/root";
import { action } from "../../../app/routes/api.v1.terminals.events";
import { buildTown, newTerminal, points, useTestTerminalKey, type TestTerminal, type Town } from "../terminals/town";
import { batch, heartbeat, jsonOf, payment, session, signedRequest } from "./client";

useTestTerminalKey();

const hanoiDay = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date(ms));

describe("from a signed curl-style request to the leadership map", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let town: Town;
  let terminal: TestTerminal;
  const leader: User = { id: "u-leader", email: "leader@test.vn", name: "Leader", role: "leader", departmentId: null, organisationId: null, locale: "vi" };
  const leaderSession: Session = { id: "s-leader", userId: leader.id, expiresAt: new Date(Date.now() + 3_600_000), fresh: false };

  beforeAll(async () => {
    db = await freshDatabase();
    setDatabase(db);
    town = await buildTown(db);
    terminal = await newTerminal(db, points.west);
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function wardFigures() {
    const caller = createCaller({ db, request: new Request("http://localhost/map"), user: leader, session: leaderSession, locale: "vi", ip: "test", resHeaders: new Headers() });
    const result = await caller.citymap.wardMetrics({ layer: "2025", level: "ward", from: hanoiDay(Date.now() - 86_400_000), to: hanoiDay(Date.now() + 86_400_000) });
    const pick = (code: string) => {
      const unit = result.units.find((u) => u.code === code);
      if (!unit) throw new Error(`ward ${code} is missing from the map`);
      return { payments: unit.figures.payments, amountVnd: unit.figures.amountVnd, sessions: unit.figures.sessions };
    };
    return { west: pick(town.wards.west.code), east: pick(town.wards.east.code) };
  }

  const send = (request: Request) => action({ request, params: {}, context: {} }).then(jsonOf);

  it("counts an accepted batch once in its ward, ignores a replay and refuses a forgery", async () => {
    const before = await wardFigures();
    expect(before.west).toEqual({ payments: 0, amountVnd: 0, sessions: 0 });

    const body = batch([heartbeat(), payment(Date.now() - 2_000, { amountVnd: 412_000 }), session(town.services.birth)]);
    expect(await send(signedRequest(terminal, body))).toEqual({ status: 200, body: { accepted: 3, duplicates: 0 } });
    const after = await wardFigures();
    expect(after.west).toEqual({ payments: 1, amountVnd: 412_000, sessions: 1 });
    expect(after.east).toEqual(before.east);

    expect(await send(signedRequest(terminal, body))).toEqual({ status: 200, body: { accepted: 0, duplicates: 3 } });
    expect(await wardFigures()).toEqual(after);

    const forged = batch([payment(Date.now() - 1_000, { amountVnd: 9_000_000 })]);
    const refused = await send(signedRequest(terminal, forged, { secret: "0".repeat(64) }));
    expect(refused.status).toBe(401);
    expect(await wardFigures()).toEqual(after);
  });
});
