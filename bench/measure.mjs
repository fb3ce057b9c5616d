// Measures the app against the baseline, both built in this run (see bench/run.sh):
//   - bytes a first visit to Home transfers (every response until Home is interactive),
//     raw, gzip and brotli, and the ratio app / baseline;
//   - in the browser, the time from the last diagnostic answer to the rendered results,
//     and to re-plan the roadmap after changing hours per week;
//   - Lighthouse (mobile, default throttling), three runs per page, medians, when the
//     `lighthouse` package is installed in bench/ (bench/run.sh installs it).
// Writes bench/out/results.json and prints a table.
import { createRequire } from "node:module";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const require = createRequire(join(root, "tests/e2e/package.json"));
const { chromium } = require("@playwright/test");
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const out = join(root, "bench/out");
mkdirSync(out, { recursive: true });

function serve(dir, port) {
  const server = spawn("node", [join(root, "scripts/static-server.mjs"), dir, String(port)], { stdio: "ignore" });
  return { url: `http://127.0.0.1:${port}`, stop: () => server.kill() };
}

async function waitFor(url) {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no server at ${url}`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Sizes of files in a built dist/, raw, gzip and brotli. */
function sizes(dir, paths) {
  let raw = 0, gzip = 0, brotli = 0;
  const files = [];
  for (const p of [...paths].sort()) {
    const file = join(dir, p);
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    const g = gzipSync(bytes, { level: 9 }).length;
    const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    raw += bytes.length;
    gzip += g;
    brotli += b;
    files.push({ path: p, raw: bytes.length, gzip: g, brotli: b });
  }
  return { raw, gzip, brotli, files };
}

/** Files a first visit to Home requests before the page is interactive: every request
 *  started before the app has replaced the static first screen and rendered its heading,
 *  as the page's own resource timing records it (a mutation observer marks that moment in
 *  the page, so work the app starts once idle, such as fetching the diagnostic for Home's
 *  main link, is not counted by a race). The service worker's background download for
 *  offline use starts after that, and is reported on its own by offlineCache(). */
async function firstVisit(browser, base, dir) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector("#boot") && document.querySelector("main h1")) {
        performance.mark("bench:interactive");
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true });
  });
  await page.goto(base + "/");
  await page.waitForFunction(() => performance.getEntriesByName("bench:interactive").length > 0);
  await page.waitForLoadState("networkidle");
  const paths = await page.evaluate((origin) => {
    const at = performance.getEntriesByName("bench:interactive")[0].startTime;
    return performance
      .getEntriesByType("resource")
      .filter((e) => e.startTime < at && new URL(e.name).origin === origin)
      .map((e) => new URL(e.name).pathname);
  }, base);
  await page.close();
  return sizes(dir, new Set(["/index.html", ...paths]));
}

/** What the service worker saves for offline use after the first visit, from the lists in
 *  sw.js: what Home needs (at install, also with Save-Data), then the other pages' code with
 *  the curriculum and search index, and the lesson texts (unless the browser asks to save
 *  data). Sealed masterclasses are not saved ahead. */
function offlineCache(dir) {
  const sw = readFileSync(join(dir, "sw.js"), "utf8");
  const measure = (name) => {
    const list = JSON.parse(sw.match(new RegExp(`const ${name} = (\\[[\\s\\S]*?\\]);`))[1]);
    const { raw, gzip, brotli, files } = sizes(dir, list.map((p) => (p === "/" ? "/index.html" : p)));
    return { raw, gzip, brotli, files: files.length };
  };
  const parts = ["FILES", "APP", "LESSONS"].map(measure);
  const total = {};
  for (const k of ["files", "raw", "gzip", "brotli"]) total[k] = parts.reduce((sum, p) => sum + p[k], 0);
  return { ...total, save_data: parts[0] };
}

/** Milliseconds from the last answer to the rendered results, and for a roadmap re-plan. */
async function interactions(browser, base) {
  const page = await browser.newPage();
  const answerTimes = [];
  // Five whole diagnostics in one page load: the first runs cold (code the page has not
  // run yet is compiled as it goes, as for a learner finishing their diagnostic); the
  // other four show the same work warm.
  for (let run = 0; run < 5; run++) {
    await page.goto(base + "/diagnostic");
    await page.getByRole("button", { name: "Start the diagnostic" }).click();
    for (;;) {
      const counter = await page.getByText(/^Question \d+ of \d+/).textContent();
      const [, at, total] = counter.match(/Question (\d+) of (\d+)/).map(Number);
      await page.keyboard.press(at <= 3 ? "3" : "1");
      if (at === total) {
        const ms = await page.evaluate(
          () =>
            new Promise((resolve) => {
              // A mutation observer sees the heading as soon as it is in the page, without
              // rounding up to the next animation frame.
              const start = performance.now();
              const done = () => {
                const h1 = document.querySelector("main h1");
                return h1 && h1.textContent === "Your results";
              };
              const observer = new MutationObserver(() => {
                if (done()) {
                  observer.disconnect();
                  resolve(performance.now() - start);
                }
              });
              observer.observe(document.body, { childList: true, subtree: true, characterData: true });
              // Bubbles up to the window, where the diagnostic listens for keys.
              document.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
              if (done()) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            }),
        );
        answerTimes.push(ms);
        break;
      }
      await page.keyboard.press("Enter");
      await page.getByText(new RegExp(`^Question ${at + 1} of`)).waitFor();
    }
  }
  // A share link of the last results, so Lighthouse measures a results page with results
  // (its own browser profile has no stored diagnostic).
  await page.getByRole("button", { name: "Copy a share link" }).click();
  const shared = new URL(await page.locator(".share-status a").getAttribute("href")).pathname +
    new URL(await page.locator(".share-status a").getAttribute("href")).hash;
  await page.goto(base + "/roadmap");
  await page.waitForSelector(".roadmap-summary");
  const replan = [];
  for (const hours of ["1", "10", "2", "8", "3", "15", "4", "6", "5"]) {
    replan.push(
      await page.evaluate(
        (hours) =>
          new Promise((resolve) => {
            const select = document.querySelector("select");
            const summary = document.querySelector(".roadmap-summary");
            const before = summary.textContent;
            const changed = () => {
              const now = document.querySelector(".roadmap-summary");
              return now && now.textContent !== before;
            };
            const observer = new MutationObserver(() => {
              if (changed()) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            const start = performance.now();
            select.value = hours;
            select.dispatchEvent(new Event("change", { bubbles: true }));
            if (changed()) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          }),
        hours,
      ),
    );
  }
  await page.close();
  return {
    last_answer_to_results_ms: answerTimes[0],
    last_answer_to_results_warm_ms: median(answerTimes.slice(1)),
    roadmap_replan_ms: replan[0],
    roadmap_replan_warm_ms: median(replan.slice(1)),
    shared,
  };
}

function lighthouse(url) {
  const bin = join(root, "bench/node_modules/.bin/lighthouse");
  if (process.env.BENCH_NO_LIGHTHOUSE || !existsSync(bin)) return null;
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const json = execFileSync(bin, [url, "--output=json", "--quiet", `--chrome-flags=--headless=new ${FLAGS.join(" ")}`, "--form-factor=mobile"], {
      env: { ...process.env, CHROME_PATH: CHROME },
      maxBuffer: 64 << 20,
    }).toString();
    const r = JSON.parse(json);
    runs.push({
      performance: r.categories.performance.score * 100,
      accessibility: r.categories.accessibility.score * 100,
      best_practices: r.categories["best-practices"].score * 100,
      seo: r.categories.seo.score * 100,
      fcp_ms: r.audits["first-contentful-paint"].numericValue,
      lcp_ms: r.audits["largest-contentful-paint"].numericValue,
      // What the browser saw, unthrottled, next to Lighthouse's simulated figure above.
      observed_lcp_ms: r.audits.metrics.details.items[0].observedLargestContentfulPaint,
      tbt_ms: r.audits["total-blocking-time"].numericValue,
      cls: r.audits["cumulative-layout-shift"].numericValue,
    });
  }
  return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
}

const app = serve(join(root, "dist"), 4280);
const base = serve(join(root, "bench/out/baseline-dist"), 4281);
await Promise.all([waitFor(app.url + "/"), waitFor(base.url + "/")]);
const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });
try {
  const appBytes = await firstVisit(browser, app.url, join(root, "dist"));
  const baseBytes = await firstVisit(browser, base.url, join(root, "bench/out/baseline-dist"));
  const offline = offlineCache(join(root, "dist"));
  const { shared, ...timing } = await interactions(browser, app.url);
  const pages = { home: "/", diagnostic: "/diagnostic", lesson: "/lesson/8.9.3.2", results: shared };
  const lh = {};
  for (const [name, path] of Object.entries(pages)) {
    const result = lighthouse(app.url + path);
    if (result) lh[name] = result;
  }
  const results = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${process.arch}, ${(await import("node:os")).cpus().length} cores`,
    first_visit: {
      app: appBytes,
      baseline: baseBytes,
      ratio_gzip: +(appBytes.gzip / baseBytes.gzip).toFixed(2),
      ratio_brotli: +(appBytes.brotli / baseBytes.brotli).toFixed(2),
      ratio_raw: +(appBytes.raw / baseBytes.raw).toFixed(2),
    },
    offline_cache: offline,
    timing,
    results_page_measured: shared,
    lighthouse: Object.keys(lh).length ? lh : "not run: install with bench/run.sh",
  };
  writeFileSync(join(out, "results.json"), JSON.stringify(results, null, 2));
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
  console.log("\nFirst visit to Home (bytes of every file requested):");
  console.log(`               raw        gzip      brotli`);
  console.log(`app      ${kb(appBytes.raw)} ${kb(appBytes.gzip)} ${kb(appBytes.brotli)}`);
  console.log(`baseline ${kb(baseBytes.raw)} ${kb(baseBytes.gzip)} ${kb(baseBytes.brotli)}`);
  console.log(`ratio    ${String(results.first_visit.ratio_raw).padStart(11)} ${String(results.first_visit.ratio_gzip).padStart(11)} ${String(results.first_visit.ratio_brotli).padStart(11)}   (budget: gzip <= 2.0)`);
  console.log(`\nSaved for offline use after the first visit (service worker): ${offline.files} files, ${kb(offline.gzip).trim()} gzip`);
  console.log(`  with Save-Data (the rest only once used): ${offline.save_data.files} files, ${kb(offline.save_data.gzip).trim()} gzip`);
  const ms = (n) => `${n.toFixed(1)} ms`;
  console.log(`\nlast answer -> results: ${ms(timing.last_answer_to_results_ms)} first time, ${ms(timing.last_answer_to_results_warm_ms)} warm`);
  console.log(`roadmap re-plan:        ${ms(timing.roadmap_replan_ms)} first time, ${ms(timing.roadmap_replan_warm_ms)} warm   (budget: 16 ms each)`);
  if (Object.keys(lh).length) {
    console.log("\nLighthouse, mobile, median of 3:");
    for (const [name, r] of Object.entries(lh)) {
      console.log(`${name.padEnd(11)} perf ${r.performance} a11y ${r.accessibility} bp ${r.best_practices} seo ${r.seo}  FCP ${Math.round(r.fcp_ms)} ms  LCP ${Math.round(r.lcp_ms)} ms (observed ${Math.round(r.observed_lcp_ms)} ms)  TBT ${Math.round(r.tbt_ms)} ms  CLS ${r.cls.toFixed(3)}`);
    }
  }
  console.log(`\nwritten: bench/out/results.json`);
} finally {
  await browser.close();
  app.stop();
  base.stop();
}
