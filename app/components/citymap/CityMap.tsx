// The leadership map: unit polygons from our own vector tiles coloured by the chosen metric (the
// colours arrive as props and are joined with setFeatureState on the unit code), and terminals as
// server-side clusters. Hover shows a unit's figures, a click selects it, a click on a cluster
// zooms into it. The container exposes data-loaded / data-rendered-wards / data-rendered-clusters
// for tests and monitoring.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Map as MapLibreMap, MapLayerMouseEvent } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { MapSetup } from "../../../server/citymap/setup";
import type { UnitMetrics } from "../../../server/citymap/ward-metrics";
import type { CityMetric } from "../../../server/citymap/metric-names";
import { wardLayer } from "../../../tiles/constants";
import type { Locale, Translate } from "../../lib/i18n";
import { cityMapStyle, ids, unitSets, type UnitSet } from "./map-style";
import { formatCount, formatMetric } from "./format-metric";
import { MapStatusOverlay, MapTooltip } from "../map/MapChrome";

type Status = "loading" | "ready" | "error";

export interface MapView {
  z: number;
  lat: number;
  lon: number;
}

interface Props {
  setup: MapSetup;
  unitSet: UnitSet;
  metric: CityMetric;
  units: UnitMetrics[];
  /** Fill colour per unit code. */
  colours: Map<string, string>;
  selected: string | null;
  showTerminals: boolean;
  initialView: MapView | null;
  onSelect(code: string | null): void;
  onViewChange(view: MapView): void;
  locale: Locale;
  t: Translate;
}

interface Tooltip {
  x: number;
  y: number;
  code: string;
  name: string;
}

