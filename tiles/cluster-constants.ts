// Names shared by the terminal tile server and the browser map (no runtime imports: the client
// bundle includes this file).

/** Source-layer name inside every terminal tile. */
export const terminalLayer = "terminals";
/** Clusters up to this zoom; from the next one on, every terminal is its own point. */
export const terminalClusterMaxZoom = 13;
/** Deepest zoom with its own tiles; maplibre over-zooms beyond it. */
export const terminalTilesMaxZoom = 16;
export const terminalTilesPath = "/tiles/terminals/{z}/{x}/{y}.pbf";
