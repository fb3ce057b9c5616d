//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts, and the pieces
//! that need a real DOM or real storage behave.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Leptos run its effects and the router settle.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_home_shows_its_primary_action() {
    let _ = storewise::storage::save_theme(storewise::storage::ThemeChoice::System);
    // As the app starts: on a first visit, its header comes one task after the page.
    storewise::mount();
    tick().await;
    let body = document().body().unwrap();
    let brand = body
        .query_selector("header.site-header .brand")
        .unwrap()
        .expect("the header is in place");
    assert!(
        brand
            .text_content()
            .unwrap_or_default()
            .contains(storewise::branding::PRODUCT_NAME),
        "the product name is shown"
    );
    let primary = body
        .query_selector("main a.button.primary")
        .unwrap()
        .expect("Home has a primary action");
    let primary = primary.text_content().unwrap_or_default();
    assert!(!primary.trim().is_empty());
}

#[wasm_bindgen_test]
fn the_theme_choice_is_stored_and_read_back() {
    use storewise::storage::{load_theme, save_theme, ThemeChoice};
    assert!(save_theme(ThemeChoice::Dark));
    assert_eq!(load_theme(), ThemeChoice::Dark);
    assert!(save_theme(ThemeChoice::Light));
    assert_eq!(load_theme(), ThemeChoice::Light);
    // Damaged settings fall back to following the system, without panicking.
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("storewise.settings", "{not json")
        .unwrap();
    assert_eq!(load_theme(), ThemeChoice::System);
}

#[wasm_bindgen_test]
fn every_lesson_of_the_built_curriculum_is_reachable_by_number_and_id() {
    // The app fetches the packed curriculum; this test has no server to fetch it from.
    storewise::content::install_built_in();
    let c = &storewise::content::CURRICULUM;
    for (i, lesson) in c.lessons.iter().enumerate() {
        assert_eq!(c.find_lesson(lesson.number).map(|l| l.ix as usize), Some(i));
        assert_eq!(
            c.find_lesson(lesson.id)
                .map(|l| (l.ix as usize, l.canonical)),
            Some((i, false))
        );
    }
    let _ = view! { <p>"keeps the leptos prelude in use"</p> };
}

#[wasm_bindgen_test]
fn damaged_values_are_kept_aside_and_newer_ones_never_overwritten() {
    use academy_core::stored::Part;
    use storewise::storage::{raw, read, write, WriteError};
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local.clear().unwrap();
    local.set_item("storewise.diagnostic", "[1, 2").unwrap();
    let damaged = read(Part::Diagnostic).unwrap_err();
    assert_eq!(damaged.backup_key, "storewise.backup.diagnostic.1");
    assert_eq!(raw(&damaged.backup_key).as_deref(), Some("[1, 2"));
    // Reading again does not pile up copies of the same text.
    assert_eq!(
        read(Part::Diagnostic).unwrap_err().backup_key,
        "storewise.backup.diagnostic.1"
    );
    // A different damaged value gets its own backup key.
    local.set_item("storewise.diagnostic", "{oops").unwrap();
    assert_eq!(
        read(Part::Diagnostic).unwrap_err().backup_key,
        "storewise.backup.diagnostic.2"
    );
    // Data from a newer version is not overwritten.
    local.set_item("storewise.progress", r#"{"v":42}"#).unwrap();
    let progress = academy_core::progress::Progress::default();
    assert_eq!(write(Part::Progress, &progress), Err(WriteError::Newer));
    assert_eq!(
        local.get_item("storewise.progress").unwrap().as_deref(),
        Some(r#"{"v":42}"#)
    );
    local.clear().unwrap();
    assert_eq!(write(Part::Progress, &progress), Ok(()));
    assert!(read(Part::Progress).unwrap().is_some());
}