/** A short fingerprint of the colours applied, so a test can see the map was recoloured. */
function digest(colours: Map<string, string>): string {
  let h = 2166136261;
  for (const [code, colour] of [...colours].sort(([a], [b]) => a.localeCompare(b))) {
    for (const ch of `${code}=${colour};`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  }
  return h.toString(16);
}

export function CityMap(props: Props) {
  const { setup, unitSet, metric, units, colours, selected, showTerminals, initialView, locale, t } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [status, setStatus] = useState<Status>("loading");
  const [styleReady, setStyleReady] = useState(false);
  const [rendered, setRendered] = useState({ units: 0, clusters: 0, points: 0 });
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const byCode = useMemo(() => new Map(units.map((u) => [u.code, u])), [units]);

  // Handlers are bound once; they read the current props here.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let cancelled = false;
    let map: MapLibreMap | undefined;
    let hovered: { set: UnitSet; code: string } | null = null;
    let observer: ResizeObserver | undefined;

    async function start() {
      const maplibregl = await import("maplibre-gl");
      const container = containerRef.current;
      if (cancelled || !container) return;
      maplibregl.setWorkerUrl(workerUrl);
      const p = latest.current;
      const instance = new maplibregl.Map({
        container,
        style: cityMapStyle(p.setup, p.unitSet, p.locale, (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) / 16),
        ...(p.initialView ? { center: [p.initialView.lon, p.initialView.lat] as [number, number], zoom: p.initialView.z } : { bounds: p.setup.bounds, fitBoundsOptions: { padding: 16 } }),
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        locale: { "Map.Title": p.t("citymap.map.aria"), "NavigationControl.ZoomIn": p.t("map.zoomIn"), "NavigationControl.ZoomOut": p.t("map.zoomOut") },
        // Tile URLs are relative to this site; the worker needs them absolute.
        transformRequest: (url) => ({ url: new URL(url, window.location.href).href }),
      });
      map = instance;
      mapRef.current = instance;
      instance.touchZoomRotate.disableRotation();
      instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(container);

      const setHover = (next: { set: UnitSet; code: string } | null) => {
        if (hovered && next && hovered.set === next.set && hovered.code === next.code) return;
        if (hovered) instance.setFeatureState({ source: ids.source(hovered.set), sourceLayer: wardLayer, id: hovered.code }, { hover: false });
        hovered = next;
        if (next) instance.setFeatureState({ source: ids.source(next.set), sourceLayer: wardLayer, id: next.code }, { hover: true });
      };

      instance.on("load", () => {
        setStyleReady(true);
        instance.on("idle", () => {
          const set = latest.current.unitSet;
          const codes = new Set<string>();
          for (const f of instance.queryRenderedFeatures({ layers: [ids.fill(set)] })) if (typeof f.properties?.code === "string") codes.add(f.properties.code);
          const terminalsShown = instance.getLayoutProperty(ids.clusters, "visibility") !== "none";
          const clusters = terminalsShown ? instance.queryRenderedFeatures({ layers: [ids.clusters] }).length : 0;
          const points = terminalsShown ? instance.queryRenderedFeatures({ layers: [ids.points] }).length : 0;
          setRendered((old) => (old.units === codes.size && old.clusters === clusters && old.points === points ? old : { units: codes.size, clusters, points }));
          setStatus("ready");
        });
      });
      for (const set of unitSets) {
        instance.on("mousemove", ids.fill(set), (event: MapLayerMouseEvent) => {
          const feature = event.features?.[0];
          const code = feature?.properties?.code;
          if (typeof code !== "string") return;
          setHover({ set, code });
          instance.getCanvas().style.cursor = "pointer";
          setTooltip({ x: event.point.x, y: event.point.y, code, name: String(feature?.properties?.name ?? code) });
        });
        instance.on("mouseleave", ids.fill(set), () => {
          setHover(null);
          instance.getCanvas().style.cursor = "";
          setTooltip(null);
        });
        instance.on("click", ids.fill(set), (event: MapLayerMouseEvent) => {
          // A click on a cluster above the unit zooms instead (handled below).
          if (instance.queryRenderedFeatures(event.point, { layers: [ids.clusters] }).length > 0) return;
          const code = event.features?.[0]?.properties?.code;
          if (typeof code === "string") latest.current.onSelect(code);
        });
      }
      instance.on("click", ids.clusters, (event: MapLayerMouseEvent) => {
        const feature = event.features?.[0];
        if (!feature || feature.geometry.type !== "Point") return;
        const [lon, lat] = feature.geometry.coordinates;
        instance.easeTo({ center: [lon, lat], zoom: Math.min(instance.getZoom() + 2, 16) });
      });
      instance.on("mouseenter", ids.clusters, () => {
        instance.getCanvas().style.cursor = "zoom-in";
      });
      instance.on("mouseleave", ids.clusters, () => {
        instance.getCanvas().style.cursor = "";
      });
      instance.on("moveend", () => {
        const c = instance.getCenter();
        latest.current.onViewChange({ z: instance.getZoom(), lat: c.lat, lon: c.lng });
      });
      // Tile failures are logged and the rest of the map stays usable; fatal ones (WebGL) throw above.
      instance.on("error", (event) => console.warn("map:", event.error?.message ?? event));
    }

    start().catch((error: unknown) => {
      if (cancelled) return;
      console.error(error);
      setStatus("error");
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      map?.remove();
      mapRef.current = null;
    };
  }, []);

  // Which unit set is shown.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    for (const set of unitSets) {
      const visibility = set === unitSet ? "visible" : "none";
      for (const id of [ids.fill(set), ids.line(set), ids.hover(set), ids.selected(set), ids.label(set)]) map.setLayoutProperty(id, "visibility", visibility);
    }
    setTooltip(null);
  }, [unitSet, styleReady]);

  // Colours and the selection: states are reset per source so nothing stale survives a change.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const source = ids.source(unitSet);
    map.removeFeatureState({ source, sourceLayer: wardLayer });
    for (const [code, color] of colours) map.setFeatureState({ source, sourceLayer: wardLayer, id: code }, { color, selected: code === selected });
    if (selected && !colours.has(selected)) map.setFeatureState({ source, sourceLayer: wardLayer, id: selected }, { selected: true });
  }, [colours, selected, unitSet, styleReady]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    for (const id of [ids.clusters, ids.clusterCount, ids.points]) map.setLayoutProperty(id, "visibility", showTerminals ? "visible" : "none");
  }, [showTerminals, styleReady]);

  const unit = tooltip ? byCode.get(tooltip.code) : undefined;
  const width = containerRef.current?.clientWidth ?? 0;
  const height = containerRef.current?.clientHeight ?? 0;
  const noData = t("map.noData");

  return (
    <div className="citymap-frame">
      <div
        ref={containerRef}
        className="citymap-canvas"
        data-testid="city-map"
        data-loaded={status === "ready" ? "true" : "false"}
        data-rendered-wards={rendered.units}
        data-rendered-clusters={rendered.clusters}
        data-rendered-points={rendered.points}
        data-unit-set={unitSet}
        data-metric={metric}
        data-colour-digest={digest(colours)}
      />
      <MapStatusOverlay status={status} />
      {tooltip ? (
        <MapTooltip x={tooltip.x} y={tooltip.y} width={width} height={height} testId="citymap-tooltip">
          <strong>{unit?.name ?? tooltip.name}</strong>
          {unit ? (
            <dl>
              <div>
                <dt>{t(`citymap.metric.${metric}`)}</dt>
                <dd>
                  {unit.estimated && unit.values[metric] !== null ? "≈ " : ""}
                  {formatMetric(metric, unit.values[metric], locale, noData)}
                </dd>
              </div>
              <div>
                <dt>{t("citymap.kpi.households")}</dt>
                <dd>{formatCount(unit.figures.households, locale)}</dd>
              </div>
              <div>
                <dt>{t("citymap.kpi.terminals")}</dt>
                <dd>{formatCount(unit.figures.terminals, locale)}</dd>
              </div>
            </dl>
          ) : null}
          <p className="tooltip-hint">{t("citymap.tooltip.click")}</p>
        </MapTooltip>
      ) : null}
    </div>
  );
}
