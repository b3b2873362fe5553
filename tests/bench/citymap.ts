#!/usr/bin/env tsx
// Benchmark of the leadership map's server side (standalone; not part of `npm run bench`):
//   1. citymap.wardMetrics for all units over a 30-day range — p50/p95 — beside the naive GROUP BY
//      over the raw payment table for the same range, measured in the same run;
//   2. terminal cluster tiles z10–z16 — p50/p95 uncached (first request of a tile: cut + encode)
//      and cached — plus the index's load and build time.
//
//   npx tsx tests/bench/citymap.ts [--data-dir DIR] [--runs N] [--out FILE]
// With --data-dir an existing PGlite directory is used (it must not be open elsewhere); with
// DATABASE_URL a PostgreSQL; otherwise a temporary PGlite directory. An empty database gets the demo
// city first.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase, type Database } from "../../server/db/client";
import { applyMigrations } from "../../server/db/migrate";
import { seedCity } from "../../prisma/seed/index";
import { silentProgress } from "../../server/cli/progress";
import { wardMetrics } from "../../server/citymap/ward-metrics";
import { cityToday } from "../../server/citymap/setup";
import { loadTerminalPoints } from "../../tiles/cluster-points";
import { buildClusterTiles } from "../../tiles/terminal-clusters";
import { machineInfo } from "./machine";

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

interface Row {
  name: string;
  samples: number;
  p50: number;
  p95: number;
  notes?: string;
}

function row(name: string, samples: number[], notes?: string): Row {
  return { name, samples: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), notes };
}

async function time(run: () => unknown | Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const lonToX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return Math.floor((0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI) * 2 ** z);
};

async function benchMetrics(db: Database, runs: number): Promise<Row[]> {
  const to = cityToday();
  const from = addDays(to, -29);
  const rows: Row[] = [];
  const cases = [
    { layer: "2025", level: "ward" },
    { layer: "pre2025", level: "ward" },
    { layer: "pre2025", level: "district" },
  ] as const;
  for (const c of cases) {
    // Warm-up: builds the history routing once (cached per version afterwards, as in the server).
    await wardMetrics(db, { ...c, from, to });
    const fresh: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < runs; i++) fresh.push(await time(() => wardMetrics(db, { ...c, from, to }, { registerMaxAgeMs: 0 })));
    for (let i = 0; i < runs; i++) cached.push(await time(() => wardMetrics(db, { ...c, from, to })));
    const units = (await wardMetrics(db, { ...c, from, to })).units.length;
    rows.push(row(`wardMetrics ${c.layer}/${c.level}, 30 days, register counts re-read`, fresh, `${units} units`));
    rows.push(row(`wardMetrics ${c.layer}/${c.level}, 30 days, register counts shared (≤ 5 s old)`, cached, `${units} units`));
  }
  const naive: number[] = [];
  const naiveAll: number[] = [];
  const bounds = `($1::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AND at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`;
  const paymentsOnly = `SELECT ward_id, count(*), sum(amount_vnd) FROM payment WHERE status = 'success' AND at >= ${bounds} GROUP BY ward_id`;
  const everything = `SELECT u.id,
      (SELECT count(*) FROM household h WHERE h.ward_id = u.id),
      (SELECT count(*) FROM terminal t WHERE t.ward_id = u.id AND t.status = 'active'),
      p.n, p.amount, s.n
    FROM admin_unit u
    LEFT JOIN (SELECT ward_id, count(*) AS n, sum(amount_vnd) AS amount FROM payment WHERE status = 'success' AND at >= ${bounds} GROUP BY ward_id) p ON p.ward_id = u.id
    LEFT JOIN (SELECT ward_id, count(*) AS n FROM service_session WHERE at >= ${bounds} GROUP BY ward_id) s ON s.ward_id = u.id
    WHERE u.level = 'ward' AND u.valid_to IS NULL`;
  await db.prisma.$queryRawUnsafe(paymentsOnly, from, to);
  for (let i = 0; i < runs; i++) naive.push(await time(() => db.prisma.$queryRawUnsafe(paymentsOnly, from, to)));
  for (let i = 0; i < runs; i++) naiveAll.push(await time(() => db.prisma.$queryRawUnsafe(everything, from, to)));
  rows.push(row("baseline: naive GROUP BY over raw payment, 30 days", naive));
  rows.push(row("baseline: naive raw payment + service_session + registers, 30 days", naiveAll));
  return rows;
}

