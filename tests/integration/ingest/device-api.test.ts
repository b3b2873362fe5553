// Every refusal of POST /api/v1/terminals/events, each with its status and reason, and proof that
// a refused batch writes nothing. The handler is the one the Remix route calls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { freshDatabase } from "../../support/db";
import { createIngestHandler, type IngestHandler } from "../../../server/ingest/handler";
import { defaultIngestConfig } from "../../../server/ingest/config";
import { decommissionTerminal, replaceTerminal } from "../../../server/terminals/provision";
import { makeTerminalCode } from "../../../server/terminals/code";
import { action, loader } from "../../../app/routes/api.v1.terminals.events";
import { setDatabase } from "../../../server/db/instance";
import { buildTown, newTerminal, points, useTestTerminalKey, type TestTerminal, type Town } from "../terminals/town";
import { signBody } from "../../../server/ingest/signature";
import { batch, heartbeat, jsonOf, payment, session, signedRequest, url } from "./client";

useTestTerminalKey();
let db: Awaited<ReturnType<typeof freshDatabase>>;
let town: Town;
let handler: IngestHandler;
let terminal: TestTerminal;

beforeAll(async () => {
  db = await freshDatabase();
  town = await buildTown(db);
  handler = createIngestHandler({ db, config: { ...defaultIngestConfig, rateBurst: 10_000 } });
  terminal = await newTerminal(db, points.west);
});
afterAll(async () => {
  await db?.drop();
});

