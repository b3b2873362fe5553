// The routing of figures to a layer's units, built from the database once per version of the units
// and links (a few thousand rows, polygons only for old units split between several new ones) and
// kept in memory. The version is re-read at most every couple of seconds, so a boundary or mapping
// import shows up on the next request after that without a restart.
import type { Database } from "../db/client";
import { asAreaGeometry } from "../geo/geometry";
import { layerPredicate, type UnitLayer, type UnitLevelChoice } from "./layers";
import { buildTransfer, composeWithParents, linkShares, routeToLayout, type TransferLink, type TransferUnit, type Weighted } from "./transfer";

export interface LayerUnit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
}

export interface LayerRouting {
  version: string;
  layer: UnitLayer;
  level: UnitLevelChoice;
  /** The layer's units of the level, by code. */
  units: LayerUnit[];
  byCode: Map<string, LayerUnit>;
  /** Where figures recorded under a ward (any vintage) go in this layer; null = unmapped. */
  route(sourceWardId: number): Weighted | null;
  /** The wards whose figures reach a unit, with the share each contributes. */
  sourcesOf(targetId: number): Weighted;
  /** Units that receive a split share of some ward (their figures are estimates). */
  estimated: ReadonlySet<number>;
}

interface UnitRow {
  id: number;
  code: string;
  name: string;
  level: string;
  parent_id: number | null;
  households: number | null;
  in_2025_ward: boolean;
  in_pre2025_ward: boolean;
  in_pre2025_district: boolean;
}

interface Base {
  units: UnitRow[];
  transfer: ReturnType<typeof buildTransfer>;
}

interface State {
  checkedAt: number;
  version: Promise<string>;
  base?: { version: string; value: Promise<Base> };
  routings: Map<string, LayerRouting>;
}

const states = new WeakMap<Database, State>();

async function readVersion(db: Database): Promise<string> {
  const [row] = await db.prisma.$queryRaw<{ v: string }[]>`
    SELECT (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || count(valid_to) || ':' || coalesce(sum(households), 0) FROM admin_unit)
      || '/' || (SELECT count(*) || ':' || coalesce(sum(hashtext(from_id || '>' || to_id || kind::text)::bigint), 0) FROM admin_unit_link)
      -- A re-import of the same codes updates polygons in place: its audit row changes the version.
      || '/' || (SELECT coalesce(max(id), 0) FROM audit_log WHERE entity IN ('admin_unit', 'admin_unit_link')) AS v`;
  return row.v;
}

async function loadBase(db: Database): Promise<Base> {
  const units = await db.prisma.$queryRaw<UnitRow[]>`
    SELECT u.id, u.code, u.name, u.level::text AS level, u.parent_id, u.households,
           ${layerPredicate("2025", "ward")} AS in_2025_ward,
           ${layerPredicate("pre2025", "ward")} AS in_pre2025_ward,
           ${layerPredicate("pre2025", "district")} AS in_pre2025_district
    FROM admin_unit u ORDER BY u.id`;
  const links = await db.prisma.$queryRaw<TransferLink[]>`SELECT from_id AS "fromId", to_id AS "toId", kind::text AS kind FROM admin_unit_link ORDER BY from_id, to_id`;
  // Polygons only where a split must be measured: old units with several links, and their new units.
  const linkCount = new Map<number, number>();
  for (const l of links) linkCount.set(l.fromId, (linkCount.get(l.fromId) ?? 0) + 1);
  const needGeometry = new Set<number>();
  for (const l of links) {
    if ((linkCount.get(l.fromId) ?? 0) > 1) {
      needGeometry.add(l.fromId);
      needGeometry.add(l.toId);
    }
  }
  const geometries = needGeometry.size
    ? await db.prisma.adminUnit.findMany({ where: { id: { in: [...needGeometry] } }, select: { id: true, geometry: true } })
    : [];
  const geometryOf = new Map(geometries.map((g) => [g.id, asAreaGeometry(g.geometry)]));
  const transferUnits = new Map<number, TransferUnit>(units.map((u) => [u.id, { id: u.id, households: u.households, geometry: geometryOf.get(u.id) ?? null }]));
  const shares = linkShares(links, transferUnits);
  return { units, transfer: buildTransfer(links, transferUnits, shares) };
}

function buildRouting(version: string, base: Base, layer: UnitLayer, level: UnitLevelChoice): LayerRouting {
  const inLayer = (u: UnitRow, lvl: UnitLevelChoice) => (layer === "2025" ? lvl === "ward" && u.in_2025_ward : lvl === "ward" ? u.in_pre2025_ward : u.in_pre2025_district);
  const wardTargets = new Set(base.units.filter((u) => inLayer(u, "ward")).map((u) => u.id));
  const targets = base.units.filter((u) => inLayer(u, level));
  const targetIds = new Set(targets.map((u) => u.id));
  const parentOf = new Map(base.units.map((u) => [u.id, u.parent_id]));
  const routes = new Map<number, Weighted>();
  const inverse = new Map<number, [number, number][]>();
  const estimated = new Set<number>();
  for (const source of base.units) {
    if (source.level !== "ward") continue;
    let route = routeToLayout(source.id, wardTargets, base.transfer);
    if (route && level === "district") {
      route = composeWithParents(route, (id) => {
        const parent = parentOf.get(id) ?? null;
        return parent !== null && targetIds.has(parent) ? parent : null;
      });
    }
    if (!route) continue;
    routes.set(source.id, route);
    for (const [target, weight] of route) {
      const list = inverse.get(target) ?? [];
      list.push([source.id, weight]);
      inverse.set(target, list);
      if (weight < 1 - 1e-9) estimated.add(target);
    }
  }
  const units = targets.map((u) => ({ id: u.id, code: u.code, name: u.name, parentId: u.parent_id }));
  return {
    version,
    layer,
    level,
    units,
    byCode: new Map(units.map((u) => [u.code, u])),
    route: (id) => routes.get(id) ?? null,
    sourcesOf: (id) => inverse.get(id) ?? [],
    estimated,
  };
}

export async function layerRouting(db: Database, layer: UnitLayer, level: UnitLevelChoice, options: { maxAgeMs?: number } = {}): Promise<LayerRouting> {
  const maxAgeMs = options.maxAgeMs ?? 2000;
  const now = Date.now();
  let state = states.get(db);
  if (!state || now - state.checkedAt > maxAgeMs) {
    const version = readVersion(db);
    state = { checkedAt: now, version, base: state?.base, routings: state?.routings ?? new Map() };
    states.set(db, state);
    version.catch(() => states.delete(db));
  }
  const current = state;
  const version = await current.version;
  if (current.base?.version !== version) {
    const value = loadBase(db);
    current.base = { version, value };
    current.routings = new Map();
    value.catch(() => {
      if (current.base?.value === value) current.base = undefined;
    });
  }
  const base = await current.base.value;
  const key = `${version}|${layer}|${level}`;
  let routing = current.routings.get(key);
  if (!routing) {
    routing = buildRouting(version, base, layer, level);
    current.routings.set(key, routing);
  }
  return routing;
}
