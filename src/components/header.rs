//! The site header: the product name, the navigation and the theme switch.

use super::theme::ThemeToggle;
use crate::branding::PRODUCT_NAME;
use crate::components::link::{Link, NavLink};
use crate::state::Learner;
use leptos::prelude::*;

/// Header with the product name, links to every page that exists, and the theme switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let learner = Learner::get();
    // A memo: the links are rebuilt only when results appear or go, not on every answer.
    let has_results = Memo::new(move |_| learner.diagnostic.with(|d| !d.attempts.is_empty()));
    view! {
        <header class="site-header">
            <div class="container header-row">
                <Link href="/" attr:class="brand">
                    <span class="icon icon-brand brand-mark" aria-hidden="true"></span>
                    <span>{PRODUCT_NAME}</span>
                </Link>
                <nav aria-label="Main">
                    <ul class="nav-list">
                        <li><NavLink href="/diagnostic">"Diagnostic"</NavLink></li>
                        {move || has_results.get().then(|| view! {
                            <li><NavLink href="/results">"Results"</NavLink></li>
                            <li><NavLink href="/roadmap">"Roadmap"</NavLink></li>
                        })}
                        <li><NavLink href="/curriculum">"Curriculum"</NavLink></li>
                        <li><NavLink href="/saved">"Saved"</NavLink></li>
                        <li><NavLink href="/about">"About"</NavLink></li>
                    </ul>
                </nav>
                <super::search::SearchDialog/>
                <ThemeToggle/>
            </div>
            <div class="container"><super::continue_bar::ContinueLinks/></div>
        </header>
    }
}
