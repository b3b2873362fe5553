// The spatial index of the units in force now, straight from the database: what registration
// uses to put a new household in its ward, and what a pre-2025 ward import uses to find each
// ward's district.
import type { PrismaClient } from "../db/generated/client";
import { asAreaGeometry } from "./geometry";
import { WardIndex } from "./ward-index";

type UnitReader = Pick<PrismaClient, "adminUnit">;

/**
 * Indexes the current (valid_to IS NULL) units of a level by id. Units without a polygon are
 * left out. Lower ids come first, so where two current units overlap the older row wins.
 */
export async function loadUnitIndex(db: UnitReader, level: "ward" | "district" = "ward"): Promise<WardIndex<number>> {
  const units = await db.adminUnit.findMany({ where: { level, validTo: null }, select: { id: true, geometry: true }, orderBy: { id: "asc" } });
  return WardIndex.build(
    units.flatMap((u) => {
      const geometry = asAreaGeometry(u.geometry);
      return geometry ? [{ id: u.id, geometry }] : [];
    }),
  );
}
