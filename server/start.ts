#!/usr/bin/env tsx
// `npm start`: migrate, seed the demo city when the database is empty, build when the build is
// missing or older than the sources, then serve on PORT (default 3000).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { getDatabase } from "./db/instance";
import { applyMigrations } from "./db/migrate";
import { databaseTarget } from "./db/config";
import { seedCity } from "../prisma/seed/index";
import { terminalProgress } from "./cli/progress";

const root = process.cwd();
const buildEntry = path.join(root, "build", "server", "index.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const sources = Math.max(newestMtime(path.join(root, "app")), newestMtime(path.join(root, "server")), statSync(path.join(root, "vite.config.ts")).mtimeMs);
  if (existsSync(buildEntry) && statSync(buildEntry).mtimeMs >= sources) return;
  console.error("building the app (first start or sources changed)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], { stdio: ["ignore", "inherit", "inherit"], cwd: root });
  if (result.status !== 0) throw new Error("the build failed; see the messages above");
}

async function main() {
  const startedAt = Date.now();
  const target = databaseTarget();
  console.error(target.kind === "pglite" ? `database: embedded PGlite in ${target.dataDir}` : "database: PostgreSQL (DATABASE_URL)");
  const db = await getDatabase();
  const applied = await applyMigrations(db.adapterFactory);
  if (applied.length) console.error(`applied ${applied.length} migration(s)`);

  const units = await db.prisma.adminUnit.count();
  if (units === 0 && process.env.SEED_ON_START !== "0") {
    console.error("empty database: generating the demo city (once)…");
    const summary = await seedCity(db, { preset: "demo", seed: 1, progress: terminalProgress() });
    if (summary.accounts.length) {
      console.error("\nDemo accounts (demo mode only; change or remove them before real use):");
      for (const a of summary.accounts) console.error(`  ${a.role.padEnd(8)} ${a.email.padEnd(32)} ${a.password}`);
      console.error("");
    }
  } else if (units > 0) {
    // A seed killed outright (kill -9) on PostgreSQL can leave a partial city: the finished seed
    // writes a seed.city audit row last, so its absence beside synthetic units gives it away.
    const synthetic = await db.prisma.adminUnit.count({ where: { source: "synthetic" } });
    const finished = await db.prisma.auditLog.count({ where: { action: "seed.city" } });
    if (synthetic > 0 && finished === 0) {
      console.error("warning: an earlier demo seed did not finish; run `npm run cli -- seed --force` to regenerate it");
    }
  }

  buildIfNeeded();
  const build = (await import(pathToFileURL(buildEntry).href)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use("/assets", express.static(path.join(root, "build", "client", "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "build", "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: "production" }));

  const port = Number(process.env.PORT ?? 3000);
  const server = app.listen(port, () => {
    console.error(`Civic Hub is ready on http://localhost:${port} (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
  });
  const stop = () => {
    server.close(() => {
      void db.close().finally(() => process.exit(0));
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`Civic Hub could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
