// Rollups computed in SQL from the raw tables right after the bulk load, so they equal the raw data
// by construction: payment_daily (successful payments per ward, local day and service) and
// terminal_daily (per ward and local day).
//
// terminal_daily has two sources. Raw heartbeats are kept for 24 hours only (as in production), so
// only today (local) is counted from the heartbeat table: "today so far". Every earlier day, yesterday
// included, is synthesised per ward and day as the nightly rollup would have recorded it before its
// raw heartbeats aged out: terminals installed by that day and not yet silent, times a deterministic
// 93–99 % daily reporting rate, ~3 heartbeats each (one every ~8 hours). Service sessions are always
// counted from the raw service_session table (kept for 12 months).
import type { Database } from "../../server/db/client";
import { DAY, TIME_ZONE, localDate } from "./time";

const tz = `'${TIME_ZONE}'`;

export async function buildRollups(db: Database, seed: number, now: Date): Promise<void> {
  const nowMs = now.getTime();
  const firstDay = localDate(nowMs - 365 * DAY);
  const rawFrom = localDate(nowMs);
  const salt = (Math.abs(Math.trunc(seed)) % 1_000_003) + 17;
  await db.exec(`
    INSERT INTO payment_daily (ward_id, day, service, count, amount_vnd)
    SELECT ward_id, (at AT TIME ZONE ${tz})::date, service, count(*), sum(amount_vnd)
    FROM payment WHERE status = 'success'
    GROUP BY 1, 2, 3;

    INSERT INTO terminal_daily (ward_id, day, active_terminals, heartbeats, service_sessions)
    WITH days AS (
      SELECT d::date AS day FROM generate_series(DATE '${firstDay}', DATE '${rawFrom}' - 1, INTERVAL '1 day') d
    ),
    deltas AS (
      SELECT ward_id, greatest((installed_at AT TIME ZONE ${tz})::date, DATE '${firstDay}') AS day, 1 AS delta
      FROM terminal WHERE installed_at IS NOT NULL AND last_seen_at IS NOT NULL
      UNION ALL
      SELECT ward_id, greatest((last_seen_at AT TIME ZONE ${tz})::date + 1, DATE '${firstDay}'), -1
      FROM terminal WHERE installed_at IS NOT NULL AND last_seen_at IS NOT NULL
    ),
    daily AS (SELECT ward_id, day, sum(delta) AS delta FROM deltas GROUP BY 1, 2),
    grid AS (SELECT w.ward_id, d.day FROM (SELECT DISTINCT ward_id FROM terminal) w CROSS JOIN days d),
    live AS (
      SELECT g.ward_id, g.day,
             sum(coalesce(dl.delta, 0)) OVER (PARTITION BY g.ward_id ORDER BY g.day) AS live
      FROM grid g LEFT JOIN daily dl ON dl.ward_id = g.ward_id AND dl.day = g.day
    ),
    synth AS (
      SELECT ward_id, day,
             round(live * (0.93 + 0.06 * ((((ward_id::bigint * 73856093) # ((day - DATE '${firstDay}')::bigint * 19349663) # ${salt}) % 1000) / 1000.0)))::int AS active
      FROM live WHERE live > 0
    )
    SELECT ward_id, day, sum(active)::int, sum(beats)::int, sum(sessions)::int
    FROM (
      SELECT ward_id, day, active, round(active * (2.8 + 0.4 * (((ward_id::bigint * 83492791) # ((day - DATE '${firstDay}')::bigint * 2654435761)) % 100) / 100.0))::int AS beats, 0 AS sessions
      FROM synth WHERE active > 0
      UNION ALL
      SELECT ward_id, (at AT TIME ZONE ${tz})::date, count(DISTINCT terminal_id), count(*), 0
      FROM heartbeat GROUP BY 1, 2
      UNION ALL
      SELECT ward_id, (at AT TIME ZONE ${tz})::date, 0, 0, count(*)
      FROM service_session GROUP BY 1, 2
    ) x
    GROUP BY ward_id, day;
  `);
}
