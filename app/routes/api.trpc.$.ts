import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleTrpcRequest } from "../lib/trpc.server";

export const loader = ({ request }: LoaderFunctionArgs) => handleTrpcRequest(request);
export const action = ({ request }: ActionFunctionArgs) => handleTrpcRequest(request);
