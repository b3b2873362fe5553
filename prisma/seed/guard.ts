// Refusing to seed over data, and wiping what the generator writes (with --force, or after a failure
// on PostgreSQL, where the seed cannot run as one transaction through the pooled client).
import type { Database } from "../../server/db/client";

/** Tables the generator fills, parents first. TRUNCATE … CASCADE also empties tables that reference
 * them (app_user, session, api_token): with --force the demo accounts are recreated. The audit log is
 * never wiped. */
export const generatedTables = [
  "admin_unit", "admin_unit_link", "department", "public_service", "household", "terminal", "heartbeat", "payment", "service_session",
  "payment_daily", "terminal_daily", "dossier", "dataset", "dataset_update", "organisation", "funding_round", "app_user",
] as const;

const probeTables = ["admin_unit", "department", "household", "terminal", "payment", "dossier", "organisation", "dataset"] as const;

export async function isEmpty(db: Database): Promise<boolean> {
  const probes = probeTables.map((t) => `SELECT EXISTS (SELECT 1 FROM "${t}") AS present`).join(" UNION ALL ");
  const rows = await db.prisma.$queryRawUnsafe<{ present: boolean }[]>(probes);
  return rows.every((r) => !r.present);
}

export async function wipeGenerated(db: Database): Promise<void> {
  await db.exec(`TRUNCATE ${generatedTables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
}
