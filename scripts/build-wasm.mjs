// Builds the app's wasm for the Trunk hook (scripts/post-build.mjs) and returns the tags
// that load it. Trunk 0.21 cannot split a wasm file, so this replaces its rust pipeline:
//
// release: cargo build --release --features split, with relocations kept
//          -> wasm-split: a main module (shell, Home, storage) and one file per group of pages
//             of src/split.rs, plus chunks they share and __wasm_split.js, which loads them
//          -> wasm-bindgen --target web on the main module
//          -> wasm-opt -Oz on every wasm file
// debug:   cargo build, then wasm-bindgen (no split, no wasm-opt): quick rebuilds for `trunk serve`.
//
// Everything lands in DIR/wasm-<hash of the files>/ and the files name each other
// relatively, so a deployment never mixes parts of two builds and all of it can be cached
// for a year.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

// The same wasm features rustc emits and Trunk enabled before.
const WASM_OPT_FLAGS = [
  "-Oz",
  "--enable-bulk-memory",
  "--enable-bulk-memory-opt",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: "inherit", ...opts });
}

export function buildWasm({ root, dir, publicUrl, release }) {
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
  const profile = release ? "release" : "debug";
  const cargoArgs = ["build", "--locked", "--target", "wasm32-unknown-unknown", "--bin", "storewise"];
  if (release) cargoArgs.push("--release", "--features", "split");
  // .cargo/config.toml's flags plus, for the splitter, the relocations the linker normally drops.
  const rustflags = ["--cfg erase_components", ...(release ? ["-C link-arg=--emit-relocs"] : [])].join(" ");
  run("cargo", cargoArgs, {
    cwd: root,
    env: { ...process.env, CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: rustflags },
  });
  const input = join(targetDir, "wasm32-unknown-unknown", profile, "storewise.wasm");

  const work = join(dir, ".wasm-build");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // --keep-lld-exports: split files reach the main module through its function table,
  // which wasm-bindgen would otherwise stop exporting.
  const bindgen = (wasm, keep = []) =>
    run("wasm-bindgen", [...keep, "--target", "web", "--no-typescript", "--out-dir", work, "--out-name", "storewise", wasm]);
  if (release) {
    run("wasm-split-cli", ["--target", "web", "--out-name", "storewise", input, work]);
    const main = join(work, "storewise.wasm");
    bindgen(main, ["--keep-lld-exports"]);
    rmSync(main);
    for (const name of readdirSync(work).filter((n) => n.endsWith(".wasm"))) {
      const path = join(work, name);
      // wasm-split writes a kind of name subsection that wasm-opt warns about and drops
      // anyway (it keeps no names): keep every other line of its output.
      const result = spawnSync("wasm-opt", [...WASM_OPT_FLAGS, path, "-o", path], { encoding: "utf8" });
      const said = `${result.stdout}${result.stderr}`.split("\n").filter((l) => l && !l.startsWith("warning: unknown name subsection"));
      if (said.length) console.error(said.join("\n"));
      if (result.status !== 0) throw new Error(`wasm-opt failed on ${name}`);
    }
  } else {
    bindgen(input);
  }

  const names = readdirSync(work).sort();
  const hash = createHash("sha256");
  for (const name of names) hash.update(name).update(readFileSync(join(work, name)));
  const folder = `wasm-${hash.digest("hex").slice(0, 16)}`;
  const out = join(dir, folder);
  rmSync(out, { recursive: true, force: true });
  renameSync(work, out);

  const base = `${publicUrl}${folder}/`;
  const js = `${base}storewise.js`;
  const wasm = `${base}storewise_bg.wasm`;
  // Subresource integrity for the page's modules, as Trunk gave them.
  const integrity = (name) => `sha384-${createHash("sha384").update(readFileSync(join(out, name))).digest("base64")}`;
  // The loader of split pages is imported by the main module's JavaScript: fetch it alongside.
  const modules = ["storewise.js", ...(names.includes("__wasm_split.js") ? ["__wasm_split.js"] : [])];
  const preloads = JSON.stringify(modules.map((m) => [`${base}${m}`, integrity(m)]));
  // The app's files are requested once the static first screen has painted (app-shell.js's
  // storewisePainted, at most 500 ms): on a slow connection they would otherwise share the
  // network with the page's own HTML and CSS and delay that paint, and the first screen is
  // the useful part until the app starts. The wasm preload carries no integrity: the
  // loader's own fetch carries none, and a preload is only reused by a request with the
  // same integrity. The modules keep theirs (a module preload fills the module map).
  const tags = [
    `<script type="module">
  await window.storewisePainted;
  const link = (attributes) => document.head.append(Object.assign(document.createElement("link"), { crossOrigin: "anonymous" }, attributes));
  for (const [href, integrity] of ${preloads}) link({ rel: "modulepreload", href, integrity });
  link({ rel: "preload", as: "fetch", type: "application/wasm", href: "${wasm}" });
  ${release ? pagePreloads(root, readFileSync(join(out, "__wasm_split.js"), "utf8"), base, publicUrl, packedFile(dir, "curriculum"), packedFile(dir, "details")) : ""}
  const { default: init } = await import("${js}");
  await init({ module_or_path: "${wasm}" });
  </script>`,
  ];
  return { folder, tags: tags.join("\n  "), files: names.length };
}

