// The synthetic city generator: `npm run cli -- seed --preset demo|city [--seed N] [--force]`.
// Deterministic for a given seed and `now` (passwords aside). Bulk data is written with COPY in
// chunks; rollups are computed in SQL afterwards. On PGlite the whole seed is one transaction; on
// PostgreSQL (pooled connections, so no single transaction) a failure wipes the generated tables.
import type { Database } from "../../server/db/client";
import type { Progress } from "../../server/cli/progress";
import { copyRows } from "./csv";
import { OFFICER_DEPARTMENT, writeAccounts } from "./accounts";
import { publicServices } from "./catalogue";
import { buildGeography } from "./geography";
import { unitIds, writeGeography } from "./geography-writer";
import { isEmpty, wipeGenerated } from "./guard";
import { writeOrganisations } from "./organisations";
import { volumes } from "./presets";
import { writeDatasets, writeDepartmentsAndServices } from "./reference";
import { buildRollups } from "./rollups";
import { writeDossiers, writePopulation } from "./stream";
import { withoutSecondaryIndexes } from "./bulk-indexes";

const bulkTables = ["household", "terminal", "payment", "service_session", "heartbeat", "dossier"] as const;

export const presets = ["demo", "city"] as const;
export type Preset = (typeof presets)[number];
export function isPreset(value: unknown): value is Preset {
  return typeof value === "string" && (presets as readonly string[]).includes(value);
}

export interface SeedOptions {
  preset: Preset;
  seed: number;
  /** Re-seed a database that already has data (wipes the generated tables first). */
  force?: boolean;
  progress: Progress;
  /** Reference "now" for the 12 months of activity; defaults to the current time. */
  now?: Date;
  /** Overrides the preset's number of households (tests use a few thousand). */
  households?: number;
  /** Overrides the preset's number of organisations. */
  organisations?: number;
  /** Who the audit-log row names as the actor (default "system"; the CLI may pass "cli"). */
  actorKind?: "system" | "cli";
}

export interface SeedSummary {
  preset: Preset;
  seed: number;
  counts: Record<string, number>;
  /** One account per role, with the generated password (printed once, demo mode only). */
  accounts: { role: "admin" | "leader" | "officer" | "founder"; email: string; password: string }[];
  seconds: number;
  /** Wall-clock seconds per phase. */
  phases: Record<string, number>;
}

export class SeedRefusedError extends Error {
  constructor() {
    super("the database already has data; re-run with --force to wipe the generated tables and seed again");
    this.name = "SeedRefusedError";
  }
}

export async function seedCity(db: Database, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  if (!(await isEmpty(db))) {
    if (!options.force) throw new SeedRefusedError();
  }
  const transactional = db.kind === "pglite";
  if (transactional) await db.exec("BEGIN");
  try {
    if (options.force) await wipeGenerated(db);
    const summary = await generate(db, options, started);
    if (transactional) await db.exec("COMMIT");
    return summary;
  } catch (error) {
    if (transactional) await db.exec("ROLLBACK").catch(() => undefined);
    else await wipeGenerated(db).catch(() => undefined);
    throw error;
  } finally {
    options.progress.done();
  }
}

async function generate(db: Database, options: SeedOptions, started: number): Promise<SeedSummary> {
  const { seed, progress } = options;
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const preset = volumes[options.preset];
  const households = options.households ?? preset.households;
  const counts: Record<string, number> = {};
  const phases: Record<string, number> = {};
  let phaseStart = Date.now();
  const lap = (name: string) => {
    phases[name] = Math.round((Date.now() - phaseStart) / 100) / 10;
    phaseStart = Date.now();
  };

  progress.phase("geography", 1);
  const geo = buildGeography(seed);
  const units = unitIds(geo);
  counts.adminUnits = await writeGeography(db, geo, units, now);
  counts.adminUnitLinks = geo.oldWards.length;
  counts.oldWards = geo.oldWards.length;
  counts.currentWards = geo.newWards.length;
  progress.tick();
  lap("geography");

  progress.phase("departments & services", 1);
  const refs = await writeDepartmentsAndServices(db, geo, units, now);
  counts.departments = refs.departments.size;
  counts.publicServices = refs.services.length;
  const ds = await writeDatasets(db, seed, refs, now);
  counts.datasets = ds.datasets;
  counts.datasetUpdates = ds.updates;
  progress.tick();
  lap("reference");

  const online = publicServices.map((s, i) => ({ s, id: refs.services[i] })).filter(({ s }) => s.onlineLevel !== "none");
  await withoutSecondaryIndexes(db, bulkTables, async () => {
    const population = await writePopulation(
      db,
      geo,
      units,
      { seed, now: nowMs, households, blockSize: preset.blockSize, chunkRows: preset.chunkRows },
      { ids: online.map((o) => o.id), weights: online.map((o) => o.s.weight) },
      progress,
    );
    Object.assign(counts, population.counts);
    lap("households");

    counts.dossiers = await writeDossiers(
      db,
      {
        seed,
        now: nowMs,
        from: nowMs - 365 * 86_400_000,
        services: publicServices.map((s, i) => ({ id: refs.services[i], departmentId: refs.departments.get(s.department) ?? 0, processingDays: s.processingDays, hasFee: s.feeVnd !== null, onlineLevel: s.onlineLevel })),
        serviceWeights: publicServices.map((s) => s.weight),
        wardIds: units.newWards,
        wardWeights: geo.newWards.map((w) => w.population),
        terminals: population.terminals,
      },
      households * preset.dossiersPerHousehold,
      preset.chunkRows,
      progress,
    );
    lap("dossiers");
    progress.phase("indexes", 1);
  });
  progress.tick();
  lap("indexes");

  progress.phase("organisations", 1);
  const orgs = await writeOrganisations(db, seed, options.organisations ?? preset.organisations, geo, units, now);
  counts.organisations = orgs.organisations;
  counts.fundingRounds = orgs.fundingRounds;
  progress.tick();
  lap("organisations");

  progress.phase("rollups", 1);
  await buildRollups(db, seed, now);
  const [rollup] = await db.prisma.$queryRawUnsafe<{ payment_daily: number; terminal_daily: number }[]>(
    `SELECT (SELECT count(*) FROM payment_daily)::int AS payment_daily, (SELECT count(*) FROM terminal_daily)::int AS terminal_daily`,
  );
  counts.paymentDaily = rollup.payment_daily;
  counts.terminalDaily = rollup.terminal_daily;
  progress.tick();
  lap("rollups");

  progress.phase("accounts", 1);
  const accounts = await writeAccounts(db, {
    officerDepartmentId: refs.departments.get(OFFICER_DEPARTMENT) ?? 1,
    founderOrganisationId: orgs.founderOrganisationId || (orgs.organisations > 0 ? 1 : null),
  });
  counts.users = accounts.length;
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  await copyRows(db, "audit_log", ["at", "actor_kind", "actor_id", "action", "entity", "entity_id", "details"], [
    [new Date(), options.actorKind ?? "system", "seed", "seed.city", "database", null, JSON.stringify({ preset: options.preset, seed, now: now.toISOString(), households, counts, forced: Boolean(options.force) })],
  ]);
  progress.tick();
  lap("accounts");

  return { preset: options.preset, seed, counts, accounts, seconds: Math.round((Date.now() - started) / 100) / 10, phases };
}
