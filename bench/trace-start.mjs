// Where a cold start's main-thread time goes: opens a page in a fresh headless Chromium with
// tracing on, then prints each main-thread task over 20 ms and the trace events inside it,
// largest first. `wasm.CompileLazy` is V8 compiling wasm functions the first time they run.
//   node scripts/static-server.mjs dist 8090 &
//   node bench/trace-start.mjs http://127.0.0.1:8090 /lesson/8.9.3.2
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(new URL("../tests/e2e/package.json", import.meta.url));
const { chromium } = require("@playwright/test");

const [base, path = "/"] = process.argv.slice(2);
if (!base) {
  console.error("usage: node bench/trace-start.mjs BASE_URL [PATH]");
  process.exit(2);
}
const file = join(mkdtempSync(join(tmpdir(), "storewise-trace-")), "trace.json");
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
await page.addInitScript(() => addEventListener("storewise-ready", () => (window.__storewiseReady = true)));
await browser.startTracing(page, { path: file, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8", "v8.wasm", "blink"] });
await page.goto(base + path);
await page.waitForFunction(() => window.__storewiseReady === true);
await page.waitForTimeout(1000);
await browser.stopTracing();
await browser.close();

const trace = JSON.parse(readFileSync(file, "utf8"));
const events = (trace.traceEvents ?? trace).filter((e) => e.ph === "X" && e.dur);
const tasks = events.filter((e) => e.name === "RunTask" && e.dur > 20_000).sort((a, b) => a.ts - b.ts);
for (const task of tasks) {
  const inside = events.filter((e) => e !== task && e.tid === task.tid && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const total = new Map();
  for (const e of inside) total.set(e.name, (total.get(e.name) ?? 0) + e.dur);
  const top = [...total].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`task ${Math.round(task.dur / 1000)} ms (thread ${task.tid})`);
  console.log("  " + top.map(([name, dur]) => `${name} ${Math.round(dur / 1000)}`).join(", "));
}
