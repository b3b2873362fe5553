// Limits of the device API. The contract values (±300 s, 1,000 events, 1 MB) are fixed by
// ARCHITECTURE.md; the rest can be tuned per deployment through the environment.

/** The environment variables read here (process.env, or a plain object in tests). */
type Env = Record<string, string | undefined>;

export interface IngestConfig {
  /** X-Timestamp may differ from the server clock by at most this much (contract: 300 s). */
  signatureWindowSec: number;
  maxBodyBytes: number;
  maxEvents: number;
  /** An event's `at` may be ahead of the server clock by this much (device clock skew). */
  futureSkewSec: number;
  /** Events older than this are refused. At most 30: see presence bits in docs/decisions/0007. */
  maxEventAgeDays: number;
  /** Largest payment accepted, in VND: bigger is a unit or typing error. */
  maxAmountVnd: number;
  /** Token bucket per terminal: burst size (requests) and refill rate (requests per second). */
  rateBurst: number;
  ratePerSecond: number;
}

export const defaultIngestConfig: IngestConfig = {
  signatureWindowSec: 300,
  maxBodyBytes: 1_048_576,
  maxEvents: 1_000,
  futureSkewSec: 300,
  maxEventAgeDays: 30,
  maxAmountVnd: 100_000_000_000,
  rateBurst: 30,
  ratePerSecond: 1,
};

function positive(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}

export function ingestConfigFromEnv(env: Env = process.env): IngestConfig {
  return {
    ...defaultIngestConfig,
    futureSkewSec: positive(env, "INGEST_FUTURE_SKEW_SECONDS", defaultIngestConfig.futureSkewSec),
    maxEventAgeDays: Math.min(30, positive(env, "INGEST_MAX_EVENT_AGE_DAYS", defaultIngestConfig.maxEventAgeDays)),
    rateBurst: positive(env, "INGEST_RATE_BURST", defaultIngestConfig.rateBurst),
    ratePerSecond: positive(env, "INGEST_RATE_PER_SECOND", defaultIngestConfig.ratePerSecond),
  };
}
