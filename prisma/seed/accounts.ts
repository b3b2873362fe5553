// One account per role for trying the demo. Passwords come from the system's CSPRNG (never from the
// seed, which is public), are hashed with argon2id, and are returned once in the summary.
import { randomBytes, randomUUID } from "node:crypto";
import type { Database } from "../../server/db/client";
import { hashPassword } from "../../server/auth/password";
import { copyRows } from "./csv";

export type SeedRole = "admin" | "leader" | "officer" | "founder";
export interface SeedAccount {
  role: SeedRole;
  email: string;
  password: string;
}

export const OFFICER_DEPARTMENT = "STP";

export async function writeAccounts(db: Database, scope: { officerDepartmentId: number; founderOrganisationId: number | null }): Promise<SeedAccount[]> {
  const people: { role: SeedRole; email: string; name: string; departmentId: number | null; organisationId: number | null }[] = [
    { role: "admin", email: "quantri@demo.civichub.vn", name: "Quản trị hệ thống", departmentId: null, organisationId: null },
    { role: "leader", email: "lanhdao@demo.civichub.vn", name: "Lãnh đạo Thành phố", departmentId: null, organisationId: null },
    { role: "officer", email: "canbo@demo.civichub.vn", name: "Cán bộ Sở Tư pháp", departmentId: scope.officerDepartmentId, organisationId: null },
    { role: "founder", email: "sanglap@demo.civichub.vn", name: "Nhà sáng lập", departmentId: null, organisationId: scope.founderOrganisationId },
  ];
  const accounts: SeedAccount[] = [];
  const rows = [];
  for (const p of people) {
    const password = randomBytes(12).toString("base64url");
    rows.push([randomUUID(), p.email, p.name, await hashPassword(password), p.role, p.departmentId, p.organisationId, "vi"]);
    accounts.push({ role: p.role, email: p.email, password });
  }
  await copyRows(db, "app_user", ["id", "email", "name", "password_hash", "role", "department_id", "organisation_id", "locale"], rows);
  return accounts;
}
