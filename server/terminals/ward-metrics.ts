// Ward figures for the leadership views, read from the rollups (payment_daily, terminal_daily) and
// the registers (household, terminal) — never from the raw event tables.
//
// Bill share: the issue asks for the share of a ward's tuition / electricity / water payments made
// through terminals. The other channels (bank apps, counters, billers' own records) are not in the
// database yet, so the true denominator is unknown. What we can compute is an estimate against the
// bills issued: every household gets one electricity and one water bill a month, so
// share ≈ terminal payments ÷ (households × months in the range). Tuition has no such base (it
// depends on how many children a household has at school), so its share is null until the
// education department's enrolment data or the billers' totals arrive.
import type { Database } from "../db/client";
import { Prisma, type PaymentService } from "../db/generated/client";
import { inactivityMinutes } from "./connectivity";
import { RegistryError } from "./errors";

export interface ServiceTotals {
  count: number;
  amountVnd: number;
}

export interface WardMetrics {
  wardId: number;
  wardCode: string;
  wardName: string;
  households: number;
  /** Installed terminals (provisioned or active). */
  terminals: number;
  /** Terminals that reported within the inactivity timeout before `now`. */
  activeTerminals: number;
  /** terminals ÷ households; null without households. */
  coverage: number | null;
  /** activeTerminals ÷ terminals; null without terminals. */
  activeShare: number | null;
  payments: ServiceTotals;
  byService: Record<PaymentService, ServiceTotals>;
  /** Successful payments in the range ÷ households. */
  paymentsPerHousehold: number | null;
  /** Estimated share of bills paid through terminals (see the note at the top); tuition is null. */
  billShare: { electricity: number | null; water: number | null; tuition: null };
  serviceSessions: number;
  /** Mean over the days of the range of terminal_daily.active_terminals. */
  meanDailyActiveTerminals: number;
}

export interface WardMetricsRange {
  /** First and last local day, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  now: Date;
  timeoutMinutes?: number;
}

const DAY_MS = 86_400_000;
const MONTH_DAYS = 365.2425 / 12;
const services: PaymentService[] = ["tuition", "electricity", "water", "fee", "other"];

function days(range: WardMetricsRange): number {
  const from = Date.parse(`${range.from}T00:00:00Z`);
  const to = Date.parse(`${range.to}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to) || Number.isNaN(from) || Number.isNaN(to) || to < from) {
    throw new RegistryError(`the range must be two dates YYYY-MM-DD, from ≤ to (got ${range.from} … ${range.to})`, "invalid");
  }
  return Math.round((to - from) / DAY_MS) + 1;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Metrics for every current ward. */
export async function wardMetrics(db: Database, range: WardMetricsRange): Promise<WardMetrics[]> {
  const dayCount = days(range);
  const since = new Date(range.now.getTime() - (range.timeoutMinutes ?? inactivityMinutes()) * 60_000);
  const rows = await db.prisma.$queryRaw<
    {
      ward_id: number;
      code: string;
      name: string;
      households: number;
      terminals: number;
      active: number;
      pay: { service: PaymentService; count: number; amount: string }[] | null;
      sessions: number;
      active_days: number;
    }[]
  >(Prisma.sql`
    WITH w AS (SELECT id, code, name FROM admin_unit WHERE level = 'ward' AND valid_to IS NULL),
    h AS (SELECT ward_id, count(*)::int AS n FROM household WHERE ward_id IN (SELECT id FROM w) GROUP BY ward_id),
    t AS (
      SELECT ward_id, count(*)::int AS n, count(*) FILTER (WHERE last_seen_at >= ${since})::int AS active
      FROM terminal WHERE status IN ('provisioned', 'active') AND ward_id IN (SELECT id FROM w) GROUP BY ward_id
    ),
    p AS (
      SELECT ward_id, json_agg(json_build_object('service', service, 'count', n, 'amount', amount::text)) AS pay
      FROM (SELECT ward_id, service, sum(count)::int AS n, sum(amount_vnd) AS amount
            FROM payment_daily WHERE day BETWEEN ${range.from}::date AND ${range.to}::date GROUP BY 1, 2) s
      GROUP BY ward_id
    ),
    d AS (
      SELECT ward_id, sum(service_sessions)::int AS sessions, sum(active_terminals)::int AS active_days
      FROM terminal_daily WHERE day BETWEEN ${range.from}::date AND ${range.to}::date GROUP BY ward_id
    )
    SELECT w.id AS ward_id, w.code, w.name, coalesce(h.n, 0) AS households, coalesce(t.n, 0) AS terminals,
           coalesce(t.active, 0) AS active, p.pay, coalesce(d.sessions, 0) AS sessions, coalesce(d.active_days, 0) AS active_days
    FROM w LEFT JOIN h ON h.ward_id = w.id LEFT JOIN t ON t.ward_id = w.id LEFT JOIN p ON p.ward_id = w.id LEFT JOIN d ON d.ward_id = w.id
    ORDER BY w.code`);
  const months = dayCount / MONTH_DAYS;
  return rows.map((r) => {
    const byService = Object.fromEntries(services.map((s) => [s, { count: 0, amountVnd: 0 }])) as Record<PaymentService, ServiceTotals>;
    for (const p of r.pay ?? []) byService[p.service] = { count: p.count, amountVnd: Number(p.amount) };
    const payments = services.reduce((sum, s) => ({ count: sum.count + byService[s].count, amountVnd: sum.amountVnd + byService[s].amountVnd }), { count: 0, amountVnd: 0 });
    const bills = r.households * months;
    return {
      wardId: r.ward_id,
      wardCode: r.code,
      wardName: r.name,
      households: r.households,
      terminals: r.terminals,
      activeTerminals: r.active,
      coverage: ratio(r.terminals, r.households),
      activeShare: ratio(r.active, r.terminals),
      payments,
      byService,
      paymentsPerHousehold: ratio(payments.count, r.households),
      billShare: { electricity: ratio(byService.electricity.count, bills), water: ratio(byService.water.count, bills), tuition: null },
      serviceSessions: r.sessions,
      meanDailyActiveTerminals: r.active_days / dayCount,
    };
  });
}
