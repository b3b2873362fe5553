// Twelve months of terminal activity for a block of households: bill payments with their seasons,
// service sessions, and heartbeats for the last 24 hours only (raw heartbeats are kept for a day;
// older days exist only as terminal_daily rollups, see rollups.ts). Pure: returns CSV lines.
import type { SeededHousehold, TerminalSpan } from "./households";
import { Random, eventUuid } from "./random";
import { csvCell } from "./csv";
import { DAY, HOUR, daysInMonth, localTime, type MonthWindow } from "./time";

export const paymentColumns = ["event_id", "terminal_id", "household_id", "ward_id", "service", "amount_vnd", "biller", "status", "at"] as const;
export const sessionColumns = ["event_id", "terminal_id", "household_id", "ward_id", "service_id", "at", "duration_sec"] as const;
export const heartbeatColumns = ["event_id", "terminal_id", "ward_id", "at", "signal_dbm", "mcc_mnc", "firmware"] as const;

export const EVENT_KIND = { payment: 1, session: 2, heartbeat: 3 } as const;

export interface ActivityContext {
  seed: number;
  seedKey: number;
  now: number;
  /** Start of the 12-month window. */
  from: number;
  months: MonthWindow[];
  sessionServices: { ids: number[]; cumulative: Float64Array };
  /** Running event counters (one per kind), advanced in generation order. */
  counters: { payment: number; session: number; heartbeat: number };
}

export interface ActivityRows {
  payments: string[];
  sessions: string[];
  heartbeats: string[];
}

/** Electricity bills follow the air-conditioning season: high May–August, low in the cool months. */
export const electricitySeason = [0, 0.85, 0.8, 0.85, 1.0, 1.35, 1.6, 1.7, 1.55, 1.25, 1.0, 0.9, 0.85] as const;
const waterSeason = [0, 0.95, 0.95, 0.95, 1.0, 1.1, 1.15, 1.15, 1.1, 1.05, 1.0, 0.95, 0.95] as const;

const urbanWater = ["Công ty Nước sạch Hà Nội", "Công ty Nước sạch Viwaco", "Công ty Nước sạch Hà Đông"] as const;
const otherBillers = ["Viettel Telecom", "VNPT Hà Nội", "FPT Telecom", "Truyền hình K+"] as const;
const schoolKinds = ["Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trường THPT"] as const;

function spanAt(spans: TerminalSpan[], t: number): TerminalSpan | undefined {
  for (const s of spans) if (t >= s.from && t <= s.to) return s;
  return undefined;
}

/** A local time of day for a payment: mostly evenings, some daytime. */
function payHour(rng: Random): number {
  return rng.chance(0.55) ? rng.uniform(18, 22.5) : rng.uniform(6.5, 18);
}

