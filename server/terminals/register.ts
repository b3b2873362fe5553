// Registering a household: its ward comes from its GPS point (point-in-polygon against the current
// wards, once, here), its code from the household table's own id sequence.
import type { Database } from "../db/client";
import { audit } from "../audit/log";
import { HouseholdOutsideCityError, RegistryError, type Actor } from "./errors";
import { householdCodeFor } from "./household-code";
import { householdInputProblems, type HouseholdInput } from "./household-input";
import { currentWardIndex, type WardRef } from "./ward-lookup";

export interface RegisteredHousehold {
  id: number;
  code: string;
  wardCode: string;
  wardName: string;
}

type Sql = Pick<Database["prisma"], "$queryRaw">;

/** Reserves `n` household ids from the table's sequence: unique even when registrations run concurrently. */
export async function reserveHouseholdIds(db: Sql, n: number): Promise<number[]> {
  if (n <= 0) return [];
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT nextval(pg_get_serial_sequence('household', 'id'))::int AS id FROM generate_series(1, ${n}::int)`;
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function registerHousehold(db: Database, input: HouseholdInput, actor: Actor): Promise<RegisteredHousehold> {
  const problems = householdInputProblems(input);
  if (problems.length) throw new RegistryError(problems.map((p) => p.message).join("; "), "invalid");
  const wards = await currentWardIndex(db.prisma);
  if (wards.size === 0) throw new RegistryError("there are no current wards yet; import ward boundaries first (npm run cli -- import-wards <file>)", "invalid");
  const ward: WardRef | null = wards.find(input.lon, input.lat);
  if (!ward) throw new HouseholdOutsideCityError(input.lon, input.lat);
  const address = input.address.trim();
  return db.prisma.$transaction(async (tx) => {
    const [id] = await reserveHouseholdIds(tx, 1);
    const code = householdCodeFor(id);
    await tx.household.create({ data: { id, code, address, lon: input.lon, lat: input.lat, wardId: ward.id, members: input.members ?? null } });
    await audit(tx, {
      actorKind: actor.kind,
      actorId: actor.id,
      ip: actor.ip,
      action: "household.register",
      entity: "household",
      entityId: code,
      details: { wardCode: ward.code, lon: input.lon, lat: input.lat },
    });
    return { id, code, wardCode: ward.code, wardName: ward.name };
  });
}
