import { defineConfig } from "vitest/config";

// Kept apart from vite.config.ts: the Remix plugin has no business in unit and integration tests.
// Playwright specs (tests/e2e) are never collected here.
const postgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          env: { CIVIC_TEST_DB: "pglite" },
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: "integration-postgres",
                include: ["tests/integration/**/*.test.ts"],
                environment: "node",
                testTimeout: 120_000,
                hookTimeout: 120_000,
                env: { CIVIC_TEST_DB: "postgres" },
              },
            },
          ]
        : []),
    ],
  },
});
