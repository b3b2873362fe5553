// A small, hand-countable city for the overview tests. Every expected figure in the tests is
// derived by hand from the rows below (see the comments), not from the code under test.
import type { Database } from "../../../server/db/client";

/** "Now" for the tests that pin it: 15 Nov 2026, 12:00 in Hanoi. */
export const fixedNow = new Date("2026-11-15T05:00:00Z");

const hours = (n: number, from: Date) => new Date(from.getTime() - n * 3_600_000);

// A type alias (not geojson's Polygon interface) so Prisma accepts it as a JSON value.
type SquareGeometry = { type: "Polygon"; coordinates: number[][][] };

export function square(lon: number, lat: number, size = 0.02): SquareGeometry {
  return {
    type: "Polygon",
    coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
  };
}

export interface Ids {
  city: number;
  wardA: number;
  wardB: number;
  wardC: number;
  oldWard: number;
}

/**
 * Wards A, B, C are current; "old" ended on 2025-07-01 and must never be counted as a ward.
 * Households: A 4, B 2, C 0, old 1 → 7 in total.
 * Terminals (relative to `now`): A — active seen 1 h, 23 h and 25 h ago, one decommissioned;
 * B — active seen 2 h ago, one provisioned; old — active, never seen.
 * → installed (status active) 5, active in 24 h 3; coverage A 3/4, B 1/2, C no data.
 */
export async function insertCity(db: Database, now: Date): Promise<Ids> {
  const p = db.prisma;
  const base = { validFrom: new Date("2025-07-01"), source: "test" };
  const city = await p.adminUnit.create({ data: { ...base, code: "01", name: "Hà Nội", nameAscii: "ha noi", level: "city", type: "thanh_pho" } });
  const ward = (code: string, name: string, lon: number, extra: { validTo?: Date; validFrom?: Date } = {}) =>
    p.adminUnit.create({
      data: {
        ...base,
        ...extra,
        code,
        name,
        nameAscii: name.toLowerCase(),
        level: "ward",
        type: "phuong",
        parentId: city.id,
        geometry: square(lon, 21.0),
        minLon: lon,
        minLat: 21.0,
        maxLon: lon + 0.02,
        maxLat: 21.02,
        centerLon: lon + 0.01,
        centerLat: 21.01,
      },
    });
  const wardA = await ward("00001", "Phường Ba Đình", 105.8);
  const wardB = await ward("00002", "Phường Hoàn Kiếm", 105.82);
  const wardC = await ward("00003", "Xã Sóc Sơn", 105.84);
  const oldWard = await ward("00099", "Phường Cũ", 105.86, { validFrom: new Date("2010-01-01"), validTo: new Date("2025-07-01") });

  const householdsPerWard: [number, number][] = [
    [wardA.id, 4],
    [wardB.id, 2],
    [oldWard.id, 1],
  ];
  const households: { id: number; wardId: number }[] = [];
  let n = 0;
  for (const [wardId, count] of householdsPerWard) {
    for (let i = 0; i < count; i++) {
      n++;
      const h = await p.household.create({
        data: { code: `HH${String(n).padStart(4, "0")}`, address: `${n} Phố Thử`, lon: 105.81, lat: 21.01, wardId },
      });
      households.push({ id: h.id, wardId });
    }
  }
  const inWard = (wardId: number) => households.filter((h) => h.wardId === wardId);
  const [a1, a2, a3, a4] = inWard(wardA.id);
  const [b1, b2] = inWard(wardB.id);
  const [o1] = inWard(oldWard.id);
  type Status = "provisioned" | "active" | "replaced" | "decommissioned";
  const terminals: [{ id: number; wardId: number }, Status, Date | null][] = [
    [a1, "active", hours(1, now)],
    [a2, "active", hours(23, now)],
    [a3, "active", hours(25, now)],
    [a4, "decommissioned", hours(2, now)],
    [b1, "active", hours(2, now)],
    [b2, "provisioned", null],
    [o1, "active", null],
  ];
  // Timestamps go in through COPY as ISO 8601 with their offset: true instants, whatever the
  // session time zone (Prisma's driver adapters assume a UTC session when they write a Date).
  const csv = [
    "code,household_id,ward_id,secret,model,firmware,status,last_seen_at",
    ...terminals.map(([h, status, lastSeenAt], i) => [`T${i}`, h.id, h.wardId, "s", "CH-1", "1.0.0", status, lastSeenAt?.toISOString() ?? ""].join(",")),
  ].join("\n");
  await db.copyCsv("terminal", ["code", "household_id", "ward_id", "secret", "model", "firmware", "status", "last_seen_at"], csv);
  return { city: city.id, wardA: wardA.id, wardB: wardB.id, wardC: wardC.id, oldWard: oldWard.id };
}

