import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { chromiumArgs, chromiumExecutable } from "../../playwright.config";
import { median, type Figure, type Skipped } from "./stats";
import { benchLeader } from "./seed";

const runs = 5;
const mapSelector = "[data-testid=ward-map][data-loaded=true]";

/** Milliseconds from navigation start to the end of the load event, as the page itself saw it. */
async function loadEventMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return nav.loadEventEnd;
  });
}

async function signIn(context: BrowserContext, base: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.locator("input[name=email]").fill(benchLeader.email);
  await page.locator("input[name=password]").fill(benchLeader.password);
  await Promise.all([page.waitForURL((url) => url.pathname === "/"), page.locator("form button[type=submit]").last().click()]);
  await page.close();
}

/**
 * The overview (`/`) for a signed-in leader in headless Chromium: time to `load`, and time until
 * the ward map says it has drawn. The static login page, loaded the same way, is the baseline.
 */
export async function benchPageLoad(base: string): Promise<{ figures: Figure[]; skipped: Skipped[] }> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    const loginLoads: number[] = [];
    const anonymous = await browser.newContext();
    for (let i = 0; i < runs; i++) {
      const page = await anonymous.newPage();
      await page.goto(`${base}/login`, { waitUntil: "load" });
      loginLoads.push(await loadEventMs(page));
      await page.close();
    }
    await anonymous.close();
    const baseline = { name: `/login (static page) to load, median of ${runs}`, value: median(loginLoads), unit: "ms" as const, samples: loginLoads.map(Math.round) };

    const context = await browser.newContext();
    await signIn(context, base);
    const loads: number[] = [];
    const maps: number[] = [];
    let mapMissing = "";
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(`${base}/`, { waitUntil: "load" });
      loads.push(await loadEventMs(page));
      if (!mapMissing) {
        try {
          // performance.now() is measured from the navigation's start, like loadEventEnd.
          const handle = await page.waitForFunction((selector) => (document.querySelector(selector) ? performance.now() : 0), mapSelector, { timeout: 60_000, polling: 20 });
          maps.push((await handle.jsonValue()) as number);
        } catch {
          mapMissing = `no ${mapSelector} within 60 s (is the overview map in place?)`;
        }
      }
      await page.close();
    }
    await context.close();

    const figures: Figure[] = [
      {
        name: `overview / to load event, signed-in leader (median of ${runs})`,
        value: median(loads),
        unit: "ms",
        samples: loads.map(Math.round),
        baseline,
        notes: `first (cold cache) ${Math.round(loads[0])} ms`,
      },
    ];
    const skipped: Skipped[] = [];
    if (mapMissing) skipped.push({ name: "overview ward map drawn", reason: mapMissing });
    else
      figures.push({
        name: `overview / to ward map drawn (median of ${runs})`,
        value: median(maps),
        unit: "ms",
        samples: maps.map(Math.round),
        baseline,
        notes: `first (cold cache) ${Math.round(maps[0])} ms`,
      });
    return { figures, skipped };
  } finally {
    await browser.close();
  }
}
