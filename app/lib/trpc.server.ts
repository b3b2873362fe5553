import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext, type Context } from "../../server/trpc/context";
import { appRouter, createCaller } from "../../server/trpc/root";

// The root loader and the page loader of one navigation share a request: validate its session once.
const contexts = new WeakMap<Request, Promise<Context>>();

/** Server-side tRPC caller for a loader or action: same procedures, same role checks, no HTTP hop. */
export async function serverCaller(request: Request): Promise<{ caller: ReturnType<typeof createCaller>; ctx: Context }> {
  let pending = contexts.get(request);
  if (!pending) {
    pending = createContext(request);
    contexts.set(request, pending);
  }
  const ctx = await pending;
  return { caller: createCaller(ctx), ctx };
}

/** The HTTP face of the same router, for the browser's tRPC client at /api/trpc/*. */
export function handleTrpcRequest(request: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async ({ resHeaders }) => {
      const ctx = await createContext(request);
      ctx.resHeaders.forEach((value, key) => resHeaders.append(key, value));
      // Cookies set by procedures (login, logout) must reach the response too.
      return { ...ctx, resHeaders };
    },
  });
}
