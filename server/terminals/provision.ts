// Terminal lifecycle: provisioned → active (first accepted event, done by ingestion) → replaced or
// decommissioned. Every change is one transaction with a status-history row and an audit row; the
// secret is returned once, here, and stored sealed (secret-box.ts).
import type { Database } from "../db/client";
import type { Prisma, TerminalStatus } from "../db/generated/client";
import { audit } from "../audit/log";
import { makeTerminalCode, isValidTerminalCode } from "./code";
import { RegistryError, type Actor } from "./errors";
import { isHouseholdCode } from "./household-code";
import { newTerminalSecret, sealSecret } from "./secret-box";
import { forgetTerminalCredentials } from "./credentials-cache";

type Tx = Prisma.TransactionClient;

export interface TerminalDetails {
  model?: string;
  firmware?: string;
  simIccid?: string | null;
  simMsisdn?: string | null;
  simOperator?: string | null;
}

export interface ProvisionInput extends TerminalDetails {
  householdCode: string;
}

export interface ProvisionedTerminal {
  code: string;
  /** Shown once: only its sealed form is stored. */
  secret: string;
  householdCode: string;
  wardId: number;
}

export const DEFAULT_MODEL = "CivicBox T200";
export const DEFAULT_FIRMWARE = "unknown";

/** Statuses of a terminal that is (or is about to be) installed in a home. */
export const liveStatuses: TerminalStatus[] = ["provisioned", "active"];

function checkDetails(details: TerminalDetails): void {
  const text = (name: string, value: string | null | undefined, max: number) => {
    if (value != null && (value.trim() === "" || value.length > max)) throw new RegistryError(`${name} must be 1–${max} characters`, "invalid");
  };
  text("model", details.model, 64);
  text("firmware", details.firmware, 32);
  text("simOperator", details.simOperator, 32);
  if (details.simIccid != null && !/^\d{18,22}$/.test(details.simIccid)) throw new RegistryError("simIccid must be 18–22 digits", "invalid");
  if (details.simMsisdn != null && !/^\+?\d{9,15}$/.test(details.simMsisdn)) throw new RegistryError("simMsisdn must be a phone number of 9–15 digits", "invalid");
}

async function nextTerminalId(tx: Tx): Promise<number> {
  const [row] = await tx.$queryRaw<{ id: number }[]>`SELECT nextval(pg_get_serial_sequence('terminal', 'id'))::int AS id`;
  return row.id;
}

async function createTerminal(tx: Tx, household: { id: number; wardId: number }, details: TerminalDetails): Promise<{ id: number; code: string; secret: string }> {
  // The code comes from the table's sequence, so concurrent provisioning cannot hand out one code twice.
  const id = await nextTerminalId(tx);
  const code = makeTerminalCode(id);
  const secret = newTerminalSecret();
  await tx.terminal.create({
    data: {
      id,
      code,
      householdId: household.id,
      wardId: household.wardId,
      secret: sealSecret(secret, code),
      model: details.model ?? DEFAULT_MODEL,
      firmware: details.firmware ?? DEFAULT_FIRMWARE,
      simIccid: details.simIccid ?? null,
      simMsisdn: details.simMsisdn ?? null,
      simOperator: details.simOperator ?? null,
      status: "provisioned",
    },
  });
  return { id, code, secret };
}

async function recordChange(tx: Tx, terminalId: number, from: TerminalStatus | null, to: TerminalStatus, actor: Actor, reason: string | null): Promise<void> {
  await tx.terminalStatusChange.create({ data: { terminalId, fromStatus: from, toStatus: to, actorKind: actor.kind, actorId: actor.id ?? null, reason } });
}

export async function provisionTerminal(db: Database, input: ProvisionInput, actor: Actor): Promise<ProvisionedTerminal> {
  const householdCode = input.householdCode.trim().toUpperCase();
  if (!isHouseholdCode(householdCode)) throw new RegistryError(`"${input.householdCode}" is not a household code (HN followed by 8 digits)`, "invalid");
  checkDetails(input);
  const result = await db.prisma.$transaction(async (tx) => {
    const household = await tx.household.findUnique({ where: { code: householdCode }, select: { id: true, wardId: true } });
    if (!household) throw new RegistryError(`no household has the code ${householdCode}`, "not_found");
    // Lock the household so two operators cannot both give it a terminal at once.
    await tx.$queryRaw`SELECT id FROM household WHERE id = ${household.id} FOR UPDATE`;
    const existing = await tx.terminal.findFirst({ where: { householdId: household.id, status: { in: liveStatuses } }, select: { code: true } });
    if (existing) throw new RegistryError(`household ${householdCode} already has terminal ${existing.code}; use replace-terminal --terminal ${existing.code} to swap it`, "conflict");
    const created = await createTerminal(tx, household, input);
    await recordChange(tx, created.id, null, "provisioned", actor, "provisioned");
    await audit(tx, { actorKind: actor.kind, actorId: actor.id, ip: actor.ip, action: "terminal.provision", entity: "terminal", entityId: created.code, details: { householdCode } });
    return { code: created.code, secret: created.secret, householdCode, wardId: household.wardId };
  });
  // A device that tried its code before it was provisioned is remembered as unknown for a moment.
  forgetTerminalCredentials(result.code);
  return result;
}

