// The leadership map (/map): units coloured by a chosen metric over a period, terminals as server-side
// clusters, a side panel per unit. Everything the view depends on is in the URL, so it can be shared.
// First paint comes from the loader (server-side caller); later changes fetch through tRPC.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { TRPCError } from "@trpc/server";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import maplibreCss from "maplibre-gl/dist/maplibre-gl.css?url";
import overviewCss from "../styles/overview.css?url";
import citymapCss from "../styles/citymap.css?url";
import { serverCaller } from "../lib/trpc.server";
import { useTRPC } from "../lib/trpc";
import { translator, useLocale, useT, type Locale } from "../lib/i18n";
import { formatDateTime } from "../lib/format";
import type { MapSetup } from "../../server/citymap/setup";
import type { WardMetricsResult } from "../../server/citymap/ward-metrics";
import type { UnitDetail } from "../../server/citymap/unit-detail";
import { noDataColor } from "../../tiles/constants";
import { CityMap, type MapView } from "../components/citymap/CityMap";
import { Controls } from "../components/citymap/Controls";
import { Legend } from "../components/citymap/Legend";
import { UnitList } from "../components/citymap/UnitList";
import { UnitPanel } from "../components/citymap/UnitPanel";
import { metricClasses } from "../components/citymap/classes";
import { longDay } from "../components/citymap/format-metric";
import { unitSetOf } from "../components/citymap/map-style";
import { parseState, serializeState, updateState, type MapState } from "../components/citymap/url-state";
import { InfoToggle } from "../components/overview/InfoToggle";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: maplibreCss },
  { rel: "stylesheet", href: overviewCss },
  { rel: "stylesheet", href: citymapCss },
];

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  return [{ title: `${translator(root?.locale ?? "vi")("citymap.title")} · Civic Hub` }];
};

type Section<T> = { ok: true; data: T } | { ok: false; notFound?: boolean };

