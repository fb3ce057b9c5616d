// Shared steps for the end-to-end specs.
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";

/** Opens a page of the app and waits until the app has started (it replaces the static
 *  first screen of index.html) and rendered its main heading. */
export async function open(page, path) {
  await page.goto(path);
  await started(page);
}

/** Waits until the app has replaced the static first screen and shows its main heading. */
export async function started(page) {
  await expect(page.locator("#boot")).toHaveCount(0);
  await expect(page.locator("main h1")).toBeVisible();
}

/** Runs axe-core (WCAG 2.x A and AA rules) on the page and expects no violations. */
export async function expectAccessible(page, context = "") {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `accessibility violations ${context}`).toEqual([]);
}

/** Fails the test on any error printed to the browser console. */
export function watchConsole(page) {
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  return errors;
}
