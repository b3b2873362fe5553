import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { TRPCError } from "@trpc/server";
import { serverCaller } from "../lib/trpc.server";
import { translator, useT, type Locale } from "../lib/i18n";
import { safeRedirect } from "../lib/redirect";

// The title follows the chosen language like every other string (the root loader decides it).
export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: Locale } | undefined;
  return [{ title: `${translator(root?.locale ?? "vi")("login.title")} · Civic Hub` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller } = await serverCaller(request);
  if (await caller.auth.me()) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

type ActionData = { error: "invalid" | "rate_limited" | "bad_input"; seconds?: number };

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const { caller, ctx } = await serverCaller(request);
  try {
    await caller.auth.login({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  } catch (error) {
    if (error instanceof TRPCError) {
      const data: ActionData =
        error.code === "TOO_MANY_REQUESTS"
          ? { error: "rate_limited", seconds: Number(error.message.match(/\d+/)?.[0] ?? 60) }
          : error.code === "BAD_REQUEST"
            ? { error: "bad_input" }
            : { error: "invalid" };
      return Response.json(data, { status: error.code === "TOO_MANY_REQUESTS" ? 429 : 400 });
    }
    throw error;
  }
  return redirect(safeRedirect(form.get("redirectTo")), { headers: ctx.resHeaders });
}

export default function Login() {
  const t = useT();
  const data = useActionData<ActionData>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const busy = navigation.state !== "idle";
  return (
    <div className="card" style={{ maxWidth: 440, margin: "var(--space-7) auto" }}>
      <h1>{t("login.title")}</h1>
      {data?.error ? (
        <p className="alert" role="alert">
          {data.error === "rate_limited"
            ? t("login.rateLimited", { seconds: data.seconds ?? 60 })
            : data.error === "bad_input"
              ? t("login.badInput")
              : t("login.invalid")}
        </p>
      ) : null}
      <Form method="post" className="form">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <label>
          {t("login.email")}
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label>
          {t("login.password")}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("login.submitting") : t("login.submit")}
        </button>
      </Form>
    </div>
  );
}
