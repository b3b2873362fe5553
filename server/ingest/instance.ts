// The device API handler of this process, over the process's database (server/db/instance.ts).
// One per process: the rate-limit buckets and the caches must be shared by all requests.
import { getDatabase } from "../db/instance";
import { createIngestHandler, type IngestHandler } from "./handler";

declare global {
  // Survives Vite's module reloads in development, like the database handle.
  var __civicHubIngest: Promise<IngestHandler> | undefined;
}

export function getIngestHandler(): Promise<IngestHandler> {
  globalThis.__civicHubIngest ??= getDatabase().then((db) => createIngestHandler({ db }));
  return globalThis.__civicHubIngest;
}
