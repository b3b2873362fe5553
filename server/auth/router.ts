import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { audit } from "../audit/log";
import { authedProcedure, publicProcedure, router } from "../trpc/init";
import { login, loginInput, logout } from "./service";

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.user),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const result = await login(ctx.db, ctx.request, input);
    if (!result.ok) {
      throw new TRPCError({
        code: result.reason === "rate_limited" ? "TOO_MANY_REQUESTS" : "UNAUTHORIZED",
        message: result.reason === "rate_limited" ? `too many attempts; try again in ${result.retryAfterSeconds} s` : "wrong e-mail or password",
      });
    }
    ctx.resHeaders.append("Set-Cookie", result.setCookie);
    return { userId: result.userId };
  }),

  setLocale: authedProcedure.input(z.object({ locale: z.enum(["vi", "en"]) })).mutation(async ({ ctx, input }) => {
    await ctx.db.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: ctx.user.id }, data: { locale: input.locale } });
      await audit(tx, { actorKind: "user", actorId: ctx.user.id, action: "user.set_locale", entity: "user", entityId: ctx.user.id, details: input, ip: ctx.ip });
    });
    return { locale: input.locale };
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    ctx.resHeaders.append("Set-Cookie", await logout(ctx.db, ctx.request, ctx.session.id, ctx.user.id));
    return { ok: true };
  }),
});
