//! The Leptos app: the shell, the routes, and the pages that read the pure core.

pub mod branding;
mod components;
pub mod content;
mod files;
mod loader;
mod pages;
mod questions;
pub mod shell;
pub mod split;
mod state;
pub mod storage;

use components::footer::SiteFooter;
use components::header::SiteHeader;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::{BrowserUrl, LocationProvider};
use split::{Lazy, Shown};

/// The whole app: header, the page for the current address, footer. Pages under
/// `/embed/` are shown without the app's chrome, for frames on other sites.
#[component]
pub fn App() -> impl IntoView {
    components::theme::provide_theme();
    state::Learner::provide();
    questions::start_outbox();
    view! {
        <Router base=BASE>
            <Shell/>
        </Router>
    }
}

/// Builds the app into the page, in place of the static first screen.
pub fn mount() {
    components::later::starting(|| leptos::mount::mount_to_body(App));
}

#[component]
fn Shell() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let embedded = Memo::new(move |_| location.pathname.with(|p| is_embed_path(p)));
    // The page for the address, from the table of routes in split.rs (`split::shown`) rather
    // than the router's `Routes`, whose nested routes, parameters and transitions this app
    // does not use: they were 35 KB gzip of the main module, which every first visit
    // downloads. Built untracked, so it is rebuilt only when the address shows another page
    // (a lesson's page follows its own key in the address, `split::key_of`).
    let shown = Memo::new(move |_| location.pathname.with(|p| split::shown(p)));
    // The router finishes a navigation to another path (the address bar, history, scrolling)
    // once told that the new page is in place, which its `Routes` would do: here, after the
    // page for the new address has been built.
    if let Some(browser) = use_context::<BrowserUrl>() {
        Effect::new(move |_| {
            location.pathname.track();
            browser.ready_to_complete();
        });
    }
    // On a first visit the static first screen's header looks just like the app's (no
    // continue links, no results): it stays while the app builds the page, and the app's
    // own header is built in the next task, so that starting is two shorter tasks rather
    // than one that blocks input longer. A returning learner's header is taller than the
    // static one: it comes with the page, or the page would move down a moment later.
    let header = components::later::ready_now_or_next_task(storage::holds_learning());
    Effect::new(move |_| {
        if header.get() || embedded.get() {
            shell::remove_static_screen();
        }
    });
    let routes = view! {
        <main id="main" tabindex="-1">
            {move || {
                let shown = shown.get();
                untrack(|| match shown {
                    Shown::Home => view! { <pages::home::Home/> }.into_any(),
                    Shown::Page(chunk) => view! { <Lazy chunk=chunk/> }.into_any(),
                    Shown::NotFound => view! { <pages::not_found::NotFound/> }.into_any(),
                })
            }}
        </main>
    };
    view! {
        {move || (header.get() && !embedded.get()).then(|| view! {
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <components::update::UpdateOffer/>
            <components::notices::StorageNotices/>
        })}
        {routes}
        {move || (!embedded.get()).then(|| view! { <SiteFooter/> })}
    }
}

/// The path the app is served under, without a trailing slash: empty at the root of a
/// domain, or e.g. `/academy` when built with `ACADEMY_BASE_PATH=/academy` (together with
/// Trunk's `--public-url /academy/`; see the README).
pub const BASE: &str = match option_env!("ACADEMY_BASE_PATH") {
    Some(base) => base,
    None => "",
};

/// This app's address (origin and base path), for links that leave the page: share links,
/// calendar files, emails, handoffs.
pub fn app_url() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{BASE}")
}

/// Whether a browser path is one of the chrome-less pages for frames on other sites.
pub fn is_embed_path(path: &str) -> bool {
    path.strip_prefix(BASE)
        .unwrap_or(path)
        .starts_with("/embed/")
}

/// Sets the document title as "<page> · <product>".
pub fn set_page_title(page: &str) {
    let title = if page.is_empty() {
        branding::PRODUCT_NAME.to_string()
    } else {
        format!("{page} · {}", branding::PRODUCT_NAME)
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&title);
    }
}
