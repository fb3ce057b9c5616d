// Offline after the first visit, updates offered when a new version is deployed, the
// embedded diagnostic on another origin, and no Content Security Policy violation.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { open, started } from "./helpers.js";

const root = new URL("../../..", import.meta.url).pathname;

/** Records Content Security Policy violations of every page and frame. */
async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

/** Waits until the service worker has saved the whole app and every lesson text. */
async function lessonsSaved(page) {
  await page.waitForFunction(() => window.storewiseOffline === "all", null, { timeout: 30_000 });
}

/** The lesson texts (content/*.json) in the service worker's cache. */
async function cachedTexts(page) {
  return page.evaluate(async () => {
    const [name] = await caches.keys();
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => new URL(r.url).pathname).filter((p) => /^\/content\/.+\.json$/.test(p));
  });
}

test("after the first visit every page works offline, a lesson never opened included", async ({ page, context }) => {
  await watchCsp(context);
  await open(page, "/");
  await controlled(page);
  await lessonsSaved(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("link", { name: "Start the diagnostic" })).toBeVisible();
  for (const [path, heading] of [["/curriculum", "Curriculum"], ["/lesson/5.1.1.1", null], ["/diagnostic", "How does your store run today?"]]) {
    await page.goto(path);
    await started(page);
    if (heading) await expect(page.locator("main h1")).toHaveText(heading);
  }
  await page.goto("/lesson/5.1.1.1");
  await expect(page.getByText("Lesson 5.1.1.1", { exact: true })).toBeVisible();
  // Its text comes from its own file, saved for offline use by the service worker.
  await expect(page.locator("[aria-labelledby=preview-title] p:not(.loading)").first()).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "could not be loaded" })).toHaveCount(0);
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
});

test("with Save-Data, only what was used is saved for offline use, a lesson not read says so, and Settings saves everything on request", async ({ page, context }) => {
  test.setTimeout(60_000);
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "connection", { get: () => ({ saveData: true }) }));
  await open(page, "/lesson/5.1.1.1");
  await expect(page.locator("[aria-labelledby=preview-title] p:not(.loading)").first()).toBeVisible();
  await controlled(page);
  await page.waitForFunction(() => window.storewiseOffline === "used");
  // Opened before the worker took over: opened again, and kept, once the worker serves it.
  await page.reload();
  await expect(page.locator("[aria-labelledby=preview-title] p:not(.loading)").first()).toBeVisible();
  await expect.poll(() => cachedTexts(page)).toHaveLength(1);
  const saved = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).map((r) => new URL(r.url).pathname));
  expect(saved.filter((p) => /search\.|split_results|split_diagnostic/.test(p))).toEqual([]);

  await context.setOffline(true);
  await page.goto("/lesson/5.1.1.2");
  await expect(page.getByText("Lesson 5.1.1.2", { exact: true })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: /offline/i })).toBeVisible();
  await page.goto("/lesson/5.1.1.1");
  await expect(page.locator("[aria-labelledby=preview-title] p:not(.loading)").first()).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);

  // Settings says so, with the size of the rest, and saves everything on request.
  await context.setOffline(false);
  await page.goto("/settings");
  const status = page.getByRole("status").filter({ hasText: /offline/ });
  await expect(status).toContainText(/only the pages and lessons you open are kept for offline use\. Saving everything downloads about \d+\.\d MB\./);
  await page.getByRole("button", { name: "Save everything now" }).click();
  await expect(status).toHaveText("Everything is saved on this device: every page and every lesson works offline.", { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Save everything now" })).toHaveCount(0);
  await context.setOffline(true);
  await page.goto("/lesson/5.1.1.2");
  await expect(page.locator("[aria-labelledby=preview-title] p:not(.loading)").first()).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a new deployment is offered as a reload, and accepting it runs the new version", async ({ browser }) => {
  test.setTimeout(60_000);
  // Version A is the build; version B differs in its page and worker, as a deployment does.
  const site = mkdtempSync(join(tmpdir(), "storewise-update-"));
  cpSync(join(root, "dist"), site, { recursive: true });
  const port = 4175;
  const server = spawn("node", [join(root, "scripts/static-server.mjs"), site, String(port)], { stdio: "ignore" });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await expect(async () => {
      await page.goto(`http://127.0.0.1:${port}/`);
    }).toPass();
    await started(page);
    await controlled(page);
    expect(await page.locator('meta[name="storewise-build"]').count()).toBe(0);

    const index = readFileSync(join(site, "index.html"), "utf8");
    writeFileSync(join(site, "index.html"), index.replace("<head>", '<head>\n  <meta name="storewise-build" content="B">'));
    const sw = readFileSync(join(site, "sw.js"), "utf8");
    writeFileSync(join(site, "sw.js"), sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1b"'));

    await page.reload();
    const offer = page.getByRole("status").filter({ hasText: "A new version of the app is ready." });
    await expect(offer).toBeVisible({ timeout: 20_000 });
    // Accepting hands over to the new worker, which reloads the page.
    const reloaded = page.waitForEvent("load", { timeout: 20_000 });
    await offer.getByRole("button", { name: "Reload to update" }).click();
    await reloaded;
    await expect(page.locator('meta[name="storewise-build"]')).toHaveAttribute("content", "B", { timeout: 20_000 });
    await started(page);
    await expect(offer).toHaveCount(0);
    // The old version's cache is gone once the new one took over.
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).length)).toBe(1);
    await context.close();
  } finally {
    server.kill();
  }
});

