// The release build in dist/ must not contain the text of any locked masterclass, while the
// text of free masterclasses is there (which shows the search itself works). Sealed files
// are ciphertext, so they are searched like the rest.
// Run after `trunk build --release`: node --test tests/dist/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const dist = join(root, "dist");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const shipped = files(dist).map((path) => ({ path, bytes: readFileSync(path) }));
const probes = execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "curriculum", "--", "probe"], { cwd: root, encoding: "utf8" })
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line))
  .filter((p) => p.probe.length >= 60);

// Text ships inside the wasm as it is, and inside lesson files as JSON strings (escaped).
function shippedIn(text) {
  const needles = [text, JSON.stringify(text).slice(1, -1)].map((t) => Buffer.from(t, "utf8"));
  return shipped.filter((f) => needles.some((n) => f.bytes.includes(n))).map((f) => f.path);
}

test("dist/ holds the built app", () => {
  assert.ok(shipped.some((f) => f.path.endsWith(".wasm")), "no .wasm in dist/");
  assert.ok(probes.length > 100, `only ${probes.length} probes`);
});

test("no sentence of a locked masterclass appears in any shipped file", () => {
  const locked = probes.filter((p) => !p.free);
  assert.ok(locked.length > 50, `only ${locked.length} locked lessons`);
  const leaks = locked.map((p) => ({ id: p.id, in: shippedIn(p.probe) })).filter((l) => l.in.length);
  assert.deepEqual(leaks, []);
});

test("sentences of free masterclasses do appear, so the search finds text that ships", () => {
  const free = probes.filter((p) => p.free);
  assert.ok(free.length > 20, `only ${free.length} free lessons`);
  const missing = free.filter((p) => shippedIn(p.probe).length === 0).map((p) => p.id);
  assert.deepEqual(missing, []);
});
