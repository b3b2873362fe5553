import { Lucia, TimeSpan } from "lucia";
import type { PrismaClient } from "../db/generated/client";
import { PrismaSessionAdapter, type SessionUserAttributes } from "./lucia-adapter";

export function createLucia(prisma: PrismaClient, options: { secureCookies: boolean }) {
  return new Lucia(new PrismaSessionAdapter(prisma), {
    sessionExpiresIn: new TimeSpan(8, "h"),
    sessionCookie: {
      name: "civic_session",
      expires: false,
      // HttpOnly and SameSite=Lax are lucia's defaults; Secure follows the request's scheme.
      attributes: { secure: options.secureCookies, sameSite: "lax" },
    },
    getUserAttributes: (attributes) => attributes,
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: AppLucia;
    DatabaseUserAttributes: SessionUserAttributes;
  }
}
