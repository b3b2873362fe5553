#!/usr/bin/env tsx
// `npm run bench`: the figures issue 2 asks for, each beside a baseline measured in the same run
// on the same machine. Prints a table and writes tests/bench/results/latest.json.
// Each part says clearly why it was skipped when its prerequisite is not there.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { machineInfo } from "./machine";
import { benchSeed } from "./seed";
import { benchStart } from "./start-time";
import { benchPageLoad } from "./page-load";
import { startCivicHub, untilOk } from "./server";
import { chromiumExecutable } from "../../playwright.config";
import type { Figure, Skipped } from "./stats";

const port = Number(process.env.BENCH_PORT ?? 3410);
const resultsFile = path.resolve("tests/bench/results/latest.json");

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}

function show(value: number, unit: "s" | "ms"): string {
  return unit === "s" ? `${value.toFixed(2)} s` : `${Math.round(value)} ms`;
}

function printTable(figures: Figure[], skipped: Skipped[]): void {
  const rows = figures.map((f) => [f.name, show(f.value, f.unit), `${f.baseline.name}: ${show(f.baseline.value, f.baseline.unit)}`, f.notes ?? ""]);
  const header = ["figure", "value", "baseline (same run)", "notes"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  console.log(`\n${line(header)}\n${widths.map((w) => "─".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  for (const s of skipped) console.log(`skipped: ${s.name}: ${s.reason}`);
}

async function main() {
  const machine = machineInfo();
  console.error(`bench on ${machine.cpuModel} × ${machine.cores}, ${machine.ramGiB} GiB, Node ${machine.node}, load ${machine.loadAverage1m}`);
  const root = mkdtempSync(path.join(os.tmpdir(), "civic-bench-"));
  const figures: Figure[] = [];
  const skipped: Skipped[] = [];
  try {
    let dataDir: string | undefined;
    console.error("1/3 demo seed on a fresh PGlite directory…");
    try {
      const seed = await benchSeed(root);
      figures.push(seed.figure);
      dataDir = seed.dataDir;
    } catch (error) {
      skipped.push({ name: "demo seed", reason: `seedCity failed: ${reason(error)}` });
    }

    if (!dataDir) {
      skipped.push({ name: "npm start time", reason: "needs the seeded database from the seed step" });
      skipped.push({ name: "overview page load", reason: "needs the seeded database from the seed step" });
    } else {
      console.error("2/3 npm start to first response (warm install)…");
      try {
        figures.push(await benchStart(root, dataDir, port));
      } catch (error) {
        skipped.push({ name: "npm start time", reason: reason(error) });
      }

      console.error("3/3 overview page load in headless Chromium…");
      if (!existsSync(chromiumExecutable)) {
        skipped.push({ name: "overview page load", reason: `no Chromium at ${chromiumExecutable} (apt-get install -y chromium)` });
      } else {
        const server = startCivicHub(dataDir, port);
        try {
          await untilOk(`http://127.0.0.1:${port}/login`, server, performance.now(), 300_000);
          const page = await benchPageLoad(`http://127.0.0.1:${port}`);
          figures.push(...page.figures);
          skipped.push(...page.skipped);
        } catch (error) {
          skipped.push({ name: "overview page load", reason: reason(error) });
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }

  printTable(figures, skipped);
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, figures, skipped }, null, 2)}\n`);
  console.error(`\nwrote ${path.relative(process.cwd(), resultsFile)}`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
