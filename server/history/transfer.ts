// Moving figures between unit layouts through admin_unit_link (old unit → new unit, full|partial).
// Pure functions; transfer-source.ts feeds them from the database and caches the result.
//
// THE WEIGHTS (documented in server/history/README.md, tested in tests/integration/history):
//   share(o → n)  — the part of old unit o that went to new unit n:
//       o has one link              → 1 (a "full" link, or the only partial link we know of);
//       o has several links         → area(o ∩ n) ÷ Σ area(o ∩ n') over o's links, measured on the
//                                      polygons with polygon-clipping (a "full" link counts all of
//                                      area(o)); without polygons or overlap → equal parts.
//   Old → new (figures recorded under old units shown on new ones):
//       figure(n) = Σ_o share(o → n) × figure(o)     — a full link moves the old unit wholly.
//   New → old (figures recorded under new units shown on old ones):
//       the part of n that came from o is estimated as households(o) × share(o → n), where
//       households(o) is the old unit's registered household count (admin_unit.households); when
//       any old unit of n lacks it, area(o ∩ n) is used instead for all of them;
//       figure(o) = Σ_n [part(o, n) ÷ Σ_o' part(o', n)] × figure(n).
//   Households rather than area for the way back because the figures are household activity
//   (payments, sessions, terminals): a dense urban ward and a large rural commune merged into one
//   new ward do not split its households by area. Both directions conserve totals: each source
//   unit's weights sum to 1 (units without any link are reported as unmapped, never guessed).
import polygonClipping, { type Geom } from "polygon-clipping";
import { areaKm2, polygonsOf, type AreaGeometry } from "../geo/geometry";

export type LinkKindName = "full" | "partial";

export interface TransferLink {
  fromId: number;
  toId: number;
  kind: LinkKindName;
}

export interface TransferUnit {
  id: number;
  households: number | null;
  geometry: AreaGeometry | null;
}

/** Target unit id and the share of the source's figures it receives. */
export type Weighted = ReadonlyArray<readonly [id: number, weight: number]>;

export type OverlapArea = (a: AreaGeometry, b: AreaGeometry) => number;

function asGeom(geometry: AreaGeometry): Geom {
  // polygon-clipping wants [x, y] pairs; GeoJSON positions are number[] of length ≥ 2.
  return polygonsOf(geometry).map((polygon) => polygon.map((ring) => ring.map((p) => [p[0], p[1]] as [number, number])));
}

/** Area in km² of the overlap of two polygons; 0 when they do not overlap or clipping fails. */
export const clippedOverlapKm2: OverlapArea = (a, b) => {
  try {
    const parts = polygonClipping.intersection(asGeom(a), asGeom(b));
    return parts.length === 0 ? 0 : areaKm2({ type: "MultiPolygon", coordinates: parts });
  } catch {
    // Degenerate rings from a sloppy source: no measurable overlap, so the caller's fallback applies.
    return 0;
  }
};

const pairKey = (fromId: number, toId: number) => `${fromId}>${toId}`;

export interface LinkShares {
  /** share(o → n), keyed "o>n". */
  share: Map<string, number>;
  /** area(o ∩ n) in km² where measured, keyed "o>n" (a full link: area(o)). */
  overlap: Map<string, number>;
}

/** share(o → n) for every link; overlaps are measured only where an old unit has several links. */
export function linkShares(links: TransferLink[], units: Map<number, TransferUnit>, overlapArea: OverlapArea = clippedOverlapKm2): LinkShares {
  const share = new Map<string, number>();
  const overlap = new Map<string, number>();
  const byOld = new Map<number, TransferLink[]>();
  for (const link of links) byOld.set(link.fromId, [...(byOld.get(link.fromId) ?? []), link]);
  for (const [fromId, group] of byOld) {
    const from = units.get(fromId);
    if (group.length === 1) {
      share.set(pairKey(fromId, group[0].toId), 1);
      if (from?.geometry) overlap.set(pairKey(fromId, group[0].toId), areaKm2(from.geometry));
      continue;
    }
    const areas = group.map((link) => {
      const to = units.get(link.toId);
      if (!from?.geometry || !to?.geometry) return 0;
      const area = link.kind === "full" ? areaKm2(from.geometry) : overlapArea(from.geometry, to.geometry);
      overlap.set(pairKey(fromId, link.toId), area);
      return area;
    });
    const total = areas.reduce((s, a) => s + a, 0);
    group.forEach((link, i) => share.set(pairKey(fromId, link.toId), total > 0 ? areas[i] / total : 1 / group.length));
  }
  return { share, overlap };
}

export interface Transfer {
  /** Old unit → its new units with share(o → n). */
  forward: Map<number, Weighted>;
  /** New unit → its old units with the household- (or area-) based part of n each received. */
  backward: Map<number, Weighted>;
}

export function buildTransfer(links: TransferLink[], units: Map<number, TransferUnit>, shares: LinkShares): Transfer {
  const forward = new Map<number, [number, number][]>();
  const byNew = new Map<number, TransferLink[]>();
  for (const link of links) {
    const s = shares.share.get(pairKey(link.fromId, link.toId)) ?? 0;
    const list = forward.get(link.fromId) ?? [];
    list.push([link.toId, s]);
    forward.set(link.fromId, list);
    byNew.set(link.toId, [...(byNew.get(link.toId) ?? []), link]);
  }
  const backward = new Map<number, Weighted>();
  for (const [toId, group] of byNew) {
    const shareOf = (l: TransferLink) => shares.share.get(pairKey(l.fromId, l.toId)) ?? 0;
    const byHouseholds = group.every((l) => (units.get(l.fromId)?.households ?? 0) > 0);
    const byArea = !byHouseholds && group.every((l) => (shares.overlap.get(pairKey(l.fromId, l.toId)) ?? 0) > 0);
    const parts = group.map((l) =>
      byHouseholds ? (units.get(l.fromId)?.households ?? 0) * shareOf(l) : byArea ? (shares.overlap.get(pairKey(l.fromId, l.toId)) ?? 0) : 1,
    );
    const total = parts.reduce((s, p) => s + p, 0);
    backward.set(
      toId,
      group.map((l, i) => [l.fromId, total > 0 ? parts[i] / total : 1 / group.length] as const),
    );
  }
  return { forward, backward };
}

/**
 * Where a source unit's figures go in a target layout (the set of target unit ids): itself when it
 * belongs to the layout; else through its forward links (it is older) or its backward links (it is
 * newer) to units of the layout; null when neither reaches the layout (the figures are unmapped).
 */
export function routeToLayout(sourceId: number, targets: ReadonlySet<number>, transfer: Transfer): Weighted | null {
  if (targets.has(sourceId)) return [[sourceId, 1]];
  for (const map of [transfer.forward, transfer.backward]) {
    const routes = map.get(sourceId)?.filter(([id, w]) => targets.has(id) && w > 0);
    if (routes && routes.length > 0) {
      // Renormalise: links leading outside the layout (another vintage) must not leak figures.
      const total = routes.reduce((s, [, w]) => s + w, 0);
      return routes.map(([id, w]) => [id, w / total] as const);
    }
  }
  return null;
}

/** Composes routes with a parent map (ward → district): weights of the same parent add up. */
export function composeWithParents(routes: Weighted, parentOf: (id: number) => number | null): Weighted | null {
  const sums = new Map<number, number>();
  for (const [id, w] of routes) {
    const parent = parentOf(id);
    if (parent === null) continue;
    sums.set(parent, (sums.get(parent) ?? 0) + w);
  }
  return sums.size ? [...sums] : null;
}
