import type { Database } from "../db/client";
import { getDatabase } from "../db/instance";
import { sessionFromRequest, clientIp, type SessionUser } from "../auth/session";
import type { Session } from "lucia";
import { localeFromRequest, type Locale } from "../i18n/locale";

export interface Context {
  db: Database;
  request: Request;
  user: SessionUser | null;
  session: Session | null;
  locale: Locale;
  ip: string;
  /** Headers to add to the response (Set-Cookie from session refresh). */
  resHeaders: Headers;
}

export async function createContext(request: Request, db?: Database): Promise<Context> {
  const database = db ?? (await getDatabase());
  const { user, session, setCookies } = await sessionFromRequest(database, request);
  const resHeaders = new Headers();
  for (const cookie of setCookies) resHeaders.append("Set-Cookie", cookie);
  return {
    db: database,
    request,
    user,
    session,
    locale: localeFromRequest(request, user?.locale),
    ip: clientIp(request),
    resHeaders,
  };
}