async function factCount(): Promise<number> {
  const [row] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT ((SELECT count(*) FROM heartbeat) + (SELECT count(*) FROM payment) + (SELECT count(*) FROM service_session)
             + (SELECT count(*) FROM payment_daily) + (SELECT count(*) FROM terminal_daily))::int AS n`,
  );
  return row.n;
}

async function refused(request: Request, status: number, reason: RegExp) {
  const before = await factCount();
  const { status: got, body } = await jsonOf(await handler(request));
  expect({ status: got, error: body.error }).toEqual({ status, error: expect.stringMatching(reason) });
  expect(await factCount()).toBe(before);
  return body;
}

describe("accepts", () => {
  it("a signed batch of every event type, and says how many were new", async () => {
    const events = [heartbeat(), payment(), session(town.services.birth)];
    const { status, body } = await jsonOf(await handler(signedRequest(terminal, batch(events))));
    expect(status).toBe(200);
    expect(body).toEqual({ accepted: 3, duplicates: 0 });
  });

  it("through the Remix route's action, reading the raw body", async () => {
    setDatabase(db);
    const body = batch([heartbeat()]);
    const response = await action({ request: signedRequest(terminal, body), params: {}, context: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });
    const get = await loader({ request: new Request(url), params: {}, context: {} });
    expect(get.status).toBe(405);
  });

  it("timestamps up to 300 s off", async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 295, now + 295]) {
      expect((await handler(signedRequest(terminal, batch([heartbeat()]), { timestamp }))).status).toBe(200);
    }
  });
});

describe("405", () => {
  it("for every method but POST, with Allow", async () => {
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const response = await handler(signedRequest(terminal, batch([heartbeat()]), { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect(((await response.json()) as { error: string }).error).toMatch(/POST/);
    }
  });
});

describe("401", () => {
  it("without the signing headers", async () => {
    await refused(signedRequest(terminal, batch([heartbeat()]), { headers: { "x-signature": null } }), 401, /missing header X-Signature/);
    await refused(signedRequest(terminal, batch([heartbeat()]), { headers: { "x-terminal-code": null, "x-timestamp": null } }), 401, /missing headers X-Terminal-Code, X-Timestamp/);
  });

  it("for an unknown terminal, and for a code whose check digit is wrong", async () => {
    await refused(signedRequest({ code: makeTerminalCode(999_999_999), secret: terminal.secret }, batch([heartbeat()])), 401, /^unknown terminal$/);
    const typo = terminal.code.slice(0, -1) + String((Number(terminal.code.at(-1)) + 1) % 10);
    await refused(signedRequest({ code: typo, secret: terminal.secret }, batch([heartbeat()])), 401, /not a valid terminal code/);
  });

  it("for a signature made with another secret, over another body, or not hex", async () => {
    await refused(signedRequest(terminal, batch([heartbeat()]), { secret: "f".repeat(64) }), 401, /bad signature/);
    const signedForOther = signedRequest(terminal, batch([heartbeat()]));
    await refused(new Request(url, { method: "POST", headers: signedForOther.headers, body: batch([heartbeat(), heartbeat()]) }), 401, /bad signature/);
    await refused(signedRequest(terminal, batch([heartbeat()]), { headers: { "x-signature": "not-hex" } }), 401, /bad signature/);
  });

  it("for a timestamp more than 300 s off either way, or not in seconds", async () => {
    const now = Math.floor(Date.now() / 1000);
    const early = await refused(signedRequest(terminal, batch([heartbeat()]), { timestamp: now - 301 }), 401, /X-Timestamp is 30\d s behind the server clock/);
    expect(early.details).toEqual({ serverTime: expect.any(Number) });
    await refused(signedRequest(terminal, batch([heartbeat()]), { timestamp: now + 301 }), 401, /ahead of the server clock/);
    await refused(signedRequest(terminal, batch([heartbeat()]), { headers: { "x-timestamp": `${now}.5` } }), 401, /whole seconds/);
  });

  it("for a decommissioned terminal", async () => {
    const gone = await newTerminal(db, points.east, 1);
    expect((await handler(signedRequest(gone, batch([heartbeat()])))).status).toBe(200);
    await decommissionTerminal(db, { terminalCode: gone.code, reason: "moved away" }, { kind: "system" });
    await refused(signedRequest(gone, batch([heartbeat()])), 401, /terminal is decommissioned/);
  });

  it("for a replaced terminal, while its replacement is accepted", async () => {
    const old = await newTerminal(db, points.east, 2);
    const replacement = await replaceTerminal(db, { terminalCode: old.code, reason: "broken screen" }, { kind: "system" });
    await refused(signedRequest(old, batch([heartbeat()])), 401, /terminal is replaced/);
    expect((await handler(signedRequest(replacement, batch([heartbeat()])))).status).toBe(200);
  });

  it("when the terminal was decommissioned by another process after its credentials were cached", async () => {
    const t = await newTerminal(db, points.east, 3);
    expect((await handler(signedRequest(t, batch([heartbeat()])))).status).toBe(200);
    // Another process (the CLI) decommissions it: this process's cache still says provisioned/active.
    await db.prisma.terminal.update({ where: { code: t.code }, data: { status: "decommissioned" } });
    await refused(signedRequest(t, batch([payment()])), 401, /no longer active/);
    await refused(signedRequest(t, batch([payment()])), 401, /terminal is decommissioned/);
  });
});

describe("413", () => {
  it("for a body over 1 MB, declared or streamed", async () => {
    const big = batch([heartbeat(Date.now() - 1000, { pad: "x".repeat(1_048_576) })]);
    await refused(signedRequest(terminal, big), 413, /larger than 1048576 bytes/);
    const chunks = [new TextEncoder().encode(big.slice(0, 600_000)), new TextEncoder().encode(big.slice(600_000))];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    const headers = signedRequest(terminal, big).headers;
    await refused(new Request(url, { method: "POST", headers, body: stream, duplex: "half" } as RequestInit), 413, /larger than/);
  });

  it("for more than 1,000 events", async () => {
    const events = Array.from({ length: 1_001 }, () => ({ id: randomUUID(), type: "heartbeat", at: new Date().toISOString() }));
    await refused(signedRequest(terminal, batch(events)), 413, /1001 events in one request; send at most 1000/);
  });
});

describe("400", () => {
  it("for malformed JSON, a body of the wrong shape, an empty batch, or bytes that are not UTF-8", async () => {
    await refused(signedRequest(terminal, '{"events": [ {"id": '), 400, /^malformed JSON/);
    await refused(signedRequest(terminal, '[{"type":"heartbeat"}]'), 400, /JSON object \{ "events"/);
    await refused(signedRequest(terminal, '{"events": {}}'), 400, /JSON object \{ "events"/);
    await refused(signedRequest(terminal, batch([])), 400, /events is empty/);
    const bytes = Buffer.concat([Buffer.from('{"events": ["'), Buffer.from([0xff, 0xfe]), Buffer.from('"]}')]);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = { "x-terminal-code": terminal.code, "x-timestamp": timestamp, "x-signature": signBody(terminal.secret, timestamp, bytes) };
    await refused(new Request(url, { method: "POST", headers, body: bytes }), 400, /malformed JSON/);
  });

  it("with one error per bad event (index, id, message) and nothing written from the good ones", async () => {
    const now = Date.now();
    const good = heartbeat();
    const events = [
      good,
      { ...heartbeat(), type: "telemetry" },
      { ...payment(), amountVnd: -5 },
      { ...payment(), amountVnd: 5e12 },
      { ...payment(), amountVnd: 0 },
      { ...payment(), amountVnd: 10.5 },
      heartbeat(now + 10 * 60_000),
      heartbeat(now - 31 * 86_400_000),
      session("NO-SUCH-SERVICE"),
      { ...heartbeat(), id: "42" },
      { ...heartbeat(), at: "2026-02-30T10:00:00Z" },
      { ...heartbeat(), at: "2026-01-01T10:00:00" },
      { ...payment(), service: "gas", status: "ok" },
      { ...heartbeat(), signalDbm: 20 },
      "not an object",
      { ...payment(), biller: "" },
    ];
    const body = await refused(signedRequest(terminal, batch(events)), 400, /^15 of 16 events are invalid; nothing was written$/);
    const details = body.details as { index: number; id: string | null; message: string }[];
    expect(details.map((d) => d.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const message = (index: number) => details.find((d) => d.index === index)?.message;
    expect(details[0].id).toBe((events[1] as { id: string }).id);
    expect(message(1)).toMatch(/unknown type "telemetry"/);
    expect(message(2)).toMatch(/amountVnd must not be negative \(got -5\)/);
    expect(message(3)).toMatch(/amountVnd 5000000000000 is more than the 100000000000 đồng/);
    expect(message(4)).toMatch(/at least 1 đồng/);
    expect(message(5)).toMatch(/whole number of đồng/);
    expect(message(6)).toMatch(/is in the future/);
    expect(message(7)).toMatch(/older than 30 days/);
    expect(message(8)).toMatch(/serviceCode "NO-SUCH-SERVICE" is not a known public service/);
    expect(details.find((d) => d.index === 9)).toEqual({ index: 9, id: "42", message: "id must be a UUID" });
    expect(message(10)).toMatch(/not an ISO 8601 time/);
    expect(message(11)).toMatch(/with an offset/);
    expect(message(12)).toMatch(/service must be one of tuition, electricity, water, fee, other \(got "gas"\); status must be one of success, failed, pending/);
    expect(message(13)).toMatch(/signalDbm must be between -150 and 0/);
    expect(details.find((d) => d.index === 14)).toEqual({ index: 14, id: null, message: "an event must be a JSON object" });
    expect(message(15)).toMatch(/biller must be a text/);
    // The good event alone is accepted afterwards: the refusal really wrote nothing.
    expect(await jsonOf(await handler(signedRequest(terminal, batch([good]))))).toEqual({ status: 200, body: { accepted: 1, duplicates: 0 } });
  });
});

describe("429", () => {
  it("when a terminal exceeds its token bucket, with Retry-After; other terminals are unaffected", async () => {
    const limited = createIngestHandler({ db, config: { ...defaultIngestConfig, rateBurst: 2, ratePerSecond: 0.1 } });
    const other = await newTerminal(db, points.west, 4);
    expect((await limited(signedRequest(terminal, batch([heartbeat()])))).status).toBe(200);
    expect((await limited(signedRequest(terminal, batch([heartbeat()])))).status).toBe(200);
    const before = await factCount();
    const response = await limited(signedRequest(terminal, batch([heartbeat()])));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await response.json()) as { error: string }).error).toMatch(/too many requests/);
    expect(await factCount()).toBe(before);
    expect((await limited(signedRequest(other, batch([heartbeat()])))).status).toBe(200);
    // Forged requests do not spend a terminal's tokens.
    const fresh = await newTerminal(db, points.west, 5);
    for (let i = 0; i < 5; i++) expect((await limited(signedRequest(fresh, batch([heartbeat()]), { secret: "0".repeat(64) }))).status).toBe(401);
    expect((await limited(signedRequest(fresh, batch([heartbeat()])))).status).toBe(200);
  });
});
