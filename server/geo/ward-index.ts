// Which ward contains a point. Built once from the ward polygons, then asked per household
// (at registration, and for every household after a boundary import), so lookups must be
// cheap: flatbush narrows to the few parts whose bounding box holds the point, and only those
// get an exact point-in-polygon test.
import Flatbush from "flatbush";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { Polygon } from "geojson";
import { bboxOf, polygonsOf, type AreaGeometry } from "./geometry";

export interface IndexedUnit<K> {
  id: K;
  geometry: AreaGeometry;
}

export class WardIndex<K = number> {
  private constructor(
    private readonly tree: Flatbush | null,
    /** One entry per polygon part: a MultiPolygon's parts get their own, tighter boxes. */
    private readonly parts: Polygon[],
    private readonly owners: K[],
    /** Number of units indexed. */
    readonly size: number,
  ) {}

  /**
   * Indexes units (Polygon or MultiPolygon, holes respected). Where units overlap — shared
   * edges, or sloppy boundaries from different sources — the unit listed first wins, so the
   * answer never depends on the tree's internal order.
   */
  static build<K = number>(units: Iterable<IndexedUnit<K>>): WardIndex<K> {
    const parts: Polygon[] = [];
    const owners: K[] = [];
    let size = 0;
    for (const unit of units) {
      size++;
      for (const coordinates of polygonsOf(unit.geometry)) {
        parts.push({ type: "Polygon", coordinates });
        owners.push(unit.id);
      }
    }
    if (parts.length === 0) return new WardIndex<K>(null, parts, owners, size);
    const tree = new Flatbush(parts.length);
    for (const part of parts) {
      const [minLon, minLat, maxLon, maxLat] = bboxOf(part);
      tree.add(minLon, minLat, maxLon, maxLat);
    }
    tree.finish();
    return new WardIndex<K>(tree, parts, owners, size);
  }

  /** The unit containing (lon, lat) — a point on a boundary counts as inside — or null. */
  find(lon: number, lat: number): K | null {
    if (!this.tree || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    const candidates = this.tree.search(lon, lat, lon, lat);
    let best = -1;
    if (candidates.length > 0) {
      const point = [lon, lat];
      for (const i of candidates) {
        if (best !== -1 && i > best) continue;
        if (booleanPointInPolygon(point, this.parts[i])) best = i;
      }
    }
    return best === -1 ? null : this.owners[best];
  }
}
