import cliProgress from "cli-progress";

export interface Progress {
  /** Starts a new phase with a known amount of work. */
  phase(label: string, total: number): void;
  tick(amount?: number): void;
  done(): void;
}

/** A progress bar on stderr (stdout stays clean for JSON); silent when stderr is not a terminal or in tests. */
export function terminalProgress(enabled = Boolean(process.stderr.isTTY) && !process.env.VITEST): Progress {
  if (!enabled) return lineProgress();
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "{label} [{bar}] {percentage}% · {value}/{total} · {eta_formatted}", hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    phase(label, total) {
      if (running) bar.stop();
      bar.start(Math.max(total, 1), 0, { label: label.padEnd(22) });
      running = true;
    },
    tick(amount = 1) {
      bar.increment(amount);
    },
    done() {
      if (running) bar.stop();
      running = false;
    },
  };
}

/** One line per phase when there is no terminal to redraw (CI logs, pipes). */
function lineProgress(): Progress {
  let started = 0;
  let label = "";
  const quiet = Boolean(process.env.VITEST);
  return {
    phase(next, total) {
      if (label && !quiet) process.stderr.write(`  ✓ ${label} (${Date.now() - started} ms)\n`);
      label = `${next} · ${total}`;
      started = Date.now();
    },
    tick() {},
    done() {
      if (label && !quiet) process.stderr.write(`  ✓ ${label} (${Date.now() - started} ms)\n`);
      label = "";
    },
  };
}

export const silentProgress: Progress = { phase() {}, tick() {}, done() {} };
