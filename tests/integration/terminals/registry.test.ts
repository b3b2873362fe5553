// Registration and provisioning on a generated city: wards by point-in-polygon, codes that never
// collide with the generator's, secrets that never reach the database in the clear, and the
// lifecycle with its history. Also: generated terminals (plain legacy secrets) still authenticate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../support/db";
import { seedCity } from "../../../prisma/seed/index";
import { silentProgress } from "../../../server/cli/progress";
import { registerHousehold } from "../../../server/terminals/register";
import { decommissionTerminal, provisionTerminal, replaceTerminal, terminalHistory } from "../../../server/terminals/provision";
import { HouseholdOutsideCityError, RegistryError } from "../../../server/terminals/errors";
import { householdCodeFor } from "../../../server/terminals/household-code";
import { isValidTerminalCode } from "../../../server/terminals/code";
import { isSealed, openSecret } from "../../../server/terminals/secret-box";
import { createIngestHandler } from "../../../server/ingest/handler";
import { interiorPoint } from "../../../server/geo/interior-point";
import { asAreaGeometry } from "../../../server/geo/geometry";
import { useTestTerminalKey } from "./town";
import { batch, heartbeat, signedRequest } from "../ingest/client";

useTestTerminalKey();
let db: Awaited<ReturnType<typeof freshDatabase>>;
let inside: { lon: number; lat: number; wardId: number; wardCode: string; wardName: string };

beforeAll(async () => {
  db = await freshDatabase();
  await seedCity(db, { preset: "demo", seed: 1, households: 2000, organisations: 5, progress: silentProgress, now: new Date() });
  const ward = await db.prisma.adminUnit.findFirstOrThrow({ where: { level: "ward", validTo: null }, orderBy: { code: "asc" } });
  const [lon, lat] = interiorPoint(asAreaGeometry(ward.geometry)!);
  inside = { lon, lat, wardId: ward.id, wardCode: ward.code, wardName: ward.name };
});
afterAll(async () => {
  await db?.drop();
});

/** Every row of every table, as text, that contains `needle`. */
async function tablesContaining(needle: string): Promise<string[]> {
  const tables = await db.prisma.$queryRawUnsafe<{ t: string }[]>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  const found: string[] = [];
  for (const { t } of tables) {
    const [row] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t}" x WHERE strpos(x::text, $1) > 0`, needle);
    if (row.n > 0) found.push(t);
  }
  return found;
}

describe("registerHousehold", () => {
  it("puts a household in the ward containing its point, with a fresh HN code and an audit row", async () => {
    const household = await registerHousehold(db, { lon: inside.lon, lat: inside.lat, address: "  Số 5 ngõ 12 phố Thử  ", members: 4 }, { kind: "user", id: "u1", ip: "10.0.0.1" });
    expect(household).toMatchObject({ wardCode: inside.wardCode, wardName: inside.wardName });
    expect(household.code).toBe(householdCodeFor(household.id));
    expect(household.id).toBeGreaterThan(2000);
    const row = await db.prisma.household.findUniqueOrThrow({ where: { code: household.code } });
    expect(row).toMatchObject({ wardId: inside.wardId, address: "Số 5 ngõ 12 phố Thử", members: 4 });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "household.register", entityId: household.code } });
    expect(audit).toMatchObject({ actorKind: "user", actorId: "u1", ip: "10.0.0.1" });
  });

  it("refuses a point outside every ward with a clear message, and writes nothing", async () => {
    const before = await db.prisma.household.count();
    const attempt = registerHousehold(db, { lon: 106.9, lat: 20.1, address: "Hạ Long" }, { kind: "cli" });
    await expect(attempt).rejects.toBeInstanceOf(HouseholdOutsideCityError);
    await expect(attempt).rejects.toThrow("the point (lon 106.9, lat 20.1) is outside every current ward of the city");
    await expect(registerHousehold(db, { lon: Number.NaN, lat: 21, address: "" }, { kind: "cli" })).rejects.toThrow("address is missing; lon is not a number");
    expect(await db.prisma.household.count()).toBe(before);
  });

  it("hands out distinct codes to concurrent registrations, none colliding with generated households", async () => {
    const made = await Promise.all(Array.from({ length: 15 }, (_, i) => registerHousehold(db, { ...inside, address: `Số ${i}` }, { kind: "system" })));
    const codes = made.map((h) => h.code);
    expect(new Set(codes).size).toBe(15);
    expect(await db.prisma.household.count({ where: { code: { in: codes } } })).toBe(15);
  });

  it("sees a ward added after the index was built", async () => {
    const far = { lon: 104.5, lat: 22.5 };
    await expect(registerHousehold(db, { ...far, address: "x" }, { kind: "system" })).rejects.toBeInstanceOf(HouseholdOutsideCityError);
    const ring = [[104.4, 22.4], [104.6, 22.4], [104.6, 22.6], [104.4, 22.6], [104.4, 22.4]];
    await db.prisma.adminUnit.create({ data: { code: "98888", name: "Xã Mới", nameAscii: "xa moi", level: "ward", type: "xa", validFrom: new Date("2025-07-01"), geometry: { type: "Polygon", coordinates: [ring] } } });
    expect(await registerHousehold(db, { ...far, address: "x" }, { kind: "system" })).toMatchObject({ wardCode: "98888" });
  });
});

