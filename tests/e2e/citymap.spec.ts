import { expect, test, type Page } from "@playwright/test";
import { vi } from "../../app/lib/i18n/vi";
import { en } from "../../app/lib/i18n/en";
import { e2eUsers } from "./fixtures";
import { readCitymapExpected } from "./citymap-expected";

async function signIn(page: Page, role: keyof typeof e2eUsers, target: string) {
  await page.goto(`/login?redirectTo=${encodeURIComponent(target)}`);
  await page.context().addCookies([{ name: "civic_lang", value: "vi", url: new URL(page.url()).origin }]);
  await page.reload();
  await page.getByLabel(vi["login.email"]).fill(e2eUsers[role].email);
  await page.getByLabel(vi["login.password"]).fill(e2eUsers[role].password);
  await page.getByRole("button", { name: vi["login.submit"] }).click();
  await expect(page).toHaveURL((url) => url.pathname === new URL(target, "http://x").pathname);
}

/** "50.000" → 50000 (Vietnamese: "." groups thousands). */
function parseVietnamese(text: string | null): number {
  return Number((text ?? "").replace(/[^\d,.-]/g, "").replace(/\./g, "").replace(",", "."));
}

/** Share of pixels that differ between two screenshots of the same element. */
async function differingShare(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second]) => {
      const load = async (data: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d");
        context?.drawImage(image, 0, 0);
        return context?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      };
      const [x, y] = await Promise.all([load(first), load(second)]);
      if (x.length !== y.length || x.length === 0) return 1;
      let differ = 0;
      for (let i = 0; i < x.length; i += 4) if (Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]) > 30) differ++;
      return differ / (x.length / 4);
    },
    [a.toString("base64"), b.toString("base64")] as const,
  );
}

const attr = async (page: Page, name: string) => Number(await page.getByTestId("city-map").getAttribute(name));

