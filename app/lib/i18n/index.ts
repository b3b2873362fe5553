import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "../../../server/i18n/locale";
import { en } from "./en";
import { vi, type MessageKey } from "./vi";

export type { MessageKey, Locale };

const catalogs: Record<Locale, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const text = catalog[key] ?? vi[key];
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
  };
}

/** The locale chosen by the root loader (query switch, cookie, user preference, Vietnamese). */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "vi";
}

export function useT(): Translate {
  return translator(useLocale());
}
