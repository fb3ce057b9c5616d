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
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use split::Lazy;

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

#[component]
fn Shell() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let embedded = Memo::new(move |_| location.pathname.with(|p| is_embed_path(p)));
    let routes = view! {
        <main id="main" tabindex="-1">
            <Routes fallback=pages::not_found::NotFound>
                <Route path=path!("/") view=pages::home::Home/>
                <Route path=path!("/about") view=|| view! { <Lazy chunk=&split::ABOUT/> }/>
                <Route path=path!("/curriculum") view=|| view! { <Lazy chunk=&split::CURRICULUM/> }/>
                <Route path=path!("/lesson/:key") view=|| view! { <Lazy chunk=&split::LESSON/> }/>
                <Route path=path!("/diagnostic") view=|| view! { <Lazy chunk=&split::DIAGNOSTIC/> }/>
                <Route path=path!("/results") view=|| view! { <Lazy chunk=&split::RESULTS/> }/>
                <Route path=path!("/shared") view=|| view! { <Lazy chunk=&split::SHARED/> }/>
                <Route path=path!("/handoff") view=|| view! { <Lazy chunk=&split::HANDOFF/> }/>
                <Route path=path!("/roadmap") view=|| view! { <Lazy chunk=&split::ROADMAP/> }/>
                <Route path=path!("/settings") view=|| view! { <Lazy chunk=&split::SETTINGS/> }/>
                <Route path=path!("/saved") view=|| view! { <Lazy chunk=&split::SAVED/> }/>
                <Route path=path!("/embed/diagnostic") view=|| view! { <Lazy chunk=&split::EMBED_DIAGNOSTIC/> }/>
                <Route path=path!("/embed/result") view=|| view! { <Lazy chunk=&split::EMBED_RESULT/> }/>
                <Route path=path!("/embed/lesson/:key") view=|| view! { <Lazy chunk=&split::EMBED_LESSON/> }/>
            </Routes>
        </main>
    };
    view! {
        {move || (!embedded.get()).then(|| view! {
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
