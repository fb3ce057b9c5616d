// The first screen and content loaded on demand: Home paints from index.html before the
// app starts and downloads no lesson text and no other page's code; pages' code, lesson
// texts and the search index load when needed, and a failed load says so and can be retried.
import { test, expect } from "@playwright/test";
import { open, watchConsole } from "./helpers.js";

// These tests make the page's own downloads fail and watch them. The service worker would
// fetch the same files in the background to save them for offline use (its requests are not
// routed through the page) and then answer from its cache: it is tested in offline.spec.js.
test.use({ serviceWorkers: "block" });

/** The text of the static first screen's `selector` at `path`, with the app held back. */
async function staticText(browser, path, selector) {
  const page = await browser.newPage();
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto(path);
  const text = await page.locator(selector).innerText();
  await page.close();
  return text.replace(/\s+/g, " ").trim();
}

for (const [name, path, staticSelector, appSelector] of [
  ["Home", "/", "#boot .boot-hero", "main .hero"],
  ["the diagnostic", "/diagnostic", "#boot .boot-diagnostic", "main section"],
]) {
  test(`the static first screen of ${name} says what the app says there`, async ({ page, browser, baseURL }) => {
    const before = await staticText(browser, baseURL + path, staticSelector);
    expect(before.length).toBeGreaterThan(100);
    await open(page, path);
    const after = (await page.locator(appSelector).first().innerText()).replace(/\s+/g, " ").trim();
    expect(before).toBe(after);
  });
}

test("a lesson has a page of its own with its preview, which the app then shows the same", async ({ page, browser, baseURL, request }) => {
  const html = await (await request.get("/lesson/1.1.1.1")).text();
  expect(html).toContain("<title>1.1.1.1 Choosing a Niche You Can Win · Storewise Academy</title>");
  const parts = ["nav.breadcrumbs", ".lesson-header", ".objectives", "[aria-labelledby=preview-title]"];
  const before = [];
  for (const part of parts) before.push(await staticText(browser, baseURL + "/lesson/1.1.1.1", "#boot " + part));
  expect(before[3].length).toBeGreaterThan(400);
  await open(page, "/lesson/1.1.1.1");
  await expect(page.locator("[aria-labelledby=preview-title] p:not(.loading)").first()).toBeVisible();
  for (const [i, part] of parts.entries()) {
    expect((await page.locator("main " + part).first().innerText()).replace(/\s+/g, " ").trim()).toBe(before[i]);
  }
});

test("the static first screen paints before the app's files are requested", async ({ page }) => {
  for (const path of ["/", "/lesson/1.1.1.1"]) {
    await open(page, path);
    const [painted, started] = await page.evaluate(() => {
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/storewise_bg.wasm"));
      return [paint ? paint.startTime : Infinity, wasm.startTime];
    });
    // The app waits for the first screen's largest paint (never before the first paint), or
    // 500 ms at most.
    expect(started, path).toBeGreaterThanOrEqual(Math.min(painted, 500));
  }
});

/** Files the page fetched before and after the app marked `mark`: [before, after]. */
async function fetchedAround(page, mark) {
  return page.evaluate((mark) => {
    const at = performance.getEntriesByName(mark)[0].startTime;
    const files = performance.getEntriesByType("resource").map((e) => [e.startTime, new URL(e.name).pathname]);
    const name = (p) => (p.startsWith("/content/") ? p : p.split("/").pop());
    return [files.filter(([t]) => t < at).map(([, p]) => name(p)), files.filter(([t]) => t >= at).map(([, p]) => name(p))];
  }, mark);
}

test("Home downloads no curriculum, lesson text or other page's code, then prepares the diagnostic", async ({ page }) => {
  await open(page, "/");
  await expect(page.getByRole("link", { name: "Start the diagnostic" })).toBeVisible();
  // Once shown and idle, Home fetches the diagnostic's code and the curriculum.
  await page.waitForFunction(() => performance.getEntriesByName("storewise:preparing").length > 0);
  const [before, after] = await fetchedAround(page, "storewise:preparing");
  expect(before.filter((f) => f.endsWith(".wasm"))).toEqual(["storewise_bg.wasm"]);
  expect(before.filter((f) => f.startsWith("/content/"))).toEqual([]);
  // Prefetched into the cache only: unpacked and instantiated when the diagnostic opens.
  await expect
    .poll(async () => (await fetchedAround(page, "storewise:preparing"))[1].filter((f) => f.startsWith("/content/") || f.startsWith("split_")).sort())
    .toEqual([expect.stringMatching(/^\/content\/curriculum\.[0-9a-f]{16}\.bin$/), "split_diagnostic.wasm"]);
  expect(after.some((f) => f.endsWith(".json") || f.includes("search."))).toBe(false);
  // So the diagnostic opens at once.
  await page.getByRole("link", { name: "Start the diagnostic" }).click();
  await expect(page.getByRole("button", { name: "Start the diagnostic" })).toBeVisible();
  await expect(page.locator(".page-loading")).toHaveCount(0);
});

