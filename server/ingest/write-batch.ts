// Writes validated batches — one or several, each from a different terminal — as ONE SQL statement:
// one round trip, atomic without an explicit transaction, and idempotent. Several batches per
// statement is how the writer (batch-writer.ts) shares the fixed cost of a statement (planning,
// commit, round trip: ~3 ms on PostgreSQL, ~4 ms on PGlite) when requests arrive faster than the
// database answers. What the statement does:
//   1. lock the terminal rows (FOR UPDATE, by primary key, in id order) and re-check that each may
//      still report (provisioned/active): a decommission by another process is seen here even when
//      the credentials cache has not caught up; a terminal that may not report writes nothing;
//   2. INSERT … ON CONFLICT (event_id) DO NOTHING RETURNING into heartbeat, payment, service_session:
//      only events that were not there before come back, so a retried batch — or two identical
//      batches at once, the second waiting on the first's row lock and index entries — counts once;
//   3. add exactly those new events to the rollups: payment_daily (successful payments), and
//      terminal_daily (heartbeats, sessions, and active_terminals for each local day a terminal had
//      not reported on before, read from its presence bits), rows upserted in key order;
//   4. advance each terminal: last_seen_at, presence bits, provisioned → active (history + audit rows).
// Days are local days in Asia/Ho_Chi_Minh whatever the session time zone. See docs/decisions/0007.
import type { Database } from "../db/client";
import type { DeviceEvent } from "./events";

export interface BatchOutcome {
  /** False when the terminal was decommissioned or replaced meanwhile: nothing of its batch was written. */
  terminalLive: boolean;
  accepted: number;
}

export interface TerminalBatch {
  terminalId: number;
  events: readonly DeviceEvent[];
}

const TZ = "'Asia/Ho_Chi_Minh'";
/** Presence bits cover this many days back from presence_day (a bigint without its sign bit). */
export const PRESENCE_DAYS = 63;

/**
 * Event times travel as epoch milliseconds: PostgreSQL parses an integer several times faster than
 * ISO 8601 text, and epoch + n ms is exact (no float rounding).
 */
const at = (ms: string) => `(timestamptz 'epoch' + ${ms} * interval '1 millisecond')`;

