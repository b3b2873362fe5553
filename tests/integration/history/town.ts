// A hand-made town whose re-aggregation can be worked out on paper. Squares of 0.01° near Hanoi:
//
//   lat 21.02 ┌───────────────┬──────┐     old wards (valid until 2025-06-30):
//             │   C (district D2)     │       A = [0,1]×[0,1]  district D1, 100 households (attribute)
//   lat 21.01 ├───────┬───────┴──────┤       B = [1,2]×[0,1]  district D1, 300
//             │   A   │      B       │       C = [0,2]×[1,2]  district D2, 400
//   lat 21.00 └───────┴──────────────┘
//           105.80  105.81         105.82
//
//   new wards (from 2025-07-01): N1 = A ∪ [0,1.5]×[1,2] (an L), N2 = B ∪ [1.5,2]×[1,2].
//   links: A full → N1, B full → N2, C partial → N1 (area 1.5 of 2) and C partial → N2 (0.5 of 2).
import type { Database } from "../../../server/db/client";

export const O = { lon: 105.8, lat: 21.0 };
const u = 0.01;
const p = (x: number, y: number): [number, number] => [O.lon + x * u, O.lat + y * u];
const rect = (x0: number, y0: number, x1: number, y1: number) => ({ type: "Polygon", coordinates: [[p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1), p(x0, y0)]] });

export interface TownIds {
  city: number;
  d1: number;
  d2: number;
  a: number;
  b: number;
  c: number;
  n1: number;
  n2: number;
}

async function unit(db: Database, data: { code: string; name: string; level: "city" | "district" | "ward"; type: "thanh_pho" | "quan" | "phuong"; parentId?: number | null; old: boolean; households?: number; geometry?: object; center?: [number, number] }) {
  const row = await db.prisma.adminUnit.create({
    data: {
      code: data.code,
      name: data.name,
      nameAscii: data.name.toLowerCase(),
      level: data.level,
      type: data.type,
      parentId: data.parentId ?? null,
      validFrom: new Date(data.old || data.level === "city" ? "2008-08-01T00:00:00Z" : "2025-07-01T00:00:00Z"),
      validTo: data.old ? new Date("2025-06-30T00:00:00Z") : null,
      households: data.households ?? null,
      geometry: data.geometry,
      centerLon: data.center?.[0] ?? null,
      centerLat: data.center?.[1] ?? null,
      source: "test town",
    },
  });
  return row.id;
}

export async function buildTown(db: Database, options: { links?: boolean } = {}): Promise<TownIds> {
  const city = await unit(db, { code: "01", name: "Thành phố Thử", level: "city", type: "thanh_pho", old: false });
  const d1 = await unit(db, { code: "D01", name: "Quận Một", level: "district", type: "quan", parentId: city, old: true, geometry: rect(0, 0, 2, 1), center: p(1, 0.5) });
  const d2 = await unit(db, { code: "D02", name: "Quận Hai", level: "district", type: "quan", parentId: city, old: true, geometry: rect(0, 1, 2, 2), center: p(1, 1.5) });
  const a = await unit(db, { code: "A", name: "Phường A", level: "ward", type: "phuong", parentId: d1, old: true, households: 100, geometry: rect(0, 0, 1, 1), center: p(0.5, 0.5) });
  const b = await unit(db, { code: "B", name: "Phường B", level: "ward", type: "phuong", parentId: d1, old: true, households: 300, geometry: rect(1, 0, 2, 1), center: p(1.5, 0.5) });
  const c = await unit(db, { code: "C", name: "Phường C", level: "ward", type: "phuong", parentId: d2, old: true, households: 400, geometry: rect(0, 1, 2, 2), center: p(1, 1.5) });
  const n1 = await unit(db, {
    code: "N1",
    name: "Phường Mới Một",
    level: "ward",
    type: "phuong",
    parentId: city,
    old: false,
    geometry: { type: "Polygon", coordinates: [[p(0, 0), p(1, 0), p(1, 1), p(1.5, 1), p(1.5, 2), p(0, 2), p(0, 0)]] },
    center: p(0.5, 1),
  });
  const n2 = await unit(db, {
    code: "N2",
    name: "Phường Mới Hai",
    level: "ward",
    type: "phuong",
    parentId: city,
    old: false,
    geometry: { type: "Polygon", coordinates: [[p(1, 0), p(2, 0), p(2, 2), p(1.5, 2), p(1.5, 1), p(1, 1), p(1, 0)]] },
    center: p(1.7, 0.5),
  });
  if (options.links !== false) {
    await db.prisma.adminUnitLink.createMany({
      data: [
        { fromId: a, toId: n1, kind: "full" },
        { fromId: b, toId: n2, kind: "full" },
        { fromId: c, toId: n1, kind: "partial" },
        { fromId: c, toId: n2, kind: "partial" },
      ],
    });
  }
  return { city, d1, d2, a, b, c, n1, n2 };
}

/** One payment_daily row (success payments of one service on one day). */
export async function paymentDay(db: Database, wardId: number, day: string, count: number, amountVnd: number, service = "electricity") {
  await db.prisma.$executeRawUnsafe(`INSERT INTO payment_daily (ward_id, day, service, count, amount_vnd) VALUES ($1, $2::date, $3::"PaymentService", $4, $5)`, wardId, day, service, count, amountVnd);
}

export async function terminalDay(db: Database, wardId: number, day: string, active: number, sessions: number) {
  await db.prisma.$executeRawUnsafe(`INSERT INTO terminal_daily (ward_id, day, active_terminals, heartbeats, service_sessions) VALUES ($1, $2::date, $3, $4, $5)`, wardId, day, active, active * 3, sessions);
}

let householdSeq = 0;

/** Households at the ward's centre point, the first `withTerminals` of them with an active terminal. */
export async function households(db: Database, wardId: number, count: number, withTerminals: number) {
  for (let i = 0; i < count; i++) {
    householdSeq++;
    const h = await db.prisma.household.create({
      data: { code: `HT${String(householdSeq).padStart(8, "0")}`, address: `Nhà ${householdSeq}`, lon: O.lon + 0.001 * (householdSeq % 9), lat: O.lat + 0.001 * (householdSeq % 7), wardId },
    });
    if (i < withTerminals) {
      await db.prisma.terminal.create({
        data: { code: `TT${String(householdSeq).padStart(9, "0")}`, householdId: h.id, wardId, secret: "x", model: "test", firmware: "1", status: "active", installedAt: new Date(), lastSeenAt: new Date() },
      });
    }
  }
}
