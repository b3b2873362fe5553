#!/usr/bin/env tsx
// Device-API ingestion benchmark (issue 3): sustained events/s through the real HTTP handler —
// signature check, validation, idempotent insert and rollup upserts — with batches of 100 signed
// events from several concurrent clients, measured beside a raw COPY of as many rows of the same
// shape into the same tables in the same run (the physical limit of the database).
//
//   npx tsx tests/bench/ingest.ts                       # PGlite (on-disk, in a temp directory)
//   BENCH_DATABASE_URL=postgres://… npx tsx tests/bench/ingest.ts   # also PostgreSQL (a fresh database on that server)
//
// Knobs (environment): BENCH_SECONDS (measured, default 20), BENCH_WARMUP_SECONDS (3),
// BENCH_TERMINALS (200), BENCH_CONCURRENCY (requests in flight, default 16), BENCH_CLIENT_PROCS
// (load-generating processes, default 1), BENCH_BATCH (events per request, 100), BENCH_HOUSEHOLDS
// (generated city size, 3000), BENCH_PREGENERATE (request bodies built before measuring, 15000),
// BENCH_PORT (3460), BENCH_ONLY=pglite|postgres.
// The load generators are child processes, so their JSON and HMAC work does not share the
// server's event loop. Prints a table on stderr and the figures as JSON on stdout.
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { randomBytes, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase, type Database } from "../../server/db/client";
import { applyMigrations } from "../../server/db/migrate";
import { seedCity } from "../../prisma/seed/index";
import { silentProgress } from "../../server/cli/progress";
import { createIngestHandler, type IngestHandler } from "../../server/ingest/handler";
import { defaultIngestConfig } from "../../server/ingest/config";
import { signBody } from "../../server/ingest/signature";
import { registerHousehold } from "../../server/terminals/register";
import { provisionTerminal } from "../../server/terminals/provision";
import { interiorPoint } from "../../server/geo/interior-point";
import { asAreaGeometry } from "../../server/geo/geometry";
import { machineInfo } from "./machine";

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

interface ClientPlan {
  url: string;
  terminals: { code: string; secret: string }[];
  serviceCodes: string[];
  concurrency: number;
  batch: number;
  warmupMs: number;
  measureMs: number;
  /** Request bodies to build before the clock starts (more are made on the fly if they run out). */
  pregenerate: number;
}

interface ClientResult {
  requests: number;
  events: number;
  accepted: number;
  duplicates: number;
  failures: Record<string, number>;
  latenciesMs: number[];
  elapsedMs: number;
  /** CPU seconds the load generator used while measuring. */
  cpuSeconds: number;
}

// ───────────────────────────── load generator (child process) ─────────────────────────────

function makeBatch(size: number, serviceCodes: string[]): string {
  const now = Date.now();
  const events: object[] = [];
  for (let i = 0; i < size; i++) {
    const at = new Date(now - Math.floor(Math.random() * 600_000)).toISOString();
    const r = Math.random();
    if (r < 0.7) events.push({ id: randomUUID(), type: "heartbeat", at, signalDbm: -60 - Math.floor(Math.random() * 40), mccMnc: "452-04", firmware: "2.1.0" });
    else if (r < 0.9) {
      events.push({ id: randomUUID(), type: "payment", at, service: ["electricity", "water", "tuition", "fee", "other"][Math.floor(Math.random() * 5)], amountVnd: 10_000 + Math.floor(Math.random() * 2_000_000), biller: "EVN Hà Nội", status: Math.random() < 0.9 ? "success" : "failed" });
    } else events.push({ id: randomUUID(), type: "service_session", at, serviceCode: serviceCodes[Math.floor(Math.random() * serviceCodes.length)], durationSec: 30 + Math.floor(Math.random() * 600) });
  }
  return JSON.stringify({ events });
}

