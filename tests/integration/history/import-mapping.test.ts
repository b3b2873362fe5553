import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freshDatabase } from "../../support/db";
import type { Database } from "../../../server/db/client";
import { importWardMapping, MappingImportError } from "../../../server/history/import-mapping";
import { buildTown, type TownIds } from "./town";

const run = promisify(execFile);

describe("import-ward-mapping", () => {
  let db: Database & { drop(): Promise<void> };
  let ids: TownIds;
  const actor = { kind: "cli" as const };

  const links = async () =>
    (await db.prisma.adminUnitLink.findMany({ include: { from: { select: { code: true } }, to: { select: { code: true } } } }))
      .map((l) => `${l.to.code}<${l.from.code}:${l.kind}`)
      .sort();
  const audits = () => db.prisma.auditLog.count({ where: { action: "history.import_ward_mapping" } });

  async function problemsOf(text: string): Promise<string[]> {
    try {
      await importWardMapping(db, text, { source: "test", actor });
    } catch (error) {
      if (error instanceof MappingImportError) return error.problems;
      throw error;
    }
    throw new Error("the import was expected to fail");
  }

  const official = {
    level1_id: "01",
    name: "Thành phố Thử",
    level2s: [
      { level2_id: "N1", name: "Phường Mới Một", merges: [{ old_id: "A", name: "Phường A", type: "full" }, { old_id: "C", name: "Phường C", type: "partial" }] },
      { level2_id: "N2", name: "Phường Mới Hai", merges: [{ old_id: "B", name: "Phường B", type: "full" }, { old_id: "C", name: "Phường C", type: "partial" }] },
    ],
  };

  beforeAll(async () => {
    db = await freshDatabase();
    ids = await buildTown(db, { links: false });
  });
  afterAll(async () => {
    await db.drop();
  });

  it("imports the official JSON shape: links written, one audit row", async () => {
    const result = await importWardMapping(db, JSON.stringify(official), { source: "mapping.json", actor });
    expect(result).toMatchObject({ format: "json", newUnits: 2, links: 4, full: 2, partial: 2, replaced: 0, oldWardsWithoutLink: 0, newWardsWithoutLink: 0, dryRun: false });
    expect(await links()).toEqual(["N1<A:full", "N1<C:partial", "N2<B:full", "N2<C:partial"]);
    expect(await audits()).toBe(1);
    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "history.import_ward_mapping" } });
    expect(row).toMatchObject({ actorKind: "cli", entity: "admin_unit_link" });
    expect(row.details).toMatchObject({ source: "mapping.json", links: 4 });
  });

  it("refuses a JSON file with row-level errors, all reported at once, and changes nothing", async () => {
    const before = await links();
    const bad = {
      level2s: [
        { level2_id: "N1", merges: [{ old_id: "A", type: "full" }, { old_id: "C", type: "whole" }, { old_id: "A", type: "full" }] },
        { level2_id: "N9", merges: [{ old_id: "B", type: "partial" }] },
        { level2_id: "N2", merges: [{ old_id: "Q", type: "partial" }, { old_id: "A", type: "partial" }] },
        { level2_id: "N1", merges: [{ old_id: "B", type: "full" }] },
        { level2_id: 7, merges: [] },
      ],
    };
    expect(await problemsOf(JSON.stringify(bad))).toEqual([
      'level2s[3]: new code "N1" is listed twice (also at level2s[0]); give each new unit one entry with all its old units',
      'level2s[4]: "level2_id" must be a non-empty string code (got 7)',
      'level2s[0].merges[1]: kind "whole" must be "full" or "partial"',
      'level2s[0].merges[2]: duplicate pair new "N1" ← old "A" (first at level2s[0].merges[0])',
      'level2s[1].merges[0]: unknown new code "N9": no ward of the current (2025) layout has it',
      'level2s[2].merges[0]: unknown old code "Q": no ward valid on 2025-06-30 has it',
      'level2s[2].merges[1]: old code "A" is linked "full" to new "N1" (level2s[0].merges[0]), so it cannot also be linked to new "N2"; a "full" link means the whole old ward went to one new ward',
    ]);
    expect(await links()).toEqual(before);
    expect(await audits()).toBe(1);
  });

  it("refuses a CSV with bad rows (line numbers), and one that contradicts a link it keeps", async () => {
    const before = await links();
    const csv = ["new_code,old_code,kind", "N2,B,full", "N2,B,full", "N2,X,partial", "N2,C,sometimes", "N2,,full", "N2", ""].join("\n");
    expect(await problemsOf(csv)).toEqual([
      "line 6: old_code is empty",
      "line 7: expected 3 fields, found 1",
      'line 3: duplicate pair new "N2" ← old "B" (first at line 2)',
      'line 4: unknown old code "X": no ward valid on 2025-06-30 has it',
      'line 5: kind "sometimes" must be "full" or "partial"',
    ]);
    // N1 keeps "A full"; a file that sends part of A to N2 contradicts it.
    expect(await problemsOf("new_code,old_code,kind\r\nN2,A,partial\r\nN2,B,full\r\n")).toEqual([
      'line 2: old code "A" is linked "full" to new "N1" (an existing link of new unit N1), so it cannot also be linked to new "N2"; a "full" link means the whole old ward went to one new ward',
    ]);
    expect(await problemsOf("code,old,kind\nN2,B,full\n")).toEqual(["line 1: the header must name the columns new_code,old_code,kind (missing: new_code, old_code)"]);
    expect(await links()).toEqual(before);
    expect(await audits()).toBe(1);
  });

  it("a CSV replaces the lists of the new units it names and keeps the others; --dry-run writes nothing", async () => {
    const csv = "\uFEFFnew_code,old_code,kind,note\nN2,B,full,\"Phường B, cả phường\"\nN2,C,partial,\n";
    const dry = await importWardMapping(db, csv, { source: "fix.csv", actor, dryRun: true });
    expect(dry).toMatchObject({ format: "csv", dryRun: true, newUnits: 1, links: 2, replaced: 2 });
    expect(await audits()).toBe(1);
    const result = await importWardMapping(db, csv, { source: "fix.csv", actor });
    expect(result).toMatchObject({ format: "csv", newUnits: 1, links: 2, full: 1, partial: 1, replaced: 2 });
    expect(await links()).toEqual(["N1<A:full", "N1<C:partial", "N2<B:full", "N2<C:partial"]);
    expect(await audits()).toBe(2);
    // Now only B goes to N2: C's only remaining link is to N1.
    await importWardMapping(db, "new_code,old_code,kind\nN2,B,full\n", { source: "fix2.csv", actor });
    expect(await links()).toEqual(["N1<A:full", "N1<C:partial", "N2<B:full"]);
    void ids;
  });

  it("the CLI lists every problem of a bad file on stderr and exits non-zero", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "civic-mapping-"));
    const dataDir = path.join(dir, "db");
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" };
    const good = path.join(dir, "good.csv");
    const bad = path.join(dir, "bad.csv");
    // A fresh database has no wards: every code is unknown.
    writeFileSync(good, "new_code,old_code,kind\n");
    writeFileSync(bad, "new_code,old_code,kind\n95001,90001,full\n95001,90002,most\n");
    const failure = await run("npx", ["tsx", "server/cli.ts", "import-ward-mapping", bad], { env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('line 2: unknown new code "95001": no ward of the current (2025) layout has it');
    expect(failure?.stderr).toContain('line 3: kind "most" must be "full" or "partial"');
    expect(failure?.stderr).toContain("nothing was imported");
    const empty = await run("npx", ["tsx", "server/cli.ts", "import-ward-mapping", good], { env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(empty?.stderr).toContain("the file has a header but no rows");
  }, 120_000);
});
