// The registry for the operator UI and the leadership views, over tRPC. Not mounted by this file:
// add `terminals: terminalsRouter` to server/trpc/root.ts. Registration and the lifecycle are
// admin work (there is no installer role yet); reading connectivity and metrics is for leaders.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { adminProcedure, leaderProcedure, router } from "../trpc/init";
import type { Actor } from "./errors";
import { RegistryError } from "./errors";
import { connectivityByWard, terminalConnectivity } from "./connectivity";
import { decommissionTerminal, provisionTerminal, replaceTerminal, terminalHistory } from "./provision";
import { registerHousehold } from "./register";
import { MAX_CSV_ROWS, registerHouseholdsCsv } from "./register-csv";
import { wardMetrics } from "./ward-metrics";

const terminalDetails = {
  model: z.string().min(1).max(64).optional(),
  firmware: z.string().min(1).max(32).optional(),
  simIccid: z.string().regex(/^\d{18,22}$/).optional(),
  simMsisdn: z.string().regex(/^\+?\d{9,15}$/).optional(),
  simOperator: z.string().min(1).max(32).optional(),
};
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const status = { invalid: "BAD_REQUEST", not_found: "NOT_FOUND", conflict: "CONFLICT" } as const;

/** Registry errors keep their message and get the matching tRPC code. */
async function asTrpc<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RegistryError) throw new TRPCError({ code: status[error.kind], message: error.message, cause: error });
    throw error;
  }
}

const actorOf = (ctx: { user: { id: string }; ip: string }): Actor => ({ kind: "user", id: ctx.user.id, ip: ctx.ip });

export const terminalsRouter = router({
  registerHousehold: adminProcedure
    .input(z.object({ lon: z.number(), lat: z.number(), address: z.string(), members: z.number().int().optional() }))
    .mutation(({ ctx, input }) => asTrpc(() => registerHousehold(ctx.db, input, actorOf(ctx)))),

  /** All or nothing; a refused file comes back as { ok: false, errors } (not as an error), so the UI can list them. */
  registerHouseholdsCsv: adminProcedure
    .input(z.object({ csv: z.string().max(MAX_CSV_ROWS * 400) }))
    .mutation(({ ctx, input }) => registerHouseholdsCsv(ctx.db, input.csv, actorOf(ctx))),

  /** The secret is in this answer only; the UI must show it once and never store it. */
  provision: adminProcedure
    .input(z.object({ householdCode: z.string(), ...terminalDetails }))
    .mutation(({ ctx, input }) => asTrpc(() => provisionTerminal(ctx.db, input, actorOf(ctx)))),

  replace: adminProcedure
    .input(z.object({ terminalCode: z.string(), reason: z.string().max(500).optional(), ...terminalDetails }))
    .mutation(({ ctx, input }) => asTrpc(() => replaceTerminal(ctx.db, input, actorOf(ctx)))),

  decommission: adminProcedure
    .input(z.object({ terminalCode: z.string(), reason: z.string().max(500).optional() }))
    .mutation(({ ctx, input }) => asTrpc(() => decommissionTerminal(ctx.db, input, actorOf(ctx)))),

  history: leaderProcedure.input(z.object({ terminalCode: z.string() })).query(({ ctx, input }) => asTrpc(() => terminalHistory(ctx.db, input.terminalCode))),

  state: leaderProcedure.input(z.object({ terminalCode: z.string() })).query(async ({ ctx, input }) => {
    const state = await terminalConnectivity(ctx.db, input.terminalCode.trim().toUpperCase(), new Date());
    if (!state) throw new TRPCError({ code: "NOT_FOUND", message: `no terminal has the code ${input.terminalCode}` });
    return state;
  }),

  connectivityByWard: leaderProcedure.query(({ ctx }) => connectivityByWard(ctx.db, new Date())),

  wardMetrics: leaderProcedure.input(z.object({ from: day, to: day })).query(({ ctx, input }) => asTrpc(() => wardMetrics(ctx.db, { ...input, now: new Date() }))),
});
