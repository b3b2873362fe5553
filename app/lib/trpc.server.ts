import { createContext, type Context } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";

/** Server-side tRPC caller for a loader or action: same procedures, same role checks, no HTTP hop. */
export async function serverCaller(request: Request): Promise<{ caller: ReturnType<typeof createCaller>; ctx: Context }> {
  const ctx = await createContext(request);
  return { caller: createCaller(ctx), ctx };
}