const sql = `
WITH
req AS (
  SELECT terminal, ${at("min_at")} AS min_at, ${at("max_at")} AS max_at FROM json_to_recordset($1::json) AS q(terminal int, min_at bigint, max_at bigint)
),
locked AS (
  -- "= ANY(ARRAY(…))" keeps this a primary-key lookup: joined to json_to_recordset (which the
  -- planner guesses at 100 rows) it would become a scan of the whole terminal table.
  SELECT id, code, status, ward_id, household_id, presence_day, presence_bits, last_seen_at
  FROM terminal
  WHERE id = ANY (ARRAY(SELECT terminal FROM req)) AND status IN ('provisioned', 'active')
  ORDER BY id
  FOR UPDATE
),
term AS (
  SELECT t.id, t.code, t.status, t.ward_id, t.household_id, q.min_at, q.max_at,
         coalesce(t.presence_day, (t.last_seen_at AT TIME ZONE ${TZ})::date) AS old_day,
         CASE WHEN t.presence_day IS NOT NULL THEN t.presence_bits WHEN t.last_seen_at IS NOT NULL THEN 1 ELSE 0 END::bigint AS old_bits
  FROM locked t JOIN req q ON q.terminal = t.id
),
ins_h AS (
  INSERT INTO heartbeat (event_id, terminal_id, ward_id, at, signal_dbm, mcc_mnc, firmware, received_at)
  SELECT e.id, t.id, t.ward_id, ${at("e.at")}, e.signal_dbm, e.mcc_mnc, e.firmware, $5::timestamptz
  FROM json_to_recordset($2::json) AS e(terminal int, id uuid, at bigint, signal_dbm int, mcc_mnc text, firmware text) JOIN term t ON t.id = e.terminal
  ON CONFLICT (event_id) DO NOTHING
  RETURNING terminal_id, ward_id, at
),
ins_p AS (
  INSERT INTO payment (event_id, terminal_id, household_id, ward_id, service, amount_vnd, biller, status, at, received_at)
  SELECT e.id, t.id, t.household_id, t.ward_id, e.service, e.amount_vnd, e.biller, e.status, ${at("e.at")}, $5::timestamptz
  FROM json_to_recordset($3::json) AS e(terminal int, id uuid, at bigint, service "PaymentService", amount_vnd bigint, biller text, status "PaymentStatus") JOIN term t ON t.id = e.terminal
  ON CONFLICT (event_id) DO NOTHING
  RETURNING terminal_id, ward_id, at, service, amount_vnd, status
),
ins_s AS (
  INSERT INTO service_session (event_id, terminal_id, household_id, ward_id, service_id, at, duration_sec, received_at)
  SELECT e.id, t.id, t.household_id, t.ward_id, e.service_id, ${at("e.at")}, e.duration_sec, $5::timestamptz
  FROM json_to_recordset($4::json) AS e(terminal int, id uuid, at bigint, service_id int, duration_sec int) JOIN term t ON t.id = e.terminal
  ON CONFLICT (event_id) DO NOTHING
  RETURNING terminal_id, ward_id, at
),
ins AS (
  SELECT terminal_id, ward_id, at FROM ins_h
  UNION ALL SELECT terminal_id, ward_id, at FROM ins_p
  UNION ALL SELECT terminal_id, ward_id, at FROM ins_s
),
new_days AS (
  SELECT DISTINCT terminal_id, (at AT TIME ZONE ${TZ})::date AS day FROM ins
),
presence AS (
  SELECT t.id, t.ward_id, t.min_at, t.max_at, p.new_day,
         CASE WHEN t.old_day IS NULL OR p.new_day - t.old_day >= ${PRESENCE_DAYS} THEN 0::bigint
              ELSE (t.old_bits << (p.new_day - t.old_day)) & 9223372036854775807 END AS old_shifted
  FROM term t
  CROSS JOIN LATERAL (SELECT greatest(t.old_day, (SELECT max(d.day) FROM new_days d WHERE d.terminal_id = t.id)) AS new_day) p
),
fresh_days AS (
  SELECT p.id, p.ward_id, d.day, (1::bigint << (p.new_day - d.day)) AS bit
  FROM new_days d JOIN presence p ON p.id = d.terminal_id
  WHERE p.new_day - d.day < ${PRESENCE_DAYS} AND ((p.old_shifted >> (p.new_day - d.day)) & 1) = 0
),
upd AS (
  UPDATE terminal x SET
    last_seen_at = greatest(x.last_seen_at, p.max_at),
    installed_at = coalesce(x.installed_at, p.min_at),
    status = 'active',
    presence_day = p.new_day,
    presence_bits = p.old_shifted | coalesce((SELECT bit_or(f.bit) FROM fresh_days f WHERE f.id = p.id), 0)
  FROM presence p
  WHERE x.id = ANY (ARRAY(SELECT id FROM presence)) AND x.id = p.id
  RETURNING x.id
),
activation AS (
  INSERT INTO terminal_status_change (terminal_id, from_status, to_status, at, actor_kind, actor_id, reason)
  SELECT id, 'provisioned', 'active', $5::timestamptz, 'device', code, 'first accepted event' FROM term WHERE status = 'provisioned'
  RETURNING terminal_id
),
activation_audit AS (
  INSERT INTO audit_log (at, actor_kind, actor_id, action, entity, entity_id, details)
  SELECT $5::timestamptz, 'device', code, 'terminal.activate', 'terminal', code, json_build_object('firstEventAt', min_at)::jsonb FROM term WHERE status = 'provisioned'
  RETURNING id
),
td AS (
  INSERT INTO terminal_daily (ward_id, day, active_terminals, heartbeats, service_sessions)
  SELECT ward_id, day, sum(a)::int, sum(h)::int, sum(s)::int
  FROM (
    SELECT ward_id, day, 1 AS a, 0 AS h, 0 AS s FROM fresh_days
    UNION ALL SELECT ward_id, (at AT TIME ZONE ${TZ})::date, 0, 1, 0 FROM ins_h
    UNION ALL SELECT ward_id, (at AT TIME ZONE ${TZ})::date, 0, 0, 1 FROM ins_s
  ) x
  GROUP BY ward_id, day
  ORDER BY ward_id, day
  ON CONFLICT (ward_id, day) DO UPDATE SET
    active_terminals = terminal_daily.active_terminals + excluded.active_terminals,
    heartbeats = terminal_daily.heartbeats + excluded.heartbeats,
    service_sessions = terminal_daily.service_sessions + excluded.service_sessions
  RETURNING 1
),
pd AS (
  INSERT INTO payment_daily (ward_id, day, service, count, amount_vnd)
  SELECT ward_id, (at AT TIME ZONE ${TZ})::date, service, count(*)::int, sum(amount_vnd)
  FROM ins_p
  WHERE status = 'success'
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (ward_id, day, service) DO UPDATE SET
    count = payment_daily.count + excluded.count,
    amount_vnd = payment_daily.amount_vnd + excluded.amount_vnd
  RETURNING 1
)
-- Data-modifying CTEs run to completion whether or not the final SELECT reads them.
SELECT q.terminal, (t.id IS NOT NULL) AS live, coalesce(a.n, 0)::int AS accepted
FROM req q
LEFT JOIN term t ON t.id = q.terminal
LEFT JOIN (SELECT terminal_id, count(*) AS n FROM ins GROUP BY terminal_id) a ON a.terminal_id = q.terminal
`;