async function benchTiles(db: Database): Promise<{ rows: Row[]; loadMs: number; buildMs: number; points: number }> {
  const loadStarted = performance.now();
  const points = await loadTerminalPoints(db);
  const loadMs = performance.now() - loadStarted;
  const tiles = buildClusterTiles(points, { cacheSize: 100_000 });
  const rows: Row[] = [];
  for (let z = 10; z <= 16; z++) {
    // The tiles that hold terminals at this zoom (all of them up to 400, an even sample beyond).
    const keys = new Set<string>();
    for (let i = 0; i < points.count; i++) keys.add(`${lonToX(points.lon[i], z)}/${latToY(points.lat[i], z)}`);
    const all = [...keys];
    const step = Math.max(1, Math.floor(all.length / 400));
    const sample = all.filter((_, i) => i % step === 0);
    const uncached: number[] = [];
    const cached: number[] = [];
    let bytes = 0;
    for (const key of sample) {
      const [x, y] = key.split("/").map(Number);
      uncached.push(await time(() => (bytes += tiles.getTile(z, x, y)?.byteLength ?? 0)));
    }
    for (const key of sample) {
      const [x, y] = key.split("/").map(Number);
      cached.push(await time(() => tiles.getTile(z, x, y)));
    }
    const note = `${sample.length} of ${all.length} non-empty tiles, mean ${Math.round(bytes / sample.length)} B`;
    rows.push(row(`terminal tile z${z} uncached`, uncached, note));
    rows.push(row(`terminal tile z${z} cached`, cached, note));
  }
  return { rows, loadMs, buildMs: tiles.buildMs, points: points.count };
}

async function main() {
  const { values } = parseArgs({ options: { "data-dir": { type: "string" }, runs: { type: "string", default: "50" }, out: { type: "string" } } });
  const runs = Number(values.runs);
  const machine = machineInfo();
  let temp: string | undefined;
  let db: Database;
  if (values["data-dir"]) db = await openDatabase({ kind: "pglite", dataDir: values["data-dir"] });
  else if (process.env.DATABASE_URL) db = await openDatabase();
  else {
    temp = mkdtempSync(path.join(os.tmpdir(), "civic-citymap-bench-"));
    db = await openDatabase({ kind: "pglite", dataDir: temp });
  }
  await applyMigrations(db.adapterFactory);
  if ((await db.prisma.adminUnit.count()) === 0) {
    console.error(`seeding the demo city into the empty ${db.kind} database…`);
    await seedCity(db, { preset: "demo", seed: 1, progress: silentProgress });
  }
  try {
    const [counts] = await db.prisma.$queryRawUnsafe<{ households: bigint; terminals: bigint; payments: bigint; payment_daily: bigint }[]>(
      `SELECT (SELECT count(*) FROM household) AS households, (SELECT count(*) FROM terminal WHERE status = 'active') AS terminals,
              (SELECT count(*) FROM payment) AS payments, (SELECT count(*) FROM payment_daily) AS payment_daily`,
    );
    console.error(`database: ${db.kind}; ${counts.households} households, ${counts.terminals} active terminals, ${counts.payments} payments, ${counts.payment_daily} payment_daily rows`);
    const metrics = await benchMetrics(db, runs);
    const tiles = await benchTiles(db);
    const rows = [...metrics, ...tiles.rows];
    const width = Math.max(...rows.map((r) => r.name.length));
    console.log(`\n${"figure".padEnd(width)}  ${"p50 ms".padStart(8)}  ${"p95 ms".padStart(8)}  n     notes`);
    for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.p50.toFixed(2).padStart(8)}  ${r.p95.toFixed(2).padStart(8)}  ${String(r.samples).padEnd(5)} ${r.notes ?? ""}`);
    console.log(`\nterminal points: ${tiles.points}; loaded from the database in ${tiles.loadMs.toFixed(0)} ms; supercluster index built in ${tiles.buildMs.toFixed(0)} ms`);
    console.log(`machine: ${machine.cpuModel} × ${machine.cores}, ${machine.ramGiB} GiB, Node ${machine.node}, load ${machine.loadAverage1m}`);
    if (values.out) writeFileSync(values.out, `${JSON.stringify({ machine, database: db.kind, counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])), rows, tiles: { points: tiles.points, loadMs: tiles.loadMs, buildMs: tiles.buildMs } }, null, 2)}\n`);
  } finally {
    await db.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
