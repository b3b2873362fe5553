// Ward polygons from our own vector tiles, coloured in the browser: the metric arrives as props
// and is joined with setFeatureState on the ward code (the source's promoteId), so another
// metric needs new props, not new tiles.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Map as MapLibreMap, MapLayerMouseEvent, StyleSpecification } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { WardCoverage } from "../../../server/overview/queries";
import { noDataColor, wardFillLayerId, wardLayer, wardSourceId, type CivicStyleMetadata } from "../../../tiles/constants";
import { formatNumber, formatPercent } from "../../lib/format";
import type { Locale, Translate } from "../../lib/i18n";
import { coverageClasses, type ClassedScale } from "./coverage-scale";
import { MapLegend } from "./MapLegend";
import { WardTable } from "./WardTable";
import { MapStatusOverlay, MapTooltip } from "./MapChrome";

const styleUrl = "/tiles/style.json";

type Status = "loading" | "ready" | "error";

interface Tooltip {
  x: number;
  y: number;
  code: string;
  name: string;
}

interface Props {
  wards: WardCoverage[];
  locale: Locale;
  t: Translate;
}

function applyColours(map: MapLibreMap, wards: WardCoverage[], scale: ClassedScale) {
  for (const ward of wards) {
    map.setFeatureState({ source: wardSourceId, sourceLayer: wardLayer, id: ward.code }, { color: scale.colorOf(ward.coverage, noDataColor) });
  }
}

/** Distinct wards drawn in the current view (a ward split across tiles counts once). */
function renderedWardCount(map: MapLibreMap): number {
  const codes = new Set<string>();
  for (const feature of map.queryRenderedFeatures({ layers: [wardFillLayerId] })) {
    const code = feature.properties?.code;
    if (typeof code === "string") codes.add(code);
  }
  return codes.size;
}

export function WardMap({ wards, locale, t }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [status, setStatus] = useState<Status>("loading");
  const [rendered, setRendered] = useState(0);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);

  const scale = useMemo(() => coverageClasses(wards.map((w) => w.coverage)), [wards]);
  const byCode = useMemo(() => new Map(wards.map((w) => [w.code, w])), [wards]);
  // The map's event handlers are bound once; they read the current figures through this ref.
  const latest = useRef({ wards, scale });
  latest.current = { wards, scale };

  // maplibre's own labels (the canvas is a labelled region; the zoom buttons), from our catalogues.
  const mapLocale = useMemo(
    () => ({ "Map.Title": t("map.aria"), "NavigationControl.ZoomIn": t("map.zoomIn"), "NavigationControl.ZoomOut": t("map.zoomOut") }),
    [t],
  );
  const mapLocaleRef = useRef(mapLocale);
  mapLocaleRef.current = mapLocale;

  useEffect(() => {
    let cancelled = false;
    let map: MapLibreMap | undefined;
    let hovered: string | null = null;

    async function start() {
      // maplibre touches `window` when imported, so it loads here, in the browser only.
      const [maplibregl, response] = await Promise.all([import("maplibre-gl"), fetch(styleUrl, { headers: { Accept: "application/json" } })]);
      if (!response.ok) throw new Error(`map style: HTTP ${response.status}`);
      const style = (await response.json()) as StyleSpecification & { metadata: CivicStyleMetadata };
      const container = containerRef.current;
      if (cancelled || !container) return;
      maplibregl.setWorkerUrl(workerUrl);
      const instance = new maplibregl.Map({
        container,
        style,
        bounds: style.metadata["civic:bounds"],
        fitBoundsOptions: { padding: 16 },
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        locale: mapLocaleRef.current,
        // Tile URLs in the style are relative to this site; the worker needs them absolute.
        transformRequest: (url) => ({ url: new URL(url, window.location.href).href }),
      });
      map = instance;
      mapRef.current = instance;
      instance.touchZoomRotate.disableRotation();
      instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");

      const setHover = (code: string | null) => {
        if (hovered === code) return;
        if (hovered) instance.setFeatureState({ source: wardSourceId, sourceLayer: wardLayer, id: hovered }, { hover: false });
        hovered = code;
        if (code) instance.setFeatureState({ source: wardSourceId, sourceLayer: wardLayer, id: code }, { hover: true });
      };

      instance.on("load", () => {
        applyColours(instance, latest.current.wards, latest.current.scale);
        instance.on("idle", () => {
          setRendered(renderedWardCount(instance));
          setStatus("ready");
        });
      });
      instance.on("mousemove", wardFillLayerId, (event: MapLayerMouseEvent) => {
        const feature = event.features?.[0];
        const code = feature?.properties?.code;
        if (typeof code !== "string") return;
        setHover(code);
        instance.getCanvas().style.cursor = "pointer";
        setTooltip({ x: event.point.x, y: event.point.y, code, name: String(feature?.properties?.name ?? code) });
      });
      instance.on("mouseleave", wardFillLayerId, () => {
        setHover(null);
        instance.getCanvas().style.cursor = "";
        setTooltip(null);
      });
      // The style is already in hand, so what fails from here on is a tile: log it and keep the
      // rest of the map usable. Fatal failures (style, WebGL) throw above and show the error state.
      instance.on("error", (event) => console.warn("map:", event.error?.message ?? event));
    }

    start().catch((error: unknown) => {
      if (cancelled) return;
      console.error(error);
      setStatus("error");
    });
    return () => {
      cancelled = true;
      map?.remove();
      mapRef.current = null;
    };
  }, []);

  // New figures (or another metric later): recolour without touching the tiles.
  useEffect(() => {
    const map = mapRef.current;
    if (map && map.isStyleLoaded()) applyColours(map, wards, scale);
  }, [wards, scale]);

  const ward = tooltip ? byCode.get(tooltip.code) : undefined;
  const width = containerRef.current?.clientWidth ?? 0;
  const height = containerRef.current?.clientHeight ?? 0;

  return (
    <figure className="ward-map">
      <div className="map-frame">
        <div
          ref={containerRef}
          className="map-canvas"
          data-testid="ward-map"
          data-loaded={status === "ready" ? "true" : "false"}
          data-rendered-wards={rendered}
        />
        <MapStatusOverlay status={status} />
        {tooltip ? (
          <MapTooltip x={tooltip.x} y={tooltip.y} width={width} height={height} testId="map-tooltip">
            <strong>{ward?.name ?? tooltip.name}</strong>
            {ward ? (
              <dl>
                <div>
                  <dt>{t("map.tooltip.coverage")}</dt>
                  <dd>{ward.coverage === null ? t("map.noData") : formatPercent(ward.coverage, locale)}</dd>
                </div>
                <div>
                  <dt>{t("map.tooltip.terminals")}</dt>
                  <dd>{formatNumber(ward.activeTerminals, locale)}</dd>
                </div>
                <div>
                  <dt>{t("map.tooltip.households")}</dt>
                  <dd>{formatNumber(ward.households, locale)}</dd>
                </div>
              </dl>
            ) : null}
          </MapTooltip>
        ) : null}
      </div>
      <figcaption>
        <MapLegend scale={scale} locale={locale} t={t} />
      </figcaption>
      <WardTable wards={wards} scale={scale} locale={locale} t={t} />
    </figure>
  );
}
