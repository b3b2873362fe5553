// Terminals as server-side clusters in Mapbox Vector Tiles: supercluster indexes every point once,
// each tile is cut and encoded (vt-pbf) on first request and kept in an LRU cache. Below
// `terminalClusterMaxZoom + 1` a tile holds clusters (point_count) and lone terminals; from there
// on, single points. The browser never receives more than one tile's worth of features.
import Supercluster from "supercluster";
import type { PointFeature } from "supercluster";
import vtpbf from "vt-pbf";
import type { LegacyTile } from "geojson-vt";
import { LruCache } from "./lru";
import { terminalClusterMaxZoom, terminalLayer } from "./cluster-constants";
import type { PointSet } from "./cluster-points";

export const clusterExtent = 4096;
/** Cluster radius: 50 px of a 512 px tile, in tile units. */
const clusterRadius = (50 / 512) * clusterExtent;

export interface ClusterTileSet {
  /** Terminals indexed. */
  count: number;
  /** Encoded tile, or null when no terminal is near it. */
  getTile(z: number, x: number, y: number): Uint8Array | null;
  /** Milliseconds the index took to build. */
  buildMs: number;
}

const encodeLayers = vtpbf.fromGeojsonVt as unknown as (layers: Record<string, LegacyTile>, options?: { version?: number; extent?: number }) => Uint8Array;

/** Single points carry no properties: one shared object instead of one per terminal. */
const noProperties: Record<string, never> = Object.freeze({});

/**
 * The points as the iterable supercluster's load() walks (`for…of` and `length`; 9.x copies each
 * coordinate pair into its own typed arrays and keeps only `properties`). One feature object is
 * reused for every point, so loading 2.5 M terminals allocates no 2.5 M GeoJSON objects.
 * tests/integration/citymap/cluster-tiles.test.ts checks the counts this produces.
 */
function asFeatures(points: PointSet): PointFeature<Record<string, never>>[] {
  const coordinates: [number, number] = [0, 0];
  const feature: PointFeature<Record<string, never>> = { type: "Feature", properties: noProperties, geometry: { type: "Point", coordinates } };
  const iterable = {
    length: points.count,
    *[Symbol.iterator]() {
      for (let i = 0; i < points.count; i++) {
        coordinates[0] = points.lon[i];
        coordinates[1] = points.lat[i];
        yield feature;
      }
    },
  };
  return iterable as unknown as PointFeature<Record<string, never>>[];
}

export function buildClusterTiles(points: PointSet, options: { cacheSize?: number } = {}): ClusterTileSet {
  const started = performance.now();
  const index = new Supercluster<Record<string, never>>({
    minZoom: 0,
    maxZoom: terminalClusterMaxZoom,
    radius: clusterRadius,
    extent: clusterExtent,
    nodeSize: 64,
  });
  index.load(asFeatures(points));
  const buildMs = performance.now() - started;
  const cache = new LruCache<string, Uint8Array | null>(options.cacheSize ?? 4096);
  return {
    count: points.count,
    buildMs,
    getTile(z, x, y) {
      const key = `${z}/${x}/${y}`;
      if (cache.has(key)) return cache.get(key) ?? null;
      const tile = index.getTile(z, x, y);
      const bytes = tile && tile.features.length > 0 ? encodeLayers({ [terminalLayer]: tile as unknown as LegacyTile }, { version: 2, extent: clusterExtent }) : null;
      cache.set(key, bytes);
      return bytes;
    },
  };
}
