import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      ignoredRouteFiles: ["**/*.css", "**/*.test.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  resolve: {
    alias: { "~": new URL("./app", import.meta.url).pathname },
  },
  // Listed up front so the dev server does not discover them late and reload mid-hydration.
  optimizeDeps: {
    include: ["maplibre-gl", "d3", "@tanstack/react-query", "@trpc/client", "@trpc/tanstack-react-query", "react", "react-dom"],
    // Server-only packages reachable from route modules' loaders; never part of the client bundle.
    exclude: ["@node-rs/argon2", "@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/client", "pg", "pg-copy-streams"],
  },
  ssr: {
    // Server-only packages with native or WebAssembly parts stay external to the SSR bundle.
    external: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/client", "@prisma/schema-engine-wasm", "@node-rs/argon2", "pg", "pg-copy-streams"],
  },
  server: { port: Number(process.env.PORT ?? 3000) },
});
