// The self-hosted map style: no basemap, no glyph server, no sprite — nothing leaves the city's
// network. maplibre 6 draws the few labels with local fonts when the style names no glyphs URL.
import type { StyleSpecification } from "maplibre-gl";
import type { Bounds } from "./geometry";
import {
  defaultCityBounds,
  noDataColor,
  wardFillLayerId,
  wardHoverLayerId,
  wardLabelLayer,
  wardLabelLayerId,
  wardLayer,
  wardLineLayerId,
  wardMaxZoom,
  wardSourceId,
  type CivicStyleMetadata,
} from "./constants";

export interface StyleOptions {
  /** Tile URL template, e.g. "/tiles/wards/{z}/{x}/{y}.pbf?v=126-4567". */
  wardTilesUrl: string;
  bounds: Bounds | null;
}

export function wardMapStyle({ wardTilesUrl, bounds }: StyleOptions): StyleSpecification & { metadata: CivicStyleMetadata } {
  return {
    version: 8,
    name: "Civic Hub — wards",
    metadata: { "civic:bounds": bounds ?? defaultCityBounds },
    sources: {
      [wardSourceId]: {
        type: "vector",
        tiles: [wardTilesUrl],
        minzoom: 0,
        maxzoom: wardMaxZoom,
        // Metrics are joined in the browser with setFeatureState, keyed by the ward code.
        promoteId: "code",
        ...(bounds ? { bounds } : {}),
      },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#eef1f5" } },
      {
        id: wardFillLayerId,
        type: "fill",
        source: wardSourceId,
        "source-layer": wardLayer,
        paint: { "fill-color": ["coalesce", ["feature-state", "color"], noDataColor], "fill-opacity": 0.92 },
      },
      {
        id: wardLineLayerId,
        type: "line",
        source: wardSourceId,
        "source-layer": wardLayer,
        paint: { "line-color": "#ffffff", "line-width": ["interpolate", ["linear"], ["zoom"], 8, 0.4, 13, 1.5] },
      },
      {
        id: wardHoverLayerId,
        type: "line",
        source: wardSourceId,
        "source-layer": wardLayer,
        paint: {
          "line-color": "#1b2430",
          "line-width": ["case", ["boolean", ["feature-state", "hover"], false], 2.5, 0],
        },
      },
      {
        id: wardLabelLayerId,
        type: "symbol",
        source: wardSourceId,
        "source-layer": wardLabelLayer,
        minzoom: 10.5,
        layout: {
          "text-field": ["get", "name"],
          "text-font": ["Noto Sans Regular", "DejaVu Sans Book"],
          "text-size": 12,
          "text-max-width": 8,
        },
        paint: { "text-color": "#1b2430", "text-halo-color": "rgba(255,255,255,0.9)", "text-halo-width": 1.4 },
      },
    ],
  };
}
