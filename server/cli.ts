#!/usr/bin/env tsx
// The one command-line entry: `npm run cli -- <subcommand> [options]`.
// Output meant for scripts is JSON on stdout; progress and messages go to stderr;
// a failure exits non-zero with a clear message.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase, type Database } from "./db/client";
import { applyMigrations, createMigration } from "./db/migrate";
import { createUser } from "./auth/service";
import { terminalProgress } from "./cli/progress";
import { seedCity, isPreset } from "../prisma/seed/index";
import { importBoundaries, BoundaryImportError } from "./geo/import-boundaries";
import { importWardMapping, MappingImportError } from "./history/import-mapping";
import { registerHousehold } from "./terminals/register";
import { parseDecimal } from "./terminals/household-input";
import { decommissionTerminal, provisionTerminal, replaceTerminal } from "./terminals/provision";

class UsageError extends Error {}

const usage = `Civic Hub command line

  npm run cli -- migrate
  npm run cli -- migration-create <name>
  npm run cli -- seed [--preset demo|city] [--seed N] [--force]
  npm run cli -- import-wards <file.geojson> [--name-prop P] [--code-prop P] [--level ward|district] [--valid-from YYYY-MM-DD]
  npm run cli -- create-user --email E --name N --role admin|leader|officer|founder [--department CODE] [--password P]
  npm run cli -- register-household --lon X --lat Y --address "TEXT" [--members N]
  npm run cli -- provision-terminal --household HN######## [--model M] [--firmware F] [--sim-iccid DIGITS]
  npm run cli -- decommission-terminal --terminal TB########## [--reason "TEXT"]
  npm run cli -- replace-terminal --terminal TB########## [--reason "TEXT"] [--model M] [--sim-iccid DIGITS]
  npm run cli -- import-ward-mapping <mapping.json|mapping.csv> [--dry-run]

Database: DATABASE_URL (postgres://…) or, when unset, embedded PGlite in DATA_DIR (default ./data).`;

type Command = (args: string[], db: () => Promise<Database>) => Promise<void>;

