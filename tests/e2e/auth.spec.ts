import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { vi } from "../../app/lib/i18n/vi";
import { en } from "../../app/lib/i18n/en";
import { e2eExpectedFile, e2eUsers } from "./fixtures";

/** Display names given to the e2e accounts by scripts/e2e-prepare.ts. */
function userName(role: keyof typeof e2eUsers): string {
  const names = JSON.parse(readFileSync(path.join(path.dirname(e2eExpectedFile), "users.json"), "utf8")) as Record<string, string>;
  return names[role];
}

const topBar = (page: Page) => page.locator("header.topbar");

test.describe("signing in and out", () => {
  test("a wrong password shows the Vietnamese error and keeps the visitor on the login page", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { name: vi["login.title"] })).toBeVisible();
    await page.getByLabel(vi["login.email"]).fill(e2eUsers.leader.email);
    await page.getByLabel(vi["login.password"]).fill("day-khong-phai-mat-khau");
    await page.getByRole("button", { name: vi["login.submit"] }).click();
    await expect(page.getByRole("alert")).toHaveText(vi["login.invalid"]);
    await expect(page).toHaveURL(/\/login/);
    expect((await page.context().cookies()).some((c) => c.name === "civic_session")).toBe(false);
  });

  test("the leader signs in, sees their name, and signs out", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel(vi["login.email"]).fill(e2eUsers.leader.email);
    await page.getByLabel(vi["login.password"]).fill(e2eUsers.leader.password);
    await page.getByRole("button", { name: vi["login.submit"] }).click();

    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(topBar(page)).toContainText(userName("leader"));
    await expect(topBar(page)).toContainText(vi["role.leader"]);
    const session = (await page.context().cookies()).find((c) => c.name === "civic_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });

    await topBar(page).getByRole("button", { name: vi["nav.logout"] }).click();
    await expect(topBar(page).getByRole("link", { name: vi["nav.login"] })).toBeVisible();
    await expect(topBar(page)).not.toContainText(userName("leader"));
    // The session is gone on the server too: the old cookie no longer opens anything.
    await page.context().addCookies([{ ...session!, expires: -1 }]);
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: vi["login.title"] })).toBeVisible();
  });

  test("the language switch turns the interface English and is remembered across a reload", async ({ page }) => {
    await page.goto("/login");
    await expect(page).toHaveTitle(new RegExp(vi["login.title"]));
    await topBar(page).getByRole("button", { name: new RegExp(vi["lang.switch"]) }).click();

    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: en["login.title"] })).toBeVisible();
    await expect(page.getByLabel(en["login.password"])).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(en["login.title"]));
    expect((await page.context().cookies()).find((c) => c.name === "civic_lang")?.value).toBe("en");

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: en["login.title"] })).toBeVisible();

    // And back.
    await topBar(page).getByRole("button", { name: new RegExp(en["lang.switch"]) }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { name: vi["login.title"] })).toBeVisible();
  });

  test("signing in works with the keyboard alone (Tab and Enter)", async ({ page }) => {
    await page.goto("/login");
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute("name") ?? document.activeElement?.tagName ?? "");
    // Tab until the e-mail field has focus (it may already have it: the field asks for autofocus).
    for (let presses = 0; (await focusedName()) !== "email"; presses++) {
      if (presses > 30) throw new Error("the e-mail field cannot be reached with Tab");
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type(e2eUsers.admin.email);
    await page.keyboard.press("Tab");
    expect(await focusedName()).toBe("password");
    await page.keyboard.type(e2eUsers.admin.password);
    await page.keyboard.press("Enter");

    await expect(topBar(page)).toContainText(userName("admin"));
    await expect(topBar(page)).toContainText(vi["role.admin"]);
  });
});
