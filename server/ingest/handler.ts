// POST /api/v1/terminals/events — the device API (contract: ARCHITECTURE.md, "External contracts").
// Order of checks: method → headers → body size → timestamp → terminal → signature → rate → JSON →
// batch size → every event → one atomic write. Nothing is written unless every check passed.
import type { Database } from "../db/client";
import { isValidTerminalCode } from "../terminals/code";
import { forgetTerminalCredentials, terminalCredentials } from "../terminals/credentials-cache";
import { BodyTooLargeError, readBodyLimited } from "./body";
import { ingestConfigFromEnv, type IngestConfig } from "./config";
import { validateEvent, type DeviceEvent, type EventError } from "./events";
import { TokenBuckets } from "./rate-limit";
import { json, problem } from "./responses";
import { ServiceCodes } from "./service-codes";
import { signatureMatches } from "./signature";
import { BatchWriter, defaultWriterOptions, type BatchWriterOptions } from "./batch-writer";

export interface IngestDeps {
  db: Database;
  config?: IngestConfig;
  /** Milliseconds since the epoch; tests move it. */
  clock?: () => number;
  /** Group commit settings (default from INGEST_WRITE_CONCURRENCY, INGEST_EVENTS_PER_STATEMENT, INGEST_LINGER_MS). */
  writer?: BatchWriterOptions;
}

export type IngestHandler = ((request: Request) => Promise<Response>) & {
  /** Statements written and batches in them (group commit), for the benchmark. */
  writerStats: BatchWriter["stats"];
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function createIngestHandler(deps: IngestDeps): IngestHandler {
  const { db } = deps;
  const config = deps.config ?? ingestConfigFromEnv();
  const clock = deps.clock ?? Date.now;
  const buckets = new TokenBuckets(config.rateBurst, config.ratePerSecond);
  const services = new ServiceCodes(db.prisma);
  const writer = new BatchWriter(db, deps.writer ?? defaultWriterOptions(db.kind), clock);

  async function handle(request: Request): Promise<Response> {
    if (request.method !== "POST") return problem(405, `method ${request.method} is not allowed; send the events with POST`, undefined, { allow: "POST" });

    const code = request.headers.get("x-terminal-code")?.trim() ?? "";
    const timestamp = request.headers.get("x-timestamp")?.trim() ?? "";
    const signature = request.headers.get("x-signature")?.trim() ?? "";
    const missing = [!code && "X-Terminal-Code", !timestamp && "X-Timestamp", !signature && "X-Signature"].filter(Boolean);
    if (missing.length) return problem(401, `missing header${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);

    let body: Uint8Array;
    try {
      body = await readBodyLimited(request, config.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return problem(413, `the body is larger than ${config.maxBodyBytes} bytes; send at most ${config.maxEvents} events per request`);
      throw error;
    }

    const now = clock();
    if (!/^\d{1,12}$/.test(timestamp)) return problem(401, "X-Timestamp must be the unix time in whole seconds");
    const exactSkew = now / 1000 - Number(timestamp);
    const skew = Math.round(exactSkew);
    if (Math.abs(exactSkew) > config.signatureWindowSec) {
      return problem(401, `X-Timestamp is ${Math.abs(skew)} s ${skew > 0 ? "behind" : "ahead of"} the server clock (at most ${config.signatureWindowSec} s allowed); check the terminal's clock`, { serverTime: Math.floor(now / 1000) });
    }

    if (!isValidTerminalCode(code)) return problem(401, "unknown terminal: X-Terminal-Code is not a valid terminal code");
    const terminal = await terminalCredentials(db.prisma, code, now);
    if (!terminal) return problem(401, "unknown terminal");
    if (terminal.status !== "provisioned" && terminal.status !== "active") return problem(401, `terminal is ${terminal.status}; it may no longer send events`);
    if (!signatureMatches(terminal.hmacKey, timestamp, body, signature)) return problem(401, "bad signature: X-Signature must be hex HMAC-SHA256 with the terminal secret over `${X-Timestamp}.${body}`");

    const wait = buckets.take(terminal.code, now);
    if (wait > 0) {
      const retryAfter = Math.max(1, Math.ceil(wait));
      return problem(429, `too many requests from this terminal; retry in ${retryAfter} s (batch more events per request)`, undefined, { "retry-after": String(retryAfter) });
    }

    let parsed: unknown;
    try {
      parsed = JSON.parse(utf8.decode(body));
    } catch (error) {
      return problem(400, `malformed JSON: ${error instanceof Error ? error.message : "cannot be parsed"}`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Array.isArray((parsed as { events?: unknown }).events)) {
      return problem(400, 'the body must be a JSON object { "events": [ … ] }');
    }
    const raw = (parsed as { events: unknown[] }).events;
    if (raw.length > config.maxEvents) return problem(413, `${raw.length} events in one request; send at most ${config.maxEvents}`);
    if (raw.length === 0) return problem(400, "events is empty; send at least one event");

    const codes = new Set<string>();
    for (const e of raw) {
      const c = (e as { type?: unknown; serviceCode?: unknown } | null)?.serviceCode;
      if ((e as { type?: unknown } | null)?.type === "service_session" && typeof c === "string") codes.add(c);
    }
    const serviceId = codes.size ? await services.resolver(codes, now) : () => undefined;

    const errors: EventError[] = [];
    const events: DeviceEvent[] = [];
    const seen = new Set<string>();
    raw.forEach((item, index) => {
      const result = validateEvent(item, { now, config, serviceId });
      if ("problems" in result) errors.push({ index, id: result.id, message: result.problems.join("; ") });
      else if (!seen.has(result.event.id)) {
        // A repeated id inside one batch is a duplicate like any other: acknowledged, counted once.
        seen.add(result.event.id);
        events.push(result.event);
      }
    });
    if (errors.length) {
      return problem(400, `${errors.length} of ${raw.length} event${raw.length === 1 ? " is" : "s are"} invalid; nothing was written`, errors);
    }

    const outcome = await writer.write({ terminalId: terminal.id, events });
    if (!outcome.terminalLive) {
      forgetTerminalCredentials(terminal.code);
      return problem(401, "terminal is no longer active (decommissioned or replaced); nothing was written");
    }
    return json(200, { accepted: outcome.accepted, duplicates: raw.length - outcome.accepted });
  }

  const handler = async (request: Request): Promise<Response> => {
    try {
      return await handle(request);
    } catch (error) {
      // Bad input never gets here (every check above answers 4xx); this is the server's own failure.
      process.stderr.write(`device API: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      return problem(500, "internal error; the batch was not written, retry later");
    }
  };
  return Object.assign(handler, { writerStats: writer.stats });
}
