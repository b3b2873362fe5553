// A tiny city for the registry and device-API tests: two square wards side by side, a department
// with two public services. Rows are inserted by hand so every figure a test checks is known.
import { randomUUID } from "node:crypto";
import type { Database } from "../../../server/db/client";
import { registerHousehold } from "../../../server/terminals/register";
import { provisionTerminal } from "../../../server/terminals/provision";

const square = (x0: number, y0: number, size: number) => ({
  type: "Polygon",
  coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]],
});

/** West ward: lon 105.80–105.82, lat 21.00–21.02; east ward: lon 105.82–105.84. */
export const points = {
  west: { lon: 105.81, lat: 21.01 },
  east: { lon: 105.83, lat: 21.01 },
  outside: { lon: 105.9, lat: 21.2 },
} as const;

export interface Town {
  wards: { west: { id: number; code: string; name: string }; east: { id: number; code: string; name: string } };
  services: { birth: string; residence: string };
}

export async function buildTown(db: Database): Promise<Town> {
  const p = db.prisma;
  const ward = (code: string, name: string, x0: number) =>
    p.adminUnit.create({
      data: { code, name, nameAscii: name.toLowerCase(), level: "ward", type: "phuong", validFrom: new Date("2025-07-01T00:00:00Z"), geometry: square(x0, 21.0, 0.02) },
      select: { id: true, code: true, name: true },
    });
  const west = await ward("99001", "Phường Tây", 105.8);
  const east = await ward("99002", "Phường Đông", 105.82);
  const dept = await p.department.create({ data: { code: "TEST-DEPT", nameVi: "Sở Thử", nameEn: "Test Department", kind: "department" } });
  for (const code of ["SVC-BIRTH", "SVC-RESIDENCE"]) {
    await p.publicService.create({ data: { code, nameVi: code, nameEn: code, field: "civil", departmentId: dept.id, onlineLevel: "full", processingDays: 3 } });
  }
  return { wards: { west, east }, services: { birth: "SVC-BIRTH", residence: "SVC-RESIDENCE" } };
}

export interface TestTerminal {
  code: string;
  secret: string;
  householdCode: string;
}

/** Registers a household at the point and provisions a terminal for it. */
export async function newTerminal(db: Database, where: { lon: number; lat: number }, n = 0): Promise<TestTerminal> {
  const household = await registerHousehold(db, { ...where, address: `Số ${n + 1} ngõ Thử ${randomUUID().slice(0, 4)}` }, { kind: "system" });
  const terminal = await provisionTerminal(db, { householdCode: household.code }, { kind: "system" });
  return { code: terminal.code, secret: terminal.secret, householdCode: household.code };
}

/** A random sealing key for this test process, so no test ever writes a key file. */
export function useTestTerminalKey(): void {
  process.env.TERMINAL_KEY = Buffer.from(Array.from({ length: 32 }, () => Math.floor(Math.random() * 256))).toString("base64");
}
