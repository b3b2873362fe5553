import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../../server/trpc/root";
import { createContext } from "../../server/trpc/context";

function handle(request: Request) {
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

export const loader = ({ request }: LoaderFunctionArgs) => handle(request);
export const action = ({ request }: ActionFunctionArgs) => handle(request);
