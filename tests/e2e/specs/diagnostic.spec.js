// The diagnostic by keyboard, the results and the roadmap, resuming, sharing.
import { test, expect } from "@playwright/test";
import { open, expectAccessible, watchConsole } from "./helpers.js";

/**
 * Answers the whole diagnostic by keyboard. `profile` gives the option number for the
 * stage, channel and platform screens; `tick(screen, options)` the option numbers to tick
 * on every later screen. Returns the number of screens seen.
 */
async function takeDiagnostic(page, profile, tick) {
  await open(page, "/diagnostic");
  await page.getByRole("button", { name: "Start the diagnostic" }).click();
  let screens = 0;
  while (!/\/results$/.test(page.url())) {
    const counter = page.getByText(/^Question \d+ of \d+/);
    await expect(counter).toBeVisible();
    const [, current] = (await counter.textContent()).match(/^Question (\d+) of/);
    expect(Number(current)).toBe(screens + 1);
    screens += 1;
    const options = await page.locator(".option").count();
    const picks = screens <= 3 ? [profile[screens - 1]] : tick(screens, options);
    for (const n of picks) await page.keyboard.press(String(n));
    await page.keyboard.press("Enter");
    // Wait for the next screen or the results.
    await expect(async () => {
      const url = page.url();
      const text = /\/results$/.test(url) ? "" : await page.getByText(/^Question \d+ of/).textContent();
      expect(/\/results$/.test(url) || !text.startsWith(`Question ${screens} of`)).toBe(true);
    }).toPass();
  }
  await expect(page.getByRole("heading", { level: 1, name: "Your results" })).toBeVisible();
  return screens;
}

async function overall(page) {
  const text = await page.locator(".score-value").textContent();
  return Number(text.replace("%", ""));
}

async function roadmapLessons(page) {
  await open(page, "/roadmap");
  const summary = await page.locator(".roadmap-summary").textContent();
  const match = summary.match(/(\d+) of (\d+) lessons done/);
  return match ? Number(match[2]) : 0;
}

const profiles = {
  // Not launched, own store, no platform yet; does none of the practices.
  prelaunch: { profile: [1, 1, 4], tick: () => [] },
  // Growing Shopify store that does about half of the practices.
  growing: { profile: [3, 1, 1], tick: (s, n) => Array.from({ length: n }, (_, i) => i + 1).filter((i) => (i + s) % 2 === 0) },
  // Scaling marketplace seller that does everything it is asked about.
  scaling: { profile: [4, 2, 1], tick: (_, n) => Array.from({ length: n }, (_, i) => i + 1) },
};

test("three learners answer by keyboard and get results and roadmaps that differ sensibly", async ({ browser }) => {
  test.setTimeout(120_000);
  const seen = {};
  for (const [name, p] of Object.entries(profiles)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const screens = await takeDiagnostic(page, p.profile, p.tick);
    expect(screens, `${name} screens`).toBeLessThanOrEqual(30);
    seen[name] = { screens, score: await overall(page), lessons: await roadmapLessons(page) };
    await context.close();
  }
  expect(seen.prelaunch.score).toBeLessThan(seen.growing.score);
  expect(seen.growing.score).toBeLessThan(seen.scaling.score);
  expect(seen.prelaunch.lessons).toBeGreaterThan(seen.growing.lessons);
  expect(seen.growing.lessons).toBeGreaterThan(seen.scaling.lessons);
  // A pre-launch store is asked fewer questions than a scaling one.
  expect(seen.prelaunch.screens).toBeLessThan(seen.scaling.screens);
});

test("while the learner answers, the results are rehearsed off-screen and nothing on the page changes", async ({ page }) => {
  const errors = watchConsole(page);
  await open(page, "/diagnostic");
  await page.getByRole("button", { name: "Start the diagnostic" }).click();
  await page.keyboard.press("3");
  await page.keyboard.press("Enter");
  await expect(page.getByText(/^Question 2 of/)).toBeVisible();
  // The results page's code has been run once, from the answers so far...
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName("storewise:results-rehearsed").length))
    .toBe(1);
  // ...without showing, announcing or saving anything.
  await expect(page).toHaveTitle(/^Diagnostic/);
  await expect(page.getByText(/^Question 2 of/)).toBeVisible();
  expect(await page.evaluate(() => document.body.innerText.includes("Your results"))).toBe(false);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("storewise.diagnostic") ?? "{}"));
  expect(stored.attempts ?? []).toEqual([]);
  expect(errors).toEqual([]);
});

