// Browsers ask for /favicon.ico on pages whose <head> they did not get (error pages, downloads).
const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b4f8a"/></svg>`;

export const loader = () =>
  new Response(icon, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" } });