async function runClient(plan: ClientPlan, startSignal: () => Promise<void>): Promise<ClientResult> {
  const result: ClientResult = { requests: 0, events: 0, accepted: 0, duplicates: 0, failures: {}, latenciesMs: [], elapsedMs: 0, cpuSeconds: 0 };
  // Bodies are built before the clock starts (signing stays per request): the machine's two cores
  // should go to the server under test, not to JSON.stringify in the load generator.
  const bodies: string[] = [];
  for (let i = 0; i < plan.pregenerate; i++) bodies.push(makeBatch(plan.batch, plan.serviceCodes));
  let nextBody = 0;
  const body = () => (nextBody < bodies.length ? bodies[nextBody++] : makeBatch(plan.batch, plan.serviceCodes));
  await startSignal();
  const start = Date.now();
  const measureFrom = start + plan.warmupMs;
  const end = measureFrom + plan.measureMs;
  // Each loop owns its own terminals, as real terminals each send their own batches one at a time.
  let cpuAtStart: NodeJS.CpuUsage | null = null;
  const cpuTimer = setTimeout(() => (cpuAtStart = process.cpuUsage()), plan.warmupMs);
  const loops = Array.from({ length: plan.concurrency }, async (_, loop) => {
    const mine = plan.terminals.filter((_, i) => i % plan.concurrency === loop);
    for (let n = 0; Date.now() < end; n++) {
      const terminal = mine[n % mine.length];
      const text = body();
      const timestamp = String(Math.floor(Date.now() / 1000));
      const sent = performance.now();
      const response = await fetch(plan.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-terminal-code": terminal.code, "x-timestamp": timestamp, "x-signature": signBody(terminal.secret, timestamp, text) },
        body: text,
      });
      const answer = (await response.json()) as { accepted?: number; duplicates?: number; error?: string };
      const done = Date.now();
      if (done < measureFrom || done > end) continue;
      result.requests++;
      if (response.status === 200) {
        result.events += plan.batch;
        result.accepted += answer.accepted ?? 0;
        result.duplicates += answer.duplicates ?? 0;
        result.latenciesMs.push(performance.now() - sent);
      } else {
        const key = `${response.status} ${answer.error ?? ""}`.slice(0, 120);
        result.failures[key] = (result.failures[key] ?? 0) + 1;
      }
    }
  });
  await Promise.all(loops);
  clearTimeout(cpuTimer);
  const used = process.cpuUsage(cpuAtStart ?? undefined);
  result.cpuSeconds = (used.user + used.system) / 1e6;
  result.elapsedMs = Math.min(Date.now(), end) - measureFrom;
  return result;
}

// ───────────────────────────── server side ─────────────────────────────

function serve(handler: IngestHandler, port: number): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const method = req.method ?? "GET";
    const body = method === "GET" || method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
    const request = new Request(`http://localhost${req.url ?? "/"}`, { method, headers, body, duplex: "half" } as RequestInit);
    handler(request)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

interface SpawnedClient {
  /** Resolves when the load generator has built its bodies and waits for the start signal. */
  ready: Promise<void>;
  go(): void;
  result: Promise<ClientResult>;
}

function spawnClient(plan: ClientPlan): SpawnedClient {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ["--import", "tsx", self, "--client"], { stdio: ["pipe", "pipe", "inherit", "ipc"], env: process.env });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stdin?.end(JSON.stringify(plan));
  const ready = new Promise<void>((resolve) => child.once("message", () => resolve()));
  const result = new Promise<ClientResult>((resolve, reject) => {
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
      else resolve(JSON.parse(out) as ClientResult);
    });
  });
  return { ready, go: () => child.send("go"), result };
}