/**
 * payment_daily rows around `fixedNow` (November 2026 in Hanoi):
 * this month — tuition 3 + 2 = 5 payments, 1.500.000 + 1.000.000 ₫; electricity 5, 2.345.678 ₫;
 * other 1, 5.000.000.000.000 ₫ (beyond 2^32, to prove BigInt handling); water and fee none.
 * October 31 (water) is last month; 2025-11-20 (fee) is outside the 12-month trend window,
 * 2025-12-01 (fee) is its first month.
 */
export async function insertPayments(db: Database, ids: Ids): Promise<void> {
  const rows: [number, string, string, number, bigint][] = [
    [ids.wardA, "2026-11-01", "tuition", 3, 1_500_000n],
    [ids.wardB, "2026-11-14", "tuition", 2, 1_000_000n],
    [ids.wardA, "2026-11-10", "electricity", 5, 2_345_678n],
    [ids.wardA, "2026-11-02", "other", 1, 5_000_000_000_000n],
    [ids.wardA, "2026-10-31", "water", 7, 700_000n],
    [ids.wardB, "2025-11-20", "fee", 1, 50_000n],
    [ids.wardB, "2025-12-01", "fee", 2, 40_000n],
  ];
  const csv = ["ward_id,day,service,count,amount_vnd", ...rows.map((r) => r.map(String).join(","))].join("\n");
  await db.copyCsv("payment_daily", ["ward_id", "day", "service", "count", "amount_vnd"], csv);
}

/**
 * Dossiers: received 2026-10-31T17:30Z is 00:30 on 1 November in Hanoi (this month, online);
 * 2026-10-31T16:30Z is 23:30 on 31 October (last month, online — excluded).
 * This month: online 1, terminal 1, counter 2, post 1 → share 2/5 = 0.4.
 */
export async function insertDossiers(db: Database, ids: Ids): Promise<void> {
  const p = db.prisma;
  const dept = await p.department.create({ data: { code: "SO-TP", nameVi: "Sở Tư pháp", nameEn: "Department of Justice", kind: "department" } });
  const service = await p.publicService.create({
    data: { code: "1.000001", nameVi: "Đăng ký khai sinh", nameEn: "Birth registration", field: "ho_tich", departmentId: dept.id, onlineLevel: "full", processingDays: 3 },
  });
  const dossiers: [string, "online" | "terminal" | "counter" | "post"][] = [
    ["2026-10-31T17:30:00Z", "online"],
    ["2026-10-31T16:30:00Z", "online"],
    ["2026-11-05T03:00:00Z", "terminal"],
    ["2026-11-06T03:00:00Z", "counter"],
    ["2026-11-07T03:00:00Z", "counter"],
    ["2026-11-08T03:00:00Z", "post"],
  ];
  const header = "id,procedure_id,department_id,ward_id,channel,status,received_at,due_at,paid_online,digitised,electronic_result";
  const lines = dossiers.map(([at, channel], i) =>
    [`HS-${i}`, service.id, dept.id, ids.wardA, channel, "received", at, new Date(new Date(at).getTime() + 3 * 86_400_000).toISOString(), "false", "true", "false"].join(","),
  );
  await db.copyCsv("dossier", header.split(","), [header, ...lines].join("\n"));
}
