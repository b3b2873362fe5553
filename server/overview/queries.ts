// Read-only figures for the leadership overview. Every query aggregates in SQL over rollups or
// indexed counts, so the page costs a handful of small result sets whatever the city's size.
// "This month" is the calendar month in Asia/Ho_Chi_Minh, computed in SQL from an explicit
// `now` so the answer does not depend on the session time zone of the connection.
import type { PaymentService, PrismaClient } from "../db/generated/client";
import { Prisma } from "../db/generated/client";
import { paymentServices, isPaymentService } from "./services";
import { ratio, toSafeNumber } from "./numbers";

type Reader = Pick<PrismaClient, "$queryRaw">;

export interface ServiceFigures {
  count: number;
  amountVnd: number;
}

export type PaymentsByService = Record<PaymentService, ServiceFigures>;

export interface OverviewKpis {
  /** The instant the figures were computed for (ISO 8601). */
  asOf: string;
  /** First day of the current month in the city, YYYY-MM-DD. */
  monthStart: string;
  households: number;
  /** Terminals with status 'active'. */
  terminalsInstalled: number;
  /** Active terminals seen in the 24 hours before `asOf`. */
  terminalsActive24h: number;
  /** From the payment_daily rollup, days from the first of the month. */
  paymentsThisMonth: PaymentsByService;
  dossiersThisMonth: {
    total: number;
    /** Received through the online portal or a household terminal. */
    onlineOrTerminal: number;
    /** onlineOrTerminal ÷ total; null when no dossier was received this month. */
    share: number | null;
  };
}

export interface WardCoverage {
  code: string;
  name: string;
  households: number;
  activeTerminals: number;
  /** activeTerminals ÷ households; null for a ward without households ("no data"). */
  coverage: number | null;
}

export interface TrendMonth {
  /** YYYY-MM in the city's calendar. */
  month: string;
  byService: PaymentsByService;
  totalVnd: number;
}

export interface PaymentsTrend {
  months: TrendMonth[];
}

/**
 * An instant as SQL. Sent as ISO 8601 text with its "Z": a bare Date parameter goes through the
 * driver adapter as a zone-less UTC string, which PostgreSQL would read in the session's time
 * zone and shift by seven hours when that zone is Asia/Ho_Chi_Minh.
 */
const instant = (at: Date) => Prisma.sql`${at.toISOString()}::timestamptz`;

/** The current month's first instant, as a local (timestamp without time zone) value in the city. */
const monthStartLocal = (now: Date) => Prisma.sql`date_trunc('month', (${instant(now)} AT TIME ZONE 'Asia/Ho_Chi_Minh'))`;

function emptyPayments(): PaymentsByService {
  const out = {} as PaymentsByService;
  for (const service of paymentServices) out[service] = { count: 0, amountVnd: 0 };
  return out;
}

export async function overviewKpis(db: Reader, now: Date = new Date()): Promise<OverviewKpis> {
  const [counts] = await db.$queryRaw<
    {
      month_start: string;
      households: bigint;
      terminals_installed: bigint;
      terminals_active: bigint;
      dossiers_total: bigint;
      dossiers_online: bigint;
    }[]
  >`
    WITH month AS (
      SELECT ${monthStartLocal(now)} AS start_local
    ), window_utc AS (
      SELECT start_local AT TIME ZONE 'Asia/Ho_Chi_Minh' AS starts,
             (start_local + interval '1 month') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS ends,
             to_char(start_local, 'YYYY-MM-DD') AS month_start
      FROM month
    )
    SELECT
      w.month_start,
      (SELECT count(*) FROM household) AS households,
      (SELECT count(*) FROM terminal WHERE status = 'active') AS terminals_installed,
      (SELECT count(*) FROM terminal
        WHERE status = 'active' AND last_seen_at >= ${instant(now)} - interval '24 hours') AS terminals_active,
      d.total AS dossiers_total,
      d.online AS dossiers_online
    FROM window_utc w
    -- One pass over the month's dossiers for both counts.
    CROSS JOIN LATERAL (
      SELECT count(*) AS total, count(*) FILTER (WHERE channel IN ('online', 'terminal')) AS online
      FROM dossier
      WHERE received_at >= w.starts AND received_at < w.ends
    ) d`;

  const paymentRows = await db.$queryRaw<{ service: string; count: bigint; amount: bigint }[]>`
    SELECT service::text AS service, sum(count)::bigint AS count, sum(amount_vnd)::bigint AS amount
    FROM payment_daily
    WHERE day >= (${monthStartLocal(now)})::date
    GROUP BY service`;

  const paymentsThisMonth = emptyPayments();
  for (const row of paymentRows) {
    if (!isPaymentService(row.service)) continue;
    paymentsThisMonth[row.service] = { count: toSafeNumber(row.count), amountVnd: toSafeNumber(row.amount) };
  }

  const total = toSafeNumber(counts.dossiers_total);
  const onlineOrTerminal = toSafeNumber(counts.dossiers_online);
  return {
    asOf: now.toISOString(),
    monthStart: counts.month_start,
    households: toSafeNumber(counts.households),
    terminalsInstalled: toSafeNumber(counts.terminals_installed),
    terminalsActive24h: toSafeNumber(counts.terminals_active),
    paymentsThisMonth,
    dossiersThisMonth: { total, onlineOrTerminal, share: ratio(onlineOrTerminal, total) },
  };
}

