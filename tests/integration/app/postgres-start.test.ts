import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../server/db/client";
import { createUser } from "../../../server/auth/service";

// "The same app runs against PostgreSQL by setting DATABASE_URL": start the real server (the
// `npm start` entry) on a new, empty database on the TEST_DATABASE_URL server, and use it over
// HTTP. Only in the integration-postgres project; the PGlite project proves nothing new here.
const onPostgres = process.env.CIVIC_TEST_DB === "postgres";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s:\n${log()}`);
}

describe("npm start on PostgreSQL", () => {
  const serverUrl = process.env.TEST_DATABASE_URL ?? "";
  const name = `civic_start_${randomBytes(5).toString("hex")}`;
  let child: ChildProcess | undefined;
  let created = false;

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      // The server runs under npx → tsx → node; signal the whole process group.
      process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => child?.once("exit", r));
    }
    if (created) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it.skipIf(!onPostgres)(
    "migrates an empty database, serves the Vietnamese login page, and signs a user in over HTTP",
    async () => {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      created = true;
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;

      const port = await freePort();
      let output = "";
      child = spawn("npx", ["tsx", "server/start.ts"], {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_URL: url.toString(), DATA_DIR: "", SEED_ON_START: "0", PORT: String(port), NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const base = `http://127.0.0.1:${port}`;
      // The first start may build the app (a minute or more); later starts reuse build/.
      await waitForHttp(`${base}/login`, child, () => output, 540_000);
      expect(output).toContain("database: PostgreSQL (DATABASE_URL)");

      const page = await fetch(`${base}/login`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<html lang="vi"');
      expect(html).toContain("Đăng nhập");

      const anonymous = await fetch(`${base}/api/trpc/auth.me`);
      expect(anonymous.status).toBe(200);
      expect(await anonymous.json()).toEqual({ result: { data: null } });

      // The server migrated the empty database; an account made beside it can sign in through it.
      const db = await openDatabase({ kind: "postgres", url: url.toString() });
      try {
        const migrations = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
        expect(Number(migrations[0].n)).toBeGreaterThan(0);
        await createUser(db, { email: "lanh-dao@pg.test", name: "Lãnh đạo PostgreSQL", password: "mat-khau-postgres", role: "leader" }, { kind: "cli" });
      } finally {
        await db.close();
      }
      const signIn = await fetch(`${base}/api/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "lanh-dao@pg.test", password: "mat-khau-postgres" }),
      });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0];
      expect(cookie).toMatch(/^civic_session=.+/);
      const me = await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie } });
      expect(await me.json()).toMatchObject({ result: { data: { email: "lanh-dao@pg.test", name: "Lãnh đạo PostgreSQL", role: "leader" } } });
    },
    600_000,
  );
});
