import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Role } from "../db/generated/client";
import type { Context } from "./context";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? error.cause.issues : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

export const publicProcedure = t.procedure;

export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});

/** Only these roles may call the procedure. */
export function roleProcedure(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `this needs one of the roles: ${roles.join(", ")}` });
    }
    return next({ ctx });
  });
}

/** City-wide reading: admins and leaders. */
export const leaderProcedure = roleProcedure("admin", "leader");
export const adminProcedure = roleProcedure("admin");

/**
 * For procedures about one department: officers only for their own department; admins and
 * leaders for any. The department id is checked by `assertDepartmentScope` inside the resolver.
 */
export const departmentProcedure = roleProcedure("admin", "leader", "officer");

export function assertDepartmentScope(user: Context["user"], departmentId: number): void {
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  if (user.role === "admin" || user.role === "leader") return;
  if (user.role === "officer" && user.departmentId === departmentId) return;
  throw new TRPCError({ code: "FORBIDDEN", message: "this belongs to another department" });
}
