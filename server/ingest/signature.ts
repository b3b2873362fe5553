// Request signing for terminals: X-Signature = hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`).
// The timestamp is inside the signed text, so a captured request cannot be re-dated; within the
// ±300 s window a replay is harmless because event ids make ingestion idempotent.
import { createHmac, timingSafeEqual } from "node:crypto";

export function signBody(key: Buffer | string, timestamp: string | number, rawBody: string | Uint8Array): string {
  const hmac = createHmac("sha256", key);
  hmac.update(`${timestamp}.`);
  hmac.update(rawBody);
  return hmac.digest("hex");
}

/** Constant-time check of a hex signature (its length is no secret, so a wrong length fails fast). */
export function signatureMatches(key: Buffer, timestamp: string, rawBody: Uint8Array, signatureHex: string): boolean {
  if (!/^[0-9a-fA-F]{64}$/.test(signatureHex)) return false;
  const expected = Buffer.from(signBody(key, timestamp, rawBody), "hex");
  return timingSafeEqual(expected, Buffer.from(signatureHex, "hex"));
}

/** Headers a terminal sends with a body: what the tests, the benchmark and a device SDK use. */
export function signedHeaders(code: string, secret: string, rawBody: string, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  return {
    "content-type": "application/json",
    "x-terminal-code": code,
    "x-timestamp": timestamp,
    "x-signature": signBody(secret, timestamp, rawBody),
  };
}