/** Current wards (level ward, no end of validity) with households and active terminals. */
export async function wardCoverage(db: Reader): Promise<WardCoverage[]> {
  const rows = await db.$queryRaw<{ code: string; name: string; households: bigint | null; active_terminals: bigint | null }[]>`
    SELECT u.code, u.name, h.n AS households, t.n AS active_terminals
    FROM admin_unit u
    LEFT JOIN (SELECT ward_id, count(*) AS n FROM household GROUP BY ward_id) h ON h.ward_id = u.id
    LEFT JOIN (SELECT ward_id, count(*) AS n FROM terminal WHERE status = 'active' GROUP BY ward_id) t ON t.ward_id = u.id
    WHERE u.level = 'ward' AND u.valid_to IS NULL
    ORDER BY u.code`;
  return rows.map((row) => {
    const households = toSafeNumber(row.households);
    const activeTerminals = toSafeNumber(row.active_terminals);
    return { code: row.code, name: row.name, households, activeTerminals, coverage: ratio(activeTerminals, households) };
  });
}

/**
 * Monthly payment value and count by service for the `months` calendar months ending with the
 * current one (which is still running), from the payment_daily rollup. Months without payments
 * are present with zeros so a chart's time axis has no gaps.
 */
export async function paymentsTrend(db: Reader, months = 12, now: Date = new Date()): Promise<PaymentsTrend> {
  const rows = await db.$queryRaw<{ month: string; service: string | null; count: bigint | null; amount: bigint | null }[]>`
    WITH anchor AS (
      SELECT ${monthStartLocal(now)} AS current_month
    ), months AS (
      SELECT generate_series(current_month - make_interval(months => ${months - 1}::int), current_month, interval '1 month') AS month
      FROM anchor
    ), totals AS (
      SELECT date_trunc('month', p.day::timestamp) AS month, p.service, sum(p.count)::bigint AS count, sum(p.amount_vnd)::bigint AS amount
      FROM payment_daily p, anchor a
      WHERE p.day >= (a.current_month - make_interval(months => ${months - 1}::int))::date
        AND p.day < (a.current_month + interval '1 month')::date
      GROUP BY 1, 2
    )
    SELECT to_char(m.month, 'YYYY-MM') AS month, t.service::text AS service, t.count, t.amount
    FROM months m
    LEFT JOIN totals t ON t.month = m.month
    ORDER BY 1, 2`;

  const byMonth = new Map<string, TrendMonth>();
  for (const row of rows) {
    let entry = byMonth.get(row.month);
    if (!entry) {
      entry = { month: row.month, byService: emptyPayments(), totalVnd: 0 };
      byMonth.set(row.month, entry);
    }
    if (row.service && isPaymentService(row.service)) {
      const amountVnd = toSafeNumber(row.amount);
      entry.byService[row.service] = { count: toSafeNumber(row.count), amountVnd };
      entry.totalVnd += amountVnd;
    }
  }
  return { months: [...byMonth.values()] };
}
