export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "vi";
export const localeCookie = "civic_lang";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The ?lang= switch wins, then the cookie, then the signed-in user's preference, then Vietnamese. */
export function localeFromRequest(request: Request, userLocale?: string | null): Locale {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${localeCookie}=([a-z]{2})`));
  if (match && isLocale(match[1])) return match[1];
  if (isLocale(userLocale)) return userLocale;
  return defaultLocale;
}
