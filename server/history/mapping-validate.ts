// Checks mapping rows against the units in the database. Pure: the caller loads the units of both
// layouts and the links it will keep, so the rules are tested without a database and every problem
// of a file is reported at once, each with its place in the file.
import type { LinkKind } from "../db/generated/client";
import type { MappingRow } from "./mapping-file";
import { lastPre2025Day } from "./layers";

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

/** An existing link that the import keeps (its new unit is not in the file). */
export interface KeptLink {
  fromId: number;
  fromCode: string;
  toCode: string;
  kind: LinkKind;
}

export interface ResolvedLink {
  fromId: number;
  toId: number;
  kind: LinkKind;
  where: string;
}

export interface ValidationInput {
  rows: MappingRow[];
  /** Units of the 2025 layout by code (more than one per code is an ambiguity, reported). */
  newUnits: Map<string, UnitRef[]>;
  /** Units valid on the last pre-2025 day, by code. */
  oldUnits: Map<string, UnitRef[]>;
  kept: KeptLink[];
}

export interface ValidationResult {
  links: ResolvedLink[];
  problems: string[];
}

const isKind = (value: string): value is LinkKind => value === "full" || value === "partial";

export function groupByCode<T extends { code: string }>(units: Iterable<T>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const unit of units) {
    const list = map.get(unit.code);
    if (list) list.push(unit);
    else map.set(unit.code, [unit]);
  }
  return map;
}

export function validateMapping({ rows, newUnits, oldUnits, kept }: ValidationInput): ValidationResult {
  const problems: string[] = [];
  const links: ResolvedLink[] = [];
  const pairs = new Map<string, string>();
  /** Every link of each old unit (kept and from the file), to enforce that "full" is exclusive. */
  const byOld = new Map<string, { newCode: string; kind: LinkKind; where: string }[]>();
  for (const link of kept) {
    const list = byOld.get(link.fromCode) ?? [];
    list.push({ newCode: link.toCode, kind: link.kind, where: `an existing link of new unit ${link.toCode}` });
    byOld.set(link.fromCode, list);
  }

  for (const row of rows) {
    const rowProblems: string[] = [];
    if (!isKind(row.kind)) rowProblems.push(`${row.where}: kind "${row.kind}" must be "full" or "partial"`);
    const newMatches = newUnits.get(row.newCode) ?? [];
    const oldMatches = oldUnits.get(row.oldCode) ?? [];
    if (newMatches.length === 0) rowProblems.push(`${row.where}: unknown new code "${row.newCode}": no ward of the current (2025) layout has it`);
    else if (newMatches.length > 1) rowProblems.push(`${row.where}: new code "${row.newCode}" names ${newMatches.length} current wards; the boundaries need fixing first`);
    if (oldMatches.length === 0) rowProblems.push(`${row.where}: unknown old code "${row.oldCode}": no ward valid on ${lastPre2025Day} has it`);
    else if (oldMatches.length > 1) rowProblems.push(`${row.where}: old code "${row.oldCode}" names ${oldMatches.length} wards valid on ${lastPre2025Day}; the boundaries need fixing first`);
    const key = `${row.newCode}\u0000${row.oldCode}`;
    const first = pairs.get(key);
    if (first) rowProblems.push(`${row.where}: duplicate pair new "${row.newCode}" ← old "${row.oldCode}" (first at ${first})`);
    else pairs.set(key, row.where);

    if (isKind(row.kind) && !first) {
      const others = byOld.get(row.oldCode) ?? [];
      // One report per conflicting pair, at the later of the two rows.
      const clash = others.find((o) => o.newCode !== row.newCode && (o.kind === "full" || row.kind === "full"));
      if (clash) {
        const full = clash.kind === "full" ? clash : { newCode: row.newCode, where: row.where };
        const other = clash.kind === "full" ? { newCode: row.newCode } : clash;
        rowProblems.push(
          `${row.where}: old code "${row.oldCode}" is linked "full" to new "${full.newCode}" (${full.where}), so it cannot also be linked to new "${other.newCode}"; a "full" link means the whole old ward went to one new ward`,
        );
      }
      others.push({ newCode: row.newCode, kind: row.kind, where: row.where });
      byOld.set(row.oldCode, others);
    }

    if (rowProblems.length) problems.push(...rowProblems);
    else if (isKind(row.kind)) links.push({ fromId: oldMatches[0].id, toId: newMatches[0].id, kind: row.kind, where: row.where });
  }
  return { links, problems };
}
