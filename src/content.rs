//! The curriculum. Its structure ships as a packed file beside the app (see
//! `academy_core::pack`) rather than inside the wasm: Home shows only the figures below, so a
//! first visit to Home downloads none of it. Every other page waits for it before it is
//! built (`split::with_curriculum`, run by the page's own code once it is loaded), so pages
//! read [`CURRICULUM`] as if it were compiled in. The reading pages also wait for the
//! lessons' details ([`DETAILS`]), a second file.

use crate::loader::{fetch_bytes, LoadError};
use academy_core::{Curriculum, LessonDetails};
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
static DETAILS_LOADED: OnceLock<&'static [LessonDetails]> = OnceLock::new();

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

/// The lessons' details (indexed like the curriculum's lessons), once loaded. Only the
/// reading pages read them, and their chunks wait for [`load_details`]; reading them
/// before is a bug, stopped with a clear message as for [`CURRICULUM`].
pub static DETAILS: Details = Details;

pub struct Details;

impl std::ops::Deref for Details {
    type Target = [LessonDetails];

    fn deref(&self) -> &[LessonDetails] {
        DETAILS_LOADED
            .get()
            .expect("lesson details are read only after content::load_details has finished")
    }
}

/// One lesson's details (see [`DETAILS`]).
pub fn details(ix: academy_core::curriculum::LessonIx) -> &'static LessonDetails {
    &DETAILS[ix as usize]
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

type Loading<T> = Shared<LocalBoxFuture<'static, Result<&'static T, LoadError>>>;
type Slot<T> = RefCell<Option<Loading<T>>>;

thread_local! {
    /// Notifies views when the curriculum arrives (`LOADED` says whether it has).
    static ARRIVED: ArcTrigger = ArcTrigger::new();
    /// The downloads under way, which callers arriving meanwhile wait for too.
    static LOADING: Slot<Curriculum> = const { RefCell::new(None) };
    static LOADING_DETAILS: Slot<[LessonDetails]> = const { RefCell::new(None) };
}

/// Fetches and unpacks the curriculum once per page load; callers arriving while it loads
/// wait for the same download. After a failure the next call starts over.
pub async fn load() -> Result<&'static Curriculum, LoadError> {
    if let Some(c) = LOADED.get() {
        return Ok(c);
    }
    once(&LOADING, || fetch_and_install().boxed_local()).await
}

/// Fetches and unpacks the lessons' details with the curriculum, which they must match
/// (both downloads at once), once per page load like [`load`]. Only the reading pages wait
/// for them.
pub async fn load_details() -> Result<&'static [LessonDetails], LoadError> {
    if let Some(d) = DETAILS_LOADED.get() {
        return Ok(d);
    }
    once(&LOADING_DETAILS, || {
        async {
            let (c, bytes) = futures::future::join(load(), fetch_bytes(DETAILS_FILE)).await;
            install_details(c?, Box::leak(bytes?.into_boxed_slice())).ok_or(LoadError::Unavailable)
        }
        .boxed_local()
    })
    .await
}

/// Joins the download under way in `slot`, or starts one with `start`; clears the slot
/// when it ends, so that a retry after a failure starts over.
async fn once<T: ?Sized>(
    slot: &'static std::thread::LocalKey<Slot<T>>,
    start: impl FnOnce() -> LocalBoxFuture<'static, Result<&'static T, LoadError>>,
) -> Result<&'static T, LoadError> {
    let loading = slot.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(|| start().shared())
            .clone()
    });
    let result = loading.clone().await;
    slot.with(|l| {
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

/// Unpacks `bytes` (kept for the life of the page, as for the curriculum) as the details of
/// `c`'s lessons and makes them the lessons' details.
fn install_details(c: &Curriculum, bytes: &'static [u8]) -> Option<&'static [LessonDetails]> {
    let details = academy_core::pack::decode_details(bytes, c.lessons.len())?;
    Some(*DETAILS_LOADED.get_or_init(|| details))
}

/// Installs the curriculum and lesson details built with this binary, for the browser
/// tests, which have no server to fetch them from. The app never calls it, so the linker
/// leaves the bytes out.
#[doc(hidden)]
pub fn install_built_in() {
    static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/curriculum.bin"));
    static DETAILS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/details.bin"));
    if LOADED.get().is_none() {
        install(BYTES).expect("the built-in curriculum unpacks");
    }
    if DETAILS_LOADED.get().is_none() {
        install_details(&CURRICULUM, DETAILS_BYTES).expect("the built-in lesson details unpack");
    }
}
