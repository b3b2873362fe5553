export interface TileCoords {
  z: number;
  x: number;
  y: number;
}

/** Deepest zoom a client may ask for; beyond the source's maxzoom maplibre over-zooms by itself. */
export const maxRequestZoom = 24;

const integer = /^(0|[1-9]\d{0,7})$/;

/**
 * Parses the z, x and "y.pbf" segments of /tiles/{layer}/{z}/{x}/{y}.pbf. Returns null for
 * anything malformed or outside the tile grid, which the route answers with 400.
 */
export function parseTileCoords(z: string | undefined, x: string | undefined, yWithExtension: string | undefined): TileCoords | null {
  const match = yWithExtension?.match(/^(.+)\.pbf$/);
  const yText = match?.[1];
  if (!z || !x || !yText || !integer.test(z) || !integer.test(x) || !integer.test(yText)) return null;
  const coords = { z: Number(z), x: Number(x), y: Number(yText) };
  if (coords.z > maxRequestZoom) return null;
  const size = 2 ** coords.z;
  if (coords.x >= size || coords.y >= size) return null;
  return coords;
}
