// The two unit layers the leadership map can show. Hanoi went from 30 districts and 579 wards
// (three tiers) to 126 wards directly under the city (two tiers) on 2025-07-01, and figures are
// recorded under whichever ward a household belonged to when they happened. A layer is a set of
// administrative units; server/history/transfer.ts moves figures between the two.
import { Prisma } from "../db/generated/client";

export const unitLayers = ["2025", "pre2025"] as const;
export type UnitLayer = (typeof unitLayers)[number];

export const unitLevels = ["ward", "district"] as const;
export type UnitLevelChoice = (typeof unitLevels)[number];

/** The last day of the three-tier layout (valid_to of the 579 wards and the 30 districts). */
export const lastPre2025Day = "2025-06-30";
/** The first day of the two-tier layout. */
export const firstTwoTierDay = "2025-07-01";

export function isUnitLayer(value: unknown): value is UnitLayer {
  return typeof value === "string" && (unitLayers as readonly string[]).includes(value);
}

/** Whether a layer has the level: since 2025-07-01 wards report directly to the city. */
export function layerHasLevel(layer: UnitLayer, level: UnitLevelChoice): boolean {
  return level === "ward" || layer === "pre2025";
}

/**
 * SQL predicate (over `admin_unit` aliased `u`) selecting a layer's units of one level.
 * "2025" is the wards in force now (valid_to IS NULL) — the set the overview shows; "pre2025" is
 * every unit of the level valid on the last day of the old layout. A unit that never changed is in
 * both and maps to itself.
 */
export function layerPredicate(layer: UnitLayer, level: UnitLevelChoice): Prisma.Sql {
  if (!layerHasLevel(layer, level)) throw new Error(`the ${layer} layer has no ${level} level`);
  if (layer === "2025") return Prisma.sql`(u.level = 'ward' AND u.valid_to IS NULL)`;
  return Prisma.sql`(u.level = ${level}::"UnitLevel" AND u.valid_from <= ${lastPre2025Day}::date AND (u.valid_to IS NULL OR u.valid_to >= ${lastPre2025Day}::date))`;
}
