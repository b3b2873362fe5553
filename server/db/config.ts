import path from "node:path";

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string };

/** DATABASE_URL unset → embedded PGlite in ./data (DATA_DIR overrides); postgres://… → PostgreSQL. */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.slice(0, 20)}…")`);
    }
    return { kind: "postgres", url };
  }
  const dataDir = env.DATA_DIR?.trim() || path.resolve(process.cwd(), "data");
  return { kind: "pglite", dataDir: dataDir === "memory://" ? dataDir : path.resolve(dataDir) };
}

// npm scripts, the CLI and tests all run from the project root; the built server bundle moves
// this file, so a path relative to it would be wrong there.
export const projectRoot = process.cwd();
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
