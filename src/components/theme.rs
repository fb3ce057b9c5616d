//! Light and dark themes: follows the device until the learner picks one, then remembers it.

use crate::branding::{ACCENT_COLOR, BRAND_COLOR};
use crate::storage::{self, ThemeChoice};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The theme in force, shared through context.
#[derive(Clone, Copy)]
pub struct Theme(pub RwSignal<ThemeChoice>);

fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

fn root_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .document_element()?
        .dyn_into()
        .ok()
}

/// Reads the stored theme, applies it and the brand colours to the page, and shares it.
pub fn provide_theme() {
    let theme = RwSignal::new(storage::load_theme());
    provide_context(Theme(theme));
    if let Some(root) = root_element() {
        let style = root.style();
        let _ = style.set_property("--brand-light", BRAND_COLOR.0);
        let _ = style.set_property("--brand-dark", BRAND_COLOR.1);
        let _ = style.set_property("--accent-light", ACCENT_COLOR.0);
        let _ = style.set_property("--accent-dark", ACCENT_COLOR.1);
    }
    Effect::new(move |_| {
        let choice = theme.get();
        if let Some(root) = root_element() {
            let _ = match choice {
                ThemeChoice::System => root.remove_attribute("data-theme"),
                ThemeChoice::Light => root.set_attribute("data-theme", "light"),
                ThemeChoice::Dark => root.set_attribute("data-theme", "dark"),
            };
        }
    });
}

/// A button that switches between light and dark, starting from what is shown now.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let Theme(theme) = expect_context::<Theme>();
    let is_dark = move || match theme.get() {
        ThemeChoice::Dark => true,
        ThemeChoice::Light => false,
        ThemeChoice::System => system_prefers_dark(),
    };
    let toggle = move |_| {
        let next = if is_dark() {
            ThemeChoice::Light
        } else {
            ThemeChoice::Dark
        };
        theme.set(next);
        storage::save_theme(next);
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed=move || if is_dark() { "true" } else { "false" }
            on:click=toggle
        >
            <span aria-hidden="true" class=move || if is_dark() { "icon icon-moon" } else { "icon icon-sun" }></span>
            <span>"Dark theme"</span>
        </button>
    }
}
