import { authRouter } from "../auth/router";
import { createCallerFactory, router } from "./init";
import { overviewRouter } from "../overview/router";
import { citymapRouter } from "../citymap/router";
import { terminalsRouter } from "../terminals/router";

export const appRouter = router({
  auth: authRouter,
  overview: overviewRouter,
  citymap: citymapRouter,
  terminals: terminalsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
