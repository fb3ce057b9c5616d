// Serves a built dist/ folder the way a production static host should: a path with a page
// of its own (lesson/8.9.3.2.html) gets that page, other client-side routes fall back to
// index.html, hashed files are cached for a year, index.html is never cached,
// and text responses are gzip-compressed when the browser accepts it.
//   node scripts/static-server.mjs [dir=dist] [port=8080] [host=127.0.0.1] [prefix=/]
// With a prefix such as /academy the site is served under that path, as a host serving
// the app under a sub-path would.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const dir = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 8080);
const host = process.argv[4] ?? "127.0.0.1";
const prefix = (process.argv[5] ?? "").replace(/\/$/, "");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".bin": "application/octet-stream",
  ".sealed": "application/octet-stream",
};
const compressible = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".webmanifest", ".txt", ".bin"]);
// Trunk names built files like app-0123456789abcdef.js, the content compiler like
// content/lesson-id.0123456789abcdef.json.
const hashed = /[-.][0-9a-f]{16}(_bg)?\.[a-z0-9]+$|\/wasm-[0-9a-f]{16}\//;

async function fileFor(pathname) {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const candidate = join(dir, safe);
  if (!candidate.startsWith(dir)) return null;
  try {
    const s = await stat(candidate);
    if (s.isFile()) return candidate;
    if (s.isDirectory()) {
      const index = join(candidate, "index.html");
      if ((await stat(index).catch(() => null))?.isFile()) return index;
    }
  } catch {}
  // A page written for this path (a lesson's static page: /lesson/8.9.3.2 is served from
  // lesson/8.9.3.2.html, as Netlify and Cloudflare Pages do).
  if ((await stat(candidate + ".html").catch(() => null))?.isFile()) return candidate + ".html";
  // Anything that is not a missing asset is a client-side route (lesson numbers such as
  // /lesson/8.9.3.2 contain dots): serve the app.
  return types[extname(safe)] ? null : join(dir, "index.html");
}

createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://localhost");
    const inside = url.pathname === prefix || url.pathname.startsWith(prefix + "/");
    const file = inside ? await fileFor(url.pathname.slice(prefix.length) || "/") : null;
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("Not found");
      return;
    }
    const ext = extname(file);
    let body = await readFile(file);
    const headers = {
      "content-type": types[ext] ?? "application/octet-stream",
      "cache-control": hashed.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
    };
    if (compressible.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      body = gzipSync(body, { level: 9 });
      headers["content-encoding"] = "gzip";
      headers["vary"] = "accept-encoding";
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  } catch (e) {
    res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end(String(e));
  }
}).listen(port, host, () => console.log(`serving ${dir} at http://${host}:${port}/`));
