// Every answer of the device API is JSON; errors are { error, details? }.

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers } });
}

export function problem(status: number, error: string, details?: unknown, headers: Record<string, string> = {}): Response {
  return json(status, details === undefined ? { error } : { error, details }, headers);
}
