// What ingestion needs to authenticate a terminal, read by code and kept for a short while: a
// terminal sends a batch every few minutes, and opening its sealed secret on every request is
// wasted work. The cache is only a shortcut for the signature check — the write itself re-checks
// the terminal's status under a row lock, so a terminal decommissioned by another process is
// refused at the latest when its cached entry would have let it write.
import type { PrismaClient, TerminalStatus } from "../db/generated/client";
import { openSecret } from "./secret-box";

export interface TerminalCredentials {
  id: number;
  code: string;
  wardId: number;
  householdId: number;
  status: TerminalStatus;
  /** The HMAC key: the UTF-8 bytes of the terminal secret. */
  hmacKey: Buffer;
}

type Reader = Pick<PrismaClient, "terminal">;

interface Entry {
  expires: number;
  value: TerminalCredentials | null;
}

const MAX_ENTRIES = 200_000;
const entries = new Map<string, Entry>();

/** Seconds an entry lives (TERMINAL_CACHE_SECONDS, default 60; 0 disables the cache). */
function ttlMs(): number {
  const raw = Number(process.env.TERMINAL_CACHE_SECONDS ?? 60);
  return Number.isFinite(raw) && raw >= 0 ? raw * 1000 : 60_000;
}

async function load(db: Reader, code: string): Promise<TerminalCredentials | null> {
  const row = await db.terminal.findUnique({ where: { code }, select: { id: true, code: true, wardId: true, householdId: true, status: true, secret: true } });
  if (!row) return null;
  return { id: row.id, code: row.code, wardId: row.wardId, householdId: row.householdId, status: row.status, hmacKey: Buffer.from(openSecret(row.secret, row.code), "utf8") };
}

/** The terminal's credentials, or null when no terminal has this code. */
export async function terminalCredentials(db: Reader, code: string, now = Date.now()): Promise<TerminalCredentials | null> {
  const hit = entries.get(code);
  if (hit && hit.expires > now) return hit.value;
  const value = await load(db, code);
  const ttl = ttlMs();
  if (ttl > 0) {
    if (entries.size >= MAX_ENTRIES) {
      // Oldest first (a Map iterates in insertion order): drop a tenth at once rather than one per miss.
      let drop = MAX_ENTRIES / 10;
      for (const key of entries.keys()) {
        entries.delete(key);
        if (--drop <= 0) break;
      }
    }
    // Unknown codes are remembered briefly too, so a flood of made-up codes does not become a flood of queries.
    entries.set(code, { expires: now + (value ? ttl : Math.min(ttl, 5_000)), value });
  }
  return value;
}

/** Forget a terminal after a lifecycle change in this process (decommission, replace). */
export function forgetTerminalCredentials(code?: string): void {
  if (code === undefined) entries.clear();
  else entries.delete(code);
}