function checkTerminalCode(code: string): string {
  const normal = code.trim().toUpperCase();
  if (!isValidTerminalCode(normal)) throw new RegistryError(`"${code}" is not a valid terminal code (TB + 10 digits; the last one is a check digit — is it mistyped?)`, "invalid");
  return normal;
}

async function lockLiveTerminal(tx: Tx, code: string) {
  const [row] = await tx.$queryRaw<{ id: number; status: TerminalStatus; household_id: number; ward_id: number }[]>`
    SELECT id, status, household_id, ward_id FROM terminal WHERE code = ${code} FOR UPDATE`;
  if (!row) throw new RegistryError(`no terminal has the code ${code}`, "not_found");
  if (!liveStatuses.includes(row.status)) throw new RegistryError(`terminal ${code} is already ${row.status}`, "conflict");
  return row;
}

export async function decommissionTerminal(db: Database, input: { terminalCode: string; reason?: string }, actor: Actor): Promise<{ code: string; status: "decommissioned" }> {
  const code = checkTerminalCode(input.terminalCode);
  const reason = input.reason?.trim() || null;
  const result = await db.prisma.$transaction(async (tx) => {
    const row = await lockLiveTerminal(tx, code);
    await tx.terminal.update({ where: { id: row.id }, data: { status: "decommissioned", decommissionedAt: new Date() } });
    await recordChange(tx, row.id, row.status, "decommissioned", actor, reason);
    await audit(tx, { actorKind: actor.kind, actorId: actor.id, ip: actor.ip, action: "terminal.decommission", entity: "terminal", entityId: code, details: { from: row.status, reason } });
    return { code, status: "decommissioned" as const };
  });
  forgetTerminalCredentials(code);
  return result;
}

export interface ReplacedTerminal extends ProvisionedTerminal {
  replaced: string;
}

/** A new terminal for the same household; the old one is kept, marked replaced, pointing at the new one. */
export async function replaceTerminal(db: Database, input: { terminalCode: string; reason?: string } & TerminalDetails, actor: Actor): Promise<ReplacedTerminal> {
  const code = checkTerminalCode(input.terminalCode);
  checkDetails(input);
  const reason = input.reason?.trim() || null;
  const result = await db.prisma.$transaction(async (tx) => {
    const old = await lockLiveTerminal(tx, code);
    const household = await tx.household.findUniqueOrThrow({ where: { id: old.household_id }, select: { id: true, code: true, wardId: true } });
    const previous = await tx.terminal.findUniqueOrThrow({ where: { id: old.id }, select: { model: true, firmware: true, simIccid: true, simMsisdn: true, simOperator: true } });
    // The replacement usually keeps the SIM and model; anything given explicitly wins.
    const created = await createTerminal(tx, household, {
      model: input.model ?? previous.model,
      firmware: input.firmware ?? previous.firmware,
      simIccid: input.simIccid !== undefined ? input.simIccid : previous.simIccid,
      simMsisdn: input.simMsisdn !== undefined ? input.simMsisdn : previous.simMsisdn,
      simOperator: input.simOperator !== undefined ? input.simOperator : previous.simOperator,
    });
    await tx.terminal.update({ where: { id: old.id }, data: { status: "replaced", replacedById: created.id, decommissionedAt: new Date() } });
    await recordChange(tx, old.id, old.status, "replaced", actor, reason);
    await recordChange(tx, created.id, null, "provisioned", actor, `replaces ${code}`);
    await audit(tx, { actorKind: actor.kind, actorId: actor.id, ip: actor.ip, action: "terminal.replace", entity: "terminal", entityId: code, details: { replacedBy: created.code, householdCode: household.code, reason } });
    return { code: created.code, secret: created.secret, householdCode: household.code, wardId: household.wardId, replaced: code };
  });
  forgetTerminalCredentials(code);
  forgetTerminalCredentials(result.code);
  return result;
}

/** The lifecycle history of a terminal, oldest first. */
export async function terminalHistory(db: Database, terminalCode: string) {
  const code = checkTerminalCode(terminalCode);
  const terminal = await db.prisma.terminal.findUnique({ where: { code }, select: { id: true } });
  if (!terminal) throw new RegistryError(`no terminal has the code ${code}`, "not_found");
  return db.prisma.terminalStatusChange.findMany({
    where: { terminalId: terminal.id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { fromStatus: true, toStatus: true, at: true, actorKind: true, actorId: true, reason: true },
  });
}
