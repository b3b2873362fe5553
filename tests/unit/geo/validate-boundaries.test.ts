import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { capProblems, checkGeometry, validateBoundaries, type ValidationOptions } from "../../../server/geo/validate-boundaries";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/geo/${name}`, import.meta.url), "utf8");
const wards = () => JSON.parse(fixture("wards-2025.geojson"));
const ward: ValidationOptions = { level: "ward" };

function problemsOf(input: unknown, options: ValidationOptions = ward): string[] {
  const result = validateBoundaries(typeof input === "string" ? input : JSON.stringify(input), options);
  if (result.ok) throw new Error("expected the input to be rejected");
  return result.problems;
}

describe("validateBoundaries: a good file", () => {
  it("accepts the fixture and auto-detects ma_xa/ten_xa, reading types from loai or the name", () => {
    const result = validateBoundaries(fixture("wards-2025.geojson"), ward);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.codeProp).toBe("ma_xa");
    expect(result.value.nameProp).toBe("ten_xa");
    expect(result.value.detected).toBe(true);
    expect(result.value.typeSources).toEqual({ loai: 2, name: 1 });
    expect(result.value.features.map((f) => [f.index, f.code, f.type])).toEqual([
      [0, "00001", "phuong"],
      [1, "00002", "xa"],
      [2, "00003", "phuong"],
    ]);
  });

  it("accepts a byte-order mark and numeric codes", () => {
    const json = wards();
    json.features[0].properties.ma_xa = 1;
    const result = validateBoundaries(`\uFEFF${JSON.stringify(json)}`, ward);
    expect(result.ok && result.value.features[0].code).toBe("1");
  });

  it("auto-detects the GSO and district property pairs", () => {
    const result = validateBoundaries(fixture("wards-2019.geojson"), ward);
    expect(result.ok && [result.value.codeProp, result.value.nameProp]).toEqual(["ma_xa_gso", "ten_xa_gso"]);
    const districts = validateBoundaries(fixture("districts.geojson"), { level: "district" });
    expect(districts.ok && [districts.value.codeProp, districts.value.nameProp]).toEqual(["ma_huyen", "ten_huyen"]);
  });

  it("uses --code-prop/--name-prop when given, detecting only the one left out", () => {
    const json = wards();
    for (const f of json.features) {
      f.properties.ma = `X${f.properties.ma_xa}`;
      f.properties.label = f.properties.ten_xa;
    }
    const both = validateBoundaries(JSON.stringify(json), { level: "ward", codeProp: "ma", nameProp: "label" });
    expect(both.ok && [both.value.codeProp, both.value.nameProp, both.value.detected]).toEqual(["ma", "label", false]);
    const codeOnly = validateBoundaries(JSON.stringify(json), { level: "ward", codeProp: "ma" });
    expect(codeOnly.ok && [codeOnly.value.codeProp, codeOnly.value.nameProp, codeOnly.value.features[0].code]).toEqual(["ma", "ten_xa", "X00001"]);
  });
});

describe("validateBoundaries: each kind of bad input has its own message", () => {
  it("not JSON", () => {
    expect(problemsOf("{ this is not json")).toEqual([expect.stringMatching(/^not valid JSON: /)]);
  });

  it("JSON that is not a FeatureCollection", () => {
    expect(problemsOf([1, 2])).toEqual(["the file is a JSON array; expected a GeoJSON FeatureCollection"]);
    expect(problemsOf("42")).toEqual(["the file is a JSON number; expected a GeoJSON FeatureCollection"]);
    expect(problemsOf({ type: "Feature", properties: {}, geometry: null })).toEqual(["the file is a single GeoJSON Feature; expected a FeatureCollection"]);
    expect(problemsOf({ type: "Topology", objects: {} })).toEqual(['not a GeoJSON FeatureCollection (type is "Topology")']);
    expect(problemsOf({ features: [] })).toEqual(["not a GeoJSON FeatureCollection (type is missing)"]);
    expect(problemsOf({ type: "FeatureCollection", features: [] })).toEqual(["the FeatureCollection has no features"]);
    expect(problemsOf({ type: "FeatureCollection" })).toEqual(['the FeatureCollection has no "features" array']);
  });

  it("a geometry type other than Polygon/MultiPolygon, named with the feature's index and code", () => {
    const json = wards();
    json.features[1].geometry = { type: "LineString", coordinates: [[105.8, 21], [105.9, 21.1]] };
    expect(problemsOf(json)).toEqual(["feature 1 (code 00002, Xã Beta): geometry type LineString is not allowed; expected Polygon or MultiPolygon"]);
  });

  it("a feature without geometry, and an item that is not a Feature", () => {
    const json = wards();
    json.features[0].geometry = null;
    json.features[2] = { type: "Point", coordinates: [105.8, 21] };
    expect(problemsOf(json)).toEqual(["feature 0 (code 00001, Phường Alpha): has no geometry", 'feature 2: not a GeoJSON Feature (type is "Point")']);
  });

  it("missing or empty name and code", () => {
    const json = wards();
    delete json.features[0].properties.ten_xa;
    json.features[1].properties.ma_xa = "   ";
    expect(problemsOf(json)).toEqual([
      'feature 0 (code 00001): name property "ten_xa" is missing or empty',
      'feature 1 (Xã Beta): code property "ma_xa" is missing or empty',
    ]);
  });

  it("no known code/name properties: says which properties the features do have", () => {
    const json = wards();
    json.features = json.features.map((f: { properties: Record<string, unknown> }) => ({ ...f, properties: { MA: f.properties.ma_xa, TEN: f.properties.ten_xa } }));
    const problems = problemsOf(json);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("cannot find the code and name properties (tried ma_xa/ten_xa, ma_xa_gso/ten_xa_gso, code/name, ma/ten");
    expect(problems[0]).toContain("the features have these properties: MA, TEN");
    expect(problems[0]).toContain("--code-prop and --name-prop");
  });

  it("a given property that the features lack", () => {
    const problems = problemsOf(fixture("wards-2025.geojson"), { level: "ward", codeProp: "nope", nameProp: "ten_xa" });
    expect(problems).toEqual([0, 1, 2].map((i) => expect.stringMatching(new RegExp(`^feature ${i} \\(.*\\): code property "nope" is missing or empty$`))));
  });

  it("duplicate codes, listing the features that share them", () => {
    const json = wards();
    json.features[2].properties.ma_xa = "00001";
    expect(problemsOf(json)).toEqual(["duplicate code 00001: features 0, 2"]);
  });

  it("coordinates out of range, with a hint when latitude and longitude are swapped", () => {
    const json = wards();
    const swap = (ring: number[][]) => ring.map(([lon, lat]) => [lat, lon]);
    json.features[0].geometry.coordinates = json.features[0].geometry.coordinates.map(swap);
    json.features[2].geometry.coordinates[0][1] = [200, 21.03];
    expect(problemsOf(json)).toEqual([
      "feature 0 (code 00001, Phường Alpha): 10 coordinates are outside longitude −180…180 / latitude −90…90 (first: [21, 105.8]); longitude and latitude look swapped (GeoJSON is [longitude, latitude])",
      "feature 2 (code 00003, Phường Gamma Đông): a coordinate is outside longitude −180…180 / latitude −90…90 (first: [200, 21.03])",
    ]);
  });

  it("a projected coordinate reference system", () => {
    const json = wards();
    json.crs = { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::3405" } };
    expect(problemsOf(json)[0]).toBe("coordinate reference system urn:ogc:def:crs:EPSG::3405 is not WGS84 longitude/latitude; reproject the file to EPSG:4326 first");
  });

  it("a unit type that does not belong to the level, or cannot be told", () => {
    const json = wards();
    json.features[0].properties.loai = "Quận";
    json.features[2].properties.ten_xa = "Gamma";
    expect(problemsOf(json)).toEqual([
      "feature 0 (code 00001, Phường Alpha): a quận is not a ward-level unit (use --level district for districts)",
      "feature 2 (code 00003, Gamma): cannot tell the unit type: no type property (loai, loai_xa, loai_huyen, TYPE_3, TYPE_2, ENGTYPE_3, ENGTYPE_2, type) and the name does not start with Phường, Xã or Thị trấn",
    ]);
  });

  it("collects every problem of every feature rather than stopping at the first", () => {
    const json = wards();
    json.features[0].geometry = { type: "Point", coordinates: [105.8, 21] };
    delete json.features[1].properties.ten_xa;
    json.features[2].properties.ma_xa = "00001";
    expect(problemsOf(json)).toHaveLength(3);
  });
});

describe("checkGeometry", () => {
  const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

  it("accepts a valid Polygon and MultiPolygon", () => {
    expect(checkGeometry({ type: "Polygon", coordinates: [square] })).toEqual([]);
    expect(checkGeometry({ type: "MultiPolygon", coordinates: [[square], [square]] })).toEqual([]);
  });

  it("rings that are not closed or too short", () => {
    expect(checkGeometry({ type: "Polygon", coordinates: [square.slice(0, 4)] })).toEqual(["a ring is not closed: the first and last positions differ (exterior ring)"]);
    expect(checkGeometry({ type: "MultiPolygon", coordinates: [[square], [[[0, 0], [1, 1], [0, 0]]]] })).toEqual(["a ring has fewer than 4 positions (part 1 exterior ring has 3)"]);
    expect(checkGeometry({ type: "Polygon", coordinates: [square, square.slice(1), square.slice(1)] })).toEqual(["2 rings are not closed: the first and last positions differ (first: hole 1)"]);
  });

  it("positions that are not number pairs, empty coordinates, and rings enclosing nothing", () => {
    expect(checkGeometry({ type: "Polygon", coordinates: [[[0, 0], [1, "0"], [1, 1], [0, 0]]] })).toEqual(['a position is not [longitude, latitude] numbers (first: [1,"0"] in exterior ring)']);
    expect(checkGeometry({ type: "Polygon", coordinates: [] })).toEqual(["Polygon has no coordinates"]);
    expect(checkGeometry({ type: "Polygon", coordinates: [[[0, 0], [1, 1], [2, 2], [0, 0]]] })).toEqual(["the geometry encloses no area"]);
    // A flat sliver next to a real part is tolerated (real files have them).
    expect(checkGeometry({ type: "MultiPolygon", coordinates: [[square], [[[0, 0], [1, 1], [2, 2], [0, 0]]]] })).toEqual([]);
  });
});

describe("capProblems", () => {
  it("keeps 50 lines and says how many more there are", () => {
    const many = Array.from({ length: 120 }, (_, i) => `problem ${i}`);
    const capped = capProblems(many);
    expect(capped).toHaveLength(51);
    expect(capped[50]).toBe("… and 70 more");
    expect(capProblems(many.slice(0, 50))).toHaveLength(50);
  });
});
