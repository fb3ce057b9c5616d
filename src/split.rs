//! Pages that load when first shown. Home is in the main wasm file, so a first visit
//! downloads only what it needs; every other page is a `Chunk`, and a chunk is ready when
//! both its code and the curriculum (`content::load`) are here, and for the reading pages
//! the lessons' details too (`content::load_details`).
//!
//! With the `split` feature (release builds, see scripts/build-wasm.mjs) each chunk's code
//! is cut into its own wasm file by wasm-split and fetched on first use. Without it (tests,
//! development) a chunk is a plain function call, so the same code runs either way.

use crate::components::load_error::load_failed;
use crate::loader::LoadError;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use wasm_bindgen::JsCast;

/// Builds a page; the function itself lives in the chunk's wasm file.
pub type Page = fn() -> AnyView;

/// A chunk's wasm file could not be fetched or instantiated (offline before it was cached,
/// a failed request, a deployment that replaced it). Nothing is cached, so a retry starts over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkFailed;

impl ChunkFailed {
    /// Why, as far as the browser can tell: offline, the file was not saved yet; online, the
    /// likely cause besides the network is a new version deployed since this tab opened,
    /// whose files replaced these.
    pub fn reason(self) -> LoadError {
        if web_sys::window().is_some_and(|w| !w.navigator().on_line()) {
            LoadError::Offline
        } else {
            LoadError::Unavailable
        }
    }
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

type Loading<T> = Pin<Box<dyn Future<Output = Result<T, ChunkFailed>>>>;

/// Code in a wasm module of its own: a page (`Page`), or a function only some visits need
/// (the questions outbox's sender).
pub struct Chunk<T: 'static = Page> {
    loaded: OnceLock<T>,
    /// Fetches the code, which hands back what to wait for before it is ready (see
    /// [`with_curriculum`]).
    load: fn() -> Loading<Loading<T>>,
}

impl<T: Copy + 'static> Chunk<T> {
    const fn new(load: fn() -> Loading<Loading<T>>) -> Self {
        Chunk {
            loaded: OnceLock::new(),
            load,
        }
    }

    /// Fetches the chunk and what it reads (the curriculum) if they are not here yet.
    /// Callers that only want it ready sooner (Home preparing the diagnostic, the
    /// diagnostic preparing the results) ignore the error: the page reports it.
    pub async fn ensure(&'static self) -> Result<T, ChunkFailed> {
        if let Some(code) = self.loaded.get() {
            return Ok(*code);
        }
        let code = (self.load)().await?.await?;
        Ok(*self.loaded.get_or_init(|| code))
    }

    /// The page (or function), if its code and what it reads are here.
    pub fn ready(&self) -> Option<T> {
        self.loaded.get().copied()
    }
}

/// What a chunk's code hands back: ready once the curriculum is here. The waiting is the
/// chunk's own code, so the main module, which every visit downloads, carries neither the
/// curriculum's loader nor its decoder. Code first, then the curriculum, each in its own
/// task, although a page opened directly has preloaded both: unpacking the curriculum and
/// instantiating the code in one task made a lesson's start measurably more blocking
/// (paired runs of `bench/lighthouse.mjs`).
fn with_curriculum<T: 'static>(code: T) -> Loading<T> {
    Box::pin(async move {
        crate::content::load().await.map_err(|_| ChunkFailed)?;
        Ok(code)
    })
}

/// A reading page, once the curriculum and the lessons' details are here.
fn with_details(page: Page) -> Loading<Page> {
    Box::pin(async move {
        crate::content::load_details()
            .await
            .map_err(|_| ChunkFailed)?;
        Ok(page)
    })
}

/// Ready at once: search, which opens at once and says it is loading, and functions.
fn at_once<T: 'static>(code: T) -> Loading<T> {
    Box::pin(std::future::ready(Ok(code)))
}

