import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import stylesHref from "./styles/app.css?url";
import { serverCaller } from "./lib/trpc.server";
import { translator, useT } from "./lib/i18n";
import { ApiProvider } from "./lib/trpc";
import type { Locale } from "./lib/i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><rect width='16' height='16' rx='3' fill='%230b4f8a'/></svg>" },
];

export const meta: MetaFunction = () => [{ title: "Civic Hub" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller, ctx } = await serverCaller(request);
  const user = await caller.auth.me();
  return Response.json(
    { locale: ctx.locale, user: user ? { name: user.name, email: user.email, role: user.role } : null },
    { headers: ctx.resHeaders },
  );
}

type RootData = { locale: Locale; user: { name: string; email: string; role: "admin" | "leader" | "officer" | "founder" } | null };

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const locale = data?.locale ?? "vi";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function TopBar({ data }: { data: RootData }) {
  const t = translator(data.locale);
  const location = useLocation();
  const other: Locale = data.locale === "vi" ? "en" : "vi";
  const back = location.pathname + location.search;
  return (
    <header className="topbar">
      <a href="#main" className="skip-link">{t("nav.skip")}</a>
      <Link to="/" className="brand">
        {t("app.name")}
        <small>{t("app.tagline")}</small>
      </Link>
      <nav aria-label="main">
        <NavLink to="/" end>{t("nav.overview")}</NavLink>
        <NavLink to="/map">{t("citymap.nav")}</NavLink>
      </nav>
      <div className="session">
        <Form method="post" action="/lang">
          <input type="hidden" name="lang" value={other} />
          <input type="hidden" name="redirectTo" value={back} />
          <button type="submit" className="link-button" lang={other} aria-label={`${t("lang.label")}: ${t("lang.switch")}`}>
            {t("lang.switch")}
          </button>
        </Form>
        {data.user ? (
          <>
            <span title={data.user.email}>
              {data.user.name} · {t(`role.${data.user.role}`)}
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="link-button">{t("nav.logout")}</button>
            </Form>
          </>
        ) : (
          <Link to={`/login?redirectTo=${encodeURIComponent(back)}`}>{t("nav.login")}</Link>
        )}
      </div>
    </header>
  );
}

export default function App() {
  const data = useLoaderData<RootData>();
  return (
    <ApiProvider>
      <TopBar data={data} />
      <main id="main">
        <Outlet />
      </main>
    </ApiProvider>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 404 ? t("error.notFound") : status === 403 ? t("error.forbidden") : isRouteErrorResponse(error) ? String(error.data) : t("error.title");
  return (
    <main id="main">
      <div className="card" role="alert">
        <h1>{status} · {message}</h1>
        <p><Link to="/">{t("error.back")}</Link></p>
      </div>
    </main>
  );
}
