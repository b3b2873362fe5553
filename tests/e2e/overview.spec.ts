import { expect, test, type Page } from "@playwright/test";
import { vi } from "../../app/lib/i18n/vi";
import { en } from "../../app/lib/i18n/en";
import { e2eUsers, readExpected } from "./fixtures";

const services = ["tuition", "electricity", "water", "fee", "other"] as const;

async function signIn(page: Page, role: keyof typeof e2eUsers) {
  await page.goto("/login?redirectTo=/");
  // Vietnamese whatever language the account last chose (the cookie wins over the account).
  await page.context().addCookies([{ name: "civic_lang", value: "vi", url: new URL(page.url()).origin }]);
  await page.reload();
  await page.getByLabel(vi["login.email"]).fill(e2eUsers[role].email);
  await page.getByLabel(vi["login.password"]).fill(e2eUsers[role].password);
  await page.getByRole("button", { name: vi["login.submit"] }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
}

/** "50.000" → 50000; "71,1%" → 71.1 (Vietnamese: "." groups thousands, "," is the decimal mark). */
function parseVietnamese(text: string): number {
  const cleaned = text.replace(/[^\d,.-]/g, "").replace(/\./g, "").replace(",", ".");
  return Number(cleaned);
}

async function figure(page: Page, testId: string): Promise<{ text: string; value: string | null }> {
  const element = page.getByTestId(testId);
  await expect(element).toBeVisible();
  return { text: (await element.textContent()) ?? "", value: await element.getAttribute("data-value") };
}

/** Share of the map's pixels that are neither the style's background nor white (controls). */
async function paintedShare(page: Page): Promise<number> {
  const png = await page.getByTestId("ward-map").screenshot();
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    if (!context) return 0;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      const background = Math.abs(r - 0xee) + Math.abs(g - 0xf1) + Math.abs(b - 0xf5) < 24;
      const white = r > 245 && g > 245 && b > 245;
      if (!background && !white) painted++;
    }
    return painted / (data.length / 4);
  }, png.toString("base64"));
}

test.describe("leadership overview", () => {
  test("anonymous visitors are sent to sign in first", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("redirectTo") === "/");
  });

  test("a department officer is refused with 403", async ({ page }) => {
    await signIn(page, "officer");
    const response = await page.goto("/");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("alert")).toContainText(vi["error.forbidden"]);
  });

  test("the leader sees the database's figures, the ward map and the trend, in Vietnamese and English", async ({ page }) => {
    const expected = readExpected();
    await signIn(page, "leader");
    await expect(page.getByRole("heading", { level: 1, name: vi["overview.title"] })).toBeVisible();

    await test.step("KPI cards equal the figures computed from the raw tables", async () => {
      const households = await figure(page, "kpi-households");
      expect(parseVietnamese(households.text)).toBe(expected.households);
      const installed = await figure(page, "kpi-terminals-installed");
      expect(parseVietnamese(installed.text)).toBe(expected.terminalsInstalled);
      const active = await figure(page, "kpi-terminals-active");
      expect(parseVietnamese(active.text)).toBe(expected.terminalsActive24h);

      const share = await figure(page, "kpi-online-dossier-share");
      expect(Number(share.value)).toBeCloseTo(expected.onlineDossierShareThisMonth, 9);
      expect(parseVietnamese(share.text)).toBeCloseTo(Math.round(expected.onlineDossierShareThisMonth * 1000) / 10, 5);

      for (const service of services) {
        const count = await figure(page, `payments-count-${service}`);
        expect(parseVietnamese(count.text), `${service} count`).toBe(expected.paymentsThisMonth[service].count);
        const amount = await figure(page, `payments-amount-${service}`);
        expect(Number(amount.value), `${service} amount`).toBe(expected.paymentsThisMonth[service].amountVnd);
        expect(amount.text).toContain("₫");
      }
    });

    await test.step("the map draws the current wards from the local tiles", async () => {
      const map = page.locator('[data-testid="ward-map"][data-loaded="true"]');
      await expect(map).toBeVisible({ timeout: 45_000 });
      const rendered = Number(await map.getAttribute("data-rendered-wards"));
      expect(rendered).toBeGreaterThan(0);
      expect(rendered).toBeLessThanOrEqual(expected.wardCount);
      expect(await paintedShare(page)).toBeGreaterThan(0.05);
    });

    await test.step("hovering a ward shows its name and coverage", async () => {
      const box = await page.getByTestId("ward-map").boundingBox();
      if (!box) throw new Error("the map has no box");
      const tooltip = page.getByTestId("map-tooltip");
      // The city is fitted to the map, so one of these points lies on a ward.
      for (const [fx, fy] of [[0.5, 0.5], [0.45, 0.55], [0.55, 0.45], [0.4, 0.4], [0.6, 0.6]]) {
        await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
        if (await tooltip.isVisible()) break;
      }
      await expect(tooltip).toBeVisible();
      await expect(tooltip).toContainText(vi["map.tooltip.coverage"]);
      await expect(tooltip.locator("strong")).not.toBeEmpty();
      await page.mouse.move(box.x - 20, box.y - 20);
      await expect(tooltip).toBeHidden();
    });

    await test.step("the ward table offers the same data to keyboard users", async () => {
      const table = page.getByTestId("ward-table");
      await table.locator("summary").focus();
      await page.keyboard.press("Enter");
      await expect(table.locator("tbody tr")).toHaveCount(expected.wardCount);
    });

    await test.step("the trend chart is drawn with an accessible name", async () => {
      await expect(page.getByRole("img", { name: vi["chart.trend.title"] })).toBeVisible();
      expect(await page.locator(".trend-chart svg path").count()).toBeGreaterThanOrEqual(services.length);
    });

    await test.step("the English switch relabels the page and formats numbers the English way", async () => {
      await page.locator("header.topbar").getByRole("button", { name: new RegExp(vi["lang.switch"]) }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { level: 1, name: en["overview.title"] })).toBeVisible();
      await expect(page.getByRole("heading", { name: en["overview.kpi.households"] })).toBeVisible();
      await expect(page.getByRole("heading", { name: en["map.title"] })).toBeVisible();
      await expect(page.getByTestId("kpi-households")).toHaveText(new Intl.NumberFormat("en-GB").format(expected.households));
      await expect(page.locator('[data-testid="ward-map"][data-loaded="true"]')).toBeVisible({ timeout: 45_000 });

      // The switch is remembered on the account: hand it back in Vietnamese for the specs after this one.
      await page.locator("header.topbar").getByRole("button", { name: new RegExp(en["lang.switch"]) }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    });
  });
});