describe("provisionTerminal", () => {
  it("returns the secret once and stores it sealed: no table holds it in the clear", async () => {
    const household = await registerHousehold(db, { ...inside, address: "Số 9" }, { kind: "system" });
    const t = await provisionTerminal(db, { householdCode: household.code.toLowerCase(), simIccid: "8984048000000000001" }, { kind: "cli" });
    expect(isValidTerminalCode(t.code)).toBe(true);
    expect(t.secret).toMatch(/^[0-9a-f]{64}$/);
    const row = await db.prisma.terminal.findUniqueOrThrow({ where: { code: t.code } });
    expect(row).toMatchObject({ status: "provisioned", wardId: inside.wardId, simIccid: "8984048000000000001", lastSeenAt: null });
    expect(isSealed(row.secret)).toBe(true);
    expect(openSecret(row.secret, t.code)).toBe(t.secret);
    expect(await tablesContaining(t.secret)).toEqual([]);
    expect(await tablesContaining(t.secret.slice(0, 16))).toEqual([]);
    // The terminal is above every generated one: its code comes from the same sequence.
    const [max] = await db.prisma.$queryRawUnsafe<{ max: number }[]>(`SELECT max(id)::int AS max FROM terminal WHERE status <> 'provisioned' OR code <> $1`, t.code);
    expect(row.id).toBeGreaterThan(max.max);
  });

  it("refuses a second live terminal for a household, unknown households and mistyped codes", async () => {
    const household = await registerHousehold(db, { ...inside, address: "Số 10" }, { kind: "system" });
    const t = await provisionTerminal(db, { householdCode: household.code }, { kind: "cli" });
    await expect(provisionTerminal(db, { householdCode: household.code }, { kind: "cli" })).rejects.toThrow(`already has terminal ${t.code}; use replace-terminal`);
    await expect(provisionTerminal(db, { householdCode: "HN00000000" }, { kind: "cli" })).rejects.toThrow("no household has the code HN00000000");
    await expect(provisionTerminal(db, { householdCode: "HN1234" }, { kind: "cli" })).rejects.toThrow("is not a household code");
    const typo = t.code.slice(0, 5) + t.code[6] + t.code[5] + t.code.slice(7);
    if (typo !== t.code) await expect(decommissionTerminal(db, { terminalCode: typo }, { kind: "cli" })).rejects.toThrow("check digit");
  });
});

describe("lifecycle", () => {
  it("replace keeps the old terminal, points it at the new one, and records both in the history", async () => {
    const household = await registerHousehold(db, { ...inside, address: "Số 11" }, { kind: "system" });
    const first = await provisionTerminal(db, { householdCode: household.code, model: "CivicBox T100" }, { kind: "cli" });
    const second = await replaceTerminal(db, { terminalCode: first.code, reason: "water damage" }, { kind: "user", id: "op-7" });
    expect(second).toMatchObject({ replaced: first.code, householdCode: household.code });
    const old = await db.prisma.terminal.findUniqueOrThrow({ where: { code: first.code } });
    const fresh = await db.prisma.terminal.findUniqueOrThrow({ where: { code: second.code } });
    expect(old).toMatchObject({ status: "replaced", replacedById: fresh.id });
    expect(fresh).toMatchObject({ status: "provisioned", householdId: old.householdId, model: "CivicBox T100" });
    expect((await terminalHistory(db, first.code)).map((h) => [h.fromStatus, h.toStatus, h.actorKind, h.reason])).toEqual([
      [null, "provisioned", "cli", "provisioned"],
      ["provisioned", "replaced", "user", "water damage"],
    ]);
    expect((await terminalHistory(db, second.code)).map((h) => h.reason)).toEqual([`replaces ${first.code}`]);
    await expect(replaceTerminal(db, { terminalCode: first.code }, { kind: "cli" })).rejects.toThrow(`terminal ${first.code} is already replaced`);

    await decommissionTerminal(db, { terminalCode: second.code, reason: "household moved" }, { kind: "cli" });
    expect(await db.prisma.terminal.findUniqueOrThrow({ where: { code: second.code } })).toMatchObject({ status: "decommissioned", decommissionedAt: expect.any(Date) });
    await expect(decommissionTerminal(db, { terminalCode: second.code }, { kind: "cli" })).rejects.toBeInstanceOf(RegistryError);
    // With no live terminal left, the household can be given a new one.
    await expect(provisionTerminal(db, { householdCode: household.code }, { kind: "cli" })).resolves.toMatchObject({ householdCode: household.code });
    expect(await db.prisma.auditLog.count({ where: { action: { in: ["terminal.provision", "terminal.replace", "terminal.decommission"] }, OR: [{ entityId: first.code }, { entityId: second.code }] } })).toBe(3);
  });
});

describe("generated terminals", () => {
  it("authenticate with their legacy plain secret, and are not counted twice for a day they already reported", async () => {
    const seeded = await db.prisma.terminal.findFirstOrThrow({ where: { status: "active", lastSeenAt: { gte: new Date(Date.now() - 3 * 3_600_000) } }, orderBy: { id: "asc" } });
    expect(isSealed(seeded.secret)).toBe(false);
    const today = (await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT active_terminals AS n FROM terminal_daily WHERE ward_id = $1 AND day = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`, seeded.wardId))[0]?.n;
    const handler = createIngestHandler({ db });
    const response = await handler(signedRequest({ code: seeded.code, secret: seeded.secret }, batch([heartbeat()])));
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });
    const after = (await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT active_terminals AS n FROM terminal_daily WHERE ward_id = $1 AND day = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`, seeded.wardId))[0]?.n;
    expect(after).toBe(today);
  });
});
