import { describe, expect, it } from "vitest";
import { validateEvent, type ValidationContext } from "../../../server/ingest/events";
import { defaultIngestConfig } from "../../../server/ingest/config";

const now = Date.UTC(2026, 5, 15, 5, 0, 0);
const ctx: ValidationContext = { now, config: defaultIngestConfig, serviceId: (code) => (code === "SVC-1" ? 7 : undefined) };
const id = "7D3C1F1E-8A4B-4C1E-9F0A-2B6D5E4C3A21";
const at = "2026-06-15T11:59:00+07:00";
const problems = (raw: unknown) => {
  const result = validateEvent(raw, ctx);
  return "problems" in result ? result.problems : [];
};

describe("validateEvent", () => {
  it("accepts each type, lower-casing the id and ignoring unknown extra fields", () => {
    expect(validateEvent({ id, type: "heartbeat", at, signalDbm: -80, mccMnc: "452-04", firmware: "2.1.0", battery: 88 }, ctx)).toEqual({
      event: { type: "heartbeat", id: id.toLowerCase(), at: now - 60_000, signalDbm: -80, mccMnc: "452-04", firmware: "2.1.0" },
    });
    expect(validateEvent({ id, type: "heartbeat", at, signalDbm: null }, ctx)).toMatchObject({ event: { signalDbm: null, mccMnc: null, firmware: null } });
    expect(validateEvent({ id, type: "payment", at, service: "water", amountVnd: 150_000, biller: " Viwaco ", status: "pending" }, ctx)).toMatchObject({
      event: { type: "payment", service: "water", amountVnd: 150_000, biller: "Viwaco", status: "pending" },
    });
    expect(validateEvent({ id, type: "service_session", at, serviceCode: "SVC-1" }, ctx)).toMatchObject({ event: { type: "service_session", serviceId: 7, durationSec: null } });
  });

  it("gives the reasons for a refused event", () => {
    expect(problems({ type: "heartbeat", at })).toEqual(["id is missing (a UUID)"]);
    expect(problems({ id, at })).toEqual(["type is missing (one of heartbeat, payment, service_session)"]);
    expect(problems({ id, type: "payment", at })).toEqual([
      "service is missing (one of tuition, electricity, water, fee, other)",
      "status is missing (one of success, failed, pending)",
      "amountVnd is missing (whole đồng)",
      "biller must be a text of 1–128 characters",
    ]);
    expect(problems({ id, type: "payment", at, service: "water", status: "success", biller: "x", amountVnd: "150000" })).toEqual(["amountVnd must be a whole number of đồng"]);
    expect(problems({ id, type: "payment", at, service: "water", status: "success", biller: "x", amountVnd: defaultIngestConfig.maxAmountVnd })).toEqual([]);
    expect(problems({ id, type: "payment", at, service: "water", status: "success", biller: "x", amountVnd: defaultIngestConfig.maxAmountVnd + 1 })).toHaveLength(1);
    expect(problems({ id, type: "heartbeat", at: "2026-06-15T12:05:01+07:00" })).toEqual(["at 2026-06-15T12:05:01+07:00 is in the future (more than 300 s ahead of the server clock)"]);
    expect(problems({ id, type: "heartbeat", at: "2026-06-15T12:05:00+07:00" })).toEqual([]);
    expect(problems({ id, type: "heartbeat", at: "2026-05-16T11:59:59+07:00" })).toEqual(["at 2026-05-16T11:59:59+07:00 is older than 30 days"]);
    expect(problems({ id, type: "heartbeat", at, mccMnc: "Viettel" })).toEqual(['mccMnc "Viettel" is not in the expected form']);
    expect(problems({ id, type: "service_session", at, serviceCode: "SVC-2", durationSec: -1 })).toEqual(['serviceCode "SVC-2" is not a known public service', "durationSec must be between 0 and 86400 (got -1)"]);
    expect(problems(null)).toEqual(["an event must be a JSON object"]);
    expect(problems([1])).toEqual(["an event must be a JSON object"]);
  });
});
