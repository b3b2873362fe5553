import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { databaseTarget, type DatabaseTarget } from "./config";
import { openPGlite } from "./pglite";

export type { PrismaClient };

/**
 * Everything a process needs to talk to its database: the Prisma client for typed queries,
 * and a raw handle for what Prisma does not do (COPY for bulk loads).
 */
export interface Database {
  kind: DatabaseTarget["kind"];
  prisma: PrismaClient;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Bulk-load CSV text (with header row) into a table's columns. */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
  /** Runs a multi-statement SQL script. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget = databaseTarget()): Promise<Database> {
  return target.kind === "pglite" ? openPGliteDatabase(await openPGlite(target.dataDir)) : openPostgresDatabase(target.url);
}

export function openPGliteDatabase(pglite: PGlite): Database {
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: "pglite",
    prisma,
    adapterFactory,
    async copyCsv(table, columns, csv) {
      const cols = columns.map(quoteIdent).join(", ");
      await pglite.query(`COPY ${quoteIdent(table)} (${cols}) FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob: new Blob([csv]),
      });
    },
    async exec(sql) {
      await pglite.exec(sql);
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

function openPostgresDatabase(url: string): Database {
  // UTC sessions: the Prisma driver adapters send and read timestamps as UTC, so any other session
  // zone would shift every Date by its offset. Local time is applied explicitly (AT TIME ZONE, Intl).
  const pool = new pg.Pool({ connectionString: url, max: 10, options: "-c TimeZone=UTC" });
  const adapterFactory = new PrismaPg(pool);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: "postgres",
    prisma,
    adapterFactory: new PrismaPg({ connectionString: url, options: "-c TimeZone=UTC" }),
    async copyCsv(table, columns, csv) {
      const { from } = await import("pg-copy-streams");
      const { pipeline } = await import("node:stream/promises");
      const { Readable } = await import("node:stream");
      const client = await pool.connect();
      try {
        const cols = columns.map(quoteIdent).join(", ");
        const stream = client.query(from(`COPY ${quoteIdent(table)} (${cols}) FROM STDIN WITH (FORMAT csv, HEADER true)`));
        await pipeline(Readable.from([csv]), stream);
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}
