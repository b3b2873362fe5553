import { defineConfig, devices } from "@playwright/test";
import { e2eDataDir, e2ePort } from "./tests/e2e/fixtures";

// Debian's Chromium, never a downloaded browser build (`npx playwright install` cannot work
// offline). The flags are the ones that run headless as root with WebGL through SwiftShader,
// so maplibre draws. See ENVIRONMENT.md. Exported for the bench harness (tests/bench/page-load.ts).
export const chromiumArgs = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];
export const chromiumExecutable = "/usr/bin/chromium";

const baseURL = `http://127.0.0.1:${e2ePort}`;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // One server, one database: specs run one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: "test-results",
  reporter: [
    ["list"],
    // scripts/test.sh reads this for its closing "N passed, N failed" line.
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? ".cache/test-results/playwright.json" }],
  ],
  use: {
    baseURL,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    screenshot: "only-on-failure",
    trace: "off",
    ...devices["Desktop Chrome"],
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The database was prepared by scripts/e2e-prepare.ts; start.ts builds when the build is stale.
    command: "npx tsx server/start.ts",
    url: `${baseURL}/login`,
    env: { DATA_DIR: e2eDataDir, PORT: String(e2ePort), SEED_ON_START: "0", DATABASE_URL: "" },
    reuseExistingServer: false,
    timeout: 180_000,
    // Build chatter goes to stdout; the server's own messages and errors to stderr.
    stdout: "ignore",
    stderr: "pipe",
  },
});
