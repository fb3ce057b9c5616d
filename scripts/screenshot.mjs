// Takes screenshots of app pages in headless Chromium, to look at the UI.
//   node scripts/screenshot.mjs http://127.0.0.1:8080 /path ... (writes screenshots/*.png)
// Options by environment: WIDTH (default 1280), THEME (light|dark), OUT (folder).
import { createRequire } from "node:module";
const require = createRequire(new URL("../tests/e2e/package.json", import.meta.url));
const { chromium } = require("@playwright/test");

const [base, ...paths] = process.argv.slice(2);
const width = Number(process.env.WIDTH ?? 1280);
const theme = process.env.THEME ?? "light";
const out = process.env.OUT ?? "screenshots";
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
page.on("console", (m) => m.type() === "error" && console.error("console:", m.text()));
for (const path of paths.length ? paths : ["/"]) {
  await page.goto(base + path);
  await page.waitForSelector("main h1");
  // A full-page shot paints beyond the viewport, where parts laid out on demand
  // (`content-visibility: auto` in the CSS) would be left blank.
  await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
  // Parts built a task after the page (src/components/later.rs), then laid out.
  await page.waitForTimeout(300);
  const name = `${out}/${path.replace(/[^a-z0-9.]+/gi, "_") || "home"}-${width}-${theme}.png`;
  await page.screenshot({ path: name, fullPage: true });
  console.log(name);
}
await browser.close();
