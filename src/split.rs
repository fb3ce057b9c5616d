//! Pages that load when first shown. Home and the diagnostic are in the main wasm file, so
//! a first visit downloads only what they need; every other page is a `Chunk`.
//!
//! With the `split` feature (release builds, see scripts/build-wasm.mjs) each chunk's code
//! is cut into its own wasm file by wasm-split and fetched on first use. Without it (tests,
//! development) a chunk is a plain function call, so the same code runs either way.

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

/// Builds a page; the function itself lives in the chunk's wasm file.
pub type Page = fn() -> AnyView;

/// A chunk's wasm file could not be fetched or instantiated (offline before it was cached,
/// a failed request, a deployment that replaced it). Nothing is cached, so a retry starts over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

type Loading = Pin<Box<dyn Future<Output = Result<Page, ChunkFailed>>>>;

pub struct Chunk {
    loaded: OnceLock<Page>,
    load: fn() -> Loading,
}

impl Chunk {
    const fn new(load: fn() -> Loading) -> Self {
        Chunk {
            loaded: OnceLock::new(),
            load,
        }
    }

    /// Fetches the chunk if it is not here yet. Callers that only want it ready sooner
    /// (the diagnostic preparing the results page) ignore the error: the page reports it.
    pub async fn ensure(&'static self) -> Result<Page, ChunkFailed> {
        if let Some(page) = self.loaded.get() {
            return Ok(*page);
        }
        let page = (self.load)().await?;
        Ok(*self.loaded.get_or_init(|| page))
    }

    fn ready(&self) -> Option<Page> {
        self.loaded.get().copied()
    }
}

/// Declares a chunk: a static to name it by, the wasm module's name, and the page component.
macro_rules! chunk {
    ($chunk:ident, $module:ident, $page:path) => {
        pub static $chunk: Chunk = Chunk::new(|| Box::pin($module()));

        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $module() -> Result<Page, ChunkFailed> {
            Ok(|| $page().into_any())
        }

        #[cfg(not(feature = "split"))]
        async fn $module() -> Result<Page, ChunkFailed> {
            Ok(|| $page().into_any())
        }
    };
}

use crate::pages;

chunk!(ABOUT, about_page, pages::about::About);
chunk!(
    CURRICULUM,
    curriculum_page,
    pages::curriculum::CurriculumPage
);
chunk!(LESSON, lesson_page, pages::lesson::LessonPage);
chunk!(RESULTS, results_page, pages::results::ResultsPage);
chunk!(
    SHARED,
    shared_results_page,
    pages::results::SharedResultsPage
);
chunk!(HANDOFF, handoff_page, pages::embed::HandoffPage);
chunk!(ROADMAP, roadmap_page, pages::roadmap::RoadmapPage);
chunk!(SETTINGS, settings_page, pages::settings::SettingsPage);
chunk!(SAVED, saved_page, pages::saved::SavedPage);
chunk!(
    EMBED_RESULT,
    embed_result_page,
    pages::embed::EmbedResultPage
);
chunk!(
    EMBED_LESSON,
    embed_lesson_page,
    pages::embed::EmbedLessonPage
);

/// The chunk that shows a browser path (with or without the base path), so that `main` can
/// fetch it before replacing the static first screen, which then never flashes a loading line.
pub fn for_path(path: &str) -> Option<&'static Chunk> {
    let path = path.strip_prefix(crate::BASE).unwrap_or(path);
    let path = path.trim_end_matches('/');
    let first = |prefix: &str| path == prefix || path.starts_with(&format!("{prefix}/"));
    Some(match () {
        _ if first("/about") => &ABOUT,
        _ if first("/curriculum") => &CURRICULUM,
        _ if first("/lesson") => &LESSON,
        _ if first("/results") => &RESULTS,
        _ if first("/shared") => &SHARED,
        _ if first("/handoff") => &HANDOFF,
        _ if first("/roadmap") => &ROADMAP,
        _ if first("/settings") => &SETTINGS,
        _ if first("/saved") => &SAVED,
        _ if first("/embed/result") => &EMBED_RESULT,
        _ if first("/embed/lesson") => &EMBED_LESSON,
        _ => return None,
    })
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
        Some(Err(ChunkFailed)) => {
            let offline = web_sys::window().is_some_and(|w| !w.navigator().on_line());
            let message = if offline {
                "This page is not saved on this device yet, and you are offline. Connect and try again."
            } else {
                "This page could not be loaded. Check your connection and try again."
            };
            view! {
                <div class="container">
                    <div class="load-error" role="alert">
                        <p>{message}</p>
                        <button type="button" class="button small" on:click=move |_| fetch()>
                            "Try again"
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
    })
    .into_any()
}
