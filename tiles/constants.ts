// Names shared by the tile server, the style and the browser map. No runtime imports here: the
// browser bundle includes this file.
import type { Bounds } from "./geometry";

/** Source-layer names inside every ward tile: the polygons, and one label point per ward. */
export const wardLayer = "wards";
export const wardLabelLayer = "ward_labels";
/** Deepest zoom with its own detail; maplibre over-zooms beyond it. */
export const wardMaxZoom = 14;

export const wardSourceId = "wards";
export const wardFillLayerId = "ward-fill";
export const wardLineLayerId = "ward-line";
export const wardHoverLayerId = "ward-hover";
export const wardLabelLayerId = "ward-label";

/** Fill of a ward whose metric is unknown (no households, or not joined yet). */
export const noDataColor = "#c9ced6";

/** Shown before any ward is loaded: Hanoi's extent. */
export const defaultCityBounds: Bounds = [105.28, 20.56, 106.02, 21.39];

export interface CivicStyleMetadata {
  "civic:bounds": Bounds;
}
