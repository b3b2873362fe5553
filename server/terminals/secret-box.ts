// Terminal secrets are HMAC keys: whoever reads them can sign events as the terminal. They are
// stored encrypted (AES-256-GCM) so that a database dump or backup alone does not hand them out.
// The key lives outside the database: TERMINAL_KEY (base64 of 32 bytes, e.g. from the
// deployment's secret store) or, when unset, a key file created on first use with mode 0600 in
// DATA_DIR (or TERMINAL_KEY_FILE). An in-memory database gets a key for the process only, which
// dies with the data it protects. See docs/decisions/0007-device-ingest.md.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/** The environment variables read here (process.env, or a plain object in tests). */
type Env = Record<string, string | undefined>;

const PREFIX = "enc:v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** What the seed and older rows hold: the secret itself, 64 hex characters. */
const LEGACY_PLAIN = /^[0-9a-f]{64}$/;

export interface TerminalKey {
  key: Buffer;
  /** First 8 hex characters of SHA-256(key): names the key in each sealed value, for rotation and clear errors. */
  id: string;
  source: "env" | "file" | "ephemeral";
}

export class TerminalKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TerminalKeyError";
  }
}

function keyOf(key: Buffer, source: TerminalKey["source"]): TerminalKey {
  return { key, id: createHash("sha256").update(key).digest("hex").slice(0, 8), source };
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== KEY_BYTES) throw new TerminalKeyError(`${where} must be the base64 encoding of exactly 32 bytes (got ${key.length}); create one with: openssl rand -base64 32`);
  return key;
}

/** Where the key file goes when TERMINAL_KEY is unset; null for an in-memory database. */
export function keyFilePath(env: Env = process.env): string | null {
  if (env.TERMINAL_KEY_FILE?.trim()) return path.resolve(env.TERMINAL_KEY_FILE.trim());
  const dataDir = env.DATA_DIR?.trim() || path.resolve(process.cwd(), "data");
  if (dataDir.startsWith("memory://")) return null;
  return path.join(path.resolve(dataDir), "terminal.key");
}

function readOrCreateKeyFile(file: string): Buffer {
  try {
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077) process.stderr.write(`warning: ${file} is readable by others (mode ${mode.toString(8)}); run chmod 600 ${file}\n`);
    return decodeKey(readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": two processes starting together cannot both create (and then disagree on) the key.
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return decodeKey(readFileSync(file, "utf8"), file);
}

const cache = new Map<string, TerminalKey>();

/** The key that seals terminal secrets in this process. */
export function terminalKey(env: Env = process.env): TerminalKey {
  const fromEnv = env.TERMINAL_KEY?.trim();
  const file = fromEnv ? null : keyFilePath(env);
  const cacheKey = fromEnv ? `env:${fromEnv}` : file ? `file:${file}` : "ephemeral";
  let found = cache.get(cacheKey);
  if (!found) {
    if (fromEnv) found = keyOf(decodeKey(fromEnv, "TERMINAL_KEY"), "env");
    else if (file) found = keyOf(readOrCreateKeyFile(file), "file");
    else found = keyOf(randomBytes(KEY_BYTES), "ephemeral");
    cache.set(cacheKey, found);
  }
  return found;
}

/**
 * Encrypts a terminal secret for storage. The terminal code is authenticated data, so a sealed
 * secret copied onto another terminal's row does not open.
 */
export function sealSecret(secret: string, terminalCode: string, key: TerminalKey = terminalKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  cipher.setAAD(Buffer.from(terminalCode, "utf8"));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}:${key.id}:${iv.toString("base64url")}:${body.toString("base64url")}`;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(`${PREFIX}:`);
}

/** The secret from its stored form: sealed (current) or, for rows written before sealing, plain hex. */
export function openSecret(stored: string, terminalCode: string, key: TerminalKey = terminalKey()): string {
  if (!isSealed(stored)) {
    if (LEGACY_PLAIN.test(stored)) return stored;
    throw new TerminalKeyError(`terminal ${terminalCode}: stored secret is in no known format`);
  }
  const [, , keyId, ivText, bodyText] = stored.split(":");
  if (keyId !== key.id) throw new TerminalKeyError(`terminal ${terminalCode}: secret was sealed with key ${keyId}, but this process has key ${key.id} (${key.source}); set TERMINAL_KEY to the key used when it was provisioned`);
  const iv = Buffer.from(ivText ?? "", "base64url");
  const body = Buffer.from(bodyText ?? "", "base64url");
  if (iv.length !== IV_BYTES || body.length <= TAG_BYTES) throw new TerminalKeyError(`terminal ${terminalCode}: sealed secret is truncated`);
  const decipher = createDecipheriv("aes-256-gcm", key.key, iv);
  decipher.setAAD(Buffer.from(terminalCode, "utf8"));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new TerminalKeyError(`terminal ${terminalCode}: sealed secret does not authenticate (tampered, or sealed for another terminal)`);
  }
}

/** A new terminal secret: 32 random bytes as 64 hex characters (the HMAC key is this text). */
export function newTerminalSecret(): string {
  return randomBytes(KEY_BYTES).toString("hex");
}
