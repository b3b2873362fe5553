import type { PrismaClient } from "../db/generated/client";
import type { ActorKind, Prisma } from "../db/generated/client";

export interface AuditEntry {
  actorKind: ActorKind;
  actorId?: string | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
}

type AuditWriter = Pick<PrismaClient, "auditLog">;

/** Every mutation writes one row here, inside the mutation's transaction where there is one. */
export async function audit(db: AuditWriter, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorKind: entry.actorKind,
      actorId: entry.actorId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      details: entry.details,
      ip: entry.ip ?? null,
    },
  });
}
