// Group commit: batches of different terminals waiting at the same time are written by one
// statement, each still getting its own outcome; a batch that cannot be written does not take the
// others of its group down with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { freshDatabase } from "../../support/db";
import { BatchWriter } from "../../../server/ingest/batch-writer";
import type { DeviceEvent } from "../../../server/ingest/events";
import { createIngestHandler } from "../../../server/ingest/handler";
import { defaultIngestConfig } from "../../../server/ingest/config";
import { buildTown, newTerminal, points, useTestTerminalKey, type TestTerminal } from "../terminals/town";
import { batch, heartbeat, jsonOf, payment, signedRequest } from "./client";

useTestTerminalKey();
let db: Awaited<ReturnType<typeof freshDatabase>>;
let terminals: TestTerminal[];
let ids: number[];

beforeAll(async () => {
  db = await freshDatabase();
  await buildTown(db);
  terminals = [];
  for (let i = 0; i < 6; i++) terminals.push(await newTerminal(db, i % 2 ? points.east : points.west, i));
  ids = (await db.prisma.terminal.findMany({ where: { code: { in: terminals.map((t) => t.code) } }, orderBy: { id: "asc" }, select: { id: true } })).map((t) => t.id);
});
afterAll(async () => {
  await db?.drop();
});

const beats = (n: number, at = Date.now() - 1000): DeviceEvent[] =>
  Array.from({ length: n }, () => ({ type: "heartbeat", id: randomUUID(), at, signalDbm: null, mccMnc: null, firmware: null }));

describe("BatchWriter", () => {
  it("writes the batches waiting together in one statement, one outcome per batch, never two of one terminal together", async () => {
    const writer = new BatchWriter(db, { maxInFlight: 1, maxEventsPerStatement: 1_000, lingerMs: 0 });
    const repeated = beats(3);
    const outcomes = await Promise.all([
      writer.write({ terminalId: ids[0], events: beats(5) }),
      writer.write({ terminalId: ids[1], events: beats(7) }),
      writer.write({ terminalId: ids[2], events: repeated }),
      writer.write({ terminalId: ids[2], events: repeated }),
      writer.write({ terminalId: ids[3], events: beats(2) }),
    ]);
    expect(outcomes).toEqual([
      { terminalLive: true, accepted: 5 },
      { terminalLive: true, accepted: 7 },
      { terminalLive: true, accepted: 3 },
      { terminalLive: true, accepted: 0 },
      { terminalLive: true, accepted: 2 },
    ]);
    // The first goes out alone; the next three terminals share a statement; terminal 3's second batch waits for its own.
    expect(writer.stats).toEqual({ statements: 3, batches: 5 });
  });

  it("lets the requests already received join a statement when lingering", async () => {
    const writer = new BatchWriter(db, { maxInFlight: 1, maxEventsPerStatement: 1_000, lingerMs: 5 });
    const outcomes = await Promise.all(ids.slice(0, 4).map((terminalId) => writer.write({ terminalId, events: beats(10) })));
    expect(outcomes.every((o) => o.accepted === 10)).toBe(true);
    expect(writer.stats).toEqual({ statements: 1, batches: 4 });
  });

  it("isolates a failing batch: the others of its group are written, only it fails", async () => {
    const writer = new BatchWriter(db, { maxInFlight: 1, maxEventsPerStatement: 1_000, lingerMs: 5 });
    const poisoned: DeviceEvent[] = [{ type: "service_session", id: randomUUID(), at: Date.now() - 1000, serviceId: 2_000_000_000, durationSec: 2_000_000_000_000 }];
    const results = await Promise.allSettled([
      writer.write({ terminalId: ids[4], events: beats(4) }),
      writer.write({ terminalId: ids[5], events: poisoned }),
      writer.write({ terminalId: ids[0], events: beats(6) }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(results[0]).toMatchObject({ value: { accepted: 4 } });
    expect(results[2]).toMatchObject({ value: { accepted: 6 } });
  });

  it("reports a terminal that may no longer report, next to live ones in the same statement", async () => {
    await db.prisma.terminal.update({ where: { id: ids[1] }, data: { status: "decommissioned" } });
    const writer = new BatchWriter(db, { maxInFlight: 1, maxEventsPerStatement: 1_000, lingerMs: 5 });
    const refused = beats(2);
    const outcomes = await Promise.all([writer.write({ terminalId: ids[0], events: beats(2) }), writer.write({ terminalId: ids[1], events: refused })]);
    expect(outcomes).toEqual([{ terminalLive: true, accepted: 2 }, { terminalLive: false, accepted: 0 }]);
    expect(await db.prisma.heartbeat.count({ where: { eventId: { in: refused.map((e) => e.id) } } })).toBe(0);
  });
});

describe("through the handler", () => {
  it("concurrent requests of many terminals are grouped and all counted exactly once", async () => {
    const handler = createIngestHandler({ db, config: { ...defaultIngestConfig, rateBurst: 1_000 }, writer: { maxInFlight: 1, maxEventsPerStatement: 1_000, lingerMs: 5 } });
    const live = [terminals[0], terminals[2], terminals[3], terminals[4], terminals[5]];
    const bodies = live.map(() => batch([heartbeat(), payment(), heartbeat()]));
    const answers = await Promise.all([...live.map((t, i) => handler(signedRequest(t, bodies[i]))), ...live.map((t, i) => handler(signedRequest(t, bodies[i])))].map((p) => p.then(jsonOf)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.reduce((s, a) => s + (a.body.accepted as number), 0)).toBe(15);
    expect(answers.reduce((s, a) => s + (a.body.duplicates as number), 0)).toBe(15);
    expect(handler.writerStats.statements).toBeLessThan(handler.writerStats.batches);
  });
});
