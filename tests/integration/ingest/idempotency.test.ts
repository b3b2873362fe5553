// Event ids are idempotency keys: retried, duplicated and concurrent identical batches are counted
// once, and the rollups kept current by ingestion always equal a GROUP BY over the raw facts —
// including events that arrive out of order across days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import { createIngestHandler, type IngestHandler } from "../../../server/ingest/handler";
import { defaultIngestConfig } from "../../../server/ingest/config";
import { buildTown, newTerminal, points, useTestTerminalKey, type TestTerminal, type Town } from "../terminals/town";
import { batch, heartbeat, jsonOf, payment, session, signedRequest } from "./client";

useTestTerminalKey();
let db: Awaited<ReturnType<typeof freshDatabase>>;
let town: Town;
let handler: IngestHandler;

beforeAll(async () => {
  db = await freshDatabase();
  town = await buildTown(db);
  handler = createIngestHandler({ db, config: { ...defaultIngestConfig, rateBurst: 100_000 } });
});
afterAll(async () => {
  await db?.drop();
});

const send = async (t: TestTerminal, events: unknown[]) => jsonOf(await handler(signedRequest(t, batch(events))));

async function rollups() {
  const payments = await db.prisma.$queryRawUnsafe<{ ward_id: number; day: string; service: string; count: number; amount: string }[]>(
    `SELECT ward_id, day::text, service::text, count, amount_vnd::text AS amount FROM payment_daily ORDER BY 1, 2, 3`,
  );
  const terminals = await db.prisma.$queryRawUnsafe<{ ward_id: number; day: string; active: number; heartbeats: number; sessions: number }[]>(
    `SELECT ward_id, day::text, active_terminals AS active, heartbeats, service_sessions AS sessions FROM terminal_daily ORDER BY 1, 2`,
  );
  return { payments, terminals };
}

/** The rollups recomputed from the raw facts, the way the seed builds them. */
async function groupByOverFacts() {
  const tz = "'Asia/Ho_Chi_Minh'";
  const payments = await db.prisma.$queryRawUnsafe<{ ward_id: number; day: string; service: string; count: number; amount: string }[]>(`
    SELECT ward_id, (at AT TIME ZONE ${tz})::date::text AS day, service::text, count(*)::int AS count, sum(amount_vnd)::text AS amount
    FROM payment WHERE status = 'success' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  const terminals = await db.prisma.$queryRawUnsafe<{ ward_id: number; day: string; active: number; heartbeats: number; sessions: number }[]>(`
    WITH facts AS (
      SELECT ward_id, terminal_id, (at AT TIME ZONE ${tz})::date AS day, 1 AS h, 0 AS s FROM heartbeat
      UNION ALL SELECT ward_id, terminal_id, (at AT TIME ZONE ${tz})::date, 0, 0 FROM payment
      UNION ALL SELECT ward_id, terminal_id, (at AT TIME ZONE ${tz})::date, 0, 1 FROM service_session
    )
    SELECT ward_id, day::text, count(DISTINCT terminal_id)::int AS active, sum(h)::int AS heartbeats, sum(s)::int AS sessions
    FROM facts GROUP BY 1, 2 ORDER BY 1, 2`);
  return { payments, terminals };
}

async function rawCount(): Promise<number> {
  const [row] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT ((SELECT count(*) FROM heartbeat) + (SELECT count(*) FROM payment) + (SELECT count(*) FROM service_session))::int AS n`,
  );
  return row.n;
}

