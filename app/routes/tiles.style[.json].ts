import { getDatabase } from "../../server/db/instance";
import { styleResponse } from "../../tiles/http";

/** GET /tiles/style.json — the self-hosted maplibre style (no remote URLs). */
export async function loader() {
  return styleResponse(await getDatabase());
}