/** Busy and total CPU jiffies of the whole machine (Linux /proc/stat), to split CPU time between parts. */
function machineCpu(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - fields[3] - (fields[4] ?? 0), total };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by a local PostgreSQL server (its postmaster and all its children), or null. */
function postgresCpuSeconds(postmasterPid: number | null): number | null {
  if (!postmasterPid) return null;
  try {
    let ticks = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(entry);
      if (pid === postmasterPid || Number(fields[1]) === postmasterPid) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

async function postmasterPid(db: Database): Promise<number | null> {
  try {
    const [row] = await db.prisma.$queryRawUnsafe<{ dir: string }[]>(`SELECT current_setting('data_directory') AS dir`);
    return Number(readFileSync(path.join(row.dir, "postmaster.pid"), "utf8").split("\n")[0]) || null;
  } catch {
    return null; // a remote server, or no permission to read its data directory
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface TargetResult {
  target: "pglite" | "postgres";
  terminals: number;
  concurrency: number;
  batch: number;
  seconds: number;
  requests: number;
  eventsPerSecond: number;
  acceptedPerSecond: number;
  batchLatencyMs: { p50: number; p95: number; p99: number };
  failures: Record<string, number>;
  copy: { rows: number; seconds: number; rowsPerSecond: number };
  /** events/s through HTTP ÷ rows/s by COPY. */
  ratio: number;
  rollupsMatchFacts: boolean;
  /** Batches per SQL statement achieved by group commit while measuring. */
  batchesPerStatement: number;
  /** CPU microseconds per event while measuring: the HTTP server process (for PGlite: including the database), the load generators, and the local PostgreSQL server (null when it is remote or unreadable). */
  cpuMicrosPerEvent: { server: number; clients: number; postgres: number | null };
  /** Share of the machine's CPU while measuring (2 cores = 200 %): HTTP server process, load generators, the rest (PostgreSQL; for PGlite it runs inside the server process). */
  cpuPercent: { server: number; clients: number; other: number; idle: number } | null;
}

async function freshPostgres(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `civic_bench_ingest_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/** Registers households at ward interior points and provisions a terminal for each. */
async function provisionFleet(db: Database, n: number): Promise<{ code: string; secret: string }[]> {
  const wards = await db.prisma.adminUnit.findMany({ where: { level: "ward", validTo: null }, select: { geometry: true } });
  const points = wards.flatMap((w) => {
    const geometry = asAreaGeometry(w.geometry);
    return geometry ? [interiorPoint(geometry)] : [];
  });
  const fleet: { code: string; secret: string }[] = [];
  for (let i = 0; i < n; i++) {
    const [lon, lat] = points[i % points.length];
    const household = await registerHousehold(db, { lon, lat, address: `Bench ${i}` }, { kind: "system" });
    const terminal = await provisionTerminal(db, { householdCode: household.code }, { kind: "system" });
    fleet.push({ code: terminal.code, secret: terminal.secret });
  }
  return fleet;
}

const q = (v: string | number | null) => (v === null ? "" : typeof v === "number" ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** COPY as many rows of each fact table as HTTP ingestion wrote, with the same column shapes. */
async function copyBaseline(db: Database, counts: { heartbeat: number; payment: number; service_session: number }, serviceIds: number[]) {
  const [t] = await db.prisma.$queryRawUnsafe<{ id: number; ward_id: number; household_id: number }[]>(`SELECT id, ward_id, household_id FROM terminal ORDER BY id DESC LIMIT 1`);
  const now = Date.now();
  const at = () => new Date(now - Math.floor(Math.random() * 600_000)).toISOString();
  const received = new Date(now).toISOString();
  const build = (n: number, row: () => (string | number | null)[]) => {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(row().map(q).join(","));
    return lines;
  };
  const tables = [
    { table: "heartbeat", columns: ["event_id", "terminal_id", "ward_id", "at", "signal_dbm", "mcc_mnc", "firmware", "received_at"], rows: build(counts.heartbeat, () => [randomUUID(), t.id, t.ward_id, at(), -70, "452-04", "2.1.0", received]) },
    { table: "payment", columns: ["event_id", "terminal_id", "household_id", "ward_id", "service", "amount_vnd", "biller", "status", "at", "received_at"], rows: build(counts.payment, () => [randomUUID(), t.id, t.household_id, t.ward_id, "electricity", 412_000, "EVN Hà Nội", "success", at(), received]) },
    { table: "service_session", columns: ["event_id", "terminal_id", "household_id", "ward_id", "service_id", "at", "duration_sec", "received_at"], rows: build(counts.service_session, () => [randomUUID(), t.id, t.household_id, t.ward_id, serviceIds[0] ?? null, at(), 120, received]) },
  ];
  const started = performance.now();
  let rows = 0;
  for (const { table, columns, rows: lines } of tables) {
    // Chunks of 100k rows, as the seed loads: one giant string is not what a real loader sends either.
    for (let i = 0; i < lines.length; i += 100_000) {
      await db.copyCsv(table, columns, `${columns.join(",")}\n${lines.slice(i, i + 100_000).join("\n")}\n`);
    }
    rows += lines.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds, rowsPerSecond: rows / seconds };
}

async function rollupsMatch(db: Database): Promise<boolean> {
  const [row] = await db.prisma.$queryRawUnsafe<{ bad: number }[]>(`
    WITH raw AS (
      SELECT ward_id, (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, service, count(*)::int AS n, sum(amount_vnd) AS amount
      FROM payment WHERE status = 'success' AND received_at IS NOT NULL GROUP BY 1, 2, 3
    ),
    roll AS (
      SELECT p.ward_id, p.day, p.service, p.count - coalesce(s.n, 0) AS n, p.amount_vnd - coalesce(s.amount, 0) AS amount
      FROM payment_daily p
      LEFT JOIN (SELECT ward_id, (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, service, count(*)::int AS n, sum(amount_vnd) AS amount
                 FROM payment WHERE status = 'success' AND received_at IS NULL GROUP BY 1, 2, 3) s USING (ward_id, day, service)
    )
    SELECT count(*)::int AS bad FROM raw FULL JOIN (SELECT * FROM roll WHERE n <> 0) r USING (ward_id, day, service)
    WHERE raw.n IS DISTINCT FROM r.n OR raw.amount IS DISTINCT FROM r.amount`);
  return row.bad === 0;
}

async function benchTarget(target: "pglite" | "postgres", serverUrl?: string): Promise<TargetResult> {
  const terminals = env("BENCH_TERMINALS", 200);
  const concurrency = env("BENCH_CONCURRENCY", 16);
  const procs = env("BENCH_CLIENT_PROCS", 1);
  const batch = env("BENCH_BATCH", 100);
  const port = env("BENCH_PORT", 3460);
  const measureMs = env("BENCH_SECONDS", 20) * 1000;
  const warmupMs = env("BENCH_WARMUP_SECONDS", 3) * 1000;
  const scratch = mkdtempSync(path.join(os.tmpdir(), "civic-bench-ingest-"));
  const pgdb = target === "postgres" && serverUrl ? await freshPostgres(serverUrl) : null;
  // The bench's own sealing key: never a key file in the project's data directory.
  process.env.TERMINAL_KEY ??= randomBytes(32).toString("base64");
  const db = pgdb ? await openDatabase({ kind: "postgres", url: pgdb.url }) : await openDatabase({ kind: "pglite", dataDir: scratch });
  let server: Server | null = null;
  try {
    await applyMigrations(db.adapterFactory);
    process.stderr.write(`[${target}] seeding a city of ${env("BENCH_HOUSEHOLDS", 3000)} households…\n`);
    await seedCity(db, { preset: "demo", seed: 1, households: env("BENCH_HOUSEHOLDS", 3000), organisations: 10, progress: silentProgress });
    process.stderr.write(`[${target}] provisioning ${terminals} terminals…\n`);
    const fleet = await provisionFleet(db, terminals);
    const services = await db.prisma.publicService.findMany({ select: { id: true, code: true } });
    const handler = createIngestHandler({ db, config: { ...defaultIngestConfig, rateBurst: 1e9, ratePerSecond: 1e9 } });
    server = await serve(handler, port);
    const url = `http://127.0.0.1:${port}/api/v1/terminals/events`;
    process.stderr.write(`[${target}] ${procs} client process(es) × ${concurrency} in flight, batches of ${batch}, ${warmupMs / 1000} s warm-up + ${measureMs / 1000} s…\n`);
    const perProc = Math.max(1, Math.round(concurrency / procs));
    const pmPid = target === "postgres" ? await postmasterPid(db) : null;
    const clients = Array.from({ length: procs }, (_, p) =>
      spawnClient({ url, terminals: fleet.filter((_, i) => i % procs === p), serviceCodes: services.map((s) => s.code), concurrency: perProc, batch, warmupMs, measureMs, pregenerate: Math.ceil(env("BENCH_PREGENERATE", 15_000) / procs) }),
    );
    await Promise.all(clients.map((c) => c.ready));
    let statsStart = { ...handler.writerStats };
    let pgCpuStart = postgresCpuSeconds(pmPid);
    let serverCpuStart = process.cpuUsage();
    let machineStart = machineCpu();
    const cpuTimer = setTimeout(() => {
      statsStart = { ...handler.writerStats };
      pgCpuStart = postgresCpuSeconds(pmPid);
      serverCpuStart = process.cpuUsage();
      machineStart = machineCpu();
    }, warmupMs);
    for (const c of clients) c.go();
    const results = await Promise.all(clients.map((c) => c.result));
    clearTimeout(cpuTimer);
    const serverCpu = process.cpuUsage(serverCpuStart);
    const pgCpuEnd = postgresCpuSeconds(pmPid);
    const grouped = (handler.writerStats.batches - statsStart.batches) / Math.max(1, handler.writerStats.statements - statsStart.statements);
    const machineEnd = machineCpu();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    const seconds = Math.max(...results.map((r) => r.elapsedMs)) / 1000;
    let cpuPercent: TargetResult["cpuPercent"] = null;
    if (machineStart && machineEnd) {
      const cores = os.cpus().length;
      const wallShare = (machineEnd.total - machineStart.total) / cores; // jiffies per core over the window
      const busyPct = ((machineEnd.busy - machineStart.busy) / wallShare) * 100;
      const window = wallShare / 100; // seconds (USER_HZ = 100)
      const serverPct = ((serverCpu.user + serverCpu.system) / 1e6 / window) * 100;
      const clientPct = (results.reduce((s, r) => s + r.cpuSeconds, 0) / window) * 100;
      cpuPercent = { server: Math.round(serverPct), clients: Math.round(clientPct), other: Math.round(Math.max(0, busyPct - serverPct - clientPct)), idle: Math.round(cores * 100 - busyPct) };
    }
    const sum = (f: (r: ClientResult) => number) => results.reduce((s, r) => s + f(r), 0);
    const latencies = results.flatMap((r) => r.latenciesMs);
    const failures: Record<string, number> = {};
    for (const r of results) for (const [k, v] of Object.entries(r.failures)) failures[k] = (failures[k] ?? 0) + v;

    const [counts] = await db.prisma.$queryRawUnsafe<{ heartbeat: number; payment: number; service_session: number }[]>(`
      SELECT (SELECT count(*) FROM heartbeat WHERE received_at IS NOT NULL)::int AS heartbeat,
             (SELECT count(*) FROM payment WHERE received_at IS NOT NULL)::int AS payment,
             (SELECT count(*) FROM service_session WHERE received_at IS NOT NULL)::int AS service_session`);
    const matches = await rollupsMatch(db);
    process.stderr.write(`[${target}] COPY baseline: ${counts.heartbeat + counts.payment + counts.service_session} rows…\n`);
    const copy = await copyBaseline(db, counts, services.map((s) => s.id));
    const eventsPerSecond = sum((r) => r.events) / seconds;
    const measuredEvents = Math.max(1, sum((r) => r.events));
    const cpuMicrosPerEvent = {
      server: Math.round(((serverCpu.user + serverCpu.system) / measuredEvents) * 10) / 10,
      clients: Math.round((sum((r) => r.cpuSeconds) * 1e6 * 10) / measuredEvents) / 10,
      postgres: pgCpuStart !== null && pgCpuEnd !== null ? Math.round(((pgCpuEnd - pgCpuStart) * 1e6 * 10) / measuredEvents) / 10 : null,
    };
    return {
      target,
      terminals,
      concurrency: perProc * procs,
      batch,
      seconds,
      requests: sum((r) => r.requests),
      eventsPerSecond,
      acceptedPerSecond: sum((r) => r.accepted) / seconds,
      batchLatencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
      failures,
      copy,
      ratio: eventsPerSecond / copy.rowsPerSecond,
      rollupsMatchFacts: matches,
      batchesPerStatement: grouped,
      cpuMicrosPerEvent,
      cpuPercent,
    };
  } finally {
    if (server) server.close();
    await db.close();
    await pgdb?.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const machine = machineInfo();
  process.stderr.write(`ingest bench on ${machine.cpuModel} × ${machine.cores}, ${machine.ramGiB} GiB, Node ${machine.node}, load ${machine.loadAverage1m}\n`);
  const only = process.env.BENCH_ONLY;
  const results: TargetResult[] = [];
  if (only !== "postgres") results.push(await benchTarget("pglite"));
  const url = process.env.BENCH_DATABASE_URL;
  if (url && only !== "pglite") results.push(await benchTarget("postgres", url));
  else if (!url) process.stderr.write("PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://… (a server where the bench may create and drop a database)\n");
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  process.stderr.write("\ntarget    events/s (HTTP, signed, batches)  p50 / p95 ms per batch  COPY rows/s  HTTP ÷ COPY  rollups = GROUP BY\n");
  for (const r of results) {
    process.stderr.write(
      `${r.target.padEnd(9)} ${fmt(r.eventsPerSecond).padStart(10)} (${r.requests} req, ${r.concurrency} in flight)`.padEnd(52) +
        `${r.batchLatencyMs.p50.toFixed(1)} / ${r.batchLatencyMs.p95.toFixed(1)}`.padEnd(24) +
        `${fmt(r.copy.rowsPerSecond).padStart(11)}  ${(r.ratio * 100).toFixed(1).padStart(9)} %  ${r.rollupsMatchFacts}\n`,
    );
    process.stderr.write(`          group commit: ${r.batchesPerStatement.toFixed(2)} batches per statement; CPU µs per event: server ${r.cpuMicrosPerEvent.server}, load generator ${r.cpuMicrosPerEvent.clients}, PostgreSQL ${r.cpuMicrosPerEvent.postgres ?? "n/a"}\n`);
    if (r.cpuPercent) process.stderr.write(`          CPU (of ${os.cpus().length * 100} %): server ${r.cpuPercent.server} %, load generator ${r.cpuPercent.clients} %, database/other ${r.cpuPercent.other} %, idle ${r.cpuPercent.idle} %\n`);
    if (Object.keys(r.failures).length) process.stderr.write(`          failures: ${JSON.stringify(r.failures)}\n`);
  }
  process.stdout.write(`${JSON.stringify({ machine, results }, null, 2)}\n`);
}

if (process.argv.includes("--client")) {
  let input = "";
  process.stdin.on("data", (chunk: Buffer) => (input += chunk.toString()));
  process.stdin.on("end", () => {
    runClient(JSON.parse(input) as ClientPlan, () => new Promise<void>((resolve) => {
      process.once("message", () => resolve());
      process.send?.("ready");
    }))
      .then((result) => {
        process.stdout.write(JSON.stringify(result), () => process.exit(0));
      })
      .catch((error: unknown) => {
        process.stderr.write(`load generator: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exit(1);
      });
  });
} else {
  main()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