const commands: Record<string, Command> = {
  async migrate(_args, open) {
    const applied = await applyMigrations((await open()).adapterFactory);
    log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database is up to date");
  },

  async "migration-create"(args) {
    const name = args[0];
    if (!name) throw new UsageError("migration-create needs a name, e.g. `npm run cli -- migration-create add_outbox`");
    // Diffs schema.prisma against the committed migrations replayed in a shadow database, so the
    // app's own database is not involved: an in-memory PGlite is enough.
    const scratch = await openDatabase({ kind: "pglite", dataDir: "memory://" });
    const folder = await createMigration(scratch.adapterFactory, name).finally(() => scratch.close());
    log(folder ? `created ${folder}` : "schema.prisma and the migrations agree; nothing to create");
  },

  async seed(args, open) {
    const { values } = parseArgs({ args, options: { preset: { type: "string", default: "demo" }, seed: { type: "string", default: "1" }, force: { type: "boolean", default: false } } });
    if (!isPreset(values.preset)) throw new UsageError(`--preset must be demo or city (got ${values.preset})`);
    const seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer (got ${values.seed})`);
    const db = await open();
    await applyMigrations(db.adapterFactory);
    const started = Date.now();
    const summary = await seedCity(db, { preset: values.preset, seed, force: values.force, progress: terminalProgress(), actorKind: "cli" });
    log(`seeded the ${values.preset} city in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  },

  async "import-wards"(args, open) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        "name-prop": { type: "string" },
        "code-prop": { type: "string" },
        level: { type: "string", default: "ward" },
        "valid-from": { type: "string" },
      },
    });
    const file = positionals[0];
    if (!file) throw new UsageError("import-wards needs a GeoJSON file path");
    if (values.level !== "ward" && values.level !== "district") throw new UsageError(`--level must be ward or district (got ${values.level})`);
    const text = readInputFile(file);
    const db = await open();
    await applyMigrations(db.adapterFactory);
    const result = await importBoundaries(db, text, {
      source: file.split("/").pop() ?? file,
      nameProp: values["name-prop"],
      codeProp: values["code-prop"],
      level: values.level,
      validFrom: values["valid-from"],
      actor: { kind: "cli" },
    });
    log(`imported ${result.imported} ${values.level} unit(s) from ${file}`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  },

  async "create-user"(args, open) {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        department: { type: "string" },
        password: { type: "string" },
        locale: { type: "string", default: "vi" },
      },
    });
    if (!values.email || !values.role) throw new UsageError("create-user needs --email and --role");
    const password = values.password ?? process.env.CIVIC_USER_PASSWORD;
    if (!password) throw new UsageError("give --password or set CIVIC_USER_PASSWORD (at least 10 characters)");
    const db = await open();
    await applyMigrations(db.adapterFactory);
    const user = await createUser(
      db,
      {
        email: values.email,
        name: values.name ?? values.email,
        role: values.role as "admin",
        departmentCode: values.department,
        password,
        locale: values.locale as "vi",
      },
      { kind: "cli" },
    );
    process.stdout.write(`${JSON.stringify(user)}\n`);
  },

  async "register-household"(args, open) {
    const { values } = parseArgs({ args, options: { lon: { type: "string" }, lat: { type: "string" }, address: { type: "string" }, members: { type: "string" } } });
    if (values.lon === undefined || values.lat === undefined || values.address === undefined) throw new UsageError('register-household needs --lon, --lat and --address, e.g. --lon 105.85 --lat 21.03 --address "Số 1 phố Huế"');
    const lon = parseDecimal(values.lon);
    const lat = parseDecimal(values.lat);
    const members = values.members === undefined ? null : /^\d+$/.test(values.members) ? Number(values.members) : Number.NaN;
    const db = await open();
    await applyMigrations(db.adapterFactory);
    const household = await registerHousehold(db, { lon, lat, address: values.address, members }, { kind: "cli" });
    process.stdout.write(`${JSON.stringify({ code: household.code, wardCode: household.wardCode, wardName: household.wardName })}\n`);
  },

  async "provision-terminal"(args, open) {
    const { values } = parseArgs({ args, options: { household: { type: "string" }, model: { type: "string" }, firmware: { type: "string" }, "sim-iccid": { type: "string" } } });
    if (!values.household) throw new UsageError("provision-terminal needs --household <code>, e.g. --household HN12345678");
    const db = await open();
    await applyMigrations(db.adapterFactory);
    const terminal = await provisionTerminal(db, { householdCode: values.household, model: values.model, firmware: values.firmware, simIccid: values["sim-iccid"] }, { kind: "cli" });
    log("the secret is shown only this once: configure it on the terminal now");
    process.stdout.write(`${JSON.stringify({ code: terminal.code, secret: terminal.secret })}\n`);
  },

  async "decommission-terminal"(args, open) {
    const { values } = parseArgs({ args, options: { terminal: { type: "string" }, reason: { type: "string" } } });
    if (!values.terminal) throw new UsageError("decommission-terminal needs --terminal <code>");
    const db = await open();
    await applyMigrations(db.adapterFactory);
    process.stdout.write(`${JSON.stringify(await decommissionTerminal(db, { terminalCode: values.terminal, reason: values.reason }, { kind: "cli" }))}\n`);
  },

  async "replace-terminal"(args, open) {
    const { values } = parseArgs({ args, options: { terminal: { type: "string" }, reason: { type: "string" }, model: { type: "string" }, firmware: { type: "string" }, "sim-iccid": { type: "string" } } });
    if (!values.terminal) throw new UsageError("replace-terminal needs --terminal <code> (the terminal being replaced)");
    const db = await open();
    await applyMigrations(db.adapterFactory);
    const terminal = await replaceTerminal(db, { terminalCode: values.terminal, reason: values.reason, model: values.model, firmware: values.firmware, simIccid: values["sim-iccid"] }, { kind: "cli" });
    log(`terminal ${terminal.replaced} is now replaced; the new secret is shown only this once`);
    process.stdout.write(`${JSON.stringify({ code: terminal.code, secret: terminal.secret, replaced: terminal.replaced })}\n`);
  },

  async "import-ward-mapping"(args, open) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { "dry-run": { type: "boolean", default: false } } });
    const file = positionals[0];
    if (!file) throw new UsageError("import-ward-mapping needs a mapping file: JSON { level2s: [{ level2_id, merges: [{ old_id, type }] }] } or CSV new_code,old_code,kind");
    const text = readInputFile(file);
    const db = await open();
    await applyMigrations(db.adapterFactory);
    try {
      const result = await importWardMapping(db, text, { source: file.split("/").pop() ?? file, actor: { kind: "cli" }, dryRun: values["dry-run"] });
      log(`${result.dryRun ? "checked" : "imported"} ${result.links} link(s) (${result.full} full, ${result.partial} partial) for ${result.newUnits} new unit(s) from ${file}`);
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } catch (error) {
      if (!(error instanceof MappingImportError)) throw error;
      log(error.problems.map((p) => `  - ${p}`).join("\n"));
      throw new Error(error.message);
    }
  },
};

function readInputFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

async function main() {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === "help" || name === "--help") {
    process.stderr.write(`${usage}\n`);
    process.exit(name ? 0 : 1);
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown subcommand "${name}"\n\n${usage}`);
  let db: Database | undefined;
  const open = async () => (db ??= await openDatabase());
  try {
    await command(args, open);
  } finally {
    await db?.close();
  }
}

// Exit explicitly: the WebAssembly schema engine leaves a 10 s timer behind after migrating,
// which would otherwise keep every command alive that long after its work is done.
main().then(() => process.exit(0), (error: unknown) => {
  if (error instanceof BoundaryImportError) {
    process.stderr.write(`error: ${error.message}\n${error.problems.map((p) => `  - ${p}`).join("\n")}\nnothing was changed.\n`);
  } else if (error instanceof Error && error.name === "ZodError") {
    process.stderr.write(`error: invalid input: ${error.message}\n`);
  } else {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(error instanceof UsageError ? 2 : 1);
});
