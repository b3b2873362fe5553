// `npm run cli -- import-wards`: replaces the current wards (or districts) with the units of an
// official boundary file. All or nothing: the file is validated completely first, and every
// write happens in one transaction, so a bad file or a failure half-way changes nothing.
import type { Database } from "../db/client";
import type { Prisma, UnitLevel } from "../db/generated/client";
import { audit } from "../audit/log";
import { prepareUnit, type PreparedUnit } from "./prepare-units";
import { applyAssignments, stageAssignments, type ReassignmentCounts } from "./reassign-households";
import { upsertUnits } from "./write-units";
import { asciiName } from "./text";
import { capProblems, validateBoundaries } from "./validate-boundaries";
import { WardIndex } from "./ward-index";
import { loadUnitIndex } from "./load-unit-index";

export class BoundaryImportError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = "BoundaryImportError";
  }
}

export interface BoundaryImportOptions {
  source: string;
  nameProp?: string;
  codeProp?: string;
  level: "ward" | "district";
  /** YYYY-MM-DD; defaults to `defaultValidFrom[level]`. */
  validFrom?: string;
  actor: { kind: "cli" | "user" | "system"; id?: string };
}

export interface BoundaryImportResult {
  level: "ward" | "district";
  /** Units in the file, now current (created + updated). */
  imported: number;
  /** Previously current units of the level that got a valid_to. */
  retired: number;
  validFrom: string;
  reassigned: ReassignmentCounts;
  source: string;
  /** New rows, and rows with the same code and valid-from updated in place (a re-import). */
  created: number;
  updated: number;
  /** The properties read, and where each unit's type came from (property name or "name" → count). */
  properties: { code: string; name: string; detected: boolean; types: Record<string, number> };
  /** How parents were chosen: the city, or (pre-2025 wards) the district named in the file or containing the ward. */
  parents: { city: number; districtByCode: number; districtByPoint: number };
  areaKm2: number;
  /** Wall time of each phase: checking and preparing the file, staging household points, the transaction. */
  timingsMs: { prepare: number; stage: number; write: number };
}

/**
 * Default start of validity: the 2-tier wards took effect on 2025-07-01, when the district
 * level was abolished; the 30 districts had stood since Hanoi's expansion on 2008-08-01.
 */
export const defaultValidFrom = { ward: "2025-07-01", district: "2008-08-01" } as const;

/** Wards valid from this date hang under the city; earlier ones under their district. */
export const twoTierFrom = "2025-07-01";

export const city = { code: "01", name: "Thành phố Hà Nội", validFrom: "2008-08-01" } as const;

const transactionTimeoutMs = 30 * 60_000;