/// Declares a chunk: a static to name it by, a function name, the wasm module its code goes
/// into, and the page component. Pages in one module share its download: few modules mean
/// few requests, since wasm-split also makes a file for each set of modules sharing code.
/// A page is built once the curriculum is here ([`with_curriculum`]), or once what a last
/// argument waits for is here (`at_once`). A page of the reading module waits for the
/// lessons' details too (scripts/build-wasm.mjs reads the `@page reading` line below to
/// preload them). A function rather than a page: `chunk!(NAME, function, module,
/// fn(Args) = path)`, ready once its code is here (it loads what it reads itself: a
/// build without a questions endpoint never calls the outbox's sender, and wasm-split
/// then leaves the sender's code, with anything it waits for, in the main module).
macro_rules! chunk {
    ($chunk:ident, $function:ident, $module:ident, fn($($arg:ty),*) = $code:path) => {
        chunk!(@code $chunk, $function, $module, fn($($arg),*), at_once::<fn($($arg),*)>($code));
    };
    ($chunk:ident, $function:ident, $module:ident, $page:path) => {
        chunk!(@page $module, $chunk, $function, $page);
    };
    ($chunk:ident, $function:ident, $module:ident, $page:path, $wait:ident) => {
        chunk!(@code $chunk, $function, $module, Page, $wait::<Page>(|| $page().into_any()));
    };
    (@page reading, $chunk:ident, $function:ident, $page:path) => {
        chunk!(@code $chunk, $function, reading, Page, with_details(|| $page().into_any()));
    };
    (@page $module:ident, $chunk:ident, $function:ident, $page:path) => {
        chunk!(@code $chunk, $function, $module, Page,
            with_curriculum::<Page>(|| $page().into_any()));
    };
    (@code $chunk:ident, $function:ident, $module:ident, $type:ty, $code:expr) => {
        pub static $chunk: Chunk<$type> = Chunk::new(|| Box::pin($function()));

        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $function() -> Result<Loading<$type>, ChunkFailed> {
            Ok($code)
        }

        #[cfg(not(feature = "split"))]
        async fn $function() -> Result<Loading<$type>, ChunkFailed> {
            Ok($code)
        }
    };
}

use crate::pages;

// The diagnostic, Home's main link, fetched as soon as Home is idle.
chunk!(
    DIAGNOSTIC,
    diagnostic_page,
    diagnostic,
    pages::diagnostic::DiagnosticPage
);
chunk!(
    EMBED_DIAGNOSTIC,
    embed_diagnostic_page,
    diagnostic,
    pages::diagnostic::DiagnosticPage
);
// Reading: the curriculum, lessons, saved lessons and About, which lead to one another.
chunk!(ABOUT, about_page, reading, pages::about::About);
chunk!(
    CURRICULUM,
    curriculum_page,
    reading,
    pages::curriculum::CurriculumPage
);
chunk!(LESSON, lesson_page, reading, pages::lesson::LessonPage);
chunk!(SAVED, saved_page, reading, pages::saved::SavedPage);
chunk!(
    EMBED_LESSON,
    embed_lesson_page,
    reading,
    pages::embed::EmbedLessonPage
);
// Results: everything built from a diagnostic's answers.
chunk!(RESULTS, results_page, results, pages::results::ResultsPage);
chunk!(
    SHARED,
    shared_results_page,
    results,
    pages::results::SharedResultsPage
);
chunk!(ROADMAP, roadmap_page, results, pages::roadmap::RoadmapPage);
chunk!(
    EMBED_RESULT,
    embed_result_page,
    results,
    pages::embed::EmbedResultPage
);
chunk!(HANDOFF, handoff_page, results, pages::embed::HandoffPage);
chunk!(
    REHEARSAL,
    results_rehearsal,
    results,
    pages::results::Rehearsal
);
// The header's tools, with the settings page (the learner's tools, and the smallest page
// module): the links to where a returning learner left off, and what is inside the search
// dialog (which loads the curriculum itself, after opening). Not a module of their own: each
// module multiplies the small files wasm-split makes for code that modules share (24 rather
// than 11), and in paired Lighthouse runs a lesson opened directly then started slower (TBT
// about 80 ms more, `bench/lighthouse.mjs`). Not with the reading pages either: every lesson
// would download them (20 KB gzip), and opening search from Home would fetch 104 KB gzip
// instead of 39.
chunk!(
    CONTINUE,
    continue_links,
    settings,
    crate::components::continue_bar::ContinueNav
);
chunk!(
    SEARCH,
    search_panel,
    settings,
    crate::components::search::SearchPanel,
    at_once
);
chunk!(
    SETTINGS,
    settings_page,
    settings,
    pages::settings::SettingsPage
);
// What sends a learner's questions to the academy's endpoint (only in builds that have one):
// with the reading pages, where questions are asked. Another page fetches it only when a
// question waits to be sent.
chunk!(
    OUTBOX,
    question_sender,
    reading,
    fn(crate::state::Learner) = crate::questions::send_now
);

