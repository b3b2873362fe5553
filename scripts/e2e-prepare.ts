#!/usr/bin/env tsx
// Prepares the database the Playwright specs run against, before the server starts:
// a fresh PGlite directory, migrations, a (reduced) demo city, the three e2e accounts, and the
// figures the overview must show — computed here with our own SQL over the raw fact tables
// (not the app's query modules, not the rollups), so the e2e test compares two independent paths.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase, type Database } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { createUser } from "../server/auth/service";
import { terminalProgress } from "../server/cli/progress";
import { seedCity, type SeedOptions } from "../prisma/seed/index";
import { e2eDataDir, e2eExpectedFile, e2eUsers, type ExpectedOverview } from "../tests/e2e/fixtures";
import { writeCitymapExpected } from "../tests/e2e/citymap-expected";

/** Display names of the e2e accounts, read by tests/e2e/auth.spec.ts (fixtures.ts has no names). */
const e2eUsersFile = path.join(path.dirname(e2eExpectedFile), "users.json");

// Small enough to keep preparation well under 30 s, large enough that every ward has households.
const e2eHouseholds = Number(process.env.E2E_HOUSEHOLDS ?? 6000);

const names = {
  leader: "Trần Thị Lãnh Đạo",
  officer: "Nguyễn Văn Cán Bộ",
  admin: "Lê Quản Trị",
} as const;

const paymentServices = ["tuition", "electricity", "water", "fee", "other"] as const;

// The first instant of the current month in Hanoi, whatever the session's time zone.
const monthStart = `date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'Asia/Ho_Chi_Minh'`;

async function one<T>(db: Database, sql: string): Promise<T> {
  const rows = await db.prisma.$queryRawUnsafe<T[]>(sql);
  if (rows.length !== 1) throw new Error(`expected one row from: ${sql}`);
  return rows[0];
}

async function expectedOverview(db: Database): Promise<ExpectedOverview> {
  const households = await one<{ n: bigint }>(db, `SELECT count(*) AS n FROM household`);
  const terminals = await one<{ installed: bigint; active24h: bigint }>(
    db,
    `SELECT count(*) FILTER (WHERE status = 'active') AS installed,
            count(*) FILTER (WHERE status = 'active' AND last_seen_at >= now() - interval '24 hours') AS active24h
       FROM terminal`,
  );
  const payments = await db.prisma.$queryRawUnsafe<{ service: string; n: bigint; amount: bigint | null }[]>(
    `SELECT service::text AS service, count(*) AS n, sum(amount_vnd) AS amount
       FROM payment
      WHERE status = 'success' AND at >= ${monthStart}
      GROUP BY service`,
  );
  const dossiers = await one<{ online: bigint; total: bigint }>(
    db,
    `SELECT count(*) FILTER (WHERE channel IN ('online', 'terminal')) AS online, count(*) AS total
       FROM dossier
      WHERE received_at >= ${monthStart}`,
  );
  const wards = await one<{ n: bigint }>(db, `SELECT count(*) AS n FROM admin_unit WHERE level = 'ward' AND valid_to IS NULL`);

  const paymentsThisMonth = Object.fromEntries(
    paymentServices.map((service) => {
      const row = payments.find((p) => p.service === service);
      return [service, { count: Number(row?.n ?? 0), amountVnd: Number(row?.amount ?? 0) }];
    }),
  ) as ExpectedOverview["paymentsThisMonth"];

  return {
    households: Number(households.n),
    terminalsInstalled: Number(terminals.installed),
    terminalsActive24h: Number(terminals.active24h),
    paymentsThisMonth,
    onlineDossierShareThisMonth: Number(dossiers.total) === 0 ? 0 : Number(dossiers.online) / Number(dossiers.total),
    wardCount: Number(wards.n),
  };
}

async function main() {
  const started = Date.now();
  rmSync(e2eDataDir, { recursive: true, force: true });
  rmSync(e2eExpectedFile, { force: true });
  rmSync(e2eUsersFile, { force: true });
  mkdirSync(e2eDataDir, { recursive: true });

  const db = await openDatabase({ kind: "pglite", dataDir: e2eDataDir });
  try {
    await applyMigrations(db.adapterFactory);
    const options: SeedOptions = { preset: "demo", seed: 1, progress: terminalProgress(false), households: e2eHouseholds };
    await seedCity(db, options);

    const department = await db.prisma.department.findFirst({ orderBy: { id: "asc" } });
    if (!department) throw new Error("the seed created no department to bind the e2e officer to");
    for (const role of ["leader", "officer", "admin"] as const) {
      const user = e2eUsers[role];
      await createUser(
        db,
        { email: user.email, password: user.password, role: user.role, name: names[role], departmentCode: role === "officer" ? department.code : undefined },
        { kind: "system" },
      );
    }

    const expected = await expectedOverview(db);
    await writeCitymapExpected(db);
    writeFileSync(e2eExpectedFile, `${JSON.stringify(expected, null, 2)}\n`);
    writeFileSync(e2eUsersFile, `${JSON.stringify(names, null, 2)}\n`);
    process.stderr.write(
      `e2e-prepare: ${expected.households} households, ${expected.wardCount} wards, ${expected.terminalsInstalled} active terminals; ` +
        `ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${path.relative(process.cwd(), e2eDataDir)})\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`e2e-prepare failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