test("a reload mid-way resumes on the same question with its answers", async ({ page }) => {
  await open(page, "/diagnostic");
  await page.getByRole("button", { name: "Start the diagnostic" }).click();
  for (const n of [3, 1, 1]) {
    await page.keyboard.press(String(n));
    await page.keyboard.press("Enter");
  }
  await expect(page.getByText(/^Question 4 of/)).toBeVisible();
  await page.keyboard.press("2");
  await expect(page.getByRole("checkbox").nth(1)).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/^Question 5 of/)).toBeVisible();
  const prompt = await page.getByRole("heading", { level: 1 }).textContent();
  await page.reload();
  await expect(page.getByText(/^Question 5 of/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(prompt);
  // Back shows the earlier answer still ticked.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByText(/^Question 4 of/)).toBeVisible();
  await expect(page.getByRole("checkbox").nth(1)).toBeChecked();
  // Not sure and Skip move on too.
  await page.getByRole("button", { name: "Not sure" }).click();
  await expect(page.getByText(/^Question 5 of/)).toBeVisible();
  await page.getByRole("button", { name: "Skip" }).click();
  await expect(page.getByText(/^Question 6 of/)).toBeVisible();
});

test("a shared link opens in a fresh browser with the same results; a damaged one is explained", async ({ page, browser, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await takeDiagnostic(page, profiles.growing.profile, profiles.growing.tick);
  const score = await overall(page);
  await page.getByRole("button", { name: "Copy a share link" }).click();
  const link = await page.getByRole("status").filter({ hasText: "Share link copied" }).getByRole("link").getAttribute("href");
  expect(link).toContain("/shared#r=");
  const fresh = await browser.newContext();
  // Before the app starts, the link's static first screen already says what it shows, in
  // the app's own words.
  const early = await fresh.newPage();
  await early.route("**/*.wasm", (route) => route.abort());
  await early.goto(link);
  const note = await early.locator("#boot").getByRole("note").innerText();
  expect(note).toContain("shared with you");
  await early.close();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: "Shared results" })).toBeVisible();
  await expect(other.getByRole("note")).toHaveText(note);
  expect(await overall(other)).toBe(score);
  // Nothing was saved in the fresh browser.
  await other.goto(link.replace(/\/shared#.*$/, "/results"));
  await expect(other.getByRole("link", { name: "Take the diagnostic" })).toBeVisible();
  // A tampered link is refused with a clear message.
  const tampered = link.slice(0, -4) + (link.endsWith("AAAA") ? "BBBB" : "AAAA");
  await other.goto(tampered);
  await expect(other.getByRole("heading", { name: "This results link cannot be opened" })).toBeVisible();
  await expect(other.getByRole("alert")).toContainText("damaged");
  await fresh.close();
});

test("the roadmap re-plans with hours per week, exports a calendar, and follows completed lessons", async ({ page }) => {
  test.setTimeout(90_000);
  await takeDiagnostic(page, profiles.growing.profile, profiles.growing.tick);
  // The header's link to the roadmap came with the results (its code loaded while the
  // learner answered), not a moment later, pushing the page down under the pointer.
  expect(await page.getByRole("navigation", { name: "Continue" }).getByText("Next on your roadmap:").count()).toBe(1);
  await page.getByRole("link", { name: "See your roadmap" }).click();
  const summary = page.locator(".roadmap-summary");
  await expect(summary).toContainText("0 of");
  await page.getByLabel("Study time per week").selectOption("1");
  const slow = await summary.textContent();
  await page.getByLabel("Study time per week").selectOption("10");
  await expect(summary).not.toHaveText(slow);
  const phases = await page.getByRole("heading", { level: 2, name: /^Phase/ }).count();
  await page.getByLabel("Study time per week").selectOption("1");
  expect(await page.getByRole("heading", { level: 2, name: /^Phase/ }).count()).toBeGreaterThan(phases);
  // Each item says why it is there.
  await expect(page.locator(".roadmap-item .reasons li").first()).toBeVisible();
  // The calendar file.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Add to calendar (.ics)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^roadmap-\d{8}\.ics$/);
  const ics = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect((ics.match(/BEGIN:VEVENT/g) ?? []).length).toBeGreaterThan(5);
  // Completing the first lesson moves the roadmap forward.
  const first = page.locator(".roadmap-item a").first();
  const title = await first.textContent();
  await first.click();
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await open(page, "/roadmap");
  await expect(summary).toContainText("1 of");
  await expect(page.getByRole("heading", { name: /^Done/ })).toBeVisible();
  await expect(page.locator(".done-phase .roadmap-item a").first()).toHaveText(title);
});

test("the diagnostic, results and roadmap have no accessibility violations", async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, "/diagnostic");
  await expectAccessible(page, "on the diagnostic introduction");
  await page.getByRole("button", { name: "Start the diagnostic" }).click();
  await expectAccessible(page, "on a single-choice question");
  for (const n of [3, 1, 1]) {
    await page.keyboard.press(String(n));
    await page.keyboard.press("Enter");
  }
  await expect(page.getByText(/^Question 4 of/)).toBeVisible();
  await expectAccessible(page, "on a multiple-choice question");
  // Start over and finish it, to check the results and the roadmap.
  await page.evaluate(() => localStorage.clear());
  await takeDiagnostic(page, profiles.growing.profile, profiles.growing.tick);
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await expectAccessible(page, "on the results");
  await open(page, "/roadmap");
  await expectAccessible(page, "on the roadmap");
});
