// CONTRACT (to be implemented by the seed work): keep these exports and signatures.
import type { Database } from "../../server/db/client";
import type { Progress } from "../../server/cli/progress";

export const presets = ["demo", "city"] as const;
export type Preset = (typeof presets)[number];
export function isPreset(value: unknown): value is Preset {
  return typeof value === "string" && (presets as readonly string[]).includes(value);
}

export interface SeedOptions {
  preset: Preset;
  seed: number;
  /** Re-seed a database that already has data (wipes the generated tables first). */
  force?: boolean;
  progress: Progress;
  /** Reference "now" for the 12 months of activity; defaults to the current time. */
  now?: Date;
}

export interface SeedSummary {
  preset: Preset;
  seed: number;
  counts: Record<string, number>;
  /** One account per role, with the generated password (printed once, demo mode only). */
  accounts: { role: "admin" | "leader" | "officer" | "founder"; email: string; password: string }[];
  seconds: number;
}

export async function seedCity(_db: Database, _options: SeedOptions): Promise<SeedSummary> {
  throw new Error("seedCity: not implemented yet");
}
