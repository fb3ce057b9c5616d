// Trunk post-build hook (also runs on a built folder: node scripts/post-build.mjs DIR).
// -. Builds the app's wasm (scripts/build-wasm.mjs: split into pages for release builds)
//    and puts the tags that load it where index.html says <!-- wasm -->.
// 0. Writes the files the wasm names but does not hold (lesson texts, sealed masterclasses,
//    the search index) with `curriculum emit`, from the same content and ACADEMY_SECRET.
// 1. Puts the hash of every inline script (Trunk's wasm loader) into the page's Content
//    Security Policy, so no script runs from 'unsafe-inline'.
// 2. Writes sw.js with the exact list of built files and a version derived from their
//    contents: a new deployment is a new service worker, and offline needs no hand list.
// 3. Writes _headers (Netlify, Cloudflare Pages) with the same policy as an HTTP header,
//    plus frame-ancestors from EMBED_ANCESTORS (default *: any site may embed).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { buildWasm } from "./build-wasm.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("usage: node scripts/post-build.mjs DIR (or run as a Trunk hook)");
  process.exit(2);
}
const root = new URL("..", import.meta.url).pathname;
execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "curriculum", "--", "emit", dir], { cwd: root, stdio: "inherit" });
// Where the site is served: "/" or a sub-path such as "/academy/" (trunk --public-url).
const publicUrl = (process.env.TRUNK_PUBLIC_URL ?? process.env.PUBLIC_URL ?? "/").replace(/\/?$/, "/");
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
if (!html.includes("<!-- wasm -->")) {
  console.error("index.html has no <!-- wasm --> marker for the app's loading tags");
  process.exit(1);
}
const release = (process.env.TRUNK_PROFILE ?? "release") === "release";
const wasm = buildWasm({ root, dir, publicUrl, release });
html = html.replace("<!-- wasm -->", wasm.tags).replace(/[ \t]*<link data-trunk rel="rust"[^>]*>\n?/, "");

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`,
);
const policy = (extra = "") =>
  [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
    // Leptos sets a few style attributes (progress bars); scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // Questions may go to the operator's HTTPS endpoint.
    "connect-src 'self' https:",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'self'",
    "form-action 'self' mailto:",
    "object-src 'none'",
    extra,
  ]
    .filter(Boolean)
    .join("; ");
if (!html.includes("__CSP__")) {
  console.error("index.html has no __CSP__ placeholder in its Content-Security-Policy meta");
  process.exit(1);
}
html = html.replace("__CSP__", policy());
// The static first screen: its links follow the public URL, its figures the curriculum.
const stats = JSON.parse(execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "curriculum", "--", "stats"], { cwd: root, encoding: "utf8" }));
html = html
  .replaceAll("__BASE__/", publicUrl)
  .replaceAll("__PROGRAMS__", String(stats.programs))
  .replaceAll("__MISSIONS__", String(stats.missions))
  .replaceAll("__CHECKPOINTS__", String(stats.checkpoints))
  .replaceAll("__SCREENS__", String(stats.diagnostic_screens));
// Links written in index.html as root paths follow the public URL too.
html = html.replace(/(href|src)="\/(manifest\.webmanifest|icons\/)/g, `$1="${publicUrl}$2`);

function files(d) {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    if (name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
// Everything the app needs offline, except the worker itself, host configuration, files
// meant for other sites (the embed snippet and the demo page) and sealed masterclasses,
// which only learners holding a key fetch (the worker keeps those once fetched).
const skip = new Set(["sw.js", "_headers", "_redirects", "embed.js"]);
// The worker's lists (see below): the other pages' code with the curriculum and search
// index, and the lesson texts, are saved after Home's files. What that downloads (gzip, as
// hosts serve it) is shown in Settings.
const place = (p) => relative(dir, p).split("\\").join("/");
const mainModule = new Set(["storewise.js", "storewise_bg.wasm", "__wasm_split.js"]);
const isLessonText = (p) => place(p).startsWith("content/") && p.endsWith(".json");
const isApp = (p) => (place(p).startsWith("wasm-") && !mainModule.has(basename(p))) || (place(p).startsWith("content/") && p.endsWith(".bin"));
const laterKb = Math.round(
  files(dir)
    .filter((p) => isApp(p) || isLessonText(p))
    .reduce((sum, p) => sum + gzipSync(readFileSync(p)).length, 0) / 1024,
);
html = html.replace("__OFFLINE_KB__", String(laterKb));
writeFileSync(indexPath, html);
// A page per lesson, for readers before the app starts and for search engines; offline,
// the app itself shows lessons, so the worker does not keep these.
execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "curriculum", "--", "pages", indexPath, dir, publicUrl], { cwd: root, stdio: "inherit" });
const lessonPage = (p) => place(p).startsWith("lesson/") && p.endsWith(".html");
const built = files(dir).filter((p) => !skip.has(place(p)) && !p.endsWith(".sealed") && !lessonPage(p));
const version = createHash("sha256");
for (const p of files(dir).filter((p) => !skip.has(place(p))).sort()) version.update(place(p)).update(p === indexPath ? html : readFileSync(p));
const url = (p) => publicUrl + place(p);
// Three lists for the worker (see assets/sw.template.js): what Home needs, saved at install
// (the first visit has just downloaded it); then, once a page asks (never with Save-Data),
// the other pages' code with the curriculum and search index, and the lesson texts.
const list = [publicUrl, ...built.filter((p) => !isLessonText(p) && !isApp(p)).map(url)];
const app = built.filter(isApp).map(url);
const lessons = built.filter(isLessonText).map(url);
const template = readFileSync(join(root, "assets/sw.template.js"), "utf8");
writeFileSync(
  join(dir, "sw.js"),
  template
    .replace("__VERSION__", version.digest("hex").slice(0, 16))
    .replace("__FILES__", JSON.stringify(list, null, 2))
    .replace("__APP__", JSON.stringify(app, null, 2))
    .replace("__LESSONS__", JSON.stringify(lessons, null, 2)),
);

const ancestors = process.env.EMBED_ANCESTORS ?? "*";
writeFileSync(
  join(dir, "_headers"),
  `/*\n  Content-Security-Policy: ${policy(`frame-ancestors ${ancestors}`)}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n\n/index.html\n  Cache-Control: no-cache\n/lesson/*\n  Cache-Control: no-cache\n/sw.js\n  Cache-Control: no-cache\n/embed.js\n  Cache-Control: public, max-age=3600\n  Access-Control-Allow-Origin: *\n/wasm-*\n  Cache-Control: public, max-age=31536000, immutable\n/content/*\n  Cache-Control: public, max-age=31536000, immutable\n`,
);
console.log(`post-build: ${wasm.files} wasm and loader files in ${wasm.folder}/; CSP with ${hashes.length} inline script hash(es); sw.js saves ${list.length} files, then ${app.length} + ${lessons.length} lesson texts unless the browser saves data`);
