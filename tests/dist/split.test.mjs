// The release build's wasm is split by page (scripts/build-wasm.mjs): index.html loads one
// build folder, every page declared in src/split.rs has its own file there, and the
// service worker keeps all of them, so every page still opens offline.
// Run after `trunk build --release`: node --test tests/dist/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const dist = join(root, "dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const folders = readdirSync(dist).filter((n) => /^wasm-[0-9a-f]{16}$/.test(n));

test("index.html loads the one build folder, through the main module's loader", () => {
  assert.equal(folders.length, 1, `build folders: ${folders.join(", ")}`);
  const [folder] = folders;
  assert.ok(html.includes(`await import("/${folder}/storewise.js")`), "the loader does not start the main module");
  assert.ok(html.includes(`rel: "preload", as: "fetch", type: "application/wasm", href: "/${folder}/storewise_bg.wasm"`), "the main module is not preloaded");
  // The modules are preloaded with their integrity, which a module preload enforces.
  assert.match(html, new RegExp(`\\["/${folder}/storewise\\.js","sha384-[A-Za-z0-9+/]+=*"\\]`));
  assert.ok(!html.includes("data-trunk"), "a Trunk directive was left in the page");
});

test("each wasm module named in src/split.rs has its own file, and a directly opened page fetches it", () => {
  const source = readFileSync(join(root, "src/split.rs"), "utf8");
  const chunks = [...source.matchAll(/^chunk!\(\s*(\w+),\s*\w+,\s*(\w+),/gm)];
  const modules = new Set(chunks.map((m) => m[2]));
  assert.ok(modules.size >= 3, `only ${modules.size} modules declared`);
  const files = readdirSync(join(dist, folders[0]));
  const missing = [...modules].filter((name) => !files.includes(`split_${name}.wasm`));
  assert.deepEqual(missing, []);
  assert.ok(files.includes("__wasm_split.js"), "no loader for the split files");
  // Modules that show a page (src/split.rs's PATHS table); the header's tools have no path.
  const paged = new Set([...source.matchAll(/^\s*\("\/[\w/]+",\s*&(\w+)\)/gm)].map((m) => m[1]));
  const pageModules = new Set(chunks.filter((m) => paged.has(m[1])).map((m) => m[2]));
  assert.ok(pageModules.size >= 3, `only ${pageModules.size} page modules found`);
  for (const name of pageModules) assert.ok(html.includes(`"split_${name}.wasm"`), `index.html does not preload split_${name}.wasm`);
});

test("the service worker keeps every file of the build folder", () => {
  const sw = readFileSync(join(dist, "sw.js"), "utf8");
  const files = readdirSync(join(dist, folders[0]));
  const absent = files.filter((name) => !sw.includes(`"/${folders[0]}/${name}"`));
  assert.deepEqual(absent, []);
});
