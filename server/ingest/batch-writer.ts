// Group commit for device batches. Each statement has a fixed cost (planning, commit, round trip)
// about as large as writing 100 events; so when requests arrive faster than the database answers,
// the batches waiting meanwhile are written together in the next statement. At low load nothing
// waits on PostgreSQL: a batch goes out at once whenever fewer than `maxInFlight` statements are
// running (PGlite waits `lingerMs`, see below).
// A terminal's batches never share a statement (each terminal's outcome must be its own), and a
// statement that fails for any reason but a deadlock is retried batch by batch, so one bad batch
// cannot fail the others it was grouped with.
import type { Database } from "../db/client";
import { writeBatches, type BatchOutcome, type TerminalBatch } from "./write-batch";

interface Pending extends TerminalBatch {
  resolve(outcome: BatchOutcome): void;
  reject(error: unknown): void;
}

export interface BatchWriterOptions {
  /**
   * Statements running at once: 1 on PGlite (one connection anyway); 2 on PostgreSQL by default,
   * which measured best on the 2-core benchmark machine (fewer statements in flight → more batches
   * per statement → less CPU per event); raise it for a database server with more cores.
   */
  maxInFlight: number;
  /** A statement takes waiting batches until it holds this many events. */
  maxEventsPerStatement: number;
  /**
   * Milliseconds a statement waits for company before it goes out. PGlite runs each statement
   * synchronously on the event loop, so no request can arrive "while it runs" and batches would
   * never meet; a short wait lets the requests already received join. PostgreSQL needs none.
   */
  lingerMs: number;
}

export function defaultWriterOptions(kind: Database["kind"], env: Record<string, string | undefined> = process.env): BatchWriterOptions {
  const read = (name: string) => (env[name]?.trim() ? Number(env[name]) : Number.NaN);
  const inFlight = read("INGEST_WRITE_CONCURRENCY");
  const events = read("INGEST_EVENTS_PER_STATEMENT");
  const linger = read("INGEST_LINGER_MS");
  return {
    maxInFlight: Number.isInteger(inFlight) && inFlight > 0 ? inFlight : kind === "pglite" ? 1 : 2,
    maxEventsPerStatement: Number.isInteger(events) && events > 0 ? events : 1_000,
    lingerMs: Number.isFinite(linger) && linger >= 0 ? linger : kind === "pglite" ? 2 : 0,
  };
}

export class BatchWriter {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private lingering: NodeJS.Timeout | null = null;
  /** Statements written, and batches in them: batches ÷ statements is the grouping achieved. */
  readonly stats = { statements: 0, batches: 0 };

  constructor(
    private readonly db: Database,
    private readonly options: BatchWriterOptions,
    private readonly clock: () => number = Date.now,
  ) {}

  write(batch: TerminalBatch): Promise<BatchOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...batch, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.lingering) return;
    const queued = this.queue.reduce((n, item) => n + item.events.length, 0);
    if (this.options.lingerMs > 0 && this.inFlight < this.options.maxInFlight && queued > 0 && queued < this.options.maxEventsPerStatement) {
      this.lingering = setTimeout(() => {
        this.lingering = null;
        this.dispatch();
      }, this.options.lingerMs);
      return;
    }
    this.dispatch();
  }

  private dispatch(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const group = this.takeGroup();
      this.inFlight++;
      void this.run(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The oldest waiting batches, one per terminal, up to the event budget (always at least one). */
  private takeGroup(): Pending[] {
    const group: Pending[] = [];
    const terminals = new Set<number>();
    let events = 0;
    for (let i = 0; i < this.queue.length; ) {
      const item = this.queue[i];
      if (group.length > 0 && (terminals.has(item.terminalId) || events + item.events.length > this.options.maxEventsPerStatement)) {
        i++;
        continue;
      }
      group.push(item);
      terminals.add(item.terminalId);
      events += item.events.length;
      this.queue.splice(i, 1);
      if (events >= this.options.maxEventsPerStatement) break;
    }
    return group;
  }

  private async run(group: Pending[]): Promise<void> {
    this.stats.statements++;
    this.stats.batches += group.length;
    try {
      const outcomes = await writeBatches(this.db, group, new Date(this.clock()));
      group.forEach((item, i) => item.resolve(outcomes[i]));
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      // Isolate the failure: each batch on its own, so only a batch that fails alone fails.
      for (const item of group) {
        try {
          const [outcome] = await writeBatches(this.db, [item], new Date(this.clock()));
          item.resolve(outcome);
        } catch (single) {
          item.reject(single);
        }
      }
    }
  }
}
