import { z } from "zod";
import { leaderProcedure, router } from "../trpc/init";
import { overviewKpis, paymentsTrend, wardCoverage } from "./queries";

export const paymentsTrendInput = z
  .object({
    /** Calendar months ending with the current one. */
    months: z.number().int().min(1).max(36),
  })
  .optional();

/** The leadership overview: city-wide figures, so admins and leaders only. */
export const overviewRouter = router({
  kpis: leaderProcedure.query(({ ctx }) => overviewKpis(ctx.db.prisma)),
  wardCoverage: leaderProcedure.query(({ ctx }) => wardCoverage(ctx.db.prisma)),
  paymentsTrend: leaderProcedure.input(paymentsTrendInput).query(({ ctx, input }) => paymentsTrend(ctx.db.prisma, input?.months ?? 12)),
});