/**
 * Writes batches of distinct terminals in one statement; the outcomes are in the order of `batches`.
 * Each batch must hold at least one event, de-duplicated by id.
 */
export async function writeBatches(db: Database, batches: readonly TerminalBatch[], receivedAt: Date): Promise<BatchOutcome[]> {
  const requests: object[] = [];
  const heartbeats: object[] = [];
  const payments: object[] = [];
  const sessions: object[] = [];
  const seen = new Set<number>();
  for (const { terminalId: terminal, events } of batches) {
    if (seen.has(terminal)) throw new Error(`writeBatches: terminal ${terminal} appears twice; write its batches one after the other`);
    if (events.length === 0) throw new Error("writeBatches: a batch needs at least one event");
    seen.add(terminal);
    let minAt = Number.POSITIVE_INFINITY;
    let maxAt = Number.NEGATIVE_INFINITY;
    for (const e of events) {
      if (e.at < minAt) minAt = e.at;
      if (e.at > maxAt) maxAt = e.at;
      if (e.type === "heartbeat") heartbeats.push({ terminal, id: e.id, at: e.at, signal_dbm: e.signalDbm, mcc_mnc: e.mccMnc, firmware: e.firmware });
      else if (e.type === "payment") payments.push({ terminal, id: e.id, at: e.at, service: e.service, amount_vnd: e.amountVnd, biller: e.biller, status: e.status });
      else sessions.push({ terminal, id: e.id, at: e.at, service_id: e.serviceId, duration_sec: e.durationSec });
    }
    requests.push({ terminal, min_at: minAt, max_at: maxAt });
  }
  const rows = await withDeadlockRetry(() =>
    db.prisma.$queryRawUnsafe<{ terminal: number; live: boolean; accepted: number }[]>(
      sql,
      JSON.stringify(requests),
      JSON.stringify(heartbeats),
      JSON.stringify(payments),
      JSON.stringify(sessions),
      receivedAt.toISOString(),
    ),
  );
  const byTerminal = new Map(rows.map((r) => [r.terminal, r]));
  return batches.map((b) => {
    const row = byTerminal.get(b.terminalId);
    return { terminalLive: Boolean(row?.live), accepted: row?.accepted ?? 0 };
  });
}

/**
 * Statements of different terminals in one ward meet on the same rollup rows. Terminals are locked
 * in id order and rollup rows upserted in key order, which prevents most lock cycles; a deadlock
 * that still happens is retried (the whole statement was rolled back, so a retry is a first try).
 */
async function withDeadlockRetry<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? "")}` : String(error);
      const retryable = /40P01|40001|deadlock detected|could not serialize/i.test(text);
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
