import { describe, expect, it } from "vitest";
import { parseMappingFile, splitCsvLine } from "../../../server/history/mapping-file";
import { validateMapping, groupByCode } from "../../../server/history/mapping-validate";
import { buildTransfer, composeWithParents, linkShares, routeToLayout } from "../../../server/history/transfer";

describe("mapping files", () => {
  it("reads the official JSON shape and a CSV into the same rows", () => {
    const json = parseMappingFile(JSON.stringify({ level1_id: "01", level2s: [{ level2_id: "00004", name: "P", merges: [{ old_id: "00013", name: "Q", type: "full" }, { old_id: "00016", type: "partial" }] }] }));
    const csv = parseMappingFile("new_code,old_code,kind\r\n00004,00013,full\r\n\r\n00004,00016,partial\r\n");
    expect(json.format).toBe("json");
    expect(csv.format).toBe("csv");
    expect(json.rows.map(({ newCode, oldCode, kind }) => [newCode, oldCode, kind])).toEqual(csv.rows.map(({ newCode, oldCode, kind }) => [newCode, oldCode, kind]));
    expect(csv.rows.map((r) => r.where)).toEqual(["line 2", "line 4"]);
    expect(json.problems).toEqual([]);
  });

  it("splits quoted CSV fields and refuses broken quoting", () => {
    expect(splitCsvLine('00004,"00013",full')).toEqual(["00004", "00013", "full"]);
    expect(splitCsvLine('a,"b, c ""d""",e')).toEqual(["a", 'b, c "d"', "e"]);
    expect(splitCsvLine('a,"b')).toBeNull();
    expect(parseMappingFile('new_code,old_code,kind\n1,"2,3').problems).toEqual(["line 2: malformed quoting"]);
    expect(parseMappingFile("{ not json").problems[0]).toMatch(/^not valid JSON/);
    expect(parseMappingFile("").problems).toEqual(["the file is empty; expected a CSV header new_code,old_code,kind"]);
  });

  it("validation: a full link is exclusive, pairs are unique, codes must resolve", () => {
    const units = (codes: string[], first: number) => groupByCode(codes.map((code, i) => ({ id: first + i, code, name: code })));
    const rows = parseMappingFile("new_code,old_code,kind\nN1,A,full\nN1,B,partial\nN2,B,partial\nN2,C,full\n").rows;
    const ok = validateMapping({ rows, newUnits: units(["N1", "N2"], 10), oldUnits: units(["A", "B", "C"], 1), kept: [] });
    expect(ok.problems).toEqual([]);
    expect(ok.links.map((l) => [l.fromId, l.toId, l.kind])).toEqual([[1, 10, "full"], [2, 10, "partial"], [2, 11, "partial"], [3, 11, "full"]]);
    const clash = validateMapping({ rows: parseMappingFile("new_code,old_code,kind\nN2,A,partial\n").rows, newUnits: units(["N1", "N2"], 10), oldUnits: units(["A"], 1), kept: [{ fromId: 1, fromCode: "A", toCode: "N1", kind: "full" }] });
    expect(clash.problems).toHaveLength(1);
    expect(clash.links).toEqual([]);
  });
});

describe("transfer weights", () => {
  const square = (x: number, y: number, w: number, h: number) => ({ type: "Polygon" as const, coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] });
  it("splits by an injected overlap area, and without polygons in equal parts", () => {
    const units = new Map([
      [1, { id: 1, households: 10, geometry: square(0, 0, 1, 1) }],
      [2, { id: 2, households: null, geometry: null }],
      [10, { id: 10, households: null, geometry: square(0, 0, 1, 1) }],
      [11, { id: 11, households: null, geometry: square(1, 0, 1, 1) }],
    ]);
    const links = [
      { fromId: 1, toId: 10, kind: "partial" as const },
      { fromId: 1, toId: 11, kind: "partial" as const },
      { fromId: 2, toId: 10, kind: "partial" as const },
      { fromId: 2, toId: 11, kind: "partial" as const },
    ];
    const shares = linkShares(links, units, (_a, b) => (b === units.get(10)?.geometry ? 3 : 1));
    expect(shares.share.get("1>10")).toBe(0.75);
    expect(shares.share.get("2>10")).toBe(0.5);
    const transfer = buildTransfer(links, units, shares);
    expect(routeToLayout(1, new Set([10, 11]), transfer)).toEqual([[10, 0.75], [11, 0.25]]);
    expect(routeToLayout(10, new Set([10, 11]), transfer)).toEqual([[10, 1]]);
    // Back to the old units: unit 2 has neither households nor a polygon, so unit 10 is split equally.
    expect(transfer.backward.get(10)).toEqual([[1, 0.5], [2, 0.5]]);
    expect(routeToLayout(99, new Set([10]), transfer)).toBeNull();
    expect(composeWithParents([[1, 0.5], [2, 0.25], [3, 0.25]], (id) => (id === 3 ? null : 100))).toEqual([[100, 0.75]]);
  });
});
