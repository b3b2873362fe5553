import { openDatabase, type Database } from "./client";

declare global {
  // Survives Vite's module reloads in development, so the embedded database is opened once per process.
  var __civicHubDatabase: Promise<Database> | undefined;
}

/** The process's one database handle (PGlite allows a single opener per data directory). */
export function getDatabase(): Promise<Database> {
  globalThis.__civicHubDatabase ??= openDatabase();
  return globalThis.__civicHubDatabase;
}

/** For tests and tools that bring their own database (an in-memory PGlite, a throwaway PostgreSQL). */
export function setDatabase(db: Database): void {
  globalThis.__civicHubDatabase = Promise.resolve(db);
}
