// The app served under a sub-path (/academy/): links, deep links, reloads and offline.
import { test, expect } from "@playwright/test";

const BASE = "http://127.0.0.1:4176/academy";

test("under a sub-path, navigation, deep links, reloads and offline all stay inside it", async ({ page, context }) => {
  // The service worker saves the whole app for offline use first: slow on a busy machine.
  test.setTimeout(90_000);
  await page.goto(`${BASE}/`);
  await expect(page.getByRole("link", { name: "Start the diagnostic" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Curriculum" }).click();
  await expect(page).toHaveURL(`${BASE}/curriculum`);
  await page.getByText("Store Foundations", { exact: true }).click();
  await page.getByRole("link", { name: "Choosing a Niche You Can Win" }).click();
  await expect(page).toHaveURL(`${BASE}/lesson/1.1.1.1`);
  await page.getByRole("link", { name: /Next lesson/ }).click();
  await expect(page).toHaveURL(`${BASE}/lesson/1.1.1.2`);
  await page.reload();
  await expect(page.getByText("Lesson 1.1.1.2", { exact: true })).toBeVisible();
  await page.goto(`${BASE}/lesson/ai-quantization-explained`);
  await expect(page).toHaveURL(`${BASE}/lesson/8.9.3.2`);
  const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
  expect(manifest).toBe(`${BASE}/manifest.webmanifest`);
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  await page.waitForFunction(() => window.storewiseOffline === "all", null, { timeout: 60_000 });
  await context.setOffline(true);
  await page.goto(`${BASE}/lesson/3.1.1.1`);
  await expect(page.getByText("Lesson 3.1.1.1", { exact: true })).toBeVisible();
});