interface MapData {
  setup: MapSetup;
  state: MapState;
  metrics: Section<WardMetricsResult>;
  detail: Section<UnitDetail> | null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller, ctx } = await serverCaller(request);
  const url = new URL(request.url);
  let setup: MapSetup;
  try {
    // Who may see the page is decided by the procedures (leaderProcedure), as on the overview.
    setup = await caller.citymap.setup();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search).replace(/%2F/g, "/")}`, { headers: ctx.resHeaders });
    }
    if (error instanceof TRPCError && error.code === "FORBIDDEN") throw new Response("Forbidden", { status: 403, headers: ctx.resHeaders });
    throw error;
  }
  const state = parseState(url.searchParams, setup.today);
  const range = { layer: state.layer, level: state.level, from: state.from, to: state.to };
  const [metrics, detail] = await Promise.allSettled([caller.citymap.wardMetrics(range), state.ward ? caller.citymap.unitDetail({ ...range, code: state.ward }) : Promise.resolve(null)]);
  const section = <T,>(result: PromiseSettledResult<T>, name: string): Section<T> => {
    if (result.status === "fulfilled") return { ok: true, data: result.value };
    if (result.reason instanceof TRPCError && result.reason.code === "NOT_FOUND") return { ok: false, notFound: true };
    console.error(`map: the ${name} query failed`, result.reason);
    return { ok: false };
  };
  const detailSection = section(detail, "unitDetail");
  const data: MapData = {
    setup,
    state,
    metrics: section(metrics, "wardMetrics"),
    detail: !state.ward ? null : detailSection.ok ? (detailSection.data ? { ok: true, data: detailSection.data } : null) : detailSection,
  };
  const headers = new Headers(ctx.resHeaders);
  headers.set("Cache-Control", "private, no-store");
  return Response.json(data, { headers });
}

/** The URL changes with every control and map move; the data for it is fetched in the browser. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (!formMethod && currentUrl.pathname === nextUrl.pathname) return false;
  return defaultShouldRevalidate;
};

const sameRange = (a: MapState, b: MapState) => a.layer === b.layer && a.level === b.level && a.from === b.from && a.to === b.to;

export default function CityMapPage() {
  const data = useLoaderData<MapData>();
  const locale = useLocale();
  const t = useT();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const today = data.setup.today;
  const state = useMemo(() => parseState(params, today), [params, today]);
  const [showTerminals, setShowTerminals] = useState(true);

  const stateRef = useRef(state);
  stateRef.current = state;
  const change = useCallback(
    (c: Partial<MapState>, replace = false) => {
      setParams(serializeState(updateState(stateRef.current, c)), { replace, preventScrollReset: true });
    },
    [setParams],
  );
  const viewTimer = useRef<ReturnType<typeof setTimeout>>();
  const onViewChange = useCallback(
    (view: MapView) => {
      clearTimeout(viewTimer.current);
      viewTimer.current = setTimeout(() => change({ view }, true), 400);
    },
    [change],
  );
  useEffect(() => () => clearTimeout(viewTimer.current), []);

  const range = { layer: state.layer, level: state.level, from: state.from, to: state.to };
  const initialMetrics = data.metrics.ok && sameRange(data.state, state) ? data.metrics.data : undefined;
  const metricsQuery = useQuery(trpc.citymap.wardMetrics.queryOptions(range, { initialData: initialMetrics, placeholderData: keepPreviousData }));
  const initialDetail = data.detail?.ok && sameRange(data.state, state) && data.state.ward === state.ward ? data.detail.data : undefined;
  const detailQuery = useQuery(
    trpc.citymap.unitDetail.queryOptions({ ...range, code: state.ward ?? "" }, { enabled: state.ward !== null, initialData: initialDetail, placeholderData: keepPreviousData, retry: false }),
  );

  const result = metricsQuery.data;
  const units = result?.units ?? [];
  const scale = useMemo(() => metricClasses(units.map((u) => u.values[state.metric])), [units, state.metric]);
  const colours = useMemo(() => new Map(units.map((u) => [u.code, scale.colorOf(u.values[state.metric], noDataColor)])), [units, scale, state.metric]);
  const hasNoData = units.some((u) => u.values[state.metric] === null);
  const noActivity = result ? result.city.payments + result.city.sessions + result.city.activeTerminalDays === 0 : false;
  const detail = state.ward && detailQuery.data && detailQuery.data.code === state.ward ? detailQuery.data : null;
  const select = useCallback((code: string | null) => change({ ward: code }), [change]);

  return (
    <div className="citymap">
      <header className="page-head">
        <h1>{t("citymap.title")}</h1>
        <p className="muted">
          {t("citymap.subtitle", { from: longDay(state.from, locale), to: longDay(state.to, locale) })}
          {result ? <> · {t("overview.asOf", { time: formatDateTime(result.asOf, locale) })}</> : null}
        </p>
        <InfoToggle label={t("overview.howComputed")} text={t(`citymap.metric.${state.metric}.def`)} />
      </header>

      <Controls state={state} today={today} showTerminals={showTerminals} onChange={(c) => change(c)} onShowTerminals={setShowTerminals} t={t} />

      <div className={`citymap-body${state.ward ? " with-panel" : ""}`}>
        <section className="card citymap-map" aria-label={t("citymap.map.aria")}>
          <CityMap
            key={locale}
            setup={data.setup}
            unitSet={unitSetOf(state.layer, state.level)}
            metric={state.metric}
            units={units}
            colours={colours}
            selected={state.ward}
            showTerminals={showTerminals}
            initialView={state.view}
            onSelect={select}
            onViewChange={onViewChange}
            locale={locale}
            t={t}
          />
          {metricsQuery.isFetching && result ? (
            <div className="fetching" role="status">
              {t("citymap.loading")}
            </div>
          ) : null}
          <div className="map-foot">
            {result ? <Legend metric={state.metric} scale={scale} hasNoData={hasNoData} locale={locale} t={t} /> : null}
            {showTerminals ? (
              <p className="terminals-note">
                <span className="cluster-dot" aria-hidden="true" />
                {t("citymap.terminals.legend")}
              </p>
            ) : null}
          </div>
          {noActivity ? <p className="note">{t("citymap.empty")}</p> : null}
        </section>

        <aside className="card citymap-side" aria-live="polite">
          {metricsQuery.isError && !result ? (
            <div className="state error-state" role="alert" data-testid="error-state">
              <p>{t("citymap.error")}</p>
              <button type="button" className="button small" onClick={() => void metricsQuery.refetch()}>
                {t("citymap.retry")}
              </button>
            </div>
          ) : !result ? (
            <div className="state skeleton" role="status">
              {t("citymap.loading")}
            </div>
          ) : units.length === 0 ? (
            <div className="state empty-state" data-testid="empty-state">
              <p>{t("citymap.noUnits")}</p>
            </div>
          ) : state.ward ? (
            detail ? (
              <UnitPanel detail={detail} onClose={() => select(null)} locale={locale} t={t} />
            ) : detailQuery.isError ? (
              <div className="state error-state" role="alert">
                <p>{t("citymap.detail.error", { code: state.ward })}</p>
                <button type="button" className="button small" onClick={() => select(null)}>
                  {t("citymap.panel.back")}
                </button>
              </div>
            ) : (
              <div className="state skeleton" role="status">
                {t("citymap.detail.loading")}
              </div>
            )
          ) : (
            <UnitList result={result} metric={state.metric} scale={scale} selected={state.ward} onSelect={select} locale={locale} t={t} />
          )}
        </aside>
      </div>
      {metricsQuery.isError && result ? (
        <p className="alert" role="alert">
          {t("citymap.error")}
        </p>
      ) : null}
    </div>
  );
}