// The files of each page's wasm module, from the split's loader: `split_<module>.wasm` and the
// chunks it shares with other modules, which the loader fetches before instantiating it.
function moduleFiles(loader) {
  const chunks = new Map(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const modules = new Map();
  for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?), \[([^\]]*)\]\)\);/g)) {
    const own = m[2].match(/fetch\(new URL\("\.\/([^"]+)"/);
    const deps = m[3].split(",").map((d) => d.trim()).filter(Boolean);
    modules.set(m[1], [...(own ? [own[1]] : []), ...deps.map((d) => chunks.get(d))]);
  }
  return modules;
}

// A packed file (the curriculum, or the lessons' details), written into DIR/content/ by
// `curriculum emit` before this runs.
function packedFile(dir, stem) {
  const names = readdirSync(join(dir, "content")).filter((n) => new RegExp(`^${stem}\\.[0-9a-f]{16}\\.bin$`).test(n));
  if (names.length !== 1) throw new Error(`expected one packed ${stem} file in ${dir}/content, found ${names.length}`);
  return `content/${names[0]}`;
}

// Statements of the loading script that start downloading the wasm files of a page opened
// directly (a lesson link, a share link) alongside the main module, instead of after it has
// started, together with the curriculum, which every page but Home reads, and the lessons'
// details, which the reading pages read; and that define storewisePrefetch(path), which
// the app calls for a page it expects to be opened next. Which path is which module, and
// which module reads the details, comes from src/split.rs: its chunk! lines, its PATHS
// table, its KEYED paths (which take one key, `/lesson/<key>`) and its `(@page module, ...)`
// line for the pages that wait for the details. A path matches as `split::shown` matches it,
// so a page that shows Not found preloads nothing.
function pagePreloads(root, loader, base, publicUrl, curriculum, details) {
  const source = readFileSync(join(root, "src/split.rs"), "utf8");
  const detailed = [...source.matchAll(/^\s*\(@page (\w+), \$chunk:ident/gm)].map((m) => m[1]);
  if (detailed.length === 0) throw new Error("src/split.rs: no module reads the lessons' details");
  const moduleOf = new Map([...source.matchAll(/^chunk!\(\s*(\w+),\s*\w+,\s*(\w+),/gm)].map((m) => [m[1], m[2]]));
  const paths = [...source.matchAll(/^\s*\("(\/[^"]*)", &(\w+)\),$/gm)].map((m) => [m[1], moduleOf.get(m[2])]);
  const files = moduleFiles(loader);
  const byModule = {};
  for (const [path, module] of paths) {
    if (!module || !files.has(module)) throw new Error(`src/split.rs: no wasm module for ${path} (${module})`);
    byModule[module] = files.get(module);
  }
  if (paths.length === 0) throw new Error("src/split.rs: no PATHS table found");
  const keyedLine = source.match(/^const KEYED: \[&str; \d+\] = \[([^\]]*)\];$/m);
  if (!keyedLine) throw new Error("src/split.rs: no KEYED paths found");
  const keyed = [...keyedLine[1].matchAll(/"(\/[^"]*)"/g)].map((m) => m[1]);
  const prefix = publicUrl.replace(/\/$/, "");
  return `// The files a page needs besides the main module (none for Home): the curriculum (and
  // for the reading pages the lessons' details) and its wasm module's files.
  const paths = ${JSON.stringify(Object.fromEntries(paths))};
  const files = ${JSON.stringify(byModule)};
  const detailed = ${JSON.stringify(detailed)};
  const keyed = ${JSON.stringify(keyed)};
  const filesFor = (path) => {
    const found = Object.keys(paths).find((p) => (keyed.includes(p) ? path.startsWith(p + "/") && path.length > p.length + 1 && !path.includes("/", p.length + 1) : path === p));
    if (!found) return [];
    const content = [${JSON.stringify(publicUrl + curriculum)}, ...(detailed.includes(paths[found]) ? [${JSON.stringify(publicUrl + details)}] : [])];
    return [...content, ...files[paths[found]].map((n) => ${JSON.stringify(base)} + n)];
  };
  // A page opened directly: its files download beside the main module, requested in a task
  // of their own (a dozen requests took as long to issue as a blocking task may last).
  await new Promise((resolve) => setTimeout(resolve));
  for (const href of filesFor(location.pathname${prefix ? `.slice(${prefix.length})` : ""}.replace(/\\/+$/, ""))) link({ rel: "preload", as: "fetch", href });
  // A page the app expects next (split::prepare): its files go into the cache when idle.
  window.storewisePrefetch = (path) => filesFor(path).forEach((href) => link({ rel: "prefetch", href }));`;
}
