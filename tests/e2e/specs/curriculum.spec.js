// The curriculum browser and the lesson reader.
import { test, expect } from "@playwright/test";
import { open, expectAccessible } from "./helpers.js";

test("filter the curriculum and open 8.9.3.2 from it", async ({ page }) => {
  await open(page, "/curriculum");
  const count = page.getByRole("status").filter({ hasText: "Showing" });
  const all = await count.textContent();
  await page.getByLabel("Path").selectOption({ label: "Lab" });
  await page.getByLabel("Difficulty").selectOption({ label: "Hero" });
  await expect(page).toHaveURL(/path=lab/);
  await expect(page).toHaveURL(/difficulty=hero/);
  await expect(count).not.toHaveText(all);
  const link = page.getByRole("link", { name: "Quantization Explained" });
  await expect(link).toBeVisible();
  // Lessons of other paths are filtered out.
  await expect(page.locator(".lesson-row:visible .badge.path").filter({ hasNotText: "Lab" })).toHaveCount(0);
  await link.click();
  await expect(page).toHaveURL(/\/lesson\/8\.9\.3\.2$/);
  await expect(page.getByRole("heading", { level: 1, name: "Quantization Explained" })).toBeVisible();
  await expect(page.getByText("Lesson 8.9.3.2", { exact: true })).toBeVisible();
  const facts = page.getByRole("list", { name: "Lesson facts" }).first();
  await expect(facts).toContainText("Hero");
  await expect(facts).toContainText("Lab");
});

test("a filtered view survives a reload and can be cleared", async ({ page }) => {
  await open(page, "/curriculum?path=lab");
  await expect(page.getByLabel("Path")).toHaveValue("lab");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByLabel("Path")).toHaveValue("");
});

test("previous and next walk across a mission boundary", async ({ page }) => {
  await open(page, "/lesson/8.9.1.1");
  const pager = page.getByRole("navigation", { name: "Previous and next lessons" });
  await pager.getByRole("link", { name: /Previous lesson/ }).click();
  await expect(page).toHaveURL(/\/lesson\/8\.8\.1\.2$/);
  await expect(page.getByText("Lesson 8.8.1.2", { exact: true })).toBeVisible();
  await pager.getByRole("link", { name: /Next lesson/ }).click();
  await expect(page).toHaveURL(/\/lesson\/8\.9\.1\.1$/);
  await expect(page.getByText("Lesson 8.9.1.1", { exact: true })).toBeVisible();
});

test("the lesson page shows preview, lock or masterclass, its place and Q&A", async ({ page }) => {
  await open(page, "/lesson/8.9.3.2");
  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /access required/i })).toBeVisible();
  const place = page.getByRole("complementary", { name: "Where this lesson sits" });
  await expect(place.getByRole("heading", { name: "Builds on" })).toBeVisible();
  await expect(place.getByRole("link").first()).toBeVisible();
  const qa = page.getByRole("region", { name: /Questions & Answers/ });
  const first = qa.locator("summary").first();
  await first.click();
  await expect(qa.locator(".qa-answer").first()).toBeVisible();
});

test("a free lesson shows its masterclass", async ({ page }) => {
  await open(page, "/lesson/1.1.1.1");
  await expect(page.getByRole("heading", { name: "Masterclass" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /access required/i })).toHaveCount(0);
});

test("a lesson id in the address redirects to its number", async ({ page }) => {
  await open(page, "/lesson/ai-quantization-explained");
  await expect(page).toHaveURL(/\/lesson\/8\.9\.3\.2$/);
  await expect(page.getByRole("heading", { level: 1, name: "Quantization Explained" })).toBeVisible();
});

test("a lesson's address works with a trailing slash; a path below it is not found", async ({ page }) => {
  await open(page, "/lesson/8.9.3.2/");
  await expect(page.getByRole("heading", { level: 1, name: "Quantization Explained" })).toBeVisible();
  await open(page, "/lesson/8.9.3.2/more");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("an unknown lesson number suggests nearby lessons", async ({ page }) => {
  await open(page, "/lesson/8.9.3.99");
  await expect(page.getByRole("heading", { name: "Lesson not found" })).toBeVisible();
  await page.getByRole("link", { name: /8\.9\.3\.2/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quantization Explained" })).toBeVisible();
});

test("completing a lesson shows in the curriculum and survives a reload", async ({ page }) => {
  await open(page, "/lesson/1.1.1.1");
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByRole("button", { name: /Completed/ })).toHaveAttribute("aria-pressed", "true");
  await open(page, "/curriculum?status=done");
  await expect(page.getByRole("status").filter({ hasText: "Showing" })).toHaveText(/Showing 1 of/);
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Showing" })).toHaveText(/Showing 1 of/);
  await expect(page.getByText("1 of 8 complete")).toBeVisible();
});

for (const [name, path] of [["curriculum", "/curriculum?path=lab"], ["a locked lesson", "/lesson/8.9.3.2"], ["a free lesson", "/lesson/1.1.1.1"], ["an unknown lesson", "/lesson/99.1.1.1"]]) {
  test(`${name} has no accessibility violations`, async ({ page }) => {
    await open(page, path);
    // Expanded content is checked too.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await expectAccessible(page, `on ${name}`);
  });
}
