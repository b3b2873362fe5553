// The leadership map's maplibre style, built in the browser from the tile addresses the page's
// loader gives (versioned URLs on this site: no remote URL, no glyph server, no sprite).
// One vector source per unit set (2025 wards, pre-2025 wards, pre-2025 districts) with the same
// source layers; the page shows one of them and colours it with feature state keyed by unit code.
import type { StyleSpecification, ExpressionSpecification } from "maplibre-gl";
import type { MapSetup } from "../../../server/citymap/setup";
import { noDataColor, wardLabelLayer, wardLayer, wardMaxZoom } from "../../../tiles/constants";
import { terminalLayer, terminalTilesMaxZoom } from "../../../tiles/cluster-constants";
import type { Layer, Level } from "./url-state";

export type UnitSet = "2025-ward" | "pre2025-ward" | "pre2025-district";
export const unitSets: UnitSet[] = ["2025-ward", "pre2025-ward", "pre2025-district"];

export const unitSetOf = (layer: Layer, level: Level): UnitSet => (layer === "2025" ? "2025-ward" : level === "district" ? "pre2025-district" : "pre2025-ward");

export const ids = {
  source: (set: UnitSet) => `units-${set}`,
  fill: (set: UnitSet) => `fill-${set}`,
  line: (set: UnitSet) => `line-${set}`,
  hover: (set: UnitSet) => `hover-${set}`,
  selected: (set: UnitSet) => `selected-${set}`,
  label: (set: UnitSet) => `label-${set}`,
  terminals: "terminals",
  clusters: "terminal-clusters",
  clusterCount: "terminal-cluster-count",
  points: "terminal-points",
};

const hasCount: ExpressionSpecification = ["has", "point_count"];

/**
 * `scale` follows the page's root font size (larger on wall displays): maplibre sizes text and
 * circles in pixels, so they are scaled here to stay readable from across a room.
 */
export function cityMapStyle(setup: MapSetup, visible: UnitSet, locale: "vi" | "en", scale = 1): StyleSpecification {
  const px = (n: number) => Math.round(n * scale * 10) / 10;
  const style: StyleSpecification = {
    version: 8,
    name: "Civic Hub — leadership map",
    sources: {},
    layers: [{ id: "background", type: "background", paint: { "background-color": "#eef1f5" } }],
  };
  for (const set of unitSets) {
    style.sources[ids.source(set)] = { type: "vector", tiles: [setup.tiles[set]], minzoom: 0, maxzoom: wardMaxZoom, promoteId: "code", bounds: setup.bounds };
    const visibility = set === visible ? "visible" : "none";
    const district = set === "pre2025-district";
    style.layers.push(
      {
        id: ids.fill(set),
        type: "fill",
        source: ids.source(set),
        "source-layer": wardLayer,
        layout: { visibility },
        paint: { "fill-color": ["coalesce", ["feature-state", "color"], noDataColor], "fill-opacity": 0.9 },
      },
      {
        id: ids.line(set),
        type: "line",
        source: ids.source(set),
        "source-layer": wardLayer,
        layout: { visibility },
        paint: { "line-color": "#ffffff", "line-width": ["interpolate", ["linear"], ["zoom"], 8, district ? 1 : 0.4, 13, district ? 2.5 : 1.5] },
      },
      {
        id: ids.hover(set),
        type: "line",
        source: ids.source(set),
        "source-layer": wardLayer,
        layout: { visibility },
        paint: { "line-color": "#1b2430", "line-width": ["case", ["boolean", ["feature-state", "hover"], false], 2.5, 0] },
      },
      {
        id: ids.selected(set),
        type: "line",
        source: ids.source(set),
        "source-layer": wardLayer,
        layout: { visibility },
        paint: { "line-color": "#b3261e", "line-width": ["case", ["boolean", ["feature-state", "selected"], false], 3.5, 0] },
      },
      {
        id: ids.label(set),
        type: "symbol",
        source: ids.source(set),
        "source-layer": wardLabelLayer,
        minzoom: district ? 8.5 : 11.5,
        layout: { visibility, "text-field": ["get", "name"], "text-font": ["Noto Sans Regular", "DejaVu Sans Book"], "text-size": px(12), "text-max-width": 8 },
        paint: { "text-color": "#1b2430", "text-halo-color": "rgba(255,255,255,0.9)", "text-halo-width": 1.4 },
      },
    );
  }
  style.sources[ids.terminals] = { type: "vector", tiles: [setup.tiles.terminals], minzoom: 0, maxzoom: terminalTilesMaxZoom, bounds: setup.bounds };
  style.layers.push(
    {
      id: ids.clusters,
      type: "circle",
      source: ids.terminals,
      "source-layer": terminalLayer,
      filter: hasCount,
      paint: {
        "circle-color": "#0b4f8a",
        "circle-opacity": 0.82,
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1.5,
        // Area grows with the count, on a log-like step scale so 50 000 does not cover the city.
        "circle-radius": ["step", ["get", "point_count"], px(9), 10, px(12), 100, px(16), 1000, px(21), 10000, px(27), 100000, px(34)],
      },
    },
    {
      id: ids.clusterCount,
      type: "symbol",
      source: ids.terminals,
      "source-layer": terminalLayer,
      filter: hasCount,
      layout: {
        "text-field": ["number-format", ["get", "point_count"], { locale: locale === "vi" ? "vi-VN" : "en-GB" }],
        "text-font": ["Noto Sans Bold", "DejaVu Sans Bold"],
        "text-size": px(11),
        "text-allow-overlap": true,
      },
      paint: { "text-color": "#ffffff" },
    },
    {
      id: ids.points,
      type: "circle",
      source: ids.terminals,
      "source-layer": terminalLayer,
      filter: ["!", hasCount],
      paint: { "circle-color": "#0b4f8a", "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, px(2.5), 16, px(5)], "circle-stroke-color": "#ffffff", "circle-stroke-width": 1 },
    },
  );
  return style;
}
