// Every way a boundary file can be wrong must leave the database exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import type { Database } from "../../../server/db/client";
import { BoundaryImportError, importBoundaries, type BoundaryImportOptions } from "../../../server/geo/import-boundaries";
import { fixture, seedTown, snapshot } from "./support";

type Json = { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
const edit = (change: (json: Json) => void): string => {
  const json = JSON.parse(fixture("wards-2025.geojson")) as Json;
  change(json);
  return JSON.stringify(json);
};

const cases: { name: string; text: string; options?: Partial<BoundaryImportOptions>; message: string; problem: RegExp }[] = [
  { name: "not JSON", text: '{"type": "FeatureCollection", "features": [', message: "bad.geojson: 1 problem; nothing was imported", problem: /^not valid JSON/ },
  {
    name: "not a FeatureCollection",
    text: JSON.stringify({ type: "GeometryCollection", geometries: [] }),
    message: "bad.geojson: 1 problem; nothing was imported",
    problem: /^not a GeoJSON FeatureCollection \(type is "GeometryCollection"\)$/,
  },
  {
    name: "a LineString feature",
    text: edit((j) => (j.features[2].geometry = { type: "LineString", coordinates: [[105.8, 21], [105.9, 21]] })),
    message: "bad.geojson: 1 problem; nothing was imported",
    problem: /^feature 2 \(code 00003, Phường Gamma Đông\): geometry type LineString is not allowed; expected Polygon or MultiPolygon$/,
  },
  {
    name: "a missing name",
    text: edit((j) => delete j.features[1].properties.ten_xa),
    message: "bad.geojson: 1 problem; nothing was imported",
    problem: /^feature 1 \(code 00002\): name property "ten_xa" is missing or empty$/,
  },
  {
    name: "a missing code",
    text: edit((j) => (j.features[0].properties.ma_xa = "")),
    message: "bad.geojson: 1 problem; nothing was imported",
    problem: /^feature 0 \(Phường Alpha\): code property "ma_xa" is missing or empty$/,
  },
  {
    name: "duplicate codes",
    text: edit((j) => (j.features[1].properties.ma_xa = "00003")),
    message: "bad.geojson: 1 problem; nothing was imported",
    problem: /^duplicate code 00003: features 1, 2$/,
  },
  {
    name: "coordinates out of range",
    text: edit((j) => ((j.features[0].geometry.coordinates as number[][][])[0][2] = [185.8, 21])),
    message: "bad.geojson: 1 problem; nothing was imported",
    problem: /^feature 0 \(code 00001, Phường Alpha\): a coordinate is outside longitude −180…180/,
  },
  {
    name: "an unclosed ring",
    text: edit((j) => (j.features[2].geometry.coordinates as number[][][])[0].pop()),
    message: "bad.geojson: 1 problem; nothing was imported",
    problem: /^feature 2 \(code 00003, Phường Gamma Đông\): a ring is not closed/,
  },
  {
    name: "wards imported as districts",
    text: fixture("wards-2025.geojson"),
    options: { level: "district", codeProp: "ma_xa", nameProp: "ten_xa" },
    message: "bad.geojson: 3 problems; nothing was imported",
    problem: /^feature 0 \(code 00001, Phường Alpha\): a phường is not a district-level unit \(use --level ward for wards\)$/,
  },
  {
    name: "a malformed --valid-from",
    text: fixture("wards-2025.geojson"),
    options: { validFrom: "2025-02-30" },
    message: 'bad.geojson: --valid-from must be a calendar date written YYYY-MM-DD (got "2025-02-30"); nothing was imported',
    problem: /^--valid-from must be a calendar date/,
  },
];

describe("importBoundaries: an invalid file changes nothing", () => {
  let db: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase();
    await seedTown(db);
  });
  afterAll(async () => {
    await db.drop();
  });

  it.each(cases)("$name", async ({ text, options, message, problem }) => {
    const before = await snapshot(db);
    const error = await importBoundaries(db, text, { source: "bad.geojson", level: "ward", actor: { kind: "cli" }, ...options }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoundaryImportError);
    const { message: actual, problems } = error as BoundaryImportError;
    expect(actual).toBe(message);
    expect(problems[0]).toMatch(problem);
    expect(await snapshot(db)).toEqual(before);
  });

  it("reports all problems of a file with many, capped at 50 lines", async () => {
    const before = await snapshot(db);
    const many = edit((j) => {
      const template = j.features[0];
      j.features = Array.from({ length: 80 }, (_, i) => ({ ...template, properties: { ...template.properties, ma_xa: `X${i % 40}` } }));
    });
    const error = (await importBoundaries(db, many, { source: "many.geojson", level: "ward", actor: { kind: "cli" } }).catch((e: unknown) => e)) as BoundaryImportError;
    expect(error.message).toBe("many.geojson: 40 problems; nothing was imported");
    expect(error.problems).toHaveLength(40);
    const lots = edit((j) => {
      j.features = Array.from({ length: 120 }, (_, i) => ({ ...j.features[0], properties: { ma_xa: `C${i}` } }));
    });
    const capped = (await importBoundaries(db, lots, { source: "lots.geojson", level: "ward", codeProp: "ma_xa", nameProp: "ten_xa", actor: { kind: "cli" } }).catch((e: unknown) => e)) as BoundaryImportError;
    expect(capped.message).toBe("lots.geojson: 120 problems; nothing was imported");
    expect(capped.problems).toHaveLength(51);
    expect(capped.problems[50]).toBe("… and 70 more");
    expect(await snapshot(db)).toEqual(before);
  });

  it("a failure inside the transaction (after households were staged) rolls everything back and drops the scratch table", async () => {
    // A district that already owns code 00003 from 2025-07-01: only the transaction can find this clash.
    await db.prisma.adminUnit.create({
      data: { code: "00003", name: "Quận Trùng Mã", nameAscii: "quan trung ma", level: "district", type: "quan", validFrom: new Date("2025-07-01T00:00:00Z") },
    });
    const before = await snapshot(db);
    const error = (await importBoundaries(db, fixture("wards-2025.geojson"), { source: "clash.geojson", level: "ward", actor: { kind: "cli" } }).catch(
      (e: unknown) => e,
    )) as BoundaryImportError;
    expect(error).toBeInstanceOf(BoundaryImportError);
    expect(error.problems).toEqual(["code 00003 with valid-from 2025-07-01 already belongs to a district-level unit"]);
    const after = await snapshot(db);
    expect(after).toEqual(before);
    expect(after.tables).not.toMatch(/geo_reassign_/);
  });
});
