// Device API resource route: POST /api/v1/terminals/events (signed batches from household
// terminals). The handler reads the raw body itself, because the signature covers its exact bytes.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getIngestHandler } from "../../server/ingest/instance";

export async function action({ request }: ActionFunctionArgs): Promise<Response> {
  return (await getIngestHandler())(request);
}

/** GET (and HEAD) reach the loader: answer 405 like every other method but POST. */
export async function loader({ request }: ActionFunctionArgs): Promise<Response> {
  return (await getIngestHandler())(request);
}