test.describe("leadership map", () => {
  test("anonymous visitors are sent to sign in first", async ({ page }) => {
    await page.goto("/map?metric=coverage");
    await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("redirectTo") === "/map?metric=coverage");
  });

  test("a department officer is refused with 403, and so are the terminal tiles", async ({ page }) => {
    await signIn(page, "officer", "/");
    const response = await page.goto("/map");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("alert")).toContainText(vi["error.forbidden"]);
    const tile = await page.request.get("/tiles/terminals/10/813/454.pbf");
    expect(tile.status()).toBe(403);
  });

  test("the map draws the wards and terminal clusters; a clicked ward's panel shows the database's figures; the metric selector recolours the map", async ({ page }) => {
    const expected = readCitymapExpected();
    await signIn(page, "leader", `/map?from=${expected.from}&to=${expected.to}`);
    await expect(page.getByRole("heading", { level: 1, name: vi["citymap.title"] })).toBeVisible();
    const map = page.getByTestId("city-map");
    await expect(map).toHaveAttribute("data-loaded", "true");

    await test.step("every current ward is drawn, and terminals arrive as clusters", async () => {
      await expect.poll(() => attr(page, "data-rendered-wards")).toBe(expected.wardCount);
      await expect.poll(() => attr(page, "data-rendered-clusters")).toBeGreaterThan(0);
      const terminals = Object.values(expected.wards).reduce((s, w) => s + w.terminals, 0);
      // Clusters, not points: far fewer features than terminals.
      expect(await attr(page, "data-rendered-clusters")).toBeLessThan(terminals / 10);
    });

    await test.step("clicking a ward opens its panel with the figures computed from the raw tables", async () => {
      // Hide the clusters so the click lands on the ward under them.
      await page.getByTestId("terminals-toggle").uncheck();
      await expect.poll(() => attr(page, "data-rendered-clusters")).toBe(0);
      const box = await map.boundingBox();
      if (!box) throw new Error("the map has no box");
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
      await expect(page.getByTestId("citymap-tooltip")).toBeVisible();
      await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
      const panel = page.getByTestId("unit-panel");
      await expect(panel).toBeVisible();
      const code = (await panel.getAttribute("data-code")) ?? "";
      const ward = expected.wards[code];
      expect(ward, `the clicked ward ${code} is a current ward`).toBeDefined();
      await expect(page).toHaveURL((url) => url.searchParams.get("ward") === code);
      await expect(panel.getByRole("heading", { level: 2 })).toHaveText(ward.name);
      const figures: [string, number][] = [
        ["households", ward.households],
        ["terminals", ward.terminals],
        ["payments", ward.payments],
        ["payments-value", ward.amountVnd],
        ["sessions", ward.sessions],
      ];
      for (const [id, value] of figures) await expect(page.getByTestId(`panel-${id}`), id).toHaveAttribute("data-value", String(value));
      expect(parseVietnamese(await page.getByTestId("panel-households").textContent())).toBe(ward.households);
      expect(parseVietnamese(await page.getByTestId("panel-payments").textContent())).toBe(ward.payments);
      await expect(page.getByTestId("payments-chart").locator("svg")).toBeVisible();
      await expect(page.getByTestId("active-chart").locator("svg")).toBeVisible();
    });

    await test.step("the metric selector recolours the map", async () => {
      await page.getByTestId("terminals-toggle").check();
      await expect.poll(() => attr(page, "data-rendered-clusters")).toBeGreaterThan(0);
      const digest = await map.getAttribute("data-colour-digest");
      const before = await map.screenshot();
      await page.getByTestId("metric-select").selectOption("paymentsValue");
      await expect(map).toHaveAttribute("data-metric", "paymentsValue");
      await expect(map).not.toHaveAttribute("data-colour-digest", digest ?? "");
      await expect(page).toHaveURL((url) => url.searchParams.get("metric") === "paymentsValue");
      await expect(page.getByTestId("citymap-legend")).toContainText(vi["citymap.metric.paymentsValue"]);
      await expect.poll(async () => differingShare(page, before, await map.screenshot()), { timeout: 15_000 }).toBeGreaterThan(0.03);
    });
  });

  test("a shared address restores the view: pre-2025 districts, a metric, a selected unit; the keyboard reaches every ward; English", async ({ page }) => {
    const expected = readCitymapExpected();
    await signIn(page, "leader", `/map?metric=sessionsPerHousehold&level=district&layer=pre2025&from=${expected.from}&to=${expected.to}`);
    const map = page.getByTestId("city-map");
    await expect(map).toHaveAttribute("data-loaded", "true");
    await expect(page.getByTestId("metric-select")).toHaveValue("sessionsPerHousehold");
    await expect.poll(() => attr(page, "data-rendered-wards")).toBe(expected.districtCount);

    await test.step("the ranked list is a keyboard way in: filter, Enter opens a panel, Escape closes it", async () => {
      const first = page.getByTestId("unit-list").locator("ol.ranked button").first();
      const name = (await first.locator(".name").textContent()) ?? "";
      await page.getByTestId("unit-filter").fill(name);
      await page.getByTestId("unit-filter").press("Tab");
      await page.keyboard.press("Enter");
      const panel = page.getByTestId("unit-panel");
      await expect(panel.getByRole("heading", { level: 2 })).toHaveText(name);
      await expect(panel.getByRole("heading", { level: 2 })).toBeFocused();
      await expect(page).toHaveURL((url) => url.searchParams.get("ward") !== null && url.searchParams.get("level") === "district");
      await page.keyboard.press("Escape");
      await expect(page.getByTestId("unit-list")).toBeVisible();
    });

    await test.step("the ward level of the old layout draws the pre-2025 wards", async () => {
      await page.getByRole("radio", { name: vi["citymap.level.ward"] }).click();
      await expect(page).toHaveURL((url) => url.searchParams.get("level") === "ward" && url.searchParams.get("layer") === "pre2025");
      await expect.poll(() => attr(page, "data-rendered-wards")).toBeGreaterThan(expected.districtCount);
      expect(await attr(page, "data-rendered-wards")).toBeLessThanOrEqual(expected.oldWardCount);
    });

    await test.step("the English switch keeps the view", async () => {
      const before = new URL(page.url()).searchParams.toString();
      await page.getByRole("button", { name: /English/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: en["citymap.title"] })).toBeVisible();
      expect(new URL(page.url()).searchParams.get("metric")).toBe("sessionsPerHousehold");
      expect(new URL(page.url()).searchParams.get("layer")).toBe(new URLSearchParams(before).get("layer"));
      await expect(page.getByTestId("city-map")).toHaveAttribute("data-loaded", "true");
    });
  });
});
