import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { serverCaller } from "../lib/trpc.server";
import { safeRedirect } from "../lib/redirect";
import { isLocale, localeCookie } from "../../server/i18n/locale";

/** The language switch: remembered in a cookie for everyone, and on the account when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  if (!isLocale(lang)) return new Response("lang must be vi or en", { status: 400 });
  const { caller, ctx } = await serverCaller(request);
  if (ctx.user) await caller.auth.setLocale({ locale: lang });
  const headers = new Headers(ctx.resHeaders);
  headers.append("Set-Cookie", `${localeCookie}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`);
  return redirect(safeRedirect(form.get("redirectTo")), { headers });
}

export const loader = () => redirect("/");