export async function importBoundaries(db: Database, text: string, options: BoundaryImportOptions): Promise<BoundaryImportResult> {
  const { source, level } = options;
  const started = performance.now();
  const validFrom = options.validFrom ?? defaultValidFrom[level];
  if (!isIsoDate(validFrom)) {
    const problem = `--valid-from must be a calendar date written YYYY-MM-DD (got "${validFrom}")`;
    throw new BoundaryImportError(`${source}: ${problem}; nothing was imported`, [problem]);
  }
  const validated = validateBoundaries(text, { level, codeProp: options.codeProp, nameProp: options.nameProp });
  if (!validated.ok) {
    const n = validated.problems.length;
    throw new BoundaryImportError(`${source}: ${n} problem${n === 1 ? "" : "s"}; nothing was imported`, capProblems(validated.problems));
  }
  const { codeProp, nameProp, detected, typeSources } = validated.value;
  const units = validated.value.features.map((f) => prepareUnit(f, codeProp));
  const wardIndex = level === "ward" ? WardIndex.build(units.map((u) => ({ id: u.code, geometry: u.geometry }))) : null;

  const prepared = performance.now();
  const staged = wardIndex ? await stageAssignments(db, wardIndex) : null;
  const stagedAt = performance.now();
  try {
    return await db.prisma.$transaction(
      async (tx) => {
        // Two imports at once (PostgreSQL) would each retire the other's units: take turns.
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('geo.import_boundaries'))`);
        const cityId = await ensureCity(tx, source);
        const { parentOf, parents } = await chooseParents(tx, units, level, validFrom, cityId);
        const date = toDate(validFrom);

        const existing = await tx.adminUnit.findMany({
          where: { code: { in: units.map((u) => u.code) }, validFrom: date },
          select: { id: true, code: true, level: true },
        });
        const clash = existing.find((e) => e.level !== level);
        if (clash) {
          const problem = `code ${clash.code} with valid-from ${validFrom} already belongs to a ${clash.level}-level unit`;
          throw new BoundaryImportError(`${source}: ${problem}; nothing was imported`, [problem]);
        }

        // Keep the rows (facts reference them): the replaced units only get an end date. valid_to is
        // the last day a unit was valid (inclusive), as official decisions word it: the 579 wards
        // were valid until 2025-06-30 and the 126 from 2025-07-01.
        const retired = await tx.adminUnit.updateMany({
          where: { level, validTo: null, id: { notIn: existing.map((e) => e.id) } },
          data: { validTo: new Date(date.getTime() - 86_400_000) },
        });

        const idByCode = await upsertUnits(tx, { units, level, validFrom, source, parentOf });
        const reassigned = wardIndex
          ? await applyAssignments(tx, staged, wardIndex, idByCode, validFrom)
          : { households: 0, terminals: 0, outside: 0 };

        const result: BoundaryImportResult = {
          level,
          imported: units.length,
          retired: retired.count,
          validFrom,
          reassigned,
          source,
          created: units.length - existing.length,
          updated: existing.length,
          properties: { code: codeProp, name: nameProp, detected, types: typeSources },
          parents,
          areaKm2: Math.round(units.reduce((sum, u) => sum + u.areaKm2, 0) * 100) / 100,
          timingsMs: { prepare: Math.round(prepared - started), stage: Math.round(stagedAt - prepared), write: Math.round(performance.now() - stagedAt) },
        };
        await audit(tx, {
          actorKind: options.actor.kind,
          actorId: options.actor.id ?? null,
          action: "geo.import_boundaries",
          entity: "admin_unit",
          details: {
            source,
            level,
            imported: result.imported,
            created: result.created,
            updated: result.updated,
            retired: result.retired,
            validFrom,
            reassigned: { ...reassigned },
            properties: { code: codeProp, name: nameProp },
          },
        });
        return result;
      },
      { timeout: transactionTimeoutMs, maxWait: 60_000 },
    );
  } finally {
    await staged?.drop();
  }
}

type Tx = Prisma.TransactionClient;

/** The city every imported unit hangs under, created when the database has none yet. */
async function ensureCity(tx: Tx, source: string): Promise<number> {
  const current = await tx.adminUnit.findFirst({ where: { code: city.code, level: "city", validTo: null }, select: { id: true } });
  if (current) return current.id;
  const any = await tx.adminUnit.findFirst({ where: { code: city.code, level: "city" }, orderBy: { validFrom: "desc" }, select: { id: true } });
  if (any) return any.id;
  const created = await tx.adminUnit.create({
    data: {
      code: city.code,
      name: city.name,
      nameAscii: asciiName(city.name),
      level: "city",
      type: "thanh_pho",
      validFrom: toDate(city.validFrom),
      source: `created by import of ${source}`,
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * 2-tier wards and districts hang under the city. Pre-2025 wards hang under their district:
 * the one whose code the file gives (GSO files carry ma_huyen), else the current district
 * containing the ward's interior point, else — with no districts loaded — the city.
 */
async function chooseParents(tx: Tx, units: PreparedUnit[], level: UnitLevel, validFrom: string, cityId: number) {
  const parents = { city: 0, districtByCode: 0, districtByPoint: 0 };
  if (level !== "ward" || validFrom >= twoTierFrom) {
    parents.city = units.length;
    return { parentOf: () => cityId, parents };
  }
  const districts = await tx.adminUnit.findMany({ where: { level: "district", validTo: null }, select: { id: true, code: true } });
  const byCode = new Map(districts.map((d) => [d.code, d.id]));
  const index = await loadUnitIndex(tx, "district");
  const chosen = new Map<PreparedUnit, number>();
  for (const unit of units) {
    const named = unit.districtCode === null ? undefined : byCode.get(unit.districtCode);
    const containing = named === undefined ? index.find(unit.center[0], unit.center[1]) : null;
    if (named !== undefined) parents.districtByCode++;
    else if (containing !== null) parents.districtByPoint++;
    else parents.city++;
    chosen.set(unit, named ?? containing ?? cityId);
  }
  return { parentOf: (unit: PreparedUnit) => chosen.get(unit) ?? cityId, parents };
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date as the UTC midnight Prisma writes to a DATE column unchanged. */
function toDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}
