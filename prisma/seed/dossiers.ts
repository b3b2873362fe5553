// Administrative dossiers over the last 12 months: the online share rises through the year, counter
// and post dossiers arrive in office hours on working days, terminal dossiers carry the household
// code, deadlines count working days, most are resolved on time.
import { csvRow } from "./csv";
import { householdCode as householdCodeOf } from "./households";
import { Random } from "./random";
import { DAY, HOUR, addWorkingDays, localParts, localTime, localWeekday } from "./time";

export const dossierColumns = [
  "id", "procedure_id", "department_id", "ward_id", "household_code", "channel", "status", "received_at", "due_at", "resolved_at",
  "paid_online", "digitised", "electronic_result", "satisfaction",
] as const;

export interface DossierService {
  id: number;
  departmentId: number;
  processingDays: number;
  hasFee: boolean;
  onlineLevel: "full" | "partial" | "none";
}

/** Households with a terminal, grouped by ward (contiguous ranges), with when the terminal served. */
export interface TerminalHouseholds {
  ids: Int32Array;
  from: Float64Array;
  to: Float64Array;
  /** wardStart[w]..wardStart[w+1] index the households of ward w. */
  wardStart: Int32Array;
}

export interface DossierContext {
  seed: number;
  now: number;
  from: number;
  services: DossierService[];
  serviceCumulative: Float64Array;
  wardIds: number[];
  wardCumulative: Float64Array;
  terminals: TerminalHouseholds;
}

const satisfaction = [1, 2, 3, 4, 4, 4, 5, 5, 5, 5, 5, 3, 4, 5, 5, 4, 5, 2, 5, 4] as const;

function dossierId(received: number, seq: number): string {
  const p = localParts(received);
  return `H26.${String(p.year % 100).padStart(2, "0")}${String(p.month).padStart(2, "0")}${String(p.day).padStart(2, "0")}.${String(seq).padStart(8, "0")}`;
}

/** Moves a time into office hours (08:00–17:00 local) on a working day. */
function officeHours(rng: Random, t: number): number {
  let day = t;
  while (localWeekday(day) === 0 || localWeekday(day) === 6) day += DAY;
  const p = localParts(day);
  return Math.round(localTime(p.year, p.month, p.day, rng.uniform(8, 17)));
}

/** Dossiers number `first` … `first + count - 1`, from their own seeded stream. */
export function generateDossierBlock(ctx: DossierContext, block: number, first: number, count: number): string[] {
  const rng = new Random(ctx.seed, "dossiers", block);
  const rows: string[] = [];
  const span = ctx.now - ctx.from;
  for (let k = 0; k < count; k++) {
    const seq = first + k;
    const service = ctx.services[rng.pickCumulative(ctx.serviceCumulative)];
    let received = ctx.from + span * Math.pow(rng.next(), 0.9);
    const f = (received - ctx.from) / span;
    const r = rng.next();
    const onlineShare = 0.35 + 0.25 * f;
    const terminalShare = 0.04 + 0.1 * f;
    let channel: "online" | "terminal" | "counter" | "post" =
      service.onlineLevel === "none" ? (r < 0.1 ? "post" : "counter") : r < onlineShare ? "online" : r < onlineShare + terminalShare ? "terminal" : r < onlineShare + terminalShare + 0.03 ? "post" : "counter";
    const wardIndex = rng.pickCumulative(ctx.wardCumulative);
    let householdCode: string | null = null;
    if (channel === "terminal") {
      const { wardStart, ids, from, to } = ctx.terminals;
      const lo = wardStart[wardIndex];
      const hi = wardStart[wardIndex + 1];
      for (let tries = 0; tries < 6 && hi > lo && householdCode === null; tries++) {
        const i = lo + Math.floor(rng.next() * (hi - lo));
        if (received >= from[i] && received <= to[i]) householdCode = householdCodeOf(ids[i]);
      }
      if (householdCode === null) channel = "online";
    }
    if (channel === "counter" || channel === "post") received = officeHours(rng, received);
    if (received > ctx.now) received = ctx.now - Math.round(rng.uniform(0, 2 * HOUR));
    received = Math.round(received);
    const due = addWorkingDays(received, service.processingDays);
    // Most dossiers close on time; about one in nine runs late.
    const late = rng.chance(0.11);
    const duration = (due - received) * (late ? rng.uniform(1.05, 1.8) : rng.uniform(0.25, 1));
    const closed = Math.round(received + Math.max(HOUR, duration));
    let status: "received" | "processing" | "resolved" | "rejected";
    let resolved: number | null = null;
    if (closed > ctx.now) status = ctx.now - received < 4 * HOUR ? "received" : "processing";
    else {
      status = rng.chance(0.035) ? "rejected" : "resolved";
      resolved = closed;
    }
    const electronic = channel === "online" || channel === "terminal";
    const paidOnline = service.hasFee && electronic && rng.chance(0.85);
    const digitised = electronic ? rng.chance(0.97) : rng.chance(0.5 + 0.3 * f);
    const electronicResult = status === "resolved" && (electronic ? rng.chance(0.6 + 0.3 * f) : rng.chance(0.15));
    const score = status === "resolved" && rng.chance(0.55) ? rng.pick(satisfaction) : null;
    rows.push(
      csvRow([
        dossierId(received, seq), service.id, service.departmentId, ctx.wardIds[wardIndex], householdCode, channel, status,
        new Date(received).toISOString(), new Date(due).toISOString(), resolved === null ? null : new Date(resolved).toISOString(),
        paidOnline, digitised, electronicResult, score,
      ]),
    );
  }
  return rows;
}
