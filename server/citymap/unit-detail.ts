// The side panel of one unit: its KPIs, its series over the range, its most used public services.
// Series come from the rollups; the top services from service_session (indexed by ward and time,
// and only the unit's own wards) joined to the public-service catalogue. A unit of another layout
// than the one the figures were recorded under gets weighted shares of its source wards.
import { TRPCError } from "@trpc/server";
import type { Database } from "../db/client";
import type { PaymentService } from "../db/generated/client";
import { layerRouting } from "../history/transfer-source";
import type { UnitLayer, UnitLevelChoice } from "../history/layers";
import { inactivityMinutes } from "../terminals/connectivity";
import { paymentServices, isPaymentService } from "../overview/services";
import { zeroFigures, type Figures } from "./figures";
import { daysInRange } from "./inputs";
import { metricValues } from "./ward-metrics";
import type { CityMetric } from "./metric-names";
import { bucketIndex, buckets, bucketSizeFor, type Bucket, type BucketSize } from "./series";

export interface ServiceAmount {
  count: number;
  amountVnd: number;
}

export interface SeriesPoint extends Bucket {
  payments: Record<PaymentService, ServiceAmount>;
  /** Mean over the bucket's days of the terminals that reported each day. */
  activeTerminals: number;
  sessions: number;
}

export interface TopService {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  field: string;
  sessions: number;
}

export interface SourceWard {
  code: string;
  name: string;
  /** Share of that ward's figures counted here (1 = all of them). */
  weight: number;
}

export interface UnitDetail {
  layer: UnitLayer;
  level: UnitLevelChoice;
  code: string;
  name: string;
  /** The district a pre-2025 ward belonged to. */
  parent: { code: string; name: string } | null;
  from: string;
  to: string;
  days: number;
  figures: Figures;
  /** Installed terminals that reported within the inactivity timeout (now, not over the range). */
  activeNow: number;
  inactivityMinutes: number;
  meanDailyActive: number;
  values: Record<CityMetric, number | null>;
  paymentsByService: Record<PaymentService, ServiceAmount>;
  bucket: BucketSize;
  series: SeriesPoint[];
  topServices: TopService[];
  /** Sessions whose service is not in the catalogue (or not given). */
  sessionsWithoutService: number;
  estimated: boolean;
  sources: SourceWard[];
  asOf: string;
}

export interface DetailQuery {
  layer: UnitLayer;
  level: UnitLevelChoice;
  code: string;
  from: string;
  to: string;
  now?: Date;
  topN?: number;
}

const emptyPayments = (): Record<PaymentService, ServiceAmount> =>
  Object.fromEntries(paymentServices.map((s) => [s, { count: 0, amountVnd: 0 }])) as Record<PaymentService, ServiceAmount>;

/** Local midnight opening a day in the city, as a timestamptz expression's text argument. */
const TZ = "Asia/Ho_Chi_Minh";

