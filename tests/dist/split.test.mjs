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

test("the service worker saves what Home needs at install, then the rest and every lesson text", () => {
  const sw = readFileSync(join(dist, "sw.js"), "utf8");
  const list = (name) => JSON.parse(sw.match(new RegExp(`const ${name} = (\\[[\\s\\S]*?\\]);`))[1]);
  const [files, app, lessons] = [list("FILES"), list("APP"), list("LESSONS")];
  const texts = readdirSync(join(dist, "content")).filter((n) => n.endsWith(".json")).map((n) => `/content/${n}`);
  assert.ok(texts.length > 100, `only ${texts.length} lesson texts in dist/content`);
  assert.deepEqual([...lessons].sort(), texts.sort());
  // Home's own files at install; no other page's code, no curriculum, no lesson text.
  const folder = `/${folders[0]}/`;
  assert.deepEqual(files.filter((f) => f.startsWith(folder)).sort(), [`${folder}__wasm_split.js`, `${folder}storewise.js`, `${folder}storewise_bg.wasm`]);
  assert.deepEqual(files.filter((f) => f.startsWith("/content/")), []);
  // The rest: every other page's code, the curriculum, the lessons' details and the search index.
  const others = readdirSync(join(dist, folders[0])).map((n) => folder + n).filter((f) => !files.includes(f));
  assert.deepEqual(app.filter((f) => f.startsWith(folder)).sort(), others.sort());
  for (const name of ["curriculum", "details", "search"]) assert.ok(app.some((f) => new RegExp(`^/content/${name}\\.[0-9a-f]+\\.bin$`).test(f)), name);
});

test("a page opened directly preloads the curriculum, and only a reading page the lessons' details", () => {
  // The loading script's own function, as index.html has it.
  const from = html.indexOf("const paths =");
  const to = html.indexOf("// A page opened directly");
  assert.ok(from > 0 && to > from, "no page preloads in index.html");
  const filesFor = new Function(`${html.slice(from, to)}; return filesFor;`)();
  const content = (path) => filesFor(path).filter((f) => f.includes("/content/")).map((f) => f.replace(/\.[0-9a-f]{16}\.bin$/, ""));
  assert.deepEqual(content("/lesson/8.9.3.2"), ["/content/curriculum", "/content/details"]);
  assert.deepEqual(content("/embed/lesson/8.9.3.2"), ["/content/curriculum", "/content/details"]);
  for (const path of ["/diagnostic", "/results", "/shared", "/roadmap", "/settings"]) assert.deepEqual(content(path), ["/content/curriculum"], path);
  // Addresses the app shows as Not found (split::shown) preload nothing.
  for (const path of ["", "/about/x", "/shared/abc", "/lesson", "/lesson/1.1.1.1/more", "/diagnosticx"]) assert.deepEqual(filesFor(path), [], path);
});
