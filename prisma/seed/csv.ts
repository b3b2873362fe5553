// CSV for COPY … FROM (FORMAT csv): an unquoted empty field is NULL, "" is the empty string.
import type { Database } from "../../server/db/client";

export type Cell = string | number | bigint | boolean | null | undefined | Date;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return value.toISOString();
  return value === "" || /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(values: readonly Cell[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i ? "," : "") + csvCell(values[i]);
  return line;
}

/** A PostgreSQL array literal for a text[] column (elements here are plain words). */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

/** Collects rows for one table and COPYs them in chunks, so memory stays bounded. */
export class CopyWriter {
  private lines: string[] = [];
  total = 0;

  constructor(
    private readonly db: Database,
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  get pending(): number {
    return this.lines.length;
  }

  add(values: readonly Cell[]): void {
    this.lines.push(csvRow(values));
  }

  /** For hot paths that format their own line (same column order, already escaped). */
  addLine(line: string): void {
    this.lines.push(line);
  }

  /** Takes the buffered rows as one COPY body (with header), or null when there are none. */
  take(): string | null {
    if (this.lines.length === 0) return null;
    const body = `${this.columns.join(",")}\n${this.lines.join("\n")}\n`;
    this.total += this.lines.length;
    this.lines = [];
    return body;
  }

  async copy(body: string | null): Promise<void> {
    if (body !== null) await this.db.copyCsv(this.table, [...this.columns], body);
  }

  async flush(): Promise<void> {
    await this.copy(this.take());
  }
}

/**
 * Writers flushed together, in order (parents before children, for foreign keys), as soon as any of
 * them holds `chunkRows` rows. One flush may be in flight while the next chunk is generated, so on
 * PostgreSQL the server loads while JavaScript generates; all buffers are taken at the same instant,
 * so a child row is never copied before its parent.
 */
export class CopyGroup {
  private inflight: Promise<void> | null = null;

  constructor(
    readonly writers: CopyWriter[],
    private readonly chunkRows: number,
  ) {}

  async flushIfFull(): Promise<void> {
    if (!this.writers.some((w) => w.pending >= this.chunkRows)) return;
    if (this.inflight) await this.inflight;
    const bodies = this.writers.map((w) => w.take());
    const run = (async () => {
      for (const [i, w] of this.writers.entries()) await w.copy(bodies[i]);
    })();
    // Marked as handled now; the error still surfaces at the next flush.
    run.catch(() => undefined);
    this.inflight = run;
  }

  async flush(): Promise<void> {
    if (this.inflight) await this.inflight;
    this.inflight = null;
    for (const w of this.writers) await w.flush();
  }
}

/** Write a handful of rows in one COPY. */
export async function copyRows(db: Database, table: string, columns: readonly string[], rows: readonly (readonly Cell[])[]): Promise<number> {
  const writer = new CopyWriter(db, table, columns);
  for (const row of rows) writer.add(row);
  await writer.flush();
  return rows.length;
}