export async function unitDetail(db: Database, query: DetailQuery): Promise<UnitDetail> {
  const now = query.now ?? new Date();
  const routing = await layerRouting(db, query.layer, query.level);
  const unit = routing.byCode.get(query.code);
  if (!unit) throw new TRPCError({ code: "NOT_FOUND", message: `no ${query.level} with code ${query.code} in the ${query.layer} layer` });
  const sources = routing.sourcesOf(unit.id);
  const weightOf = new Map(sources);
  const ids = sources.map(([id]) => id);
  const days = daysInRange(query.from, query.to);
  const timeout = inactivityMinutes();
  const since = new Date(now.getTime() - timeout * 60_000).toISOString();

  const [households, terminals, payments, daily, sessionsByService, parent, sourceUnits] = await Promise.all([
    db.prisma.$queryRaw<{ ward_id: number; n: bigint }[]>`
      SELECT ward_id, count(*)::bigint AS n FROM household WHERE ward_id = ANY(${ids}::int[]) GROUP BY ward_id`,
    db.prisma.$queryRaw<{ ward_id: number; installed: bigint; active_now: bigint }[]>`
      SELECT ward_id, count(*)::bigint AS installed, count(*) FILTER (WHERE last_seen_at >= ${since}::timestamptz)::bigint AS active_now
      FROM terminal WHERE status = 'active' AND ward_id = ANY(${ids}::int[]) GROUP BY ward_id`,
    db.prisma.$queryRaw<{ ward_id: number; day: string; service: string; count: number; amount: bigint }[]>`
      SELECT ward_id, to_char(day, 'YYYY-MM-DD') AS day, service::text AS service, count, amount_vnd AS amount
      FROM payment_daily WHERE ward_id = ANY(${ids}::int[]) AND day BETWEEN ${query.from}::date AND ${query.to}::date`,
    db.prisma.$queryRaw<{ ward_id: number; day: string; active: number; sessions: number }[]>`
      SELECT ward_id, to_char(day, 'YYYY-MM-DD') AS day, active_terminals AS active, service_sessions AS sessions
      FROM terminal_daily WHERE ward_id = ANY(${ids}::int[]) AND day BETWEEN ${query.from}::date AND ${query.to}::date`,
    db.prisma.$queryRaw<{ ward_id: number; service_id: number | null; n: bigint }[]>`
      SELECT ward_id, service_id, count(*)::bigint AS n FROM service_session
      WHERE ward_id = ANY(${ids}::int[])
        AND at >= (${query.from}::date::timestamp AT TIME ZONE ${TZ})
        AND at < ((${query.to}::date + 1)::timestamp AT TIME ZONE ${TZ})
      GROUP BY ward_id, service_id`,
    unit.parentId === null ? null : db.prisma.adminUnit.findUnique({ where: { id: unit.parentId }, select: { code: true, name: true, level: true } }),
    db.prisma.adminUnit.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, name: true } }),
  ]);
  const w = (wardId: number) => weightOf.get(wardId) ?? 0;

  const figures = zeroFigures();
  let activeNow = 0;
  for (const r of households) figures.households += Number(r.n) * w(r.ward_id);
  for (const r of terminals) {
    figures.terminals += Number(r.installed) * w(r.ward_id);
    activeNow += Number(r.active_now) * w(r.ward_id);
  }

  const size = bucketSizeFor(query.from, query.to);
  const list = buckets(query.from, query.to, size);
  const indexOf = bucketIndex(list);
  const series: SeriesPoint[] = list.map((b) => ({ ...b, payments: emptyPayments(), activeTerminals: 0, sessions: 0 }));
  const paymentsByService = emptyPayments();
  for (const r of payments) {
    if (!isPaymentService(r.service)) continue;
    const weight = w(r.ward_id);
    const count = Number(r.count) * weight;
    const amount = Number(r.amount) * weight;
    figures.payments += count;
    figures.amountVnd += amount;
    paymentsByService[r.service].count += count;
    paymentsByService[r.service].amountVnd += amount;
    const i = indexOf.get(r.day);
    if (i !== undefined) {
      series[i].payments[r.service].count += count;
      series[i].payments[r.service].amountVnd += amount;
    }
  }
  for (const r of daily) {
    const weight = w(r.ward_id);
    figures.activeTerminalDays += r.active * weight;
    figures.sessions += r.sessions * weight;
    const i = indexOf.get(r.day);
    if (i !== undefined) {
      series[i].activeTerminals += r.active * weight;
      series[i].sessions += r.sessions * weight;
    }
  }
  for (const point of series) point.activeTerminals /= point.days;

  const byService = new Map<number, number>();
  let sessionsWithoutService = 0;
  for (const r of sessionsByService) {
    const n = Number(r.n) * w(r.ward_id);
    if (r.service_id === null) sessionsWithoutService += n;
    else byService.set(r.service_id, (byService.get(r.service_id) ?? 0) + n);
  }
  const ranked = [...byService].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, query.topN ?? 8);
  const catalogue = await db.prisma.publicService.findMany({ where: { id: { in: ranked.map(([id]) => id) } }, select: { id: true, code: true, nameVi: true, nameEn: true, field: true } });
  const byId = new Map(catalogue.map((s) => [s.id, s]));
  const topServices: TopService[] = [];
  for (const [id, sessions] of ranked) {
    const s = byId.get(id);
    if (s) topServices.push({ ...s, sessions });
    else sessionsWithoutService += sessions;
  }

  const names = new Map(sourceUnits.map((u) => [u.id, u]));
  return {
    layer: query.layer,
    level: query.level,
    code: unit.code,
    name: unit.name,
    parent: parent && parent.level === "district" ? { code: parent.code, name: parent.name } : null,
    from: query.from,
    to: query.to,
    days,
    figures,
    activeNow,
    inactivityMinutes: timeout,
    meanDailyActive: figures.activeTerminalDays / days,
    values: metricValues(figures, days),
    paymentsByService,
    bucket: size,
    series,
    topServices,
    sessionsWithoutService,
    estimated: routing.estimated.has(unit.id),
    sources: sources
      .map(([id, weight]) => ({ code: names.get(id)?.code ?? String(id), name: names.get(id)?.name ?? "", weight }))
      .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code)),
    asOf: now.toISOString(),
  };
}
