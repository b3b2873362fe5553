// public_service codes → ids, for service_session events. The catalogue changes rarely, so it is
// read once and re-read when an event names a code we do not know (at most every few seconds, so
// a terminal sending garbage codes cannot turn every request into a catalogue read).
import type { PrismaClient } from "../db/generated/client";

type Reader = Pick<PrismaClient, "publicService">;

const RELOAD_AFTER_MISS_MS = 5_000;

export class ServiceCodes {
  private codes = new Map<string, number>();
  private loadedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly db: Reader) {}

  private async reload(now: number): Promise<void> {
    const rows = await this.db.publicService.findMany({ select: { id: true, code: true } });
    this.codes = new Map(rows.map((r) => [r.code, r.id]));
    this.loadedAt = now;
  }

  /** Makes sure every code in `wanted` that exists is known; returns the lookup. */
  async resolver(wanted: Iterable<string>, now = Date.now()): Promise<(code: string) => number | undefined> {
    let missing = false;
    for (const code of wanted) if (!this.codes.has(code)) missing = true;
    if (missing && now - this.loadedAt >= RELOAD_AFTER_MISS_MS) await this.reload(now);
    const codes = this.codes;
    return (code) => codes.get(code);
  }
}
