// `npm run cli -- import-ward-mapping <file>`: writes the succession of pre-2025 wards into 2025
// wards (admin_unit_link) from a mapping file. All or nothing: the whole file is checked inside the
// transaction that writes it, and one problem anywhere means nothing is written.
//
// What an import replaces: for every new unit named in the file, its list of old units is the
// file's (its previous links are deleted); links of new units the file does not name are kept. So a
// complete official file replaces the whole mapping, and a small CSV corrects a few wards.
import type { Database } from "../db/client";
import type { ActorKind, Prisma } from "../db/generated/client";
import { audit } from "../audit/log";
import { parseMappingFile, type MappingFormat } from "./mapping-file";
import { groupByCode, validateMapping, type KeptLink, type UnitRef } from "./mapping-validate";
import { layerPredicate } from "./layers";

export class MappingImportError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = "MappingImportError";
  }
}

export interface MappingImportOptions {
  /** The file's name, for messages and the audit log. */
  source: string;
  actor: { kind: ActorKind; id?: string | null };
  /** Check only: report what would be written, write nothing. */
  dryRun?: boolean;
}

export interface MappingImportResult {
  source: string;
  format: MappingFormat;
  dryRun: boolean;
  /** New (2025) units whose old-unit lists the file gives. */
  newUnits: number;
  links: number;
  full: number;
  partial: number;
  /** Existing links of those new units that were deleted (replaced by the file's). */
  replaced: number;
  /** After the import: pre-2025 wards without any link (their figures cannot reach the 2025 layer). */
  oldWardsWithoutLink: number;
  /** After the import: 2025 wards without any link (they show nothing on the pre-2025 layer). */
  newWardsWithoutLink: number;
}

const maxProblemsShown = 200;

type Tx = Prisma.TransactionClient;

async function unitsOf(tx: Tx, layer: "2025" | "pre2025"): Promise<UnitRef[]> {
  return tx.$queryRaw<UnitRef[]>`SELECT u.id, u.code, u.name FROM admin_unit u WHERE ${layerPredicate(layer, "ward")} ORDER BY u.id`;
}

export async function importWardMapping(db: Database, text: string, options: MappingImportOptions): Promise<MappingImportResult> {
  const parsed = parseMappingFile(text);
  return db.prisma.$transaction(
    async (tx) => {
      // Two imports at once would each validate against links the other is replacing: take turns.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('history.import_ward_mapping'))`);
      const [newList, oldList] = await Promise.all([unitsOf(tx, "2025"), unitsOf(tx, "pre2025")]);
      const newUnits = groupByCode(newList);
      const oldUnits = groupByCode(oldList);
      const named = new Set(parsed.rows.map((r) => r.newCode));
      const namedIds = [...named].flatMap((code) => (newUnits.get(code) ?? []).map((u) => u.id));
      // Links between other vintages (say 2008 → 2019) are no concern of this mapping.
      const newIds = new Set(newList.map((u) => u.id));
      const oldIds = new Set(oldList.map((u) => u.id));
      const existing = await tx.$queryRaw<(KeptLink & { toId: number })[]>`
        SELECT l.from_id AS "fromId", l.to_id AS "toId", f.code AS "fromCode", t.code AS "toCode", l.kind::text AS kind
        FROM admin_unit_link l JOIN admin_unit f ON f.id = l.from_id JOIN admin_unit t ON t.id = l.to_id
        WHERE l.to_id <> ALL(${namedIds}::int[])`;
      const kept = existing.filter((l) => newIds.has(l.toId) && oldIds.has(l.fromId));
      const { links, problems } = validateMapping({ rows: parsed.rows, newUnits, oldUnits, kept });
      const all = [...parsed.problems, ...problems];
      if (all.length > 0) {
        const shown = all.length > maxProblemsShown ? [...all.slice(0, maxProblemsShown), `… and ${all.length - maxProblemsShown} more`] : all;
        throw new MappingImportError(`${options.source}: ${all.length} problem${all.length === 1 ? "" : "s"}; nothing was imported`, shown);
      }

      const replaced = await tx.adminUnitLink.count({ where: { toId: { in: namedIds } } });
      if (!options.dryRun) {
        await tx.adminUnitLink.deleteMany({ where: { toId: { in: namedIds } } });
        await tx.adminUnitLink.createMany({ data: links.map(({ fromId, toId, kind }) => ({ fromId, toId, kind })) });
      }
      const linkedOld = new Set([...kept.map((k) => k.fromId), ...links.map((l) => l.fromId)]);
      const linkedNew = new Set([...kept.map((k) => k.toCode), ...named]);
      const result: MappingImportResult = {
        source: options.source,
        format: parsed.format,
        dryRun: Boolean(options.dryRun),
        newUnits: named.size,
        links: links.length,
        full: links.filter((l) => l.kind === "full").length,
        partial: links.filter((l) => l.kind === "partial").length,
        replaced,
        oldWardsWithoutLink: oldList.filter((u) => !linkedOld.has(u.id)).length,
        newWardsWithoutLink: newList.filter((u) => !linkedNew.has(u.code)).length,
      };
      if (!options.dryRun) {
        await audit(tx, {
          actorKind: options.actor.kind,
          actorId: options.actor.id ?? null,
          action: "history.import_ward_mapping",
          entity: "admin_unit_link",
          details: { ...result },
        });
      }
      return result;
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
