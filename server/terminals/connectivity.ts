// Connectivity like ThingsBoard's device state: a terminal is active while it has reported within
// the inactivity timeout (TERMINAL_INACTIVITY_MINUTES, default 15), inactive after that, and
// "never" until its first accepted event. Activity is last_seen_at — the latest event time of any
// accepted event (heartbeats are the regular ones; a payment proves the link just as well).
// Only installed terminals count (provisioned or active); replaced and decommissioned ones are history.
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";

/** The environment variables read here (process.env, or a plain object in tests). */
type Env = Record<string, string | undefined>;

export type ConnectivityState = "active" | "inactive" | "never";

export interface TerminalConnectivity {
  state: ConnectivityState;
  lastActivityAt: Date | null;
  /** When it became inactive (last activity + the timeout); null unless inactive. */
  offlineSince: Date | null;
}

export interface WardConnectivity {
  wardId: number;
  wardCode: string;
  wardName: string;
  total: number;
  active: number;
  inactive: number;
  neverSeen: number;
}

export const DEFAULT_INACTIVITY_MINUTES = 15;

export function inactivityMinutes(env: Env = process.env): number {
  const raw = env.TERMINAL_INACTIVITY_MINUTES;
  if (raw === undefined || raw.trim() === "") return DEFAULT_INACTIVITY_MINUTES;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`TERMINAL_INACTIVITY_MINUTES must be a positive number of minutes (got "${raw}")`);
  return value;
}

export function terminalState(lastSeenAt: Date | null, now: Date, timeoutMinutes = inactivityMinutes()): TerminalConnectivity {
  if (!lastSeenAt) return { state: "never", lastActivityAt: null, offlineSince: null };
  const timeoutMs = timeoutMinutes * 60_000;
  if (now.getTime() - lastSeenAt.getTime() <= timeoutMs) return { state: "active", lastActivityAt: lastSeenAt, offlineSince: null };
  return { state: "inactive", lastActivityAt: lastSeenAt, offlineSince: new Date(lastSeenAt.getTime() + timeoutMs) };
}

/** One terminal's state, by code; null when no terminal has the code. */
export async function terminalConnectivity(db: Database, code: string, now: Date, timeoutMinutes = inactivityMinutes()) {
  const t = await db.prisma.terminal.findUnique({ where: { code }, select: { code: true, status: true, lastSeenAt: true } });
  return t ? { code: t.code, status: t.status, ...terminalState(t.lastSeenAt, now, timeoutMinutes) } : null;
}

/**
 * Installed terminals per ward by state at `now`. Every current ward appears (zeros where it has no
 * terminal), and so does any older ward that still holds terminals.
 */
export async function connectivityByWard(db: Database, now: Date, timeoutMinutes = inactivityMinutes()): Promise<WardConnectivity[]> {
  const since = new Date(now.getTime() - timeoutMinutes * 60_000);
  const rows = await db.prisma.$queryRaw<{ ward_id: number; code: string; name: string; total: number; active: number; never: number }[]>(Prisma.sql`
    WITH t AS (
      SELECT ward_id,
             count(*)::int AS total,
             count(*) FILTER (WHERE last_seen_at >= ${since})::int AS active,
             count(*) FILTER (WHERE last_seen_at IS NULL)::int AS never
      FROM terminal
      WHERE status IN ('provisioned', 'active')
      GROUP BY ward_id
    )
    SELECT u.id AS ward_id, u.code, u.name, coalesce(t.total, 0) AS total, coalesce(t.active, 0) AS active, coalesce(t.never, 0) AS never
    FROM admin_unit u LEFT JOIN t ON t.ward_id = u.id
    WHERE u.level = 'ward' AND (u.valid_to IS NULL OR t.total > 0)
    ORDER BY u.code`);
  return rows.map((r) => ({ wardId: r.ward_id, wardCode: r.code, wardName: r.name, total: r.total, active: r.active, neverSeen: r.never, inactive: r.total - r.active - r.never }));
}
