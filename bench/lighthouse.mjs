// Lighthouse (mobile, default throttling) on one page, N times, with each run's long tasks
// and main-thread breakdown: for finding where TBT comes from, which bench/run.sh only
// reports as a median. Against a served dist/:
//   node scripts/static-server.mjs dist 8090 &
//   node bench/lighthouse.mjs http://127.0.0.1:8090/lesson/8.9.3.2 3
// Needs the lighthouse package in bench/ (bench/run.sh installs it).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bin = join(root, "bench/node_modules/.bin/lighthouse");
const [url, runs = "3"] = process.argv.slice(2);
if (!url) {
  console.error("usage: node bench/lighthouse.mjs URL [RUNS]");
  process.exit(2);
}
if (!existsSync(bin)) {
  console.error("lighthouse is not installed in bench/: run bench/run.sh once");
  process.exit(1);
}
// The same browser flags as bench/measure.mjs.
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
for (let i = 0; i < Number(runs); i++) {
  const json = execFileSync(bin, [url, "--output=json", "--quiet", `--chrome-flags=--headless=new ${FLAGS.join(" ")}`, "--form-factor=mobile"], {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
    maxBuffer: 64 << 20,
  }).toString();
  const r = JSON.parse(json);
  const ms = (audit) => Math.round(r.audits[audit].numericValue);
  console.log(
    `performance ${r.categories.performance.score * 100}  FCP ${ms("first-contentful-paint")} ms  LCP ${ms("largest-contentful-paint")} ms  TBT ${ms("total-blocking-time")} ms  TTI ${ms("interactive")} ms`,
  );
  // Tasks over 50 ms as Lighthouse simulates them (4x the observed CPU time).
  for (const t of r.audits["long-tasks"].details?.items ?? []) console.log(`  long task ${Math.round(t.duration)} ms at ${Math.round(t.startTime)} ms: ${t.url}`);
  const breakdown = r.audits["mainthread-work-breakdown"].details.items.map((x) => `${x.group} ${Math.round(x.duration)}`);
  console.log(`  main thread: ${breakdown.join(", ")} (ms)`);
}
