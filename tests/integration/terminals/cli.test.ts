// The registry commands as a script uses them: JSON on stdout, messages on stderr, exit codes.
// Runs the real CLI (tsx server/cli.ts) on an on-disk PGlite prepared with the test town. Each
// command that opens the database takes ~10 s here: the schema engine's WebAssembly leaves a 10 s
// timer behind after migrating, which keeps the process alive until it fires.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPGliteDatabase } from "../../../server/db/client";
import { openPGlite } from "../../../server/db/pglite";
import { applyMigrations } from "../../../server/db/migrate";
import { isValidTerminalCode } from "../../../server/terminals/code";
import { testDbKind } from "../../support/db";
import { buildTown, points } from "./town";

let dataDir = "";

function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.TERMINAL_KEY;
  const run = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "server/cli.ts", ...args], { env, encoding: "utf8", timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(testDbKind() === "postgres")("registry CLI", () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "civic-cli-terminals-"));
    const db = openPGliteDatabase(await openPGlite(dataDir));
    await applyMigrations(db.adapterFactory);
    await buildTown(db);
    await db.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("registers a household, provisions its terminal, and decommissions it", () => {
    const registered = cli("register-household", "--lon", String(points.east.lon), "--lat", String(points.east.lat), "--address", "Số 1 phố Đông");
    expect(registered.status, registered.stderr).toBe(0);
    const household = JSON.parse(registered.stdout) as Record<string, string>;
    expect(household).toEqual({ code: expect.stringMatching(/^HN\d{8}$/), wardCode: "99002", wardName: "Phường Đông" });

    const provisioned = cli("provision-terminal", "--household", household.code);
    expect(provisioned.status, provisioned.stderr).toBe(0);
    const terminal = JSON.parse(provisioned.stdout) as Record<string, string>;
    expect(Object.keys(terminal)).toEqual(["code", "secret"]);
    expect(isValidTerminalCode(terminal.code)).toBe(true);
    expect(terminal.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(provisioned.stderr).toMatch(/shown only this once/);
    // No TERMINAL_KEY: the key file was created beside the data, readable by its owner only.
    expect(statSync(path.join(dataDir, "terminal.key")).mode & 0o777).toBe(0o600);

    const replaced = cli("replace-terminal", "--terminal", terminal.code, "--reason", "broken");
    expect(replaced.status, replaced.stderr).toBe(0);
    const replacement = JSON.parse(replaced.stdout) as Record<string, string>;
    expect(replacement).toEqual({ code: expect.any(String), secret: expect.stringMatching(/^[0-9a-f]{64}$/), replaced: terminal.code });

    const gone = cli("decommission-terminal", "--terminal", replacement.code, "--reason", "moved");
    expect(gone.status, gone.stderr).toBe(0);
    expect(JSON.parse(gone.stdout)).toEqual({ code: replacement.code, status: "decommissioned" });
  }, 120_000);

  it("exits non-zero with a clear message for a point outside every ward, and for usage errors", () => {
    const outside = cli("register-household", "--lon", String(points.outside.lon), "--lat", String(points.outside.lat), "--address", "Xa lắm");
    expect(outside.status).toBe(1);
    expect(outside.stdout).toBe("");
    expect(outside.stderr).toMatch(/error: the point \(lon 105\.9, lat 21\.2\) is outside every current ward of the city/);
    const missing = cli("register-household", "--lon", "105.81");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/needs --lon, --lat and --address/);
    const typo = cli("decommission-terminal", "--terminal", "TB0000000019");
    expect(typo.status).toBe(1);
    expect(typo.stderr).toMatch(/check digit/);
  }, 120_000);
});
