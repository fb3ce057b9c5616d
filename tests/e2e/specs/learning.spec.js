// Learning tools: questions (kept, sent, retried), notes, bookmarks, continue, search.
import { test, expect } from "@playwright/test";
import { open, expectAccessible } from "./helpers.js";

// The release build under test sends questions here (scripts/test.sh sets it).
const ENDPOINT = "https://questions.storewise.test/api";

test("a question that cannot be sent is kept, shown as not sent, and survives a reload", async ({ page }) => {
  await page.route(ENDPOINT, (route) => route.fulfill({ status: 500, body: "down" }));
  await open(page, "/lesson/1.1.1.1");
  await page.getByLabel("Your question about this lesson").fill("How narrow is too narrow for a niche?");
  await expect(page.getByText("37 of 600 characters")).toBeVisible();
  await page.getByRole("button", { name: "Send question" }).click();
  const mine = page.locator(".my-question").filter({ hasText: "How narrow is too narrow" });
  await expect(mine).toContainText("Not sent yet");
  await page.reload();
  await expect(page.locator(".my-question").filter({ hasText: "How narrow is too narrow" })).toContainText("Not sent yet");
});

test("a question asked offline is sent once the browser is back online; a 500 is retried", async ({ page, context }) => {
  await page.clock.install();
  const received = [];
  let failFirst = true;
  await page.route(ENDPOINT, async (route) => {
    if (failFirst) {
      failFirst = false;
      return route.fulfill({ status: 500, body: "try later" });
    }
    received.push(JSON.parse(route.request().postData()));
    return route.fulfill({ status: 200, body: "{}" });
  });
  await open(page, "/lesson/2.1.1.1");
  await context.setOffline(true);
  await page.getByLabel("Your question about this lesson").fill("Does freight go into landed cost per unit?");
  await page.getByRole("button", { name: "Send question" }).click();
  const mine = page.locator(".my-question").filter({ hasText: "Does freight go into landed cost" });
  await expect(mine).toContainText("Waiting to be sent");
  await context.setOffline(false);
  // Back online: the first try gets a 500 and is kept for a retry.
  await expect(mine).toContainText("Not sent yet: tried 1 time");
  // The retry comes after its pause.
  await page.clock.fastForward("02:00");
  await expect(mine).toContainText("Sent");
  expect(received).toHaveLength(1);
  expect(received[0].question).toBe("Does freight go into landed cost per unit?");
  expect(received[0].lesson_number).toBe("2.1.1.1");
});

test("text typed in a question is shown as text, never as HTML", async ({ page }) => {
  await page.route(ENDPOINT, (route) => route.fulfill({ status: 200, body: "{}" }));
  let dialogs = 0;
  page.on("dialog", (d) => { dialogs += 1; d.dismiss(); });
  await open(page, "/lesson/1.1.1.2");
  const nasty = `<script>alert("x")</script> and <img src=x onerror="alert('y')">`;
  await page.getByLabel("Your question about this lesson").fill(nasty);
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page.locator(".my-question-text").first()).toHaveText(nasty);
  await expect(page.locator(".my-questions img")).toHaveCount(0);
  await expect(page.locator(".my-questions script")).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test("related answered questions are offered while typing", async ({ page }) => {
  await open(page, "/lesson/8.9.3.2");
  const first = await page.locator(".qa-item summary").first().textContent();
  const words = first.split(/\s+/).filter((w) => w.length > 5).slice(0, 3).join(" ");
  await page.getByLabel("Your question about this lesson").fill(words);
  await expect(page.getByRole("region", { name: "Questions already answered" })).toContainText(first.trim());
  // Searching within the answered questions narrows the list.
  await page.getByLabel("Search these questions").fill("zzzz-no-match");
  await expect(page.getByText(/0 of \d+ questions match/)).toBeVisible();
});

test("notes and bookmarks survive a reload and are listed on Saved", async ({ page }) => {
  await open(page, "/lesson/3.1.1.1");
  await page.getByRole("button", { name: "Bookmark", exact: true }).click();
  await expect(page.getByRole("button", { name: "Bookmarked" })).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("Your note (private, kept in this browser)").fill("Check our size chart against this list.");
  await page.reload();
  await expect(page.getByRole("button", { name: "Bookmarked" })).toBeVisible();
  await expect(page.getByLabel("Your note (private, kept in this browser)")).toHaveValue("Check our size chart against this list.");
  await open(page, "/saved");
  const title = await page.evaluate(() => document.title);
  expect(title).toContain("Saved");
  await expect(page.locator(".saved-list").first().getByRole("link")).toContainText("3.1.1.1");
  await expect(page.getByText("Check our size chart against this list.")).toBeVisible();
  // Continue where you left off.
  await open(page, "/");
  await expect(page.getByRole("navigation", { name: "Continue" })).toContainText("3.1.1.1");
});

test("search finds a lesson by a word from its body and opens it by keyboard", async ({ page }) => {
  await open(page, "/about");
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: "Search lessons, checkpoints and answers" });
  await expect(box).toBeFocused();
  await box.pressSequentially("huskies");
  const results = page.getByRole("listbox", { name: "Results" });
  await expect(results.getByRole("option").first()).toContainText("Choosing a Niche You Can Win");
  await expect(page.getByText(/\d+ lessons? found/)).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/lesson\/1\.1\.1\.1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Choosing a Niche You Can Win" })).toBeVisible();
  // Titles match as you type, with the match highlighted, and arrows move the choice.
  await page.keyboard.press("/");
  await box.fill("quantiz");
  await expect(results.locator("mark").first()).toHaveText(/quantiz/i);
  await page.keyboard.press("Escape");
  await expect(box).toBeHidden();
});

