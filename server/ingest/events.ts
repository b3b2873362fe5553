// The events a terminal may send, checked one by one so that a refused batch says exactly which
// event is wrong and why. Unknown extra fields are ignored (newer firmware may send more); wrong
// or missing known fields are errors.
import type { PaymentService, PaymentStatus } from "../db/generated/client";
import type { IngestConfig } from "./config";
import { parseInstant } from "./time";

export interface HeartbeatEvent {
  type: "heartbeat";
  id: string;
  at: number;
  signalDbm: number | null;
  mccMnc: string | null;
  firmware: string | null;
}

export interface PaymentEvent {
  type: "payment";
  id: string;
  at: number;
  service: PaymentService;
  amountVnd: number;
  biller: string;
  status: PaymentStatus;
}

export interface ServiceSessionEvent {
  type: "service_session";
  id: string;
  at: number;
  serviceId: number;
  durationSec: number | null;
}

export type DeviceEvent = HeartbeatEvent | PaymentEvent | ServiceSessionEvent;

export interface EventError {
  index: number;
  /** The event's id when it has a readable one. */
  id: string | null;
  message: string;
}

export const eventTypes = ["heartbeat", "payment", "service_session"] as const;
export const paymentServices: readonly PaymentService[] = ["tuition", "electricity", "water", "fee", "other"];
export const paymentStatuses: readonly PaymentStatus[] = ["success", "failed", "pending"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MCC_MNC = /^\d{3}-?\d{2,3}$/;

export interface ValidationContext {
  now: number;
  config: IngestConfig;
  /** public_service.id for a service code, or undefined when there is no such service. */
  serviceId(code: string): number | undefined;
}

type Fields = Record<string, unknown>;

function optionalInt(fields: Fields, name: string, min: number, max: number, problems: string[]): number | null {
  const value = fields[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value)) problems.push(`${name} must be a whole number`);
  else if (value < min || value > max) problems.push(`${name} must be between ${min} and ${max} (got ${value})`);
  else return value;
  return null;
}

function optionalText(fields: Fields, name: string, max: number, problems: string[], pattern?: RegExp): string | null {
  const value = fields[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value.trim() === "" || value.length > max) problems.push(`${name} must be a text of 1–${max} characters`);
  else if (pattern && !pattern.test(value)) problems.push(`${name} "${value}" is not in the expected form`);
  else return value;
  return null;
}

function oneOf<T extends string>(fields: Fields, name: string, allowed: readonly T[], problems: string[]): T | null {
  const value = fields[name];
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  problems.push(value === undefined ? `${name} is missing (one of ${allowed.join(", ")})` : `${name} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
  return null;
}

/** A checked event, or the reasons it is refused. */
export function validateEvent(raw: unknown, ctx: ValidationContext): { event: DeviceEvent } | { problems: string[]; id: string | null } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { problems: ["an event must be a JSON object"], id: null };
  const fields = raw as Fields;
  const problems: string[] = [];
  const rawId = fields.id;
  const id = typeof rawId === "string" && UUID.test(rawId) ? rawId.toLowerCase() : null;
  if (id === null) problems.push(rawId === undefined ? "id is missing (a UUID)" : "id must be a UUID");

  let at: number | null = null;
  if (typeof fields.at !== "string") problems.push("at is missing (an ISO 8601 time with an offset, e.g. 2026-01-31T08:00:00+07:00)");
  else {
    at = parseInstant(fields.at);
    if (at === null) problems.push(`at "${fields.at}" is not an ISO 8601 time with an offset (Z or ±HH:MM)`);
    else if (at > ctx.now + ctx.config.futureSkewSec * 1000) problems.push(`at ${fields.at} is in the future (more than ${ctx.config.futureSkewSec} s ahead of the server clock)`);
    else if (at < ctx.now - ctx.config.maxEventAgeDays * 86_400_000) problems.push(`at ${fields.at} is older than ${ctx.config.maxEventAgeDays} days`);
  }

  const type = fields.type;
  let event: DeviceEvent | null = null;
  if (type === "heartbeat") {
    const signalDbm = optionalInt(fields, "signalDbm", -150, 0, problems);
    const mccMnc = optionalText(fields, "mccMnc", 7, problems, MCC_MNC);
    const firmware = optionalText(fields, "firmware", 32, problems);
    if (id !== null && at !== null) event = { type, id, at, signalDbm, mccMnc, firmware };
  } else if (type === "payment") {
    const service = oneOf(fields, "service", paymentServices, problems);
    const status = oneOf(fields, "status", paymentStatuses, problems);
    const amount = fields.amountVnd;
    let amountVnd: number | null = null;
    if (typeof amount !== "number" || !Number.isInteger(amount)) problems.push(amount === undefined ? "amountVnd is missing (whole đồng)" : "amountVnd must be a whole number of đồng");
    else if (amount < 0) problems.push(`amountVnd must not be negative (got ${amount})`);
    else if (amount === 0) problems.push("amountVnd must be at least 1 đồng");
    else if (amount > ctx.config.maxAmountVnd) problems.push(`amountVnd ${amount} is more than the ${ctx.config.maxAmountVnd} đồng a terminal payment may be`);
    else amountVnd = amount;
    const biller = fields.biller;
    if (typeof biller !== "string" || biller.trim() === "" || biller.length > 128) problems.push("biller must be a text of 1–128 characters");
    if (id !== null && at !== null && service && status && amountVnd !== null && typeof biller === "string" && problems.length === 0) {
      event = { type, id, at, service, amountVnd, biller: biller.trim(), status };
    }
  } else if (type === "service_session") {
    const code = fields.serviceCode;
    let serviceId: number | undefined;
    if (typeof code !== "string" || code.trim() === "") problems.push("serviceCode is missing (a public service code)");
    else if ((serviceId = ctx.serviceId(code)) === undefined) problems.push(`serviceCode "${code}" is not a known public service`);
    const durationSec = optionalInt(fields, "durationSec", 0, 86_400, problems);
    if (id !== null && at !== null && serviceId !== undefined) event = { type, id, at, serviceId, durationSec };
  } else {
    problems.push(type === undefined ? `type is missing (one of ${eventTypes.join(", ")})` : `unknown type ${JSON.stringify(type)} (expected one of ${eventTypes.join(", ")})`);
  }
  if (problems.length || !event) return { problems: problems.length ? problems : ["invalid event"], id: id ?? (typeof rawId === "string" ? rawId.slice(0, 64) : null) };
  return { event };
}
