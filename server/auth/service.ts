import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "../db/client";
import type { Role } from "../db/generated/client";
import { audit } from "../audit/log";
import { hashPassword, verifyPassword, passwordRules } from "./password";
import { RateLimiter } from "./rate-limit";
import { clientIp, luciaFor } from "./session";

export const loginInput = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(passwordRules.maxLength),
});

export type LoginResult =
  | { ok: true; setCookie: string; userId: string }
  | { ok: false; reason: "invalid" | "rate_limited"; retryAfterSeconds?: number };

// Per account: 10 failed attempts per 15 minutes. Per address: more, because an office or a
// ward committee may sit behind one NAT address; it still stops one machine trying many accounts.
const accountLimiter = new RateLimiter(10, 15 * 60 * 1000);
const addressLimiter = new RateLimiter(50, 15 * 60 * 1000);

// A real hash to verify against when the e-mail is unknown, so timing does not reveal accounts.
let dummyHash: Promise<string> | undefined;

export async function login(db: Database, request: Request, input: z.infer<typeof loginInput>): Promise<LoginResult> {
  const ip = clientIp(request);
  const wait = Math.max(addressLimiter.hit(ip), accountLimiter.hit(input.email));
  if (wait > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: wait };

  const user = await db.prisma.user.findUnique({ where: { email: input.email } });
  dummyHash ??= hashPassword(randomUUID());
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !valid) {
    await audit(db.prisma, { actorKind: "user", actorId: user?.id, action: "auth.login_failed", entity: "user", entityId: user?.id, details: { email: input.email }, ip });
    return { ok: false, reason: "invalid" };
  }
  // Successful sign-ins must not use up the address's allowance: a whole office behind one NAT
  // address signs in every morning. The attempt was counted up front so that parallel guesses
  // cannot slip past the limit while argon2 is busy.
  accountLimiter.reset(input.email);
  addressLimiter.refund(ip);
  const lucia = luciaFor(db, request);
  const session = await lucia.createSession(user.id, {});
  await audit(db.prisma, { actorKind: "user", actorId: user.id, action: "auth.login", entity: "user", entityId: user.id, ip });
  return { ok: true, setCookie: lucia.createSessionCookie(session.id).serialize(), userId: user.id };
}

export async function logout(db: Database, request: Request, sessionId: string, userId: string): Promise<string> {
  const lucia = luciaFor(db, request);
  await lucia.invalidateSession(sessionId);
  await audit(db.prisma, { actorKind: "user", actorId: userId, action: "auth.logout", entity: "user", entityId: userId, ip: clientIp(request) });
  return lucia.createBlankSessionCookie().serialize();
}

export const createUserInput = z
  .object({
    email: z.string().trim().toLowerCase().email(),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(passwordRules.minLength).max(passwordRules.maxLength),
    role: z.enum(["admin", "leader", "officer", "founder"]),
    departmentCode: z.string().trim().min(1).optional(),
    locale: z.enum(["vi", "en"]).default("vi"),
  })
  .refine((u) => u.role !== "officer" || Boolean(u.departmentCode), {
    message: "an officer must be bound to a department (--department <code>)",
    path: ["departmentCode"],
  });

export type CreateUserInput = z.input<typeof createUserInput>;

export async function createUser(
  db: Database,
  raw: CreateUserInput,
  actor: { kind: "cli" | "user" | "system"; id?: string },
): Promise<{ id: string; email: string; role: Role }> {
  const input = createUserInput.parse(raw);
  const existing = await db.prisma.user.findUnique({ where: { email: input.email } });
  if (existing) throw new Error(`a user with e-mail ${input.email} already exists`);
  let departmentId: number | null = null;
  if (input.departmentCode) {
    const dept = await db.prisma.department.findUnique({ where: { code: input.departmentCode } });
    if (!dept) throw new Error(`no department with code ${input.departmentCode}`);
    departmentId = dept.id;
  }
  const passwordHash = await hashPassword(input.password);
  return db.prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { id: randomUUID(), email: input.email, name: input.name, passwordHash, role: input.role, departmentId, locale: input.locale },
    });
    await audit(tx, { actorKind: actor.kind, actorId: actor.id, action: "user.create", entity: "user", entityId: user.id, details: { email: user.email, role: user.role, departmentId } });
    return { id: user.id, email: user.email, role: user.role };
  });
}