test("with Save-Data, Home fetches nothing it was not asked for", async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "connection", { get: () => ({ saveData: true }) }));
  await open(page, "/");
  // Longer than the three seconds Home waits for idle time at most.
  await page.waitForTimeout(3500);
  const files = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
  expect(files.filter((f) => f.startsWith("/content/") || f.includes("split_"))).toEqual([]);
  // Opening the diagnostic then fetches what it needs.
  await page.getByRole("link", { name: "Start the diagnostic" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".page-loading")).toHaveCount(0, { timeout: 10_000 });
});

/** Makes the page's requests for `glob` fail until the returned function is called. */
async function failing(page, glob) {
  let fail = true;
  await page.route(glob, (route) => (fail ? route.abort("internetdisconnected") : route.continue()));
  return () => (fail = false);
}

/** Opens the curriculum from the header while its files fail; returns the page's alert. */
async function openCurriculumFailing(page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Curriculum" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "This page could not be loaded" });
  await expect(alert).toBeVisible();
  return alert;
}

/** Lets the files load again, then Try again shows the curriculum. */
async function tryAgainShowsCurriculum(page, alert, recover) {
  recover();
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Curriculum" })).toBeVisible();
  await expect(alert).toHaveCount(0);
}

test("a page whose curriculum cannot load says so, and Try again recovers", async ({ page }) => {
  const errors = watchConsole(page);
  const recover = await failing(page, "**/content/curriculum.*.bin");
  await open(page, "/");
  await tryAgainShowsCurriculum(page, await openCurriculumFailing(page), recover);
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
});

test("only the reading pages download the lessons' details, and Try again recovers from a failed load", async ({ page }) => {
  const errors = watchConsole(page);
  const recover = await failing(page, "**/content/details.*.bin");
  const content = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.startsWith("/content/")));
  await open(page, "/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  expect(await content()).toEqual([expect.stringMatching(/^\/content\/curriculum\.[0-9a-f]{16}\.bin$/)]);
  await tryAgainShowsCurriculum(page, await openCurriculumFailing(page), recover);
  // A lesson shows what the details hold: its subtitle, objectives and questions.
  await open(page, "/lesson/8.9.3.2");
  await expect(page.locator(".lesson-header .subtitle")).not.toBeEmpty();
  await expect(page.getByRole("heading", { name: "You will be able to" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Questions & Answers \([1-9]\d*\)$/ })).toBeVisible();
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
});

test("another page's code loads when it is opened, and Try again recovers from a failed load", async ({ page }) => {
  const errors = watchConsole(page);
  const recover = await failing(page, "**/split_reading.wasm");
  await open(page, "/");
  const alert = await openCurriculumFailing(page);
  // Online, a failure may also mean a new version replaced these files: reloading is offered.
  await expect(alert.getByRole("button", { name: "Reload page" })).toBeVisible();
  // The header still works while the page is missing.
  await expect(page.getByRole("link", { name: "Storewise Academy" })).toBeVisible();
  await tryAgainShowsCurriculum(page, alert, recover);
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|split module|Failed to fetch/.test(e))).toEqual([]);
});

