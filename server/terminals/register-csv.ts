// Bulk household registration from CSV (header `address,lon,lat[,members]`, columns in any order).
// All or nothing: every row is checked first — fields, then the ward of its point — and if any row
// is wrong the report lists each problem and nothing is written. A good file is written in one
// transaction with a single audit row for the whole batch.
import type { Database } from "../db/client";
import { audit } from "../audit/log";
import type { Actor } from "./errors";
import { householdCodeFor } from "./household-code";
import { householdInputProblems, parseDecimal } from "./household-input";
import { CsvReader, CsvSyntaxError, type CsvRecord } from "./csv";
import { reserveHouseholdIds, type RegisteredHousehold } from "./register";
import { currentWardIndex } from "./ward-lookup";

export interface CsvRowError {
  /** Row of the file as a spreadsheet numbers it: the header is row 1, the first household row 2. */
  row: number;
  /** The column at fault, or "row" / "file" for problems with the row or the file as a whole. */
  field: string;
  message: string;
}

export type CsvImportResult =
  | { ok: true; registered: number; households: RegisteredHousehold[] }
  | { ok: false; registered: 0; errors: CsvRowError[]; errorCount: number };

export const MAX_CSV_ROWS = 200_000;
/** A report longer than this helps nobody; the count still says how many there were. */
const MAX_REPORTED_ERRORS = 1_000;

const required = ["address", "lon", "lat"] as const;
const known = new Set<string>([...required, "members"]);

interface GoodRow {
  address: string;
  lon: number;
  lat: number;
  members: number | null;
  wardId: number;
  wardCode: string;
  wardName: string;
}

function fail(errors: CsvRowError[]): CsvImportResult {
  return { ok: false, registered: 0, errors: errors.slice(0, MAX_REPORTED_ERRORS), errorCount: errors.length };
}

export async function registerHouseholdsCsv(db: Database, csvText: string, actor: Actor): Promise<CsvImportResult> {
  let records: CsvRecord[];
  try {
    const reader = new CsvReader();
    records = reader.feed(csvText);
    records.push(...reader.finish());
  } catch (error) {
    if (error instanceof CsvSyntaxError) return fail([{ row: error.row, field: "file", message: error.message }]);
    throw error;
  }
  const header = records.shift();
  if (!header) return fail([{ row: 1, field: "file", message: "the file is empty; the first row must be the header address,lon,lat[,members]" }]);
  const columns = header.fields.map((h) => h.trim().toLowerCase());
  const headerErrors: CsvRowError[] = [];
  for (const name of required) if (!columns.includes(name)) headerErrors.push({ row: header.row, field: name, message: `the header has no "${name}" column (expected address,lon,lat[,members])` });
  columns.forEach((name, i) => {
    if (!known.has(name)) headerErrors.push({ row: header.row, field: name || `column ${i + 1}`, message: `unknown column "${header.fields[i]}" (expected address,lon,lat[,members])` });
    else if (columns.indexOf(name) !== i) headerErrors.push({ row: header.row, field: name, message: `column "${name}" appears twice` });
  });
  if (headerErrors.length) return fail(headerErrors);
  if (records.length === 0) return fail([{ row: header.row, field: "file", message: "the file has a header but no households" }]);
  if (records.length > MAX_CSV_ROWS) return fail([{ row: header.row, field: "file", message: `the file has ${records.length} rows; split it into files of at most ${MAX_CSV_ROWS}` }]);

  const at = (name: string) => columns.indexOf(name);
  const wards = await currentWardIndex(db.prisma);
  if (wards.size === 0) return fail([{ row: header.row, field: "file", message: "there are no current wards yet; import ward boundaries first" }]);
  const errors: CsvRowError[] = [];
  const good: GoodRow[] = [];
  for (const record of records) {
    if (record.fields.length !== columns.length) {
      errors.push({ row: record.row, field: "row", message: `has ${record.fields.length} fields, the header has ${columns.length}` });
      continue;
    }
    const cell = (name: string) => (at(name) === -1 ? "" : record.fields[at(name)]);
    const lonText = cell("lon");
    const latText = cell("lat");
    const membersText = cell("members").trim();
    const input = {
      address: cell("address"),
      lon: parseDecimal(lonText),
      lat: parseDecimal(latText),
      members: membersText === "" ? null : /^\d+$/.test(membersText) ? Number(membersText) : Number.NaN,
    };
    const problems = householdInputProblems(input).map((p) => {
      // Say what was actually in the cell: "lon is not a number" alone does not find the typo.
      if (p.field === "lon" && Number.isNaN(input.lon)) return { ...p, message: lonText.trim() ? `lon "${lonText}" is not a number` : "lon is missing" };
      if (p.field === "lat" && Number.isNaN(input.lat)) return { ...p, message: latText.trim() ? `lat "${latText}" is not a number` : "lat is missing" };
      return p;
    });
    if (problems.length) {
      for (const p of problems) errors.push({ row: record.row, field: p.field, message: p.message });
      continue;
    }
    const ward = wards.find(input.lon, input.lat);
    if (!ward) {
      errors.push({ row: record.row, field: "lon,lat", message: `the point (lon ${input.lon}, lat ${input.lat}) is outside every current ward of the city` });
      continue;
    }
    good.push({ address: input.address.trim(), lon: input.lon, lat: input.lat, members: input.members, wardId: ward.id, wardCode: ward.code, wardName: ward.name });
  }
  if (errors.length) return fail(errors);

  const households = await db.prisma.$transaction(
    async (tx) => {
      const ids = await reserveHouseholdIds(tx, good.length);
      const rows = good.map((g, i) => ({ id: ids[i], code: householdCodeFor(ids[i]), address: g.address, lon: g.lon, lat: g.lat, ward_id: g.wardId, members: g.members }));
      // One statement for the whole file: row-by-row ORM inserts would take minutes for a district.
      await tx.$executeRawUnsafe(
        `INSERT INTO household (id, code, address, lon, lat, ward_id, members)
         SELECT id, code, address, lon, lat, ward_id, members
         FROM json_to_recordset($1::json) AS r(id int, code text, address text, lon float8, lat float8, ward_id int, members int)`,
        JSON.stringify(rows),
      );
      await audit(tx, {
        actorKind: actor.kind,
        actorId: actor.id,
        ip: actor.ip,
        action: "household.register_csv",
        entity: "household",
        entityId: null,
        details: { count: rows.length, firstCode: rows[0].code, lastCode: rows[rows.length - 1].code },
      });
      return rows.map((r, i) => ({ id: r.id, code: r.code, wardCode: good[i].wardCode, wardName: good[i].wardName }));
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return { ok: true, registered: households.length, households };
}
