// Builds signed device requests the way a terminal does, for the device-API tests.
import { randomUUID } from "node:crypto";
import { signBody } from "../../../server/ingest/signature";

export const url = "http://localhost/api/v1/terminals/events";

export interface SendOptions {
  /** Unix seconds put in X-Timestamp (default: now). */
  timestamp?: number;
  /** Sign with this secret instead of the terminal's. */
  secret?: string;
  method?: string;
  headers?: Record<string, string | null>;
}

export function signedRequest(terminal: { code: string; secret: string }, body: string, options: SendOptions = {}): Request {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-terminal-code": terminal.code,
    "x-timestamp": timestamp,
    "x-signature": signBody(options.secret ?? terminal.secret, timestamp, body),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const method = options.method ?? "POST";
  return new Request(url, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : body });
}

export const batch = (events: unknown[]) => JSON.stringify({ events });

const iso = (ms: number) => new Date(ms).toISOString();

export function heartbeat(at = Date.now() - 1_000, extra: Record<string, unknown> = {}) {
  return { id: randomUUID(), type: "heartbeat", at: iso(at), signalDbm: -71, mccMnc: "452-04", firmware: "2.1.0", ...extra };
}

export function payment(at = Date.now() - 1_000, extra: Record<string, unknown> = {}) {
  return { id: randomUUID(), type: "payment", at: iso(at), service: "electricity", amountVnd: 412_000, biller: "EVN Hà Nội", status: "success", ...extra };
}

export function session(serviceCode: string, at = Date.now() - 1_000, extra: Record<string, unknown> = {}) {
  return { id: randomUUID(), type: "service_session", at: iso(at), serviceCode, durationSec: 95, ...extra };
}

export async function jsonOf(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
