// Choropleth figures for every unit of a layer and level over a range of days — from the rollups
// (payment_daily, terminal_daily: two GROUP BYs over at most wards × days × services rows) plus the
// register counts (registers.ts), then moved to the requested layout with the history weights.
// Never a GROUP BY over the raw event tables.
import type { Database } from "../db/client";
import { layerRouting } from "../history/transfer-source";
import type { UnitLayer, UnitLevelChoice } from "../history/layers";
import { distribute, ratio, zeroFigures, type Figures } from "./figures";
import { daysInRange } from "./inputs";
import type { CityMetric } from "./metric-names";
import { registerCounts } from "./registers";

export interface UnitMetrics {
  code: string;
  name: string;
  /** Figures of the unit (fractional where a split ward contributes an estimated share). */
  figures: Figures;
  /** Mean over the range's days of the terminals that reported that day. */
  meanDailyActive: number;
  values: Record<CityMetric, number | null>;
  /** True when part of the figures come from a ward split between units (see server/history). */
  estimated: boolean;
}

export interface WardMetricsResult {
  layer: UnitLayer;
  level: UnitLevelChoice;
  from: string;
  to: string;
  days: number;
  units: UnitMetrics[];
  /** The whole city over the range (every unit, plus what could not be placed). */
  city: Figures;
  /** Figures recorded under wards that no link carries into this layout. */
  unmapped: Figures;
  /** When the figures were read (ISO 8601). */
  asOf: string;
}

export interface MetricsRange {
  layer: UnitLayer;
  level: UnitLevelChoice;
  from: string;
  to: string;
}

/** The five map metrics from a unit's additive figures. */
export function metricValues(f: Figures, days: number): Record<CityMetric, number | null> {
  return {
    coverage: ratio(f.terminals, f.households),
    activeShare: ratio(f.activeTerminalDays / days, f.terminals),
    paymentsPerHousehold: ratio(f.payments, f.households),
    paymentsValue: f.amountVnd,
    sessionsPerHousehold: ratio(f.sessions, f.households),
  };
}

/** Per source ward: the range's rollup sums and the register counts. */
export async function sourceFigures(db: Database, from: string, to: string, options: { registerMaxAgeMs?: number } = {}): Promise<Map<number, Partial<Figures>>> {
  const [payments, terminals, registers] = await Promise.all([
    db.prisma.$queryRaw<{ ward_id: number; n: bigint; amount: bigint }[]>`
      SELECT ward_id, sum(count)::bigint AS n, sum(amount_vnd)::bigint AS amount
      FROM payment_daily WHERE day BETWEEN ${from}::date AND ${to}::date GROUP BY ward_id`,
    db.prisma.$queryRaw<{ ward_id: number; active_days: bigint; sessions: bigint }[]>`
      SELECT ward_id, sum(active_terminals)::bigint AS active_days, sum(service_sessions)::bigint AS sessions
      FROM terminal_daily WHERE day BETWEEN ${from}::date AND ${to}::date GROUP BY ward_id`,
    registerCounts(db, { maxAgeMs: options.registerMaxAgeMs }),
  ]);
  const out = new Map<number, Partial<Figures>>();
  const at = (id: number) => {
    let f = out.get(id);
    if (!f) out.set(id, (f = {}));
    return f;
  };
  for (const r of payments) Object.assign(at(r.ward_id), { payments: Number(r.n), amountVnd: Number(r.amount) });
  for (const r of terminals) Object.assign(at(r.ward_id), { activeTerminalDays: Number(r.active_days), sessions: Number(r.sessions) });
  for (const [id, c] of registers) Object.assign(at(id), { households: c.households, terminals: c.terminals });
  return out;
}

export async function wardMetrics(db: Database, range: MetricsRange, options: { registerMaxAgeMs?: number; routingMaxAgeMs?: number } = {}): Promise<WardMetricsResult> {
  const days = daysInRange(range.from, range.to);
  const [routing, sources] = await Promise.all([
    layerRouting(db, range.layer, range.level, { maxAgeMs: options.routingMaxAgeMs }),
    sourceFigures(db, range.from, range.to, { registerMaxAgeMs: options.registerMaxAgeMs }),
  ]);
  const targets = new Map(routing.units.map((u) => [u.id, zeroFigures()]));
  const unmapped = zeroFigures();
  distribute(sources, routing.route, targets, unmapped);

  const city = { ...unmapped };
  const units = routing.units.map((u) => {
    const figures = targets.get(u.id) ?? zeroFigures();
    for (const key of Object.keys(city) as (keyof Figures)[]) city[key] += figures[key];
    return { code: u.code, name: u.name, figures, meanDailyActive: figures.activeTerminalDays / days, values: metricValues(figures, days), estimated: routing.estimated.has(u.id) };
  });
  units.sort((a, b) => a.code.localeCompare(b.code));
  return { layer: range.layer, level: range.level, from: range.from, to: range.to, days, units, city, unmapped, asOf: new Date().toISOString() };
}
