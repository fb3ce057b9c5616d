// Locked masterclasses and access codes.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { open, expectAccessible } from "./helpers.js";

const root = new URL("../../..", import.meta.url).pathname;
const cli = (...args) => execFileSync("cargo", ["run", "--quiet", "--bin", "curriculum", "--", ...args], { cwd: root, encoding: "utf8" }).trim();
const code = (plan) => cli("access-code", "--plan", plan);
const lessons = cli("lessons").split("\n").map((l) => JSON.parse(l));
const proLesson = lessons.find((l) => l.plan === "pro" && l.number !== "8.9.3.2");
const coreLesson = lessons.find((l) => l.plan === "core");

/** The same code with one character changed, as a typo would. */
function typo(text) {
  const i = text.length - 5;
  const c = text[i] === "7" ? "8" : "7";
  return text.slice(0, i) + c + text.slice(i + 1);
}

test("codes are refused with a clear message, and a valid one unlocks in place", async ({ page }) => {
  await open(page, "/lesson/8.9.3.2");
  const panel = page.getByRole("region", { name: /access required/i });
  await expect(panel).toBeVisible();
  await expect(page.getByRole("heading", { name: "Masterclass", exact: true })).toHaveCount(0);
  const field = page.getByLabel("Have an access code?");
  const unlock = panel.getByRole("button", { name: "Unlock" });

  await field.fill("let me in");
  await unlock.click();
  await expect(page.getByRole("alert")).toContainText("does not look like an access code");

  await field.fill(typo(code("pro")));
  await unlock.click();
  await expect(page.getByRole("alert")).toContainText("typo");

  await field.fill(code("core"));
  await unlock.click();
  await expect(page.getByRole("alert")).toContainText("unlocks the Core plan, which does not include this masterclass");

  const url = page.url();
  await field.fill(code("pro").toLowerCase());
  await unlock.click();
  await expect(page.getByRole("heading", { name: "Masterclass", exact: true })).toBeVisible();
  await expect(panel).toHaveCount(0);
  expect(page.url()).toBe(url);
  await expect(page.locator(".masterclass")).toContainText("Q4_K_M");

  // The unlock survives a reload, and other lessons of the plan (and of Core) open too.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Masterclass", exact: true })).toBeVisible();
  await open(page, `/lesson/${proLesson.number}`);
  await expect(page.getByRole("heading", { name: "Masterclass", exact: true })).toBeVisible();
  await open(page, `/lesson/${coreLesson.number}`);
  await expect(page.getByRole("heading", { name: "Masterclass", exact: true })).toBeVisible();

  // Settings lists the plans and can remove one.
  await open(page, "/settings");
  await expect(page.getByText("Pro plan")).toBeVisible();
  await page.getByRole("button", { name: "Remove Pro" }).click();
  await open(page, "/lesson/8.9.3.2");
  await expect(page.getByRole("region", { name: /access required/i })).toBeVisible();
  await open(page, `/lesson/${coreLesson.number}`);
  await expect(page.getByRole("heading", { name: "Masterclass", exact: true })).toBeVisible();
});

test("the curriculum marks locked lessons with a padlock until they are unlocked", async ({ page }) => {
  await open(page, "/curriculum?path=lab");
  const row = page.locator(".lesson-row").filter({ hasText: "Quantization Explained" });
  await expect(row.getByText("Locked: masterclass in the Pro plan")).toBeAttached();
  await open(page, "/settings");
  await page.getByLabel("Add an access code").fill(code("pro"));
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pro plan is unlocked" })).toBeVisible();
  await open(page, "/curriculum?path=lab");
  await expect(page.locator(".lesson-row").filter({ hasText: "Quantization Explained" }).getByText(/Locked/)).toHaveCount(0);
});

test("the lock panel and settings have no accessibility violations", async ({ page }) => {
  await open(page, "/lesson/8.9.3.2");
  await page.getByLabel("Have an access code?").fill("nonsense");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectAccessible(page, "on the lock panel with an error");
  await open(page, "/settings");
  await expectAccessible(page, "on settings");
});
