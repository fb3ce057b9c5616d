//! Lesson texts, sealed masterclasses and the search index ship as hashed files beside the
//! app (see `curriculum emit`) and are fetched the first time they are needed, so the first
//! screen downloads none of them. Each file is fetched and decoded once
//! per page load and then kept (leaked, like the curriculum, so views can
//! borrow it); the service worker keeps the files for offline use.

use crate::content::{CURRICULUM, SEARCH_FILE};
use academy_core::curriculum::LessonIx;
use academy_core::search::SearchIndex;
use academy_core::LessonText;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No answer from the network (offline, and not saved for offline use yet).
    Offline,
    /// The host answered with an error, or with something that is not this file (a newer
    /// deployment replaced it: reloading the page fetches the new one). Also what an online
    /// browser reports for a page's code that did not load.
    Unavailable,
}

impl LoadError {
    pub fn message(self, what: &str) -> String {
        match self {
            LoadError::Offline => format!(
                "{what} could not be loaded: you seem to be offline, and it was not saved on this device yet. Connect and try again."
            ),
            LoadError::Unavailable => format!(
                "{what} could not be loaded from the server. Reload the page to get the current version of the app: your progress is kept."
            ),
        }
    }
}

pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Offline)?;
    let url = format!("{}/{path}", crate::BASE);
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|_| LoadError::Offline)?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| LoadError::Unavailable)?;
    if !response.ok() {
        return Err(LoadError::Unavailable);
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| LoadError::Unavailable)?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| LoadError::Offline)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

thread_local! {
    static TEXTS: RefCell<HashMap<LessonIx, &'static LessonText>> = RefCell::new(HashMap::new());
    static SEARCH: RefCell<Option<&'static SearchIndex>> = const { RefCell::new(None) };
}

/// A lesson's preview, open masterclass and answers.
pub async fn lesson_text(ix: LessonIx) -> Result<&'static LessonText, LoadError> {
    if let Some(text) = TEXTS.with(|t| t.borrow().get(&ix).copied()) {
        return Ok(text);
    }
    let lesson = CURRICULUM.lesson(ix);
    let bytes = fetch_bytes(lesson.file).await?;
    // Read against the number of questions the lesson has (here already on reading pages).
    crate::content::load_details().await?;
    let text = LessonText::parse(lesson, crate::content::details(ix), &bytes)
        .ok_or(LoadError::Unavailable)?;
    let text: &'static LessonText = Box::leak(Box::new(text));
    TEXTS.with(|t| t.borrow_mut().insert(ix, text));
    // Shown in the next task: parsing a long lesson and building its view in one task
    // would block input for twice as long.
    crate::split::next_task().await;
    Ok(text)
}

/// A lesson's sealed masterclass, still sealed; `None` when its masterclass is not sealed.
/// Not kept: the lesson page keeps what it opens.
pub async fn sealed(ix: LessonIx) -> Result<Option<Vec<u8>>, LoadError> {
    let Some(academy_core::Masterclass::Sealed(file)) = CURRICULUM.lesson(ix).masterclass else {
        return Ok(None);
    };
    fetch_bytes(file).await.map(Some)
}

/// The full-text search index.
pub async fn search_index() -> Result<&'static SearchIndex, LoadError> {
    if let Some(index) = SEARCH.with(|s| *s.borrow()) {
        return Ok(index);
    }
    // Hits are shown from the curriculum, which Home may not have loaded yet.
    crate::content::load().await?;
    let bytes = fetch_bytes(SEARCH_FILE).await?;
    let index = SearchIndex::from_bytes(&bytes).ok_or(LoadError::Unavailable)?;
    let index: &'static SearchIndex = Box::leak(Box::new(index));
    SEARCH.with(|s| *s.borrow_mut() = Some(index));
    Ok(index)
}
