// The leadership overview: city-wide key figures, terminal coverage by ward, 12-month payments.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TRPCError } from "@trpc/server";
import maplibreCss from "maplibre-gl/dist/maplibre-gl.css?url";
import overviewCss from "../styles/overview.css?url";
import { serverCaller } from "../lib/trpc.server";
import { translator, useLocale, useT, type Locale, type Translate } from "../lib/i18n";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "../lib/format";
import type { OverviewKpis, PaymentsTrend, WardCoverage } from "../../server/overview/queries";
import { KpiCard } from "../components/overview/KpiCard";
import { PaymentsCard } from "../components/overview/PaymentsCard";
import { EmptyState, ErrorState } from "../components/overview/States";
import { InfoToggle } from "../components/overview/InfoToggle";
import { WardMap } from "../components/map/WardMap";
import { PaymentsTrendChart } from "../components/charts/PaymentsTrendChart";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: maplibreCss },
  { rel: "stylesheet", href: overviewCss },
];

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  return [{ title: `${translator(root?.locale ?? "vi")("overview.title")} · Civic Hub` }];
};

/** A section's figures, or the fact that its query failed (shown as an error state, not a 500). */
type Section<T> = { ok: true; data: T } | { ok: false };

interface OverviewData {
  kpis: Section<OverviewKpis>;
  wards: Section<WardCoverage[]>;
  trend: Section<PaymentsTrend>;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller, ctx } = await serverCaller(request);
  const results = await Promise.allSettled([caller.overview.kpis(), caller.overview.wardCoverage(), caller.overview.paymentsTrend({ months: 12 })]);

  // Who may see the page is decided by the procedures (leaderProcedure), not repeated here.
  const refusal = results.find((r): r is PromiseRejectedResult => r.status === "rejected" && r.reason instanceof TRPCError && (r.reason.code === "UNAUTHORIZED" || r.reason.code === "FORBIDDEN"));
  if (refusal) {
    if ((refusal.reason as TRPCError).code === "UNAUTHORIZED") {
      const url = new URL(request.url);
      // Slashes are legal in a query string; keeping them makes the address readable (?redirectTo=/).
      throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search).replace(/%2F/g, "/")}`, { headers: ctx.resHeaders });
    }
    throw new Response("Forbidden", { status: 403, headers: ctx.resHeaders });
  }

  function section<T>(result: PromiseSettledResult<T>, name: string): Section<T> {
    if (result.status === "fulfilled") return { ok: true, data: result.value };
    console.error(`overview: the ${name} query failed`, result.reason);
    return { ok: false };
  }
  const [kpis, wards, trend] = results;
  const data: OverviewData = {
    kpis: section(kpis, "kpis"),
    wards: section(wards, "wardCoverage"),
    trend: section(trend, "paymentsTrend"),
  };
  const headers = new Headers(ctx.resHeaders);
  headers.set("Cache-Control", "private, no-store");
  return Response.json(data, { headers });
}

/** "2026-11-01" (a day in the city's calendar) → "01/11/2026". */
const cityDay = (day: string, locale: Locale) => formatDate(`${day}T12:00:00+07:00`, locale);

function KpiRow({ kpis, locale, t }: { kpis: OverviewKpis; locale: Locale; t: Translate }) {
  const monthStart = cityDay(kpis.monthStart, locale);
  // Shares only when there is something to divide by: "— of households" says nothing.
  const installedNote = kpis.households > 0 ? t("overview.kpi.terminalsInstalled.note", { share: formatPercent(kpis.terminalsInstalled / kpis.households, locale) }) : undefined;
  const activeNote = kpis.terminalsInstalled > 0 ? t("overview.kpi.terminalsActive.note", { share: formatPercent(kpis.terminalsActive24h / kpis.terminalsInstalled, locale) }) : undefined;
  const dossiers = kpis.dossiersThisMonth;
  return (
    <section className="grid kpis" aria-label={t("overview.kpis")}>
      <KpiCard testId="kpi-households" label={t("overview.kpi.households")} value={formatNumber(kpis.households, locale)} dataValue={kpis.households} definition={t("overview.kpi.households.def")} t={t} />
      <KpiCard
        testId="kpi-terminals-installed"
        label={t("overview.kpi.terminalsInstalled")}
        value={formatNumber(kpis.terminalsInstalled, locale)}
        dataValue={kpis.terminalsInstalled}
        note={installedNote}
        definition={t("overview.kpi.terminalsInstalled.def")}
        t={t}
      />
      <KpiCard
        testId="kpi-terminals-active"
        label={t("overview.kpi.terminalsActive")}
        value={formatNumber(kpis.terminalsActive24h, locale)}
        dataValue={kpis.terminalsActive24h}
        note={activeNote}
        definition={t("overview.kpi.terminalsActive.def")}
        t={t}
      />
      <KpiCard
        testId="kpi-online-dossier-share"
        label={t("overview.kpi.onlineShare")}
        value={dossiers.share === null ? "—" : formatPercent(dossiers.share, locale)}
        dataValue={dossiers.share ?? ""}
        note={
          dossiers.share === null
            ? t("overview.kpi.onlineShare.none")
            : t("overview.kpi.onlineShare.note", { online: formatNumber(dossiers.onlineOrTerminal, locale), total: formatNumber(dossiers.total, locale), monthStart })
        }
        definition={t("overview.kpi.onlineShare.def")}
        t={t}
      />
    </section>
  );
}

export default function Overview() {
  const data = useLoaderData<OverviewData>();
  const locale = useLocale();
  const t = useT();
  const kpis = data.kpis.ok ? data.kpis.data : null;
  const trendEmpty = data.trend.ok && data.trend.data.months.every((m) => m.totalVnd === 0);

  return (
    <div className="overview">
      <header className="page-head">
        <h1>{t("overview.title")}</h1>
        <p className="muted">
          {t("overview.subtitle")}
          {kpis ? <> · {t("overview.asOf", { time: formatDateTime(kpis.asOf, locale) })}</> : null}
        </p>
      </header>

      {kpis ? (
        <KpiRow kpis={kpis} locale={locale} t={t} />
      ) : (
        <div className="card">
          <ErrorState t={t} />
        </div>
      )}

      <div className="overview-grid">
        <section className="card map-card" aria-labelledby="map-title">
          <div className="card-head">
            <h2 id="map-title" title={t("map.def")}>
              {t("map.title")}
            </h2>
            <InfoToggle label={t("overview.howComputed")} text={t("map.def")} />
          </div>
          {!data.wards.ok ? (
            <ErrorState t={t} />
          ) : data.wards.data.length === 0 ? (
            <EmptyState t={t} />
          ) : (
            <WardMap key={locale} wards={data.wards.data} locale={locale} t={t} />
          )}
        </section>

        <div className="side">
          {kpis ? <PaymentsCard payments={kpis.paymentsThisMonth} monthStart={cityDay(kpis.monthStart, locale)} locale={locale} t={t} /> : null}
          <section className="card chart-card" aria-labelledby="trend-title">
            <div className="card-head">
              <h2 id="trend-title" title={t("chart.trend.def")}>
                {t("chart.trend.title")}
              </h2>
              <InfoToggle label={t("overview.howComputed")} text={t("chart.trend.def")} />
            </div>
            {!data.trend.ok ? (
              <ErrorState t={t} />
            ) : trendEmpty ? (
              <EmptyState t={t} message={t("chart.trend.empty")} />
            ) : (
              <PaymentsTrendChart months={data.trend.data.months} locale={locale} t={t} />
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