test("the search dialog's code loads when search is first wanted, and Try again recovers from a failed load", async ({ page }) => {
  const errors = watchConsole(page);
  let fail = true;
  const asked = [];
  await page.route("**/split_settings.wasm", (route) => {
    asked.push(route.request().url());
    return fail ? route.abort("internetdisconnected") : route.continue();
  });
  await open(page, "/");
  // Home starts without it (it comes with the settings page).
  expect(asked).toEqual([]);
  await page.getByRole("button", { name: "Search" }).click();
  // The dialog opens at once, and says what went wrong.
  const dialog = page.getByRole("dialog", { name: "Search the curriculum" });
  const alert = dialog.getByRole("alert").filter({ hasText: "Search could not be loaded" });
  await expect(alert).toBeVisible();
  fail = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  const box = dialog.getByRole("combobox", { name: "Search lessons, checkpoints and answers" });
  await box.fill("huskies");
  await expect(dialog.getByRole("option").first()).toContainText("Choosing a Niche You Can Win");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  // Opened again, it is ready at once, with the cursor in the field.
  await page.keyboard.press("/");
  await expect(box).toBeFocused();
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|split module|Failed to fetch/.test(e))).toEqual([]);
});

test("a lesson being read fetches no code for the continue links, which appear once the learner leaves it", async ({ page }) => {
  const asked = [];
  page.on("request", (r) => r.url().endsWith("/split_settings.wasm") && asked.push(r.url()));
  await open(page, "/lesson/1.1.1.1");
  // Longer than the three seconds the app waits for idle time at most.
  await page.waitForTimeout(3500);
  expect(asked).toEqual([]);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Curriculum" }).click();
  await expect(page.getByRole("navigation", { name: "Continue" })).toContainText("1.1.1.1");
  expect(asked.length).toBe(1);
});

test("a page opened directly waits for its code before the first screen gives way", async ({ page }) => {
  await page.route("**/split_reading.wasm", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto("/about");
  // No loading line ever replaces the static screen: the app starts with the page built.
  await expect(page.locator("#boot")).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".page-loading")).toHaveCount(0);
  // Its files were asked for by the page itself, next to the main module, not after it.
  const initiators = await page.evaluate(() =>
    performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/split_reading.wasm")).map((e) => e.initiatorType),
  );
  expect(initiators[0]).toBe("link");
});

test("a lesson text that fails to load says so, and Try again loads it", async ({ page }) => {
  const errors = watchConsole(page);
  let fail = true;
  await page.route("**/content/*.json", (route) => (fail ? route.abort("internetdisconnected") : route.continue()));
  await open(page, "/lesson/1.1.1.1");
  const alert = page.getByRole("alert").filter({ hasText: "could not be loaded" }).first();
  await expect(alert).toContainText("offline");
  // What does not need the file is there: the title, objectives and the lesson's tools.
  await expect(page.getByRole("heading", { name: "You will be able to" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark lesson complete" })).toBeVisible();
  fail = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator("[aria-labelledby=preview-title] p:not(.loading)").first()).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "could not be loaded" })).toHaveCount(0);
  expect(errors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED"))).toEqual([]);
});

test("a damaged lesson file is refused with a message, not shown", async ({ page }) => {
  await page.route("**/content/*.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"preview": "not blocks"}' }));
  await open(page, "/lesson/1.1.1.1");
  await expect(page.getByRole("alert").filter({ hasText: "could not be loaded from the server" }).first()).toContainText("Reload the page");
});

test("search works on titles while its index cannot load, and says so", async ({ page }) => {
  await page.route("**/content/search.*.bin", (route) => route.abort("internetdisconnected"));
  await open(page, "/");
  await page.keyboard.press("/");
  await page.getByRole("combobox").fill("quantization");
  const status = page.getByRole("status").filter({ hasText: /found/ });
  await expect(status).toContainText("Titles and summaries only");
  await expect(page.getByRole("listbox", { name: "Results" }).getByText("Quantization Explained")).toBeVisible();
});

test("the app takes over from the static first screen without moving it, for a first visit and a returning learner", async ({ page }) => {
  // The static header stays until the app's own is built (one task after the page, on a
  // first visit), and the parts below the first screen come one task later: none of it
  // may move what is already shown. On a phone's screen, as Lighthouse measures it.
  await page.setViewportSize({ width: 412, height: 823 });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: "layout-shift", buffered: true });
  });
  for (const visit of ["first visits", "visits with progress stored"]) {
    for (const path of ["/", "/diagnostic", "/lesson/8.9.3.2", "/curriculum"]) {
      await open(page, path);
      await page.waitForTimeout(500);
      const shift = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
      expect(shift, `${path}, ${visit}`).toBeLessThanOrEqual(0.001);
    }
  }
});