/// The app's routes besides Home (`/`): the path each chunk's page is shown at (see
/// [`shown`]). scripts/build-wasm.mjs reads this table too: a page opened directly starts
/// downloading its files at once.
const PATHS: [(&str, &Chunk); 13] = [
    ("/diagnostic", &DIAGNOSTIC),
    ("/embed/diagnostic", &EMBED_DIAGNOSTIC),
    ("/about", &ABOUT),
    ("/curriculum", &CURRICULUM),
    ("/lesson", &LESSON),
    ("/saved", &SAVED),
    ("/embed/lesson", &EMBED_LESSON),
    ("/results", &RESULTS),
    ("/shared", &SHARED),
    ("/roadmap", &ROADMAP),
    ("/embed/result", &EMBED_RESULT),
    ("/handoff", &HANDOFF),
    ("/settings", &SETTINGS),
];

/// Paths that end with a key of their own (`/lesson/8.9.3.2`); the others are whole paths.
const KEYED: [&str; 2] = ["/lesson", "/embed/lesson"];

/// What an address shows.
#[derive(Clone, Copy)]
pub enum Shown {
    Home,
    Page(&'static Chunk),
    NotFound,
}

impl PartialEq for Shown {
    fn eq(&self, other: &Shown) -> bool {
        match (self, other) {
            (Shown::Page(a), Shown::Page(b)) => std::ptr::eq(*a, *b),
            (Shown::Home, Shown::Home) | (Shown::NotFound, Shown::NotFound) => true,
            _ => false,
        }
    }
}

/// The app's routes: the page a browser path (with or without the base path) shows, from
/// [`PATHS`]. A path shows its page with or without a trailing slash; `/lesson/<key>` and
/// `/embed/lesson/<key>` take one key; anything else is not found.
pub fn shown(path: &str) -> Shown {
    let path = path.strip_prefix(crate::BASE).unwrap_or(path);
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        return Shown::Home;
    }
    PATHS
        .iter()
        .find(|(prefix, _)| {
            path.strip_prefix(prefix).is_some_and(|rest| {
                if KEYED.contains(prefix) {
                    rest.strip_prefix('/')
                        .is_some_and(|key| !key.is_empty() && !key.contains('/'))
                } else {
                    rest.is_empty()
                }
            })
        })
        .map_or(Shown::NotFound, |(_, chunk)| Shown::Page(chunk))
}

/// The key at the end of a keyed path (`/lesson/8.9.3.2` or `/lesson/8.9.3.2/` give
/// `8.9.3.2`), decoded.
pub fn key_of(path: &str) -> String {
    let key = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    if !key.contains('%') {
        return key.to_string();
    }
    js_sys::decode_uri_component(key)
        .map(String::from)
        .unwrap_or_else(|_| key.to_string())
}

/// The chunk that shows a browser path (with or without the base path), so that `main` can
/// fetch it before replacing the static first screen, which then never flashes a loading line.
pub fn for_path(path: &str) -> Option<&'static Chunk> {
    match shown(path) {
        Shown::Page(chunk) => Some(chunk),
        Shown::Home | Shown::NotFound => None,
    }
}

/// Builds the results page once, off-screen and under a throwaway owner, from the answers so
/// far, then discards it. V8 compiles wasm functions the first time they run, on the main
/// thread; doing that while the learner reads a question means the last answer opens the
/// results without that wait. Nothing is shown, stored or listened to afterwards.
pub async fn rehearse_results(owner: Owner) {
    let Ok(rehearsal) = REHEARSAL.ensure().await else {
        return;
    };
    owner.with(|| {
        let throwaway = Owner::new();
        throwaway.with(|| {
            use leptos::tachys::view::Render;
            drop(untrack(rehearsal).build());
        });
        throwaway.cleanup();
    });
    mark("storewise:results-rehearsed");
}

/// A mark in the browser's performance timeline, visible in its tools and to the
/// end-to-end tests.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Fetches the files of a page the learner is likely to open next (an app path, such as
/// `/diagnostic`) into the browser's cache once it is idle, unless the browser asks to save
/// data. Only the bytes: unpacking the curriculum and instantiating the code wait until the
/// page is opened, so that preparing never becomes a long task of its own. The list of files
/// comes from the loading script in index.html (`storewisePrefetch`, release builds only).
pub async fn prepare(path: &'static str) {
    if for_path(path).is_some_and(|chunk| chunk.ready().is_some()) || save_data() {
        return;
    }
    idle().await;
    mark("storewise:preparing");
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(prefetch) = js_sys::Reflect::get(&window, &"storewisePrefetch".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = prefetch.call1(&wasm_bindgen::JsValue::NULL, &path.into());
    }
}

