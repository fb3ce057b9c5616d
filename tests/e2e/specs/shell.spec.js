// The app shell: Home, About, Not found, keyboard use, the theme, accessibility.
import { test, expect } from "@playwright/test";
import { open, expectAccessible, watchConsole, started } from "./helpers.js";

test("Home presents the diagnostic's promise with a primary action", async ({ page }) => {
  const errors = watchConsole(page);
  await open(page, "/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("About 5 minutes")).toBeVisible();
  await expect(page.getByText(/\d{3,} skill checkpoints/).first()).toBeVisible();
  await expect(page.getByText("A dynamic roadmap")).toBeVisible();
  await page.getByRole("link", { name: "Start the diagnostic" }).click();
  await expect(page).toHaveURL(/\/diagnostic$/);
  expect(errors).toEqual([]);
});

test("the navigation leads from Home to About", async ({ page }) => {
  await open(page, "/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "About" }).click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole("heading", { level: 1, name: /About/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "About" })).toHaveAttribute("aria-current", "page");
});

test("an unknown address shows Not found with a way back", async ({ page }) => {
  await open(page, "/no/such/page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText("/no/such/page")).toBeVisible();
  await page.getByRole("link", { name: "Back to Home" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("About 5 minutes")).toBeVisible();
});

test("the whole journey works by keyboard alone", async ({ page }) => {
  await open(page, "/");
  // The first Tab reaches the skip link, which moves focus to the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // Tab through the header to the About link, and follow it with Enter.
  await open(page, "/");
  const about = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "About" });
  for (let i = 0; i < 10 && !(await about.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(about).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /About/ })).toBeVisible();
  // The theme switch answers Space, and a Not found page leads back by keyboard.
  await open(page, "/missing-page");
  const back = page.getByRole("link", { name: "Back to Home" });
  for (let i = 0; i < 15 && !(await back.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(back).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("About 5 minutes")).toBeVisible();
});

test("the theme toggle is remembered across a reload", async ({ page }) => {
  await open(page, "/");
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await started(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
});

for (const [name, path] of [["Home", "/"], ["About", "/about"], ["Not found", "/nowhere"]]) {
  for (const scheme of ["light", "dark"]) {
    test(`${name} has no accessibility violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, path);
      await expectAccessible(page, `on ${name} (${scheme})`);
    });
  }
}

test("Home and a lesson with a table fit a 320 px wide screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  // Lesson 1.1.1.1's open masterclass has a table, which scrolls inside its own box.
  for (const path of ["/", "/lesson/1.1.1.1"]) {
    await open(page, path);
    if (path !== "/") await expect(page.locator("main table").first()).toBeAttached();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
