// End-to-end tests against the release build in dist/, served the way a static host would.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "./specs",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  // One retry: a test that passes only on its second try is listed as "flaky" in the
  // summary, to be looked into, rather than failing a CI run on a one-off hiccup.
  retries: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: `node ../../scripts/static-server.mjs ../../dist ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // The same app built for a sub-path (scripts/test.sh builds it).
      command: "node ../../scripts/static-server.mjs ../../target/dist-subpath 4176 127.0.0.1 /academy",
      url: "http://127.0.0.1:4176/academy/",
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // The demo marketing page, on another origin (localhost, not 127.0.0.1).
      command: "node ../../scripts/static-server.mjs ../../demo 4174 localhost",
      url: "http://localhost:4174/",
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