test("words of a locked masterclass count only once it is unlocked", async ({ page }) => {
  const { execFileSync } = await import("node:child_process");
  const root = new URL("../../..", import.meta.url).pathname;
  const code = execFileSync("cargo", ["run", "--quiet", "--bin", "curriculum", "--", "access-code", "--plan", "pro"], { cwd: root, encoding: "utf8" }).trim();
  // "wikitext" appears only in the Pro masterclass of 8.9.3.2.
  const find = async () => {
    await page.keyboard.press("/");
    await page.getByRole("combobox").fill("wikitext");
    const status = page.getByRole("status").filter({ hasText: /found|No lesson/ });
    await expect(status).toBeVisible();
    // The full-text index loads when the dialog first opens; until then titles only match.
    await expect(status).not.toContainText("loading");
    const count = await page.getByRole("listbox", { name: "Results" }).getByText("Quantization Explained").count();
    await page.keyboard.press("Escape");
    return count;
  };
  await open(page, "/");
  expect(await find()).toBe(0);
  await open(page, "/settings");
  await page.getByLabel("Add an access code").fill(code);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("status").filter({ hasText: "unlocked" })).toBeVisible();
  expect(await find()).toBe(1);
});

test("the lesson page with Q&A open and the search dialog have no accessibility violations", async ({ page }) => {
  await open(page, "/lesson/1.1.1.1");
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await page.getByLabel("Your question about this lesson").fill("What about niches with seasonal demand?");
  await expectAccessible(page, "on a lesson with Q&A open");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("combobox").fill("margin");
  await expect(page.getByRole("option").first()).toBeVisible();
  await expectAccessible(page, "on the search dialog");
});

test("parts of a page laid out on demand leave their focus rings room to show", async ({ page }) => {
  // content-visibility clips what such a part paints to its box, plus its clip margin: a
  // focused control at the part's edge would lose its ring. The ring reaches outside the
  // control by its width plus its offset. (The results' parts share the lesson's rule.)
  for (const path of ["/lesson/8.9.3.2"]) {
    await open(page, path);
    await page.getByRole("button", { name: "Bookmark" }).focus();
    const parts = await page.evaluate(() => {
      const focused = getComputedStyle(document.activeElement);
      const ring = parseFloat(focused.outlineWidth) + parseFloat(focused.outlineOffset);
      return [...document.querySelectorAll("body *")]
        .map((el) => [el.className, getComputedStyle(el)])
        .filter(([, style]) => style.contentVisibility === "auto")
        .map(([name, style]) => [name, parseFloat(style.overflowClipMargin) - ring]);
    });
    expect(parts.length, path).toBeGreaterThan(2);
    for (const [name, room] of parts) expect(room, `${name} on ${path}`).toBeGreaterThanOrEqual(0);
  }
});
