import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { PrismaClient, User } from "../db/generated/client";

export type SessionUserAttributes = Pick<User, "email" | "name" | "role" | "departmentId" | "organisationId" | "locale">;

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  departmentId: true,
  organisationId: true,
  locale: true,
} as const;

/**
 * Lucia v3 adapter over the project's Prisma 7 client. Lucia's own Prisma adapter predates
 * Prisma 7's generated-client layout, and this one is small enough to own.
 */
export class PrismaSessionAdapter implements Adapter {
  constructor(private readonly prisma: PrismaClient) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.prisma.session.findUnique({
      where: { id: sessionId },
      include: { user: { select: userSelect } },
    });
    if (!row) return [null, null];
    const { id, ...attributes } = row.user;
    return [
      { id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} },
      { id, attributes },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.prisma.session.findMany({ where: { userId } });
    return rows.map((r) => ({ id: r.id, userId: r.userId, expiresAt: r.expiresAt, attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.prisma.session.create({ data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt } });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.prisma.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id: sessionId } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  }
}
