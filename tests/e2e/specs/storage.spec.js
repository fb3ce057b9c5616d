// Learner data that is never lost: damaged values, blocked or full storage, several tabs,
// export, reset and import. Every test ends by checking that nothing was lost.
import { test, expect } from "@playwright/test";
import { open, expectAccessible, started } from "./helpers.js";
import { readFileSync } from "node:fs";

/** Puts raw values into local storage before the app starts, once per test. */
async function prepare(page, values) {
  await page.addInitScript((values) => {
    if (sessionStorage.getItem("prepared")) return;
    sessionStorage.setItem("prepared", "1");
    for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
  }, values);
}

const dump = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("storewise.")).sort().map((k) => [k, localStorage.getItem(k)])));

for (const [name, raw, reason] of [
  ["corrupted JSON", "{not json", "not readable data"],
  ["a value of the wrong shape", '{"v":2,"completed":"all of them"}', "expected fields"],
  ["a value from a future version", '{"v":99,"completed":["x"],"brand_new_field":1}', "newer version"],
]) {
  test(`${name} is kept aside, the app starts and says so`, async ({ page }) => {
    await prepare(page, { "storewise.progress": raw });
    await open(page, "/");
    const notice = page.getByRole("alert").filter({ hasText: "Some saved data could not be read" });
    await expect(notice).toContainText(reason);
    await expect(notice.getByRole("button", { name: "Download the damaged data" })).toBeVisible();
    expect((await dump(page))["storewise.backup.progress.1"]).toBe(raw);
    const download = page.waitForEvent("download");
    await notice.getByRole("button", { name: "Download the damaged data" }).click();
    expect(readFileSync(await (await download).path(), "utf8")).toBe(raw);
    // The app works: a lesson can be completed.
    await open(page, "/lesson/1.1.1.1");
    await page.getByRole("button", { name: "Mark lesson complete" }).click();
    await expect(page.getByRole("button", { name: /Completed/ })).toBeVisible();
    // Nothing lost: the raw value is still under its backup key after a reload.
    await page.reload();
    await started(page);
    expect((await dump(page))["storewise.backup.progress.1"]).toBe(raw);
    if (name.includes("future")) {
      // An older tab never writes over a newer version's data.
      expect((await dump(page))["storewise.progress"]).toBe(raw);
      await expect(page.getByRole("alert").filter({ hasText: "newer version is open in another tab" })).toBeVisible();
    }
  });
}

test("storage that throws on access: the app works from memory and says so", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
  });
  await open(page, "/");
  await expect(page.getByRole("alert").filter({ hasText: "Your progress will not be kept" })).toBeVisible();
  await open(page, "/lesson/1.1.1.1");
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByRole("button", { name: /Completed/ })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Curriculum" }).click();
  await expect(page.getByText("1 of 8 complete").first()).toBeVisible();
});

test("storage that throws on write (quota): the learner is told, saved data is kept, the app works", async ({ page }) => {
  await prepare(page, { "storewise.progress": '{"v":2,"completed":["foundations-offer-design"]}' });
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith("storewise.")) throw new DOMException("full", "QuotaExceededError");
      return original.call(this, key, value);
    };
  });
  await open(page, "/lesson/1.1.1.1");
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your last change was not saved" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Completed/ })).toHaveAttribute("aria-pressed", "true");
  expect((await dump(page))["storewise.progress"]).toBe('{"v":2,"completed":["foundations-offer-design"]}');
});

test("two tabs: a change in one shows in the other, and notes edited in both are both kept", async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await open(one, "/lesson/1.1.1.1");
  await open(two, "/curriculum");
  await one.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(two.getByText("1 of 8 complete").first()).toBeVisible();
  await open(two, "/lesson/1.1.1.2");
  await one.getByLabel("Your note (private, kept in this browser)").fill("Note from tab one");
  // As when a person switches tabs: Chromium hands a write to other tabs' storage a moment
  // later, and a write from a tab that has not seen it yet would replace it (no lock).
  await expect.poll(() => two.evaluate(() => localStorage.getItem("storewise.progress"))).toContain("Note from tab one");
  await two.getByLabel("Your note (private, kept in this browser)").fill("Note from tab two");
  await open(one, "/saved");
  await expect(one.getByText("Note from tab one")).toBeVisible();
  await expect(one.getByText("Note from tab two")).toBeVisible();
  const stored = JSON.parse((await dump(one))["storewise.progress"]);
  expect(Object.values(stored.notes).sort()).toEqual(["Note from tab one", "Note from tab two"]);
  expect(stored.completed).toContain("foundations-choosing-a-niche");
});

test("export, reset, import gives back the same data; bad files are refused and change nothing", async ({ page }) => {
  test.setTimeout(60_000);
  await open(page, "/lesson/1.1.1.1");
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await page.getByRole("button", { name: "Bookmark", exact: true }).click();
  await page.getByLabel("Your note (private, kept in this browser)").fill("Exported note");
  await open(page, "/settings");
  await page.getByRole("radio", { name: "Dark" }).check();
  const before = await dump(page);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export your data" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^storewise-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = await file.path();

  // Bad files: each refused with a message, storage unchanged.
  const good = JSON.parse(readFileSync(exported, "utf8"));
  const bad = [
    ["notes.txt", "just some text", "not JSON"],
    ["other.json", JSON.stringify({ hello: "world" }), "not an export of this app"],
    ["newer.json", JSON.stringify({ ...good, schema: 9 }), "newer version"],
    ["huge.json", JSON.stringify({ ...good, padding: "x".repeat(2_200_000) }), "KB"],
    ["wrong.json", JSON.stringify({ ...good, data: { ...good.data, progress: { v: 2, completed: 42 } } }), "expected fields"],
  ];
  for (const [name, text, message] of bad) {
    await page.getByLabel("Import an export file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
    expect(await dump(page)).toEqual(before);
  }

  // Reset asks first, says what will be lost, and offers an export.
  await page.getByRole("button", { name: "Reset everything…" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete everything from this browser?" });
  await expect(confirm).toContainText("1 completed lessons");
  await expect(confirm.getByRole("button", { name: "Export first" })).toBeVisible();
  await confirm.getByRole("button", { name: "Delete everything" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Everything was deleted" })).toBeVisible();
  expect(await dump(page)).toEqual({});

  await page.getByLabel("Import an export file").setInputFiles(exported);
  const preview = page.getByRole("region", { name: "Import preview" });
  await expect(preview).toContainText("1 completed lessons");
  await expect(preview).toContainText("1 notes and 1 bookmarks");
  await preview.getByRole("button", { name: "Replace my data" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toBeVisible();
  const after = await dump(page);
  for (const key of Object.keys(before)) expect(JSON.parse(after[key]), key).toEqual(JSON.parse(before[key]));
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expectAccessible(page, "on settings after import");
});