/// Waits until the browser calls back: `register` hands it the function to call.
async fn called_back(mut register: impl FnMut(&web_sys::Window, &js_sys::Function)) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            register(&w, &resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

/// Waits for the browser's next task, so that what follows does not lengthen this one.
pub async fn next_task() {
    called_back(|w, resolve| {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve, 0);
    })
    .await
}

/// The browser's Save-Data preference (`navigator.connection.saveData`, Chromium only).
fn save_data() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&window.navigator(), &"connection".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Waits until the browser is idle (nothing to run or paint), so work done next does not
/// delay what the learner is doing; at most three seconds, since a busy page (or a browser
/// without idle callbacks) may never report idle time.
pub async fn idle() {
    called_back(|w, resolve| {
        // Whichever comes first resolves the promise; the other call then does nothing.
        let _ = w.request_idle_callback(resolve);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve, 3000);
    })
    .await
}

/// A route's view for a chunk: the page at once when its code is here, otherwise a short
/// wait (the loading line only appears after a moment, see `.page-loading` in the CSS) and,
/// if the file cannot be fetched, a message with Try again.
#[component]
pub fn Lazy(chunk: &'static Chunk) -> impl IntoView {
    // Untracked: a page reading a signal while it is built must not make this view rebuild it.
    if let Some(page) = chunk.ready() {
        return untrack(page);
    }
    let state = RwSignal::new(None::<Result<Page, ChunkFailed>>);
    let fetch = move || {
        state.set(None);
        leptos::task::spawn_local(async move {
            let result = chunk.ensure().await;
            // The reader may have left the page meanwhile.
            let _ = state.try_set(Some(result));
        });
    };
    fetch();
    (move || match state.get() {
        None => view! {
            <p class="page-loading container" role="status">"Loading this page…"</p>
        }
        .into_any(),
        Some(Ok(page)) => untrack(page),
        Some(Err(failed)) => view! {
            <div class="container section">
                {load_failed(failed.reason(), "This page", fetch)}
            </div>
        }
        .into_any(),
    })
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is(found: Option<&'static Chunk>, chunk: &'static Chunk) -> bool {
        found.is_some_and(|f| std::ptr::eq(f, chunk))
    }

    #[test]
    fn a_path_finds_the_chunk_that_shows_it() {
        assert!(is(for_path("/lesson/8.9.3.2"), &LESSON));
        assert!(is(for_path("/settings/"), &SETTINGS));
        assert!(is(for_path("/embed/result"), &EMBED_RESULT));
        assert!(is(for_path("/shared"), &SHARED));
        assert!(is(for_path("/diagnostic"), &DIAGNOSTIC));
        assert!(is(for_path("/embed/diagnostic"), &EMBED_DIAGNOSTIC));
    }

    fn shows(path: &str, chunk: &'static Chunk) -> bool {
        shown(path) == Shown::Page(chunk)
    }

    #[test]
    fn each_address_shows_its_page_and_others_are_not_found() {
        assert!(shown("/") == Shown::Home && shown("") == Shown::Home);
        assert!(shows("/lesson/8.9.3.2", &LESSON));
        assert!(shows("/lesson/ai-quantization-explained/", &LESSON));
        assert!(shows("/embed/lesson/1.1.1.1", &EMBED_LESSON));
        assert!(shows("/about/", &ABOUT));
        assert!(shows("/shared", &SHARED));
        assert!(shows("/embed/diagnostic", &EMBED_DIAGNOSTIC));
        for path in [
            "/lesson",
            "/lesson/",
            "/lesson/8.9.3.2/more",
            "/about/team",
            "/diagnostics",
            "/embed",
            "/embed/lessons/1.1.1.1",
            "/nowhere",
        ] {
            assert!(shown(path) == Shown::NotFound, "{path}");
        }
    }

    #[test]
    fn a_keyed_path_gives_its_key_with_or_without_a_trailing_slash() {
        assert_eq!(key_of("/lesson/8.9.3.2"), "8.9.3.2");
        assert_eq!(key_of("/lesson/8.9.3.2/"), "8.9.3.2");
        assert_eq!(
            key_of("/academy/embed/lesson/ai-quantization-explained"),
            "ai-quantization-explained"
        );
    }

    #[test]
    fn home_and_look_alike_paths_have_no_chunk() {
        for path in ["/", "", "/diagnostics", "/embed", "/lessons", "/resultsx"] {
            assert!(for_path(path).is_none(), "{path}");
        }
    }
}
