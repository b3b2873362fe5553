// The leadership map: city-wide figures by unit, so admins and leaders only.
import { leaderProcedure, router } from "../trpc/init";
import { unitDetailInput, wardMetricsInput } from "./inputs";
import { unitDetail } from "./unit-detail";
import { wardMetrics } from "./ward-metrics";
import { mapSetup } from "./setup";

export const citymapRouter = router({
  /** Metric values for every unit of a layer and level over a range of days. */
  wardMetrics: leaderProcedure.input(wardMetricsInput).query(({ ctx, input }) => wardMetrics(ctx.db, input)),
  /** One unit's KPIs, series and top services. */
  unitDetail: leaderProcedure.input(unitDetailInput).query(({ ctx, input }) => unitDetail(ctx.db, input)),
  /** Tile addresses (with their versions), the city's extent and the last day with data. */
  setup: leaderProcedure.query(({ ctx }) => mapSetup(ctx.db)),
});
