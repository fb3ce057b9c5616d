//! The site header: the product name, the navigation and the theme switch.

use super::theme::ThemeToggle;
use crate::branding::PRODUCT_NAME;
use crate::components::link::Link;
use crate::state::Learner;
use leptos::prelude::*;

/// Header with the product name, links to every page that exists, and the theme switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let learner = Learner::get();
    let has_results = move || learner.diagnostic.with(|d| !d.attempts.is_empty());
    view! {
        <header class="site-header">
            <div class="container header-row">
                <Link href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    <span>{PRODUCT_NAME}</span>
                </Link>
                <nav aria-label="Main">
                    <ul class="nav-list">
                        <li><Link href="/diagnostic">"Diagnostic"</Link></li>
                        <Show when=has_results>
                            <li><Link href="/results">"Results"</Link></li>
                            <li><Link href="/roadmap">"Roadmap"</Link></li>
                        </Show>
                        <li><Link href="/curriculum">"Curriculum"</Link></li>
                        <li><Link href="/saved">"Saved"</Link></li>
                        <li><Link href="/about">"About"</Link></li>
                    </ul>
                </nav>
                <super::search::SearchDialog/>
                <ThemeToggle/>
            </div>
            <div class="container"><super::continue_bar::ContinueLinks/></div>
        </header>
    }
}
