import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { serverCaller } from "../lib/trpc.server";

export async function action({ request }: ActionFunctionArgs) {
  const { caller, ctx } = await serverCaller(request);
  if (ctx.user) await caller.auth.logout();
  return redirect("/", { headers: ctx.resHeaders });
}

export const loader = () => redirect("/");
