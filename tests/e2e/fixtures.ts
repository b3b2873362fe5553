import { readFileSync } from "node:fs";
import path from "node:path";

// Shared by the e2e preparation script (scripts/e2e-prepare.ts) and the Playwright specs.
export const e2eDataDir = path.resolve("tests/e2e/.data/db");
export const e2eExpectedFile = path.resolve("tests/e2e/.data/expected.json");
export const e2ePort = Number(process.env.E2E_PORT ?? 3900);

export const e2eUsers = {
  leader: { email: "lanh-dao@e2e.civichub.test", password: "e2e-leader-password-1", role: "leader" as const },
  officer: { email: "can-bo@e2e.civichub.test", password: "e2e-officer-password-1", role: "officer" as const },
  admin: { email: "quan-tri@e2e.civichub.test", password: "e2e-admin-password-1", role: "admin" as const },
};

/**
 * Figures computed by scripts/e2e-prepare.ts straight from the database with its own SQL
 * (raw tables, not the app's rollup queries), before the server starts.
 */
export interface ExpectedOverview {
  households: number;
  /** Terminals with status 'active'. */
  terminalsInstalled: number;
  /** Active terminals whose last_seen_at is within 24 h of the preparation time. */
  terminalsActive24h: number;
  /** Successful payments since the first day of the current month (Asia/Ho_Chi_Minh), from the raw payment table. */
  paymentsThisMonth: Record<"tuition" | "electricity" | "water" | "fee" | "other", { count: number; amountVnd: number }>;
  /** Dossiers received this month through online or terminal channels ÷ all received this month. */
  onlineDossierShareThisMonth: number;
  /** Current (valid_to IS NULL) ward-level units. */
  wardCount: number;
}

export function readExpected(): ExpectedOverview {
  return JSON.parse(readFileSync(e2eExpectedFile, "utf8")) as ExpectedOverview;
}
