import { authRouter } from "../auth/router";
import { createCallerFactory, router } from "./init";
import { overviewRouter } from "../overview/router";

export const appRouter = router({
  auth: authRouter,
  overview: overviewRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
