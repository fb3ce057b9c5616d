//! The site header: the product name, the navigation and the theme switch.

use super::theme::ThemeToggle;
use crate::branding::PRODUCT_NAME;
use crate::state::Learner;
use leptos::prelude::*;
use leptos_router::components::A;

/// Header with the product name, links to every page that exists, and the theme switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let learner = Learner::get();
    let has_results = move || learner.diagnostic.with(|d| !d.attempts.is_empty());
    view! {
        <header class="site-header">
            <div class="container header-row">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    <span>{PRODUCT_NAME}</span>
                </A>
                <nav aria-label="Main">
                    <ul class="nav-list">
                        <li><A href="/diagnostic">"Diagnostic"</A></li>
                        <Show when=has_results>
                            <li><A href="/results">"Results"</A></li>
                            <li><A href="/roadmap">"Roadmap"</A></li>
                        </Show>
                        <li><A href="/curriculum">"Curriculum"</A></li>
                        <li><A href="/saved">"Saved"</A></li>
                        <li><A href="/about">"About"</A></li>
                    </ul>
                </nav>
                <super::search::SearchDialog/>
                <ThemeToggle/>
            </div>
            <div class="container"><super::continue_bar::ContinueLinks/></div>
        </header>
    }
}