test("the demo page on another origin embeds the diagnostic, resizes it, and hands results to the app", async ({ page, context }) => {
  test.setTimeout(90_000);
  await watchCsp(context);
  await page.goto("http://localhost:4174/");
  const frameElement = page.locator('iframe[title="E-commerce competency diagnostic"]');
  await expect(frameElement).toBeVisible();
  const frame = page.frameLocator('iframe[title="E-commerce competency diagnostic"]');
  await frame.getByRole("button", { name: "Start the diagnostic" }).click();
  await expect(frame.getByText(/^Question 1 of/)).toBeVisible();
  // The frame reports its height: no inner scrollbar.
  const content = frame.locator("html");
  const fits = async () => {
    const outer = Math.round((await frameElement.boundingBox()).height);
    const inner = await content.evaluate((el) => el.getBoundingClientRect().height);
    return Math.abs(outer - inner) <= 2 && outer !== 640;
  };
  await expect.poll(fits).toBe(true);
  // A message from the wrong origin is ignored.
  const before = (await frameElement.boundingBox()).height;
  await page.evaluate(() => window.postMessage({ type: "storewise:height", height: 3333 }, "*"));
  await page.waitForTimeout(300);
  expect((await frameElement.boundingBox()).height).toBe(before);

  // Answer every screen: profile, then "not sure" for the rest.
  let tallest = 0;
  await frame.getByRole("radio").nth(2).check();
  await frame.getByRole("button", { name: "Continue" }).click();
  while (await frame.getByText(/^Question \d+ of/).count()) {
    const radios = await frame.getByRole("radio").count();
    if (radios) {
      await frame.getByRole("radio").first().check();
      await frame.getByRole("button", { name: "Continue" }).click();
    } else {
      await frame.getByRole("button", { name: "Not sure" }).click();
    }
    await page.waitForTimeout(30);
    tallest = Math.max(tallest, (await frameElement.boundingBox()).height);
  }
  const result = frame.getByRole("heading", { level: 1, name: /% mastery/ });
  await expect(result).toBeVisible();
  const score = (await result.textContent()).match(/(\d+)%/)[1];
  // The frame shrinks to the result, which is shorter than the questions were.
  await expect.poll(fits).toBe(true);
  expect((await frameElement.boundingBox()).height).toBeLessThan(tallest);

  // Any new page of the context: a noopener tab opened from a cross-origin frame is not
  // always reported as that page's popup.
  const popup = context.waitForEvent("page");
  await frame.getByRole("link", { name: /See your full roadmap/ }).click();
  const app = await popup;
  await expect(app).toHaveURL(/127\.0\.0\.1:4173\/results$/);
  await expect(app.locator(".score-value")).toHaveText(`${score}%`);
  await expect(app.getByRole("link", { name: "See your roadmap" })).toBeVisible();

  // The lesson preview card, and no policy violation anywhere.
  await expect(page.frameLocator('iframe[title="Lesson preview"]').getByRole("heading", { name: "Quantization Explained" })).toBeVisible();
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  for (const f of page.frames()) expect(await f.evaluate(() => window.__csp ?? [])).toEqual([]);
  expect(await app.evaluate(() => window.__csp)).toEqual([]);
});

test("the app is installable: manifest, icons and service worker pass Chrome's checks", async ({ page }) => {
  await open(page, "/");
  await controlled(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // Playwright's contexts are incognito-like, which Chrome reports on its own; every other
  // check (manifest fields, icons, service worker, secure origin) must pass.
  expect(installabilityErrors.filter((e) => e.errorId !== "in-incognito")).toEqual([]);
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
});

test("the app passes its Content Security Policy on its main pages", async ({ page, context }) => {
  await watchCsp(context);
  for (const path of ["/", "/curriculum", "/lesson/8.9.3.2", "/diagnostic", "/settings", "/roadmap", "/saved"]) {
    await open(page, path);
    expect(await page.evaluate(() => window.__csp), path).toEqual([]);
  }
});
