// Ward polygons as Mapbox Vector Tiles: geojson-vt slices the polygons once, vt-pbf encodes each
// tile on first request, and the encoded bytes are kept in an LRU cache.
import GeoJSONVT, { type LegacyTile } from "geojson-vt";
import vtpbf from "vt-pbf";
import type { Feature, FeatureCollection, Point } from "geojson";
import { asAreaGeometry, boundsOf, type AreaGeometry, type Bounds } from "./geometry";
import { LruCache } from "./lru";
import { wardLabelLayer, wardLayer, wardMaxZoom } from "./constants";

const extent = 4096;

export interface WardRow {
  id: number;
  code: string;
  name: string;
  geometry: unknown;
  /** A point inside the ward for its label (the unit's stored centre); no label without one. */
  center?: [number, number] | null;
}

export interface WardTileSet {
  /** Encoded tile, or null when no ward touches it. */
  getTile(z: number, x: number, y: number): Uint8Array | null;
  bounds: Bounds | null;
  featureCount: number;
}

// @types/vt-pbf describes geojson-vt 3's function API; version 5 is a class whose getTile returns
// the same legacy tile shape, which is all fromGeojsonVt reads.
const encodeLayers = vtpbf.fromGeojsonVt as unknown as (layers: Record<string, LegacyTile>, options?: { version?: number; extent?: number }) => Uint8Array;

const emptyTile: LegacyTile = { features: [] };

export function buildWardTiles(rows: WardRow[], options: { cacheSize?: number } = {}): WardTileSet {
  const features: Feature<AreaGeometry, { code: string; name: string }>[] = [];
  const labels: Feature<Point, { code: string; name: string }>[] = [];
  for (const row of rows) {
    const geometry = asAreaGeometry(row.geometry);
    if (!geometry) continue;
    // The numeric id travels in the tile; maplibre joins metrics on the `code` property (promoteId).
    features.push({ type: "Feature", id: row.id, geometry, properties: { code: row.code, name: row.name } });
    // Labels from the polygons themselves would repeat in every tile a ward crosses; one point each does not.
    if (row.center) labels.push({ type: "Feature", id: row.id, geometry: { type: "Point", coordinates: row.center }, properties: { code: row.code, name: row.name } });
  }
  const sliceOptions = { maxZoom: wardMaxZoom, extent, buffer: 64, tolerance: 3 };
  const polygons = new GeoJSONVT({ type: "FeatureCollection", features } satisfies FeatureCollection<AreaGeometry>, sliceOptions);
  const points = new GeoJSONVT({ type: "FeatureCollection", features: labels } satisfies FeatureCollection<Point>, sliceOptions);
  const cache = new LruCache<string, Uint8Array | null>(options.cacheSize ?? 4096);

  return {
    bounds: boundsOf(features.map((f) => f.geometry)),
    featureCount: features.length,
    getTile(z, x, y) {
      const key = `${z}/${x}/${y}`;
      if (cache.has(key)) return cache.get(key) ?? null;
      const tile = polygons.getTile(z, x, y);
      const bytes =
        tile && tile.features.length > 0
          ? encodeLayers({ [wardLayer]: tile, [wardLabelLayer]: points.getTile(z, x, y) ?? emptyTile }, { version: 2, extent })
          : null;
      cache.set(key, bytes);
      return bytes;
    },
  };
}