export function generateActivity(ctx: ActivityContext, block: SeededHousehold[], wardName: string, rng: Random): ActivityRows {
  const out: ActivityRows = { payments: [], sessions: [], heartbeats: [] };
  const stem = wardName.replace(/^(Phường|Xã) /, "");
  for (const h of block) {
    if (h.spans.length === 0) continue;
    const first = h.spans[0].from;
    // Per-household traits: when they adopt each service on the terminal (u < adoption(t)), bill size.
    const uElectric = rng.next();
    const uWater = rng.next();
    const hasPupils = rng.chance(0.35);
    const uTuition = rng.next();
    const activity = rng.logNormal(1, 0.5);
    const electricBase = rng.logNormal(480_000 + 60_000 * h.members, 0.3);
    const waterBase = rng.logNormal(95_000 + 20_000 * h.members, 0.25);
    const waterBiller = h.urban ? urbanWater[h.id % urbanWater.length] : "Công ty Nước sạch Nông thôn Hà Nội";
    const school = `${schoolKinds[h.id % schoolKinds.length]} ${stem}`;
    const otherBiller = otherBillers[h.id % otherBillers.length];

    const pay = (service: string, amount: number, biller: string, year: number, month: number, day: number, hour: number) => {
      const t = Math.round(localTime(year, month, day, hour));
      if (t < ctx.from || t > ctx.now || t < first) return;
      const span = spanAt(h.spans, t);
      if (!span) return;
      const r = rng.next();
      const status = r < 0.97 ? "success" : r < 0.995 ? "failed" : "pending";
      const id = eventUuid(ctx.seedKey, EVENT_KIND.payment, ctx.counters.payment++);
      out.payments.push(`${id},${span.id},${h.id},${h.wardId},${service},${Math.round(amount)},${csvCell(biller)},${status},${new Date(t).toISOString()}`);
    };

    for (const m of ctx.months) {
      const f = m.progress;
      const dim = daysInMonth(m.year, m.month);
      if (uElectric < 0.25 + 0.4 * f) {
        const amount = Math.min(2_500_000, Math.max(300_000, electricBase * electricitySeason[m.month] * rng.normal(1, 0.08)));
        pay("electricity", amount, "EVN Hà Nội", m.year, m.month, rng.int(6, Math.min(25, dim)), payHour(rng));
      }
      if (uWater < 0.2 + 0.4 * f) {
        const amount = Math.min(400_000, Math.max(80_000, waterBase * waterSeason[m.month] * rng.normal(1, 0.1)));
        pay("water", amount, waterBiller, m.year, m.month, rng.int(8, Math.min(28, dim)), payHour(rng));
      }
      if (hasPupils && uTuition < 0.3 + 0.5 * f) {
        // Term fees at the start of each semester (September; January/February), small monthly
        // items (meals, clubs) in term, almost nothing over the summer.
        if (m.month === 9 && rng.chance(0.92)) pay("tuition", Math.round(rng.uniform(1_500_000, 6_000_000) / 1000) * 1000, school, m.year, m.month, rng.int(1, 20), payHour(rng));
        else if ((m.month === 1 || m.month === 2) && rng.chance(0.5)) pay("tuition", Math.round(rng.uniform(1_000_000, 5_000_000) / 1000) * 1000, school, m.year, m.month, rng.int(3, 25), payHour(rng));
        else if (m.month >= 6 && m.month <= 8 ? rng.chance(0.05) : rng.chance(0.3)) pay("tuition", Math.round(rng.uniform(200_000, 1_200_000) / 1000) * 1000, school, m.year, m.month, rng.int(1, dim), payHour(rng));
      }
      if (rng.chance(0.05 + 0.04 * f)) pay("fee", Math.round(rng.uniform(20_000, 500_000) / 1000) * 1000, rng.chance(0.6) ? `UBND ${wardName}` : "Kho bạc Nhà nước Hà Nội", m.year, m.month, rng.int(1, dim), rng.uniform(7.5, 17));
      if (rng.chance(0.06 + 0.06 * f)) pay("other", Math.round(rng.uniform(50_000, 1_000_000) / 1000) * 1000, otherBiller, m.year, m.month, rng.int(1, dim), payHour(rng));

      // Service sessions (looking up procedures, filing, checking a dossier) grow with familiarity.
      const sessions = rng.poisson(activity * (0.1 + 0.4 * f));
      for (let i = 0; i < sessions; i++) {
        const t = Math.round(localTime(m.year, m.month, rng.int(1, dim), rng.uniform(7, 22)));
        if (t < ctx.from || t > ctx.now) continue;
        const span = spanAt(h.spans, t);
        if (!span) continue;
        const serviceId = ctx.sessionServices.ids[rng.pickCumulative(ctx.sessionServices.cumulative)];
        const duration = Math.round(Math.min(3600, rng.logNormal(180, 0.7)));
        const id = eventUuid(ctx.seedKey, EVENT_KIND.session, ctx.counters.session++);
        out.sessions.push(`${id},${span.id},${h.id},${h.wardId},${serviceId},${new Date(t).toISOString()},${duration}`);
      }
    }

    // Heartbeats: every ~8 hours, the last one at last_seen_at, only inside the last 24 h.
    for (const span of h.spans) {
      if (!span.recent) continue;
      for (let t = span.to; t >= ctx.now - DAY && t >= span.from; t -= Math.round(8 * HOUR + rng.normal(0, 0.5 * HOUR))) {
        const signal = Math.round(Math.min(-55, Math.max(-115, rng.normal(-83, 9))));
        const id = eventUuid(ctx.seedKey, EVENT_KIND.heartbeat, ctx.counters.heartbeat++);
        out.heartbeats.push(`${id},${span.id},${h.wardId},${new Date(t).toISOString()},${signal},${span.mccMnc},${span.firmware}`);
      }
    }
  }
  return out;
}
