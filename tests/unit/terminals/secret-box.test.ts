import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isSealed, keyFilePath, newTerminalSecret, openSecret, sealSecret, terminalKey, TerminalKeyError } from "../../../server/terminals/secret-box";

const dir = mkdtempSync(path.join(os.tmpdir(), "civic-terminal-key-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const envKey = (byte: number) => ({ TERMINAL_KEY: Buffer.alloc(32, byte).toString("base64") });

describe("sealed terminal secrets", () => {
  it("round-trip, and the sealed form never contains the secret", () => {
    const key = terminalKey(envKey(1));
    const secret = newTerminalSecret();
    const sealed = sealSecret(secret, "TB0000000018", key);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain(secret);
    expect(sealed).toMatch(new RegExp(`^enc:v1:${key.id}:`));
    expect(openSecret(sealed, "TB0000000018", key)).toBe(secret);
    // A fresh IV each time.
    expect(sealSecret(secret, "TB0000000018", key)).not.toBe(sealed);
  });

  it("do not open for another terminal, with another key, or when tampered with", () => {
    const key = terminalKey(envKey(2));
    const sealed = sealSecret(newTerminalSecret(), "TB0000000018", key);
    expect(() => openSecret(sealed, "TB0000000026", key)).toThrow(/does not authenticate/);
    expect(() => openSecret(sealed, "TB0000000018", terminalKey(envKey(3)))).toThrow(/sealed with key .* set TERMINAL_KEY/);
    const parts = sealed.split(":");
    const body = Buffer.from(parts[4], "base64url");
    body[0] ^= 1;
    parts[4] = body.toString("base64url");
    expect(() => openSecret(parts.join(":"), "TB0000000018", key)).toThrow(TerminalKeyError);
  });

  it("still read a legacy plain-hex secret, and nothing else", () => {
    const key = terminalKey(envKey(4));
    const legacy = "ab".repeat(32);
    expect(openSecret(legacy, "TB0000000018", key)).toBe(legacy);
    expect(() => openSecret("hunter2", "TB0000000018", key)).toThrow(/no known format/);
  });

  it("refuse a TERMINAL_KEY that is not 32 bytes", () => {
    expect(() => terminalKey({ TERMINAL_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/exactly 32 bytes \(got 16\)/);
  });

  it("without TERMINAL_KEY, use a key file created once with mode 0600 in DATA_DIR", () => {
    const env = { DATA_DIR: path.join(dir, "data") };
    expect(keyFilePath(env)).toBe(path.join(dir, "data", "terminal.key"));
    const first = terminalKey(env);
    expect(first.source).toBe("file");
    const file = path.join(dir, "data", "terminal.key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64")).toHaveLength(32);
    expect(terminalKey(env).id).toBe(first.id);
    // An existing key file is read, not replaced (TERMINAL_KEY_FILE points elsewhere).
    const other = path.join(dir, "other.key");
    writeFileSync(other, Buffer.alloc(32, 9).toString("base64"), { mode: 0o600 });
    expect(terminalKey({ TERMINAL_KEY_FILE: other }).id).toBe(terminalKey(envKey(9)).id);
    expect(terminalKey({ DATA_DIR: "memory://" }).source).toBe("ephemeral");
  });
});
