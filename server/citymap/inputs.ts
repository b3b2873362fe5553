// zod inputs of the citymap procedures. Dates are local days in Asia/Ho_Chi_Minh written
// YYYY-MM-DD, both ends included; a bad range is a BAD_REQUEST with a message that says what to fix.
import { z } from "zod";
import { layerHasLevel, unitLayers, unitLevels } from "../history/layers";
import { maxRangeDays } from "./metric-names";

const DAY_MS = 86_400_000;

export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** One message per bad date, the first rule it breaks. */
const day = (name: string) =>
  z.string().superRefine((value, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) ctx.addIssue({ code: "custom", message: `${name} must be a date written YYYY-MM-DD` });
    else if (!isCalendarDay(value)) ctx.addIssue({ code: "custom", message: `${name} is not a calendar date` });
    else if (value < "2000-01-01" || value > "2099-12-31") ctx.addIssue({ code: "custom", message: `${name} must be between 2000-01-01 and 2099-12-31` });
  });

const rangeShape = {
  layer: z.enum(unitLayers),
  from: day("from"),
  to: day("to"),
};

function checkRange(value: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (!isCalendarDay(value.from) || !isCalendarDay(value.to)) return;
  if (value.from > value.to) {
    ctx.addIssue({ code: "custom", path: ["from"], message: `from (${value.from}) must be on or before to (${value.to})` });
    return;
  }
  const days = daysInRange(value.from, value.to);
  if (days > maxRangeDays) ctx.addIssue({ code: "custom", path: ["to"], message: `the range covers ${days} days; at most ${maxRangeDays} (two years) are allowed` });
}

function checkLevel(value: { layer: (typeof unitLayers)[number]; level: (typeof unitLevels)[number] }, ctx: z.RefinementCtx) {
  if (!layerHasLevel(value.layer, value.level)) {
    ctx.addIssue({ code: "custom", path: ["level"], message: "the 2025 layer has no districts: since 2025-07-01 wards report directly to the city; choose level ward or layer pre2025" });
  }
}

export const wardMetricsInput = z
  .object({ ...rangeShape, level: z.enum(unitLevels).default("ward") })
  .superRefine((v, ctx) => {
    checkRange(v, ctx);
    checkLevel(v, ctx);
  });
export type WardMetricsInput = z.output<typeof wardMetricsInput>;

export const unitDetailInput = z
  .object({ ...rangeShape, level: z.enum(unitLevels).default("ward"), code: z.string().trim().min(1, "code is required").max(32) })
  .superRefine((v, ctx) => {
    checkRange(v, ctx);
    checkLevel(v, ctx);
  });
export type UnitDetailInput = z.output<typeof unitDetailInput>;
