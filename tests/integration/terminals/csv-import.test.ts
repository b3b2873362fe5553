// Bulk registration from CSV is all or nothing: a file with any bad row writes nothing and reports
// every problem by row and field; a good file is written whole, with one audit row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import { registerHouseholdsCsv } from "../../../server/terminals/register-csv";
import { householdCodeFor } from "../../../server/terminals/household-code";
import { buildTown, type Town } from "./town";

let db: Awaited<ReturnType<typeof freshDatabase>>;
let town: Town;

beforeAll(async () => {
  db = await freshDatabase();
  town = await buildTown(db);
});
afterAll(async () => {
  await db?.drop();
});

const counts = async () => ({ households: await db.prisma.household.count(), audits: await db.prisma.auditLog.count({ where: { action: "household.register_csv" } }) });

describe("registerHouseholdsCsv", () => {
  it("writes nothing when any row is bad, and names every bad row and field", async () => {
    const csv = [
      "address,lon,lat,members",
      "Số 1 phố Tây,105.81,21.01,3", // row 2: good
      ",105.81,21.01,2", // row 3: missing address
      "Số 3 phố Tây,105.8x,21.01,", // row 4: bad number
      "Số 4 ngoài thành phố,105.95,21.2,1", // row 5: outside every ward
      "Số 5 phố Đông,105.83,,4", // row 6: missing lat
      "Số 6 phố Đông,105.83,21.01,0", // row 7: members out of range
      '"Số 7, ngõ 2",105.83', // row 8: too few fields
      "Số 8 phố Đông,200,95,2", // row 9: both out of range
    ].join("\n");
    const before = await counts();
    const result = await registerHouseholdsCsv(db, csv, { kind: "cli" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { row: 3, field: "address", message: "address is missing" },
      { row: 4, field: "lon", message: 'lon "105.8x" is not a number' },
      { row: 5, field: "lon,lat", message: "the point (lon 105.95, lat 21.2) is outside every current ward of the city" },
      { row: 6, field: "lat", message: "lat is missing" },
      { row: 7, field: "members", message: "members must be a whole number from 1 to 50" },
      { row: 8, field: "row", message: "has 2 fields, the header has 4" },
      { row: 9, field: "lon", message: "lon must be between -180 and 180 (got 200)" },
      { row: 9, field: "lat", message: "lat must be between -90 and 90 (got 95)" },
    ]);
    expect(result.errorCount).toBe(8);
    expect(await counts()).toEqual(before);
  });

  it("reports header problems before reading any row", async () => {
    const result = await registerHouseholdsCsv(db, "addr,lon,lat,colour\nx,105.81,21.01,red\n", { kind: "cli" });
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { row: 1, field: "address", message: 'the header has no "address" column (expected address,lon,lat[,members])' },
        { row: 1, field: "addr", message: 'unknown column "addr" (expected address,lon,lat[,members])' },
        { row: 1, field: "colour", message: 'unknown column "colour" (expected address,lon,lat[,members])' },
      ],
    });
    expect(await registerHouseholdsCsv(db, "", { kind: "cli" })).toMatchObject({ ok: false, errors: [{ row: 1, field: "file" }] });
    expect(await registerHouseholdsCsv(db, "address,lon,lat\n", { kind: "cli" })).toMatchObject({ ok: false, errors: [{ message: "the file has a header but no households" }] });
    expect(await registerHouseholdsCsv(db, 'address,lon,lat\n"Số 1,105.81,21.01\n', { kind: "cli" })).toMatchObject({ ok: false, errors: [{ field: "file", message: expect.stringMatching(/never closed/) }] });
  });

  it("writes a good file whole — quoted commas and quotes, CRLF, BOM, any column order — with one audit row", async () => {
    const csv = '\ufefflat,lon,address\r\n21.01,105.81,"Số 1, ngõ 2, phố ""Tây"""\r\n21.015,105.835,Số 2 phố Đông\r\n\r\n21.005,105.805,Số 3 phố Tây\r\n';
    const before = await counts();
    const result = await registerHouseholdsCsv(db, csv, { kind: "user", id: "op-1" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.registered).toBe(3);
    expect(result.households.map((h) => h.wardCode)).toEqual([town.wards.west.code, town.wards.east.code, town.wards.west.code]);
    for (const h of result.households) expect(h.code).toBe(householdCodeFor(h.id));
    const rows = await db.prisma.household.findMany({ where: { code: { in: result.households.map((h) => h.code) } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.address, r.wardId, r.members])).toEqual([
      ['Số 1, ngõ 2, phố "Tây"', town.wards.west.id, null],
      ["Số 2 phố Đông", town.wards.east.id, null],
      ["Số 3 phố Tây", town.wards.west.id, null],
    ]);
    expect(await counts()).toEqual({ households: before.households + 3, audits: before.audits + 1 });
  });
});
