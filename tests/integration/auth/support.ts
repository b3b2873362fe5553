import { randomBytes } from "node:crypto";
import type { Database } from "../../../server/db/client";
import { createUser, login, type CreateUserInput } from "../../../server/auth/service";

/** A unique address per call: the login limiter is per process, and test files must not share its counters. */
export function uniqueIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

export function makeRequest(
  url = "http://civic.test/login",
  options: { cookie?: string; ip?: string; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(options.headers);
  headers.set("x-forwarded-for", options.ip ?? uniqueIp());
  if (options.cookie) headers.set("cookie", options.cookie);
  return new Request(url, { headers });
}

export async function makeDepartment(db: Database, code = `SO-${randomBytes(3).toString("hex").toUpperCase()}`) {
  return db.prisma.department.create({
    data: { code, nameVi: `Sở thử nghiệm ${code}`, nameEn: `Test department ${code}`, kind: "department" },
  });
}

export async function makeUser(db: Database, input: Partial<CreateUserInput> & Pick<CreateUserInput, "role">) {
  const email = input.email ?? `${input.role}-${randomBytes(4).toString("hex")}@civic.test`;
  const password = input.password ?? "mat-khau-thu-nghiem-1";
  const user = await createUser(db, { name: `Người dùng ${input.role}`, ...input, email, password }, { kind: "system" });
  return { ...user, password };
}

/** Signs in and returns the `name=value` pair a browser would send back in its Cookie header. */
export async function sessionCookie(db: Database, email: string, password: string): Promise<string> {
  const result = await login(db, makeRequest(), { email, password });
  if (!result.ok) throw new Error(`login failed for ${email}: ${result.reason}`);
  return result.setCookie.split(";")[0];
}
