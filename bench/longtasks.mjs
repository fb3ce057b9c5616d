// Blocking time under a real 4x CPU slowdown, for comparing builds side by side: Lighthouse
// simulates its slowdown from one unthrottled trace, and its TBT swings from run to run on
// a small VM. Loads PATH from each served build in turn, RUNS times, each in a fresh
// phone-sized context (412x823, service workers blocked), and sums, as TBT does, the part
// over 50 ms of every long task after the first contentful paint. Prints the median and
// each load's long tasks.
//   node scripts/static-server.mjs dist 8090 &
//   node scripts/static-server.mjs /tmp/other-dist 8091 &
//   node bench/longtasks.mjs 8 /lesson/8.9.3.2 http://127.0.0.1:8090 http://127.0.0.1:8091
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/e2e/package.json", import.meta.url));
const { chromium } = require("@playwright/test");

const [runs, path, ...bases] = process.argv.slice(2);
if (!runs || !path || bases.length === 0) {
  console.error("usage: node bench/longtasks.mjs RUNS PATH BASE_URL [BASE_URL ...]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const loads = Object.fromEntries(bases.map((b) => [b, []]));
// Builds alternate, so the VM's load at any moment falls on each alike.
for (let i = 0; i < Number(runs); i++) {
  for (const base of bases) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: "block" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(base + path);
    await page.waitForTimeout(4000);
    const [tasks, fcp] = await page.evaluate(() => [
      window.__longTasks,
      performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0,
    ]);
    const after = tasks.filter(([start]) => start >= fcp).map(([, duration]) => Math.round(duration));
    loads[base].push({ tbt: after.reduce((sum, d) => sum + Math.max(0, d - 50), 0), tasks: after });
    await context.close();
  }
}
for (const base of bases) {
  const tbt = loads[base].map((l) => l.tbt).sort((a, b) => a - b);
  console.log(`${base}${path}  median ${tbt[Math.floor(tbt.length / 2)]} ms  (${tbt.join(", ")})`);
  console.log(`  long tasks per load: ${loads[base].map((l) => l.tasks.join("+") || "none").join(" / ")}`);
}
await browser.close();
