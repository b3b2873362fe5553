#!/usr/bin/env node
// Runs `prisma generate` offline.
// Why the wrapper: the prisma CLI insists on downloading a native schema engine before
// `generate`, even though generate never runs it, and that download is impossible on an
// air-gapped machine. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing executable
// satisfies the check. Migrations never use that binary: they run through
// @prisma/schema-engine-wasm (see server/db/migrate.ts).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
if (!existsSync(cli)) {
  console.error("prisma-generate: node_modules/prisma is not installed yet; skipping.");
  process.exit(0);
}
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
const result = spawnSync(process.execPath, [cli, "generate"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
