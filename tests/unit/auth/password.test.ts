import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../../server/auth/password";

describe("passwords", () => {
  it("are hashed with argon2id, salted, at OWASP's minimum cost", async () => {
    const a = await hashPassword("mật khẩu đủ dài 123");
    const b = await hashPassword("mật khẩu đủ dài 123");
    expect(a.startsWith("$argon2id$")).toBe(true);
    expect(a).toMatch(/\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("mật khẩu");
  });

  it("verify the right password and reject a wrong one", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword(stored, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored, "correct horse batterY")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("reject instead of throwing when the stored hash is not a hash", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(await verifyPassword("", "anything")).toBe(false);
  });
});
