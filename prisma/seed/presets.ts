// How big each preset is. Everything else (terminals, payments, sessions, heartbeats) follows from
// the number of households.
import type { Preset } from "./index";

export interface Volumes {
  households: number;
  /** Dossiers per household per year (demo: 50k households → 150k dossiers). */
  dossiersPerHousehold: number;
  organisations: number;
  /** Households generated from one seeded stream (also the unit of progress). */
  blockSize: number;
  /** Rows buffered per table before a COPY. */
  chunkRows: number;
}

export const volumes: Record<Preset, Volumes> = {
  demo: { households: 50_000, dossiersPerHousehold: 3, organisations: 400, blockSize: 500, chunkRows: 50_000 },
  city: { households: 2_500_000, dossiersPerHousehold: 3, organisations: 3_000, blockSize: 500, chunkRows: 100_000 },
};
