//! The curriculum. Its structure ships as a packed file beside the app (see
//! `academy_core::pack`) rather than inside the wasm: Home shows only the figures below, so a
//! first visit to Home downloads none of it. Every other page waits for it before it is
//! built (`split::Chunk::ensure`, and `main` for a page opened directly), so pages read
//! [`CURRICULUM`] as if it were compiled in.

use crate::loader::{fetch_bytes, LoadError};
use academy_core::Curriculum;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/curriculum.rs"));

/// What Home says about the curriculum, compiled in.
pub struct Figures {
    pub programs: usize,
    pub missions: usize,
    pub lessons: usize,
    pub checkpoints: usize,
}

/// A lesson as Home's card shows it, compiled in.
pub struct Card {
    pub number: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub minutes: u16,
    pub difficulty: usize,
    pub difficulty_name: &'static str,
    pub path_id: &'static str,
    pub path_name: &'static str,
}

static LOADED: OnceLock<Curriculum> = OnceLock::new();

/// The curriculum, once loaded. Reading it before [`load`] has finished is a bug in the
/// app (a page or component that is not behind a chunk), so it stops with a clear message.
pub static CURRICULUM: Loaded = Loaded;

pub struct Loaded;

impl std::ops::Deref for Loaded {
    type Target = Curriculum;

    fn deref(&self) -> &Curriculum {
        LOADED
            .get()
            .expect("the curriculum is read only after content::load has finished")
    }
}

/// Whether the curriculum is here, for code outside views.
pub fn is_loaded() -> bool {
    LOADED.get().is_some()
}

/// Whether the curriculum is here; tracked, so a view can appear when it arrives.
pub fn ready() -> bool {
    ARRIVED.with(|a| a.track());
    is_loaded()
}

type Loading = Shared<LocalBoxFuture<'static, Result<&'static Curriculum, LoadError>>>;

thread_local! {
    /// Notifies views when the curriculum arrives (`LOADED` says whether it has).
    static ARRIVED: ArcTrigger = ArcTrigger::new();
    /// The download under way, which callers arriving meanwhile wait for too.
    static LOADING: RefCell<Option<Loading>> = const { RefCell::new(None) };
}

/// Fetches and unpacks the curriculum once per page load; callers arriving while it loads
/// wait for the same download. After a failure the next call starts over.
pub async fn load() -> Result<&'static Curriculum, LoadError> {
    if let Some(c) = LOADED.get() {
        return Ok(c);
    }
    let loading = LOADING.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(|| fetch_and_install().boxed_local().shared())
            .clone()
    });
    let result = loading.clone().await;
    LOADING.with(|l| {
        let mut l = l.borrow_mut();
        if l.as_ref().is_some_and(|current| current.ptr_eq(&loading)) {
            *l = None;
        }
    });
    result
}

async fn fetch_and_install() -> Result<&'static Curriculum, LoadError> {
    let bytes = fetch_bytes(CURRICULUM_FILE).await?;
    install(Box::leak(bytes.into_boxed_slice())).ok_or(LoadError::Unavailable)
}

/// Unpacks `bytes` (kept for the life of the page: the curriculum borrows its text from
/// them) and makes it the curriculum.
fn install(bytes: &'static [u8]) -> Option<&'static Curriculum> {
    let c = academy_core::pack::decode(bytes)?;
    let c = LOADED.get_or_init(|| c);
    ARRIVED.with(|a| a.notify());
    Some(c)
}

/// Installs the curriculum built with this binary, for the browser tests, which have no
/// server to fetch it from. The app never calls it, so the linker leaves the bytes out.
#[doc(hidden)]
pub fn install_built_in() {
    static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/curriculum.bin"));
    if LOADED.get().is_none() {
        install(BYTES).expect("the built-in curriculum unpacks");
    }
}