describe("idempotency", () => {
  it("a replayed batch is acknowledged as duplicates and changes neither facts nor rollups", async () => {
    const t = await newTerminal(db, points.west);
    const events = [heartbeat(), payment(), payment(Date.now() - 5_000, { status: "failed" }), session(town.services.birth)];
    expect(await send(t, events)).toEqual({ status: 200, body: { accepted: 4, duplicates: 0 } });
    const facts = await rawCount();
    const before = await rollups();
    expect(await send(t, events)).toEqual({ status: 200, body: { accepted: 0, duplicates: 4 } });
    // A retry that mixes old and new events: only the new one counts.
    expect(await send(t, [...events, heartbeat()])).toEqual({ status: 200, body: { accepted: 1, duplicates: 4 } });
    expect(await rawCount()).toBe(facts + 1);
    const after = await rollups();
    expect(after.payments).toEqual(before.payments);
    expect(after.terminals.map((r) => r.heartbeats)).toEqual(before.terminals.map((r) => r.heartbeats + 1));
    expect(after.terminals.map((r) => r.active)).toEqual(before.terminals.map((r) => r.active));
  });

  it("a duplicate id inside one batch is acknowledged and counted once", async () => {
    const t = await newTerminal(db, points.west, 1);
    const p = payment();
    expect(await send(t, [p, p, { ...p, amountVnd: 999 }])).toEqual({ status: 200, body: { accepted: 1, duplicates: 2 } });
    const [row] = await db.prisma.$queryRawUnsafe<{ n: number; amount: string }[]>(`SELECT count(*)::int AS n, max(amount_vnd)::text AS amount FROM payment WHERE event_id = $1::uuid`, p.id);
    expect(row).toEqual({ n: 1, amount: "412000" });
  });

  it("identical batches arriving concurrently are counted once", async () => {
    const t = await newTerminal(db, points.east, 2);
    const events = Array.from({ length: 50 }, (_, i) => (i % 2 ? payment(Date.now() - i * 1000) : heartbeat(Date.now() - i * 1000)));
    const body = batch(events);
    const before = await rawCount();
    const answers = await Promise.all(Array.from({ length: 6 }, () => handler(signedRequest(t, body)).then(jsonOf)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.reduce((sum, a) => sum + (a.body.accepted as number), 0)).toBe(50);
    expect(answers.reduce((sum, a) => sum + (a.body.duplicates as number), 0)).toBe(250);
    expect(await rawCount()).toBe(before + 50);
    expect(await rollups()).toEqual(await groupByOverFacts());
  });
});

describe("lifecycle on first contact", () => {
  it("a provisioned terminal becomes active with its first accepted event, recorded once", async () => {
    const t = await newTerminal(db, points.east, 3);
    const first = Date.now() - 60_000;
    await Promise.all([send(t, [heartbeat(first)]), send(t, [heartbeat(first + 1000)])]);
    const terminal = await db.prisma.terminal.findUniqueOrThrow({ where: { code: t.code }, include: { statusChanges: { orderBy: { id: "asc" } } } });
    expect(terminal.status).toBe("active");
    expect(terminal.lastSeenAt?.getTime()).toBe(first + 1000);
    expect(terminal.installedAt?.getTime()).toBeGreaterThanOrEqual(first);
    expect(terminal.statusChanges.map((c) => [c.fromStatus, c.toStatus, c.actorKind, c.actorId])).toEqual([
      [null, "provisioned", "system", null],
      ["provisioned", "active", "device", t.code],
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: "terminal.activate", entityId: t.code } })).toBe(1);
    // last_seen_at never moves back when older events arrive late.
    await send(t, [heartbeat(first - 3_600_000)]);
    expect((await db.prisma.terminal.findUniqueOrThrow({ where: { code: t.code } })).lastSeenAt?.getTime()).toBe(first + 1000);
  });
});

describe("rollups kept current", () => {
  it("equal a GROUP BY over the raw facts after out-of-order, multi-day, replayed traffic", async () => {
    const day = 86_400_000;
    const now = Date.now();
    const terminals = [await newTerminal(db, points.west, 10), await newTerminal(db, points.west, 11), await newTerminal(db, points.east, 12)];
    // A deterministic pseudo-random mix: each terminal reports over the last 20 days, newest first
    // for some batches (a terminal flushing its backlog) and oldest first for others.
    let state = 12345;
    const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const sent: { t: TestTerminal; events: unknown[] }[] = [];
    for (let round = 0; round < 12; round++) {
      for (const t of terminals) {
        const events = Array.from({ length: 5 + Math.floor(rand() * 20) }, () => {
          const at = now - Math.floor(rand() * 20 * day);
          const r = rand();
          if (r < 0.45) return heartbeat(at);
          if (r < 0.85) return payment(at, { service: ["tuition", "electricity", "water", "fee", "other"][Math.floor(rand() * 5)], amountVnd: 1 + Math.floor(rand() * 3_000_000), status: rand() < 0.8 ? "success" : rand() < 0.5 ? "failed" : "pending" });
          return session(rand() < 0.5 ? town.services.birth : town.services.residence, at);
        });
        if (round % 3 === 0) events.sort((a, b) => ((a as { at: string }).at < (b as { at: string }).at ? 1 : -1));
        expect((await send(t, events)).status).toBe(200);
        sent.push({ t, events });
      }
    }
    const expected = await groupByOverFacts();
    expect(expected.terminals.length).toBeGreaterThan(20);
    expect(await rollups()).toEqual(expected);
    // Replaying a third of the traffic changes nothing.
    for (const { t, events } of sent.filter((_, i) => i % 3 === 0)) expect((await send(t, events)).body.accepted).toBe(0);
    expect(await rollups()).toEqual(expected);
  });
});
