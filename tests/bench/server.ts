import { spawn, type ChildProcess } from "node:child_process";

/** A child process started in its own process group, so npx → tsx → node all stop together. */
export interface Started {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function startProcess(command: string, args: string[], env: Record<string, string>): Started {
  let output = "";
  const child = spawn(command, args, { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Milliseconds from `since` until `url` answers 200, polling every 25 ms. */
export async function untilOk(url: string, started: Started, since: number, timeoutMs: number): Promise<number> {
  const deadline = since + timeoutMs;
  while (performance.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`the process exited with ${started.child.exitCode}:\n${started.output().slice(-2000)}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs / 1000} s:\n${started.output().slice(-2000)}`);
}

/** `npm start`'s entry on an existing PGlite directory, without seeding. */
export function startCivicHub(dataDir: string, port: number): Started {
  return startProcess("npx", ["tsx", "server/start.ts"], { DATA_DIR: dataDir, PORT: String(port), SEED_ON_START: "0", DATABASE_URL: "" });
}
