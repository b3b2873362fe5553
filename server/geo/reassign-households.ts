// Moves households (and their terminals) to the ward that contains their GPS point after a
// ward-level boundary import, set-based rather than one UPDATE per household.
//
// Why two phases: the assignments are computed in TypeScript (no PostGIS on PGlite) and bulk
// loaded with COPY. `db.copyCsv` cannot run inside the import's transaction — on PGlite it
// waits for the transaction's lock (a deadlock), on PostgreSQL it uses another pooled
// connection that cannot see the transaction's tables. So the assignments are staged first
// into a committed scratch table keyed by ward *code* (the new units' ids do not exist yet),
// and the transaction applies them by joining on (code, valid_from). Households registered or
// moved between the two phases are caught up inside the transaction, so nothing is missed.
import { randomBytes } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import { quoteIdent, type Database } from "../db/client";
import type { WardIndex } from "./ward-index";

type Tx = Prisma.TransactionClient;

export interface StagedAssignments {
  table: string;
  rows: number;
  drop(): Promise<void>;
}

export interface ReassignmentCounts {
  /** Households whose ward changed. */
  households: number;
  /** Terminals whose ward changed with their household's. */
  terminals: number;
  /** Households whose point is in none of the new wards: they keep their ward. */
  outside: number;
}

const readChunk = 50_000;
const scratchPrefix = "geo_reassign_";
const abandonedAfterSeconds = 24 * 3600;
const updateChunk = 5_000;

/** Phase 1, outside the transaction: every household's new ward code (or none), COPYed to a scratch table. */
export async function stageAssignments(db: Database, index: WardIndex<string>): Promise<StagedAssignments | null> {
  let chunk = await readHouseholdPoints(db, 0);
  if (chunk.length === 0) return null;
  await dropAbandonedScratchTables(db);
  const table = `${scratchPrefix}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString("hex")}`;
  const drop = () => db.exec(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  await db.exec(`CREATE UNLOGGED TABLE ${quoteIdent(table)} (household_id integer NOT NULL, lon double precision NOT NULL, lat double precision NOT NULL, ward_code text)`);
  try {
    let rows = 0;
    while (chunk.length > 0) {
      const lines = ["household_id,lon,lat,ward_code"];
      for (const h of chunk) {
        const code = index.find(h.lon, h.lat);
        // lon/lat are written back exactly as read (shortest round-trip text on both sides),
        // so phase 2 can tell by equality whether a household moved in between.
        lines.push(`${h.id},${h.lon},${h.lat},${code === null ? "" : `"${code.replace(/"/g, '""')}"`}`);
      }
      await db.copyCsv(table, ["household_id", "lon", "lat", "ward_code"], `${lines.join("\n")}\n`);
      rows += chunk.length;
      chunk = await readHouseholdPoints(db, chunk[chunk.length - 1].id);
    }
    // The key and fresh statistics let the planner hash-join 10⁵–10⁶ rows instead of looping.
    await db.exec(`ALTER TABLE ${quoteIdent(table)} ADD PRIMARY KEY (household_id); ANALYZE ${quoteIdent(table)}`);
    return { table, rows, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

/**
 * Scratch tables are dropped when an import ends; a killed process leaves its table behind.
 * Their names carry their creation time, so a later import removes those older than a day
 * without touching one that a concurrent import is still using.
 */
async function dropAbandonedScratchTables(db: Database): Promise<void> {
  const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '${scratchPrefix}%'`,
  );
  const cutoff = Date.now() / 1000 - abandonedAfterSeconds;
  for (const { name } of tables) {
    const created = Number(/^geo_reassign_(\d+)_[0-9a-f]+$/.exec(name)?.[1]);
    if (created < cutoff) await db.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
  }
}

/**
 * The next chunk of household points after `afterId`. Aggregated to one text value in SQL:
 * turning 50,000 rows into 50,000 objects through the driver adapter costs 4–5 times more
 * than splitting one string.
 */
async function readHouseholdPoints(db: Database, afterId: number): Promise<{ id: number; lon: number; lat: number }[]> {
  const [{ points }] = await db.prisma.$queryRawUnsafe<{ points: string | null }[]>(
    `SELECT string_agg(id || ',' || lon || ',' || lat, ';' ORDER BY id) AS points
       FROM (SELECT id, lon, lat FROM household WHERE id > $1 ORDER BY id LIMIT ${readChunk}) h`,
    afterId,
  );
  if (!points) return [];
  return points.split(";").map((line) => {
    const [id, lon, lat] = line.split(",");
    return { id: Number(id), lon: Number(lon), lat: Number(lat) };
  });
}

/**
 * Phase 2, inside the import's transaction, after the new wards are written: apply the staged
 * assignments, catch up households the staging did not see, and move terminals along.
 */
export async function applyAssignments(
  tx: Tx,
  staged: StagedAssignments | null,
  index: WardIndex<string>,
  wardIdByCode: ReadonlyMap<string, number>,
  validFrom: string,
): Promise<ReassignmentCounts> {
  let households = 0;
  let outside = 0;
  let late: { id: number; lon: number; lat: number }[];
  if (staged) {
    const t = quoteIdent(staged.table);
    households += await tx.$executeRawUnsafe(
      `UPDATE household h SET ward_id = u.id
         FROM ${t} s JOIN admin_unit u ON u.code = s.ward_code AND u.valid_from = $1::date AND u.level = 'ward'
        WHERE h.id = s.household_id AND h.lon = s.lon AND h.lat = s.lat AND h.ward_id <> u.id`,
      validFrom,
    );
    const [{ n }] = await tx.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${t} s JOIN household h ON h.id = s.household_id AND h.lon = s.lon AND h.lat = s.lat
        WHERE s.ward_code IS NULL`,
    );
    outside += n;
    late = await tx.$queryRawUnsafe(
      `SELECT h.id, h.lon, h.lat FROM household h LEFT JOIN ${t} s ON s.household_id = h.id
        WHERE s.household_id IS NULL OR h.lon <> s.lon OR h.lat <> s.lat`,
    );
  } else {
    late = await tx.household.findMany({ select: { id: true, lon: true, lat: true } });
  }

  const moves: [number, number][] = [];
  for (const h of late) {
    const code = index.find(h.lon, h.lat);
    const wardId = code === null ? undefined : wardIdByCode.get(code);
    if (wardId === undefined) outside++;
    else moves.push([h.id, wardId]);
  }
  for (let i = 0; i < moves.length; i += updateChunk) {
    const chunk = moves.slice(i, i + updateChunk);
    const values = chunk.map((_, j) => `($${2 * j + 1}::int, $${2 * j + 2}::int)`).join(", ");
    households += await tx.$executeRawUnsafe(
      `UPDATE household h SET ward_id = v.ward_id FROM (VALUES ${values}) AS v(id, ward_id) WHERE h.id = v.id AND h.ward_id <> v.ward_id`,
      ...chunk.flat(),
    );
  }

  // A terminal sits in its household's ward; facts already recorded keep the ward they happened in.
  const terminals = await tx.$executeRawUnsafe(
    `UPDATE terminal t SET ward_id = h.ward_id FROM household h WHERE t.household_id = h.id AND t.ward_id <> h.ward_id`,
  );
  return { households, terminals, outside };
}
