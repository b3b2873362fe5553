import type { Session, User } from "lucia";
import type { Database } from "../db/client";
import { createLucia, type AppLucia } from "./lucia";

export type SessionUser = User;

const luciaByDb = new WeakMap<Database, { secure: AppLucia; plain: AppLucia }>();

/** Lucia instance for a request: cookies are Secure when the request came over HTTPS. */
export function luciaFor(db: Database, request: Request): AppLucia {
  let pair = luciaByDb.get(db);
  if (!pair) {
    pair = {
      secure: createLucia(db.prisma, { secureCookies: true }),
      plain: createLucia(db.prisma, { secureCookies: false }),
    };
    luciaByDb.set(db, pair);
  }
  return isHttps(request) ? pair.secure : pair.plain;
}

function isHttps(request: Request): boolean {
  // Behind a TLS-terminating proxy the app sees http; the proxy says so in X-Forwarded-Proto.
  const forwarded = request.headers.get("x-forwarded-proto");
  return forwarded ? forwarded.split(",")[0].trim() === "https" : new URL(request.url).protocol === "https:";
}

export interface RequestSession {
  user: SessionUser | null;
  session: Session | null;
  /** Set-Cookie values to send back (a refreshed or cleared session cookie). */
  setCookies: string[];
}

export async function sessionFromRequest(db: Database, request: Request): Promise<RequestSession> {
  const lucia = luciaFor(db, request);
  const sessionId = lucia.readSessionCookie(request.headers.get("cookie") ?? "");
  if (!sessionId) return { user: null, session: null, setCookies: [] };
  const { session, user } = await lucia.validateSession(sessionId);
  const setCookies: string[] = [];
  if (session?.fresh) setCookies.push(lucia.createSessionCookie(session.id).serialize());
  if (!session) setCookies.push(lucia.createBlankSessionCookie().serialize());
  return { user, session, setCookies };
}

export function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0].trim() || request.headers.get("x-real-ip") || "local";
}
